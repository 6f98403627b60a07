#include "trace_view/span_search_runner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "logging.h"

namespace rootline::ui {

namespace {

struct SearchOutcome {
    std::shared_ptr<const std::vector<uint8_t>> matches;  // null when cancelled
    quint32 count = 0;
    qint64 elapsedMs = 0;
};

}  // namespace

SpanSearchRunner::SpanSearchRunner(QObject* parent) : QObject(parent) {}

SpanSearchRunner::~SpanSearchRunner() {
    cancel();  // the worker stops at its next checkpoint instead of finishing for nobody
}

void SpanSearchRunner::start(std::shared_ptr<const Trace> trace, std::vector<SearchTerm> terms) {
    cancel();
    const quint64 generation = generation_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancelFlag_ = flag;
    running_ = true;

    auto* watcher = new QFutureWatcher<SearchOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const SearchOutcome outcome = watcher->result();
        if (generation != generation_ || !outcome.matches) {
            ++dropped_;
            qCDebug(lcWindow) << "find: dropped a stale search result";
            return;
        }
        running_ = false;
        qCDebug(lcWindow) << "find:" << outcome.count << "matches in" << outcome.elapsedMs << "ms";
        emit finished(outcome.matches, outcome.count);
    });
    // The worker holds the trace and its flag, never `this`: the runner may be gone when it ends.
    watcher->setFuture(QtConcurrent::run([trace = std::move(trace), terms = std::move(terms),
                                          flag = std::move(flag)] {
        QElapsedTimer timer;
        timer.start();
        SearchOutcome outcome;
        try {
            JobControl control;
            control.cancelFlag = flag.get();
            auto matches =
                std::make_shared<const std::vector<uint8_t>>(searchSpans(*trace, terms, control));
            outcome.count = quint32(std::count(matches->begin(), matches->end(), uint8_t(1)));
            outcome.matches = std::move(matches);
        } catch (const Cancelled&) {
            // A newer query took over; the outcome stays empty.
        }
        outcome.elapsedMs = timer.elapsed();
        return outcome;
    }));
}

void SpanSearchRunner::cancel() {
    ++generation_;
    if (cancelFlag_) cancelFlag_->store(true, std::memory_order_relaxed);
    cancelFlag_.reset();
    running_ = false;
}

}  // namespace rootline::ui
