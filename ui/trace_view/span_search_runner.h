#pragma once
// Runs span searches on a worker thread, newest request wins.
//
// Searching 1M spans takes 100–300 ms, longer than a keystroke, so every search runs on
// QtConcurrent with its own cancel flag. Starting a search cancels the one before; a result that
// arrives after a newer start (the worker did not reach a checkpoint in time) is dropped, never
// reported: the find bar must not show, even briefly, the matches of a query the user has
// already changed.

#include <QObject>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/trace.h"
#include "view/span_search.h"

namespace rootline::ui {

class SpanSearchRunner : public QObject {
    Q_OBJECT
public:
    explicit SpanSearchRunner(QObject* parent = nullptr);
    ~SpanSearchRunner() override;

    void start(std::shared_ptr<const Trace> trace, std::vector<SearchTerm> terms);
    void cancel();  // the running search, if any, will not report
    bool isRunning() const { return running_; }
    quint64 droppedResults() const { return dropped_; }  // stale results thrown away so far

signals:
    // One byte per span of the searched trace, 1 = matches; `count` is the number of 1s.
    void finished(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count);

private:
    quint64 generation_ = 0;  // of the newest start() or cancel()
    std::shared_ptr<std::atomic<bool>> cancelFlag_;
    bool running_ = false;
    quint64 dropped_ = 0;
};

}  // namespace rootline::ui
