#include "formats/window_pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstring>

namespace rootline {

namespace {
bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
}  // namespace

WindowPipeline::WindowPipeline(const char* file, size_t size, size_t windowBytes, bool threaded,
                               const JobControl& control)
    : file_(file), size_(size), windowBytes_(windowBytes), control_(control) {
    if (threaded) {
        helper_ = std::thread([this] { helperMain(); });
        return;
    }
    // Serial: scan everything first; next() parses each window when asked.
    runScan([this](size_t group, size_t from, size_t to) { jobs_.push_back({group, from, to}); });
    scanDone_ = true;
    if (scanError_) std::rethrow_exception(scanError_);
}

WindowPipeline::~WindowPipeline() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (helper_.joinable()) helper_.join();
}

void WindowPipeline::runScan(const WindowSink& sink) {
    const auto begin = std::chrono::steady_clock::now();
    try {
        scan_ = scanJson(file_, size_, windowBytes_, control_, sink);
    } catch (...) {
        scanError_ = std::current_exception();  // Cancelled, or out of memory
    }
    // Wall time of the scan, including the windows the helper parsed while scanning.
    scanSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
}

void WindowPipeline::helperMain() {
    std::unique_lock<std::mutex> lock(mutex_);
    lock.unlock();
    runScan([&](size_t group, size_t from, size_t to) {
        lock.lock();
        jobs_.push_back({group, from, to});
        changed_.notify_all();
        // Parse while a slot is free; when they are all taken, scan ahead instead.
        parseWhatWeCan(lock);
        lock.unlock();
        // Stop scanning early when the builder has given up (cancelled, or destroyed).
        if (stop_) throw Cancelled();
    });
    lock.lock();
    scanDone_ = true;
    changed_.notify_all();
    for (;;) {
        parseWhatWeCan(lock);
        if (stop_ || nextToParse_ >= jobs_.size()) return;
        changed_.wait(lock, [&] {
            return stop_ || (nextToParse_ < jobs_.size() &&
                             slots_[nextToParse_ % kSlots].state == SlotState::Free);
        });
    }
}

void WindowPipeline::parseWhatWeCan(std::unique_lock<std::mutex>& lock) {
    while (!stop_) {
        const std::optional<size_t> job = claimNextToParse();
        if (!job) return;
        lock.unlock();
        parseInto(slots_[*job % kSlots], *job);
        lock.lock();
        slots_[*job % kSlots].state = SlotState::Ready;
        changed_.notify_all();
    }
}

void WindowPipeline::parseInto(Slot& slot, size_t jobIndex) {
    const WindowJob& job = jobs_[jobIndex];
    size_t from = job.from;
    while (from < job.to && (isSpace(file_[from]) || file_[from] == ','))
        ++from;
    const size_t len = job.to > from ? job.to - from : 0;
    if (slot.buffer.capacity() < len + 2 + simdjson::SIMDJSON_PADDING) {
        // Grow with headroom so the parser's index and tape are not reallocated often.
        slot.buffer.reserve(std::max(len, windowBytes_) * 5 / 4 + 2 + simdjson::SIMDJSON_PADDING);
    }
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

std::optional<size_t> WindowPipeline::claimNextToParse() {
    if (nextToParse_ >= jobs_.size()) return std::nullopt;
    Slot& slot = slots_[nextToParse_ % kSlots];
    if (slot.state != SlotState::Free) return std::nullopt;
    slot.state = SlotState::Parsing;
    return nextToParse_++;
}

std::optional<ParsedWindow> WindowPipeline::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (nextToBuild_ > 0) {
        // Hand the previous window's slot back.
        slots_[(nextToBuild_ - 1) % kSlots].state = SlotState::Free;
        changed_.notify_all();
    }
    for (;;) {
        if (nextToBuild_ < jobs_.size()) {
            Slot& wanted = slots_[nextToBuild_ % kSlots];
            if (wanted.state == SlotState::Ready) {
                wanted.state = SlotState::InUse;
                ++nextToBuild_;
                return wanted.result;
            }
            // Rather than wait, parse the next unparsed window ourselves (that is the wanted
            // window itself when the helper has not reached it).
            if (auto job = claimNextToParse()) {
                lock.unlock();
                parseInto(slots_[*job % kSlots], *job);
                lock.lock();
                slots_[*job % kSlots].state = SlotState::Ready;
                changed_.notify_all();
                continue;
            }
        } else if (scanDone_) {
            if (scanError_) {
                stop_ = true;
                std::rethrow_exception(scanError_);
            }
            return std::nullopt;
        }
        changed_.wait(lock, [&] {
            if (control_.cancelled()) return true;
            if (nextToBuild_ >= jobs_.size()) return scanDone_;  // more windows, or the end
            // The wanted window is ready, or there is one we could parse ourselves.
            return slots_[nextToBuild_ % kSlots].state == SlotState::Ready ||
                   (nextToParse_ < jobs_.size() &&
                    slots_[nextToParse_ % kSlots].state == SlotState::Free);
        });
        if (control_.cancelled()) {
            stop_ = true;
            changed_.notify_all();
            throw Cancelled();
        }
    }
}

}  // namespace rootline
