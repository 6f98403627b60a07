#pragma once
// Scans a trace file and parses the windows of its span groups on two threads while the
// caller builds spans from them.
//
// A helper thread runs the structural scan (formats/json_scanner) and parses each window as
// soon as the scan has cut it; the caller builds the windows in file order and, whenever the
// next one is not ready, parses one itself instead of waiting. So the scan, the parsing and the
// building all overlap: on 1M Jaeger spans the scan alone took ~0.3 s and parsing about as long
// as building. Windows are always built in file order, so results never depend on timing.
// The skeleton (trace objects, processes, resources) is only complete when the scan ends, so
// spans are built with their group number and resolved afterwards (TraceBuilder::resolveGroups).

#include <simdjson.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "formats/json_scanner.h"
#include "util/job_control.h"
#include "util/utf8_repair.h"

namespace rootline {

struct WindowJob {
    size_t group = 0;
    size_t from = 0;  // file offset; may start with ',' or whitespace
    size_t to = 0;    // file offset just past the last element of the window
};

struct ParsedWindow {
    const WindowJob* job = nullptr;
    simdjson::error_code error = simdjson::SUCCESS;
    simdjson::dom::element root;  // an array of the window's elements
    const char* text = nullptr;   // the parsed bytes: '[' + elements + ']'
    size_t length = 0;
    size_t contentStart = 0;  // file offset of text[1]
    Utf8Repair repair;        // invalid UTF-8 replaced in this window (offsets in the file)
};

class WindowPipeline {
public:
    // `file` must stay valid and padded (SIMDJSON_PADDING) for the pipeline's life.
    WindowPipeline(const char* file, size_t size, size_t windowBytes, bool threaded,
                   const JobControl& control);
    ~WindowPipeline();
    WindowPipeline(const WindowPipeline&) = delete;
    WindowPipeline& operator=(const WindowPipeline&) = delete;

    // The next window in file order, parsed; nullopt after the last. The previous window's
    // memory is reused, so anything taken from it must be copied before calling next() again.
    // Throws Cancelled when the job is cancelled.
    std::optional<ParsedWindow> next();
    // The whole scan; valid once next() has returned nullopt.
    ScanResult& scan() { return scan_; }
    size_t windows() const { return jobs_.size(); }
    double scanSeconds() const { return scanSeconds_; }

private:
    enum class SlotState { Free, Parsing, Ready, InUse };
    struct Slot {
        std::vector<char> buffer;
        simdjson::dom::parser parser;
        ParsedWindow result;
        SlotState state = SlotState::Free;
    };
    // Enough slots that the helper can run a few windows ahead of the builder.
    static constexpr size_t kSlots = 4;

    void runScan(const WindowSink& sink);
    void helperMain();
    void parseInto(Slot& slot, size_t jobIndex);
    // Claims the next unparsed window if its slot is free; call with the lock held.
    std::optional<size_t> claimNextToParse();
    // Parses claimable windows until none is left; call with the lock held.
    void parseWhatWeCan(std::unique_lock<std::mutex>& lock);

    const char* file_;
    size_t size_;
    size_t windowBytes_;
    const JobControl& control_;
    ScanResult scan_;
    std::deque<WindowJob> jobs_;  // a deque: ParsedWindow::job points into it while it grows
    Slot slots_[kSlots];
    size_t nextToParse_ = 0;
    size_t nextToBuild_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool scanDone_ = false;
    bool stop_ = false;
    std::exception_ptr scanError_;
    double scanSeconds_ = 0;
    std::thread helper_;
};

}  // namespace rootline
