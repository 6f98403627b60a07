#pragma once
// Parses the windows of span groups on a second thread while the caller builds spans from the
// previous window.
//
// Parsing (simdjson DOM: structural index, tape, unescaped strings) and building (interning,
// columns) each take about half of an import; running them on two cores brings a 1M-span
// import to roughly the time of one bare simdjson pass over the file (docs/performance.md).
// Windows come back strictly in file order, so the result does not depend on timing.

#include <simdjson.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

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
    WindowPipeline(const char* file, std::vector<WindowJob> jobs, bool threaded,
                   const JobControl& control);
    ~WindowPipeline();
    WindowPipeline(const WindowPipeline&) = delete;
    WindowPipeline& operator=(const WindowPipeline&) = delete;

    // The next window in file order, parsed; nullopt after the last. The previous window's
    // memory is reused, so anything taken from it must be copied before calling next() again.
    std::optional<ParsedWindow> next();

private:
    struct Slot {
        std::vector<char> buffer;
        simdjson::dom::parser parser;
        ParsedWindow result;
        size_t job = SIZE_MAX;  // job held by the slot
        bool ready = false;
    };
    static constexpr size_t kSlots = 3;

    void produce();
    void parseInto(Slot& slot, size_t jobIndex);

    const char* file_;
    std::vector<WindowJob> jobs_;
    const JobControl& control_;
    bool threaded_;
    Slot slots_[kSlots];
    size_t nextJob_ = 0;  // consumer's next job
    std::mutex mutex_;
    std::condition_variable changed_;
    bool stop_ = false;
    bool producerFinished_ = false;
    std::thread producer_;
};

}  // namespace rootline
