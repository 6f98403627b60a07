#include "formats/window_pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
std::atomic<long> g_parseNs{0};

namespace rootline {

namespace {
bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
}  // namespace

WindowPipeline::WindowPipeline(const char* file, std::vector<WindowJob> jobs, bool threaded,
                               const JobControl& control)
    : file_(file), jobs_(std::move(jobs)), control_(control), threaded_(threaded) {
    // Size every slot for the largest window up front: growing a parser later reallocates its
    // index and tape and faults all of their pages in again.
    size_t largest = 0;
    for (const WindowJob& j : jobs_)
        largest = std::max(largest, j.to - j.from);
    const size_t slotsUsed = std::min<size_t>(kSlots, std::max<size_t>(jobs_.size(), 1));
    for (size_t i = 0; i < slotsUsed && largest > 0; ++i) {
        slots_[i].buffer.reserve(largest + 2 + simdjson::SIMDJSON_PADDING);
        if (slots_[i].parser.allocate(largest + 2) != simdjson::SUCCESS) break;  // parse() retries
    }
    if (threaded_ && jobs_.size() > 1) {
        producer_ = std::thread([this] { produce(); });
    } else {
        threaded_ = false;
    }
}

WindowPipeline::~WindowPipeline() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (producer_.joinable()) producer_.join();
}

void WindowPipeline::parseInto(Slot& slot, size_t jobIndex) {
    auto T0 = std::chrono::steady_clock::now();
    struct Guard {
        std::chrono::steady_clock::time_point t;
        ~Guard() {
            g_parseNs += std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::steady_clock::now() - t)
                             .count();
        }
    } guard{T0};
    const WindowJob& job = jobs_[jobIndex];
    size_t from = job.from;
    while (from < job.to && (isSpace(file_[from]) || file_[from] == ','))
        ++from;
    const size_t len = job.to > from ? job.to - from : 0;
    slot.buffer.resize(len + 2 + simdjson::SIMDJSON_PADDING);
    slot.buffer[0] = '[';
    std::memcpy(slot.buffer.data() + 1, file_ + from, len);
    slot.buffer[len + 1] = ']';
    std::fill(slot.buffer.begin() + static_cast<std::ptrdiff_t>(len + 2), slot.buffer.end(), ' ');
    ParsedWindow& r = slot.result;
    r = ParsedWindow{};
    r.job = &job;
    r.text = slot.buffer.data();
    r.length = len + 2;
    r.contentStart = from;
    try {
        r.error = slot.parser.parse(slot.buffer.data(), len + 2, false).get(r.root);
        if (r.error == simdjson::UTF8_ERROR) {
            // Repair this window's copy only; offsets stay the same because each bad byte
            // becomes one '?'.
            r.repair = repairUtf8(slot.buffer.data() + 1, len);
            if (r.repair.firstOffset) *r.repair.firstOffset += from;
            r.error = slot.parser.parse(slot.buffer.data(), len + 2, false).get(r.root);
        }
    } catch (const std::bad_alloc&) {
        r.error = simdjson::MEMALLOC;
    }
}

void WindowPipeline::produce() {
    for (size_t k = 0; k < jobs_.size(); ++k) {
        Slot& slot = slots_[k % kSlots];
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || slot.job == SIZE_MAX; });
            if (stop_) break;
        }
        if (control_.cancelled()) break;
        parseInto(slot, k);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            slot.job = k;
            slot.ready = true;
        }
        changed_.notify_all();
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        producerFinished_ = true;
    }
    changed_.notify_all();
}

std::optional<ParsedWindow> WindowPipeline::next() {
    if (nextJob_ > 0) {
        // Hand the previous window's slot back to the producer.
        Slot& previous = slots_[(nextJob_ - 1) % kSlots];
        {
            std::lock_guard<std::mutex> lock(mutex_);
            previous.job = SIZE_MAX;
            previous.ready = false;
        }
        changed_.notify_all();
    }
    if (nextJob_ >= jobs_.size()) return std::nullopt;
    control_.checkpoint();
    const size_t k = nextJob_++;
    Slot& slot = slots_[k % kSlots];
    if (!threaded_) {
        parseInto(slot, k);
        slot.job = k;
        return slot.result;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return (slot.ready && slot.job == k) || producerFinished_; });
    if (!(slot.ready && slot.job == k)) {
        lock.unlock();
        control_.checkpoint();  // the producer stops early only when cancelled
        return std::nullopt;
    }
    return slot.result;
}

}  // namespace rootline
