#pragma once
// Cancellation and progress for long-running core work (loading, later ranking and packing).
// The UI owns the flag and the callback; core code polls `checkpoint()` every few thousand
// items so a Cancel click takes effect within milliseconds even on a 1M-span file.

#include <atomic>
#include <functional>
#include <stdexcept>

namespace rootline {

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

struct JobControl {
    const std::atomic<bool>* cancelFlag = nullptr;
    // Called with a fraction in [0, 1]; may be called from the worker thread.
    std::function<void(double)> progress;

    bool cancelled() const { return cancelFlag && cancelFlag->load(std::memory_order_relaxed); }
    void checkpoint() const {
        if (cancelled()) throw Cancelled();
    }
    void report(double fraction) const {
        if (progress) progress(fraction);
    }
};

}  // namespace rootline
