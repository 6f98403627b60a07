#pragma once
// Builds a tracepack for the export dialog on a worker thread, newest request wins.
//
// Building walks the trace, redacts every value and writes the pack under the cap, perhaps
// several times while it sheds: never on the GUI thread. The dialog starts a build whenever an
// option changes; a build that ends after a newer start() or a cancel() is dropped, never
// reported, so the preview always shows the options the user last chose.

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "analysis/suspect_ranking.h"
#include "model/trace.h"
#include "tracepack/token_vault.h"
#include "tracepack/tracepack_builder.h"

namespace rootline::ui {

struct TracepackRequest {
    std::shared_ptr<const Trace> trace;
    // The ranking the trace window computed. Null: the origin ranking of a pack, else the
    // worker ranks with the default weights.
    std::shared_ptr<const Ranking> ranking;
    size_t maxBytes = kDefaultPackBytes;
    bool detectIp = false;
    QString rulesPath;  // a rules file; empty for the default rules
    QString source;     // "checkout.json (Jaeger JSON)"
    // The local token vault: its key makes the tokens. `vault` is the one loaded by an earlier
    // build of the same dialog (null: the worker loads it from `vaultPath`), so every preview
    // and the saved vault share one key even while the vault file does not exist yet.
    QString vaultPath;
    std::shared_ptr<const TokenVault> vault;
    // The trace window's Loki and log-file lines (already tied to the trace) and its metric
    // charts, for the pack's logs and `metrics` sections; shared, as every option change of the
    // dialog builds again. Null: none.
    std::shared_ptr<const std::vector<logs::LogLine>> extraLogs;
    std::shared_ptr<const metrics::MetricSnapshot> metrics;
};

struct TracepackBuild {
    PackResult result;
    // The rules file could not be used (one line): the preview uses the default rules.
    QString rulesError;
    // The vault could not be read (one line): the tokens use a key of this session only.
    QString vaultError;
    std::shared_ptr<const TokenVault> vault;  // the vault whose key made the tokens
    qint64 elapsedMs = 0;
};

// The options the builder gets for `request`, with the rules file read and parsed (on the
// calling thread: the worker calls it, and the tests to build the same pack).
PackOptions packOptionsFor(const TracepackRequest& request, const TokenKey& key,
                           QString* rulesError);
// What the worker does: load the vault if needed, read the rules, rank if needed, build.
std::shared_ptr<const TracepackBuild> buildTracepackFor(const TracepackRequest& request);

class TracepackExportRunner : public QObject {
    Q_OBJECT
public:
    explicit TracepackExportRunner(QObject* parent = nullptr);
    ~TracepackExportRunner() override;

    void start(TracepackRequest request);
    void cancel();  // the running build, if any, will not report
    bool isRunning() const { return running_; }
    quint64 droppedResults() const { return dropped_; }

signals:
    void finished(std::shared_ptr<const rootline::ui::TracepackBuild> build);

private:
    quint64 generation_ = 0;  // of the newest start() or cancel()
    bool running_ = false;
    quint64 dropped_ = 0;
};

}  // namespace rootline::ui
