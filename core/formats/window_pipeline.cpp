#include "formats/window_pipeline.h"

#include <algorithm>
#include <cstring>

namespace rootline {

namespace {
bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
}  // namespace

WindowPipeline::WindowPipeline(const char* file, std::vector<WindowJob> jobs, bool threaded,
                               const JobControl& control)
    : file_(file), jobs_(std::move(jobs)), control_(control) {
    // Size every slot for the largest window up front: growing a parser later reallocates its
    // index and tape and faults all of their pages in again.
    size_t largest = 0;
    for (const WindowJob& j : jobs_)
        largest = std::max(largest, j.to - j.from);
    const size_t slotsUsed = std::min<size_t>(kSlots, jobs_.size());
    for (size_t i = 0; i < slotsUsed && largest > 0; ++i) {
        slots_[i].buffer.reserve(largest + 2 + simdjson::SIMDJSON_PADDING);
        if (slots_[i].parser.allocate(largest + 2) != simdjson::SUCCESS) break;  // parse() retries
    }
    if (threaded && jobs_.size() > 1) helper_ = std::thread([this] { helperLoop(); });
}

WindowPipeline::~WindowPipeline() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (helper_.joinable()) helper_.join();
}

void WindowPipeline::parseInto(Slot& slot, size_t jobIndex) {
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

std::optional<size_t> WindowPipeline::claimNextToParse() {
    if (nextToParse_ >= jobs_.size()) return std::nullopt;
    Slot& slot = slots_[nextToParse_ % kSlots];
    if (slot.state != SlotState::Free) return std::nullopt;
    slot.state = SlotState::Parsing;
    return nextToParse_++;
}

void WindowPipeline::helperLoop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        std::optional<size_t> job;
        changed_.wait(lock, [&] {
            return stop_ || nextToParse_ >= jobs_.size() || (job = claimNextToParse());
        });
        if (!job) return;  // stopped, or nothing left to parse
        lock.unlock();
        if (control_.cancelled()) {
            lock.lock();
            stop_ = true;
            changed_.notify_all();
            return;
        }
        parseInto(slots_[*job % kSlots], *job);
        lock.lock();
        slots_[*job % kSlots].state = SlotState::Ready;
        changed_.notify_all();
    }
}

std::optional<ParsedWindow> WindowPipeline::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (nextToBuild_ > 0) {
        // Hand the previous window's slot back.
        slots_[(nextToBuild_ - 1) % kSlots].state = SlotState::Free;
        changed_.notify_all();
    }
    if (nextToBuild_ >= jobs_.size()) return std::nullopt;
    const size_t k = nextToBuild_;
    Slot& wanted = slots_[k % kSlots];
    while (wanted.state != SlotState::Ready) {
        lock.unlock();
        control_.checkpoint();
        lock.lock();
        if (wanted.state == SlotState::Ready) break;
        // Rather than wait, parse the next unparsed window ourselves (that is window k itself
        // when the helper has not reached it).
        if (auto job = claimNextToParse()) {
            lock.unlock();
            parseInto(slots_[*job % kSlots], *job);
            lock.lock();
            slots_[*job % kSlots].state = SlotState::Ready;
            changed_.notify_all();
            continue;
        }
        changed_.wait(lock, [&] { return wanted.state == SlotState::Ready || stop_; });
        if (stop_ && wanted.state != SlotState::Ready) {
            lock.unlock();
            control_.checkpoint();  // the helper stops early only when cancelled
            return std::nullopt;
        }
    }
    wanted.state = SlotState::InUse;
    ++nextToBuild_;
    return wanted.result;
}

}  // namespace rootline
