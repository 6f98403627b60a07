#include "suspects/trace_analysis_runner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "logging.h"
#include "suspects/ranking_weights_file.h"
#include "tracepack/tracepack_origin.h"

namespace rootline::ui {

namespace {

// What the worker hands back; `cancelled` results are never shown.
struct Outcome {
    std::shared_ptr<const TraceAnalysis> analysis;
    bool cancelled = false;
};

Outcome analyse(std::shared_ptr<const Trace> trace, const QString& weightsPath,
                const std::atomic<bool>* flag) {
    QElapsedTimer timer;
    timer.start();
    auto analysis = std::make_shared<TraceAnalysis>();
    analysis->trace = trace;
    JobControl control;
    control.cancelFlag = flag;
    try {
        RankOptions options;
        options.weights = loadRankingWeights(weightsPath, analysis->weightsError);
        control.checkpoint();
        analysis->criticalPath =
            std::make_shared<const CriticalPath>(computeCriticalPath(*trace, &control));
        // A tracepack holds a slice of the trace, which would rank differently from the whole:
        // it brings the ranking it was made with.
        if (trace->tracepack) {
            Ranking ranking = trace->tracepack->ranking;
            ranking.rankOfSpan.resize(trace->spanCount(), 0);  // one per span, as the views read it
            analysis->ranking = std::make_shared<const Ranking>(std::move(ranking));
        } else {
            analysis->ranking =
                std::make_shared<const Ranking>(rankSuspects(*trace, options, &control));
        }
    } catch (const Cancelled&) {
        return {nullptr, true};
    } catch (const std::exception& e) {
        // A bug in an analysis must cost the user the suspects, not the window.
        analysis->ranking.reset();
        analysis->criticalPath.reset();
        analysis->error = QString::fromUtf8(e.what());
    }
    analysis->elapsedMs = timer.elapsed();
    return {std::move(analysis), false};
}

}  // namespace

TraceAnalysisRunner::TraceAnalysisRunner(QObject* parent) : QObject(parent) {}

TraceAnalysisRunner::~TraceAnalysisRunner() {
    cancel();  // the worker stops at its next checkpoint instead of finishing for nobody
}

void TraceAnalysisRunner::start(std::shared_ptr<const Trace> trace, QString weightsPath) {
    cancel();
    if (!trace) return;
    const quint64 generation = generation_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancelFlag_ = flag;
    running_ = true;

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const Outcome outcome = watcher->result();
        if (generation != generation_ || outcome.cancelled) {
            ++dropped_;
            qCDebug(lcView) << "suspects: dropped a stale analysis";
            return;
        }
        running_ = false;
        const TraceAnalysis& a = *outcome.analysis;
        qCDebug(lcView) << "suspects:" << (a.ranking ? int(a.ranking->suspects.size()) : -1)
                        << "ranked in" << a.elapsedMs << "ms" << a.error << a.weightsError;
        emit finished(outcome.analysis);
    });
    // The worker holds the trace and its flag, never `this`: the runner may be gone when it ends.
    watcher->setFuture(QtConcurrent::run(
        [trace = std::move(trace), weightsPath = std::move(weightsPath), flag = std::move(flag)] {
            return analyse(trace, weightsPath, flag.get());
        }));
}

void TraceAnalysisRunner::cancel() {
    ++generation_;
    if (cancelFlag_) cancelFlag_->store(true, std::memory_order_relaxed);
    cancelFlag_.reset();
    running_ = false;
}

}  // namespace rootline::ui
