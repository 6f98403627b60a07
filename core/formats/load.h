#pragma once
// Loading traces from a file or a buffer, whatever the format.
//
// The rule for bad input: a clear one-line message that names the place (byte offset) when
// nothing could be read; when something could, the spans read are kept and what went wrong
// becomes a warning on the file ("the file ends before 3 brackets are closed (byte 52311);
// loaded the 1,234 spans read before that point"). Nothing here aborts the process or
// recurses on input depth.
//
// How: formats/json_scanner finds the "spans" arrays and cuts them into windows, which are
// parsed and built into spans while the scan goes on (formats/window_pipeline, two threads);
// then the rest of the file (the skeleton: trace objects, processes, resources, scopes) is
// parsed and tells each group of spans what it belongs to (docs/architecture.md).

#include <simdjson.h>

#include <memory>
#include <optional>
#include <string>

#include "formats/json_scanner.h"
#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

struct LoadError {
    std::string message;
    std::optional<size_t> byte;
    bool cancelled = false;
};

// Where the time of one load went, for benchmarks and docs/performance.md.
struct LoadStats {
    double scanSeconds = 0;
    double skeletonSeconds = 0;
    double spansSeconds = 0;  // parsing windows and building spans
    double indexSeconds = 0;  // sorting, tree, self time, warnings
    size_t windows = 0;
};

struct LoadResult {
    std::shared_ptr<TraceFile> file;  // set on success
    LoadError error;                  // set otherwise
    LoadStats stats;
    bool ok() const { return file != nullptr; }
};

struct LoadOptions {
    size_t windowBytes = kDefaultWindowBytes;
    bool parallel = true;  // parse windows on a second thread
};

LoadResult loadTraceFile(const std::string& path, const JobControl& control = {},
                         const LoadOptions& options = {});
// `buffer` may be modified (invalid UTF-8 is repaired in place).
LoadResult loadTraceBuffer(simdjson::padded_string& buffer, const std::string& source,
                           const JobControl& control = {}, const LoadOptions& options = {});
LoadResult loadTraceText(std::string_view text, const std::string& source,
                         const JobControl& control = {}, const LoadOptions& options = {});

// "checkout.json: not a trace: this is an OTLP logs file (byte 0)"
std::string describeLoadError(const std::string& source, const LoadError& error);

}  // namespace rootline
