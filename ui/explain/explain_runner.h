#pragma once
// "Explain this error" for a trace tab, on worker threads: first the provider settings are read
// (so the tab can say whom it is asking), then one llm::investigate() run — signature, past
// fixes, tracepack, model call, checked verdict, history record. The newest start() wins: a run
// that ends after a newer start() or a cancel() is dropped, never reported. cancel() also sets
// the run's flag, so a model call in flight gives up at once instead of waiting for its answer;
// the destructor cancels, so closing the tab stops the call.

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "explain/verdict_display.h"
#include "llm/provider.h"
#include "logs/log_line.h"
#include "metrics/metric_snapshot.h"
#include "model/trace.h"

namespace rootline::ui {

struct ExplainRequest {
    std::shared_ptr<const Trace> trace;
    // The tab's ranking; null while it is not computed (the worker ranks then, or a pack's own
    // ranking is used).
    std::shared_ptr<const Ranking> ranking;
    QString traceSource;     // the file name, for the record
    QString packSource;      // "checkout.json (Jaeger JSON)"
    int64_t focusSpan = -1;  // the span the user was on: the question is about its failure
    // The tab's Loki and log-file lines (tied to the trace) and its metric charts: the pack the
    // model reads carries them. Null: none.
    std::shared_ptr<const std::vector<logs::LogLine>> extraLogs;
    std::shared_ptr<const metrics::MetricSnapshot> metrics;
    // Empty: the user's (llm::providerConfigPath(), store::InvestigationHistory::defaultPath(),
    // TokenVault::defaultPath()); each honours its environment override.
    QString providersPath;
    QString historyPath;
    QString vaultPath;
};

struct ExplainRun {
    VerdictDisplay display;
    bool cancelled = false;
    // One line each: the settings file had a problem (the defaults or the readable part were
    // used), the token vault could not be read or written.
    QString settingsWarning;
    QString vaultWarning;
};

// The worker's part after the settings are known: everything but the settings file. Blocks.
ExplainRun runExplain(const ExplainRequest& request, const llm::ProviderSettings& provider,
                      const std::atomic<bool>* cancel);

class ExplainRunner : public QObject {
    Q_OBJECT
public:
    explicit ExplainRunner(QObject* parent = nullptr);
    ~ExplainRunner() override;

    void start(ExplainRequest request);
    void cancel();  // the running request, if any, stops and will not report
    bool isRunning() const { return running_; }
    quint64 droppedResults() const { return dropped_; }

signals:
    // The settings are read: the model is being asked.
    void asking(const QString& provider, const QString& model);
    void finished(std::shared_ptr<const rootline::ui::ExplainRun> run);

private:
    void ask(ExplainRequest request, llm::ProviderSettings provider, QString settingsWarning);
    void finish(std::shared_ptr<const ExplainRun> run, quint64 generation);

    quint64 generation_ = 0;  // of the newest start() or cancel()
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool running_ = false;
    quint64 dropped_ = 0;
};

}  // namespace rootline::ui
