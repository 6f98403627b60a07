#pragma once
// Ranks a trace's suspects and computes its critical path on a worker thread, newest request
// wins. A trace read from a tracepack is not ranked again: it shows the pack's own ranking
// (the pack's slice of the trace would rank differently from the whole).
//
// Both walk every span (a second or more for 1M spans), so they never run on the GUI thread: a
// trace tab starts the job when it opens and shows the results when they arrive; the waterfall
// stays usable meanwhile. The result reaches the GUI thread through the future's queued
// signal. A result that arrives after a newer start() or a cancel() is dropped, never reported,
// so a tab never shows the ranking of a trace it no longer shows.

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "analysis/critical_path.h"
#include "analysis/suspect_ranking.h"
#include "model/trace.h"

namespace rootline::ui {

struct TraceAnalysis {
    std::shared_ptr<const Trace> trace;                // what was analysed
    std::shared_ptr<const Ranking> ranking;            // null when the analysis failed
    std::shared_ptr<const CriticalPath> criticalPath;  // null when the analysis failed
    // The user's weights file could not be used (one line); the defaults were.
    QString weightsError;
    // The analysis itself failed (a bug, not the user's input); nothing to show.
    QString error;
    qint64 elapsedMs = 0;
};

class TraceAnalysisRunner : public QObject {
    Q_OBJECT
public:
    explicit TraceAnalysisRunner(QObject* parent = nullptr);
    ~TraceAnalysisRunner() override;

    // Analyses `trace` with the weights in `weightsPath` (the defaults when there is no file).
    void start(std::shared_ptr<const Trace> trace, QString weightsPath);
    void cancel();  // the running job, if any, will not report
    bool isRunning() const { return running_; }
    quint64 droppedResults() const { return dropped_; }  // stale results thrown away so far

signals:
    void finished(std::shared_ptr<const rootline::ui::TraceAnalysis> analysis);

private:
    quint64 generation_ = 0;  // of the newest start() or cancel()
    std::shared_ptr<std::atomic<bool>> cancelFlag_;
    bool running_ = false;
    quint64 dropped_ = 0;
};

}  // namespace rootline::ui
