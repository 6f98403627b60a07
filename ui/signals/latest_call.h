#pragma once
// One background call at a time for a panel that fetches from a server: start() cancels the
// running call (its flag is set, so the client gives up within ~100 ms) and drops its result,
// so the newest request wins and a slow old answer never overwrites a newer one. The result
// is handed over on the GUI thread only while `context` lives: a tab closed mid-fetch never
// hears back, and its worker ends on its own with the copies it was given.

#include <QtGlobal>
#include <atomic>
#include <memory>
#include <utility>

#include "explain/background_call.h"

namespace rootline::ui {

class LatestCall {
public:
    LatestCall() = default;
    LatestCall(const LatestCall&) = delete;
    LatestCall& operator=(const LatestCall&) = delete;
    ~LatestCall() { cancel(); }

    // `work(const std::atomic<bool>* cancel)` runs on a worker; `done(result)` on the GUI thread
    // when this is still the newest call. `context` must own this LatestCall (or outlive it).
    template <class Work, class Done>
    void start(QObject* context, Work work, Done done) {
        cancel();
        auto flag = std::make_shared<std::atomic<bool>>(false);
        cancel_ = flag;
        const quint64 generation = generation_;
        runInBackground(
            context, [work = std::move(work), flag] { return work(flag.get()); },
            [this, generation, done = std::move(done)](const auto& result) mutable {
                if (generation != generation_) return;  // a newer start() or a cancel()
                cancel_.reset();
                done(result);
            });
    }

    // The running call, if any, stops and will not report.
    void cancel() {
        ++generation_;
        if (cancel_) cancel_->store(true);
        cancel_.reset();
    }
    bool isRunning() const { return static_cast<bool>(cancel_); }

private:
    quint64 generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;  // of the running call, null when idle
};

}  // namespace rootline::ui
