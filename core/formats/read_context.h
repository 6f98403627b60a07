#pragma once
// State shared by the importers while one file is read: the builder, the span groups found by
// the scanner and the context each group needs (trace object, process map, resource, scope),
// the formats seen, and file-level warnings.

#include <simdjson.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats/json_scanner.h"
#include "model/trace_builder.h"

namespace rootline {

// A problem that stops reading the current document, with the byte where it was noticed.
class FormatError : public std::runtime_error {
public:
    FormatError(std::string message, std::optional<size_t> byte)
        : std::runtime_error(std::move(message)), byte(byte) {}
    std::optional<size_t> byte;
};

// What a span group's spans need that lives outside the spans array.
struct GroupContext {
    enum class Kind {
        None,      // placeholder never reached by a reader (a non-trace document)
        Jaeger,    // spans of a Jaeger trace object
        Otlp,      // spans of an OTLP ScopeSpans
        TopLevel,  // the elements of a top-level array: spans, traces or documents
    } kind = Kind::None;
    // Jaeger: the enclosing trace object's id and process map.
    std::string traceId;
    std::unordered_map<std::string, uint32_t> processes;
    bool processesSeen = false;
    // OTLP: resource and scope of the enclosing ResourceSpans/ScopeSpans.
    uint32_t resource = 0;
    uint32_t scope = 0;
};

struct ReadContext {
    ReadContext(TraceBuilder& b, const JobControl& c) : builder(b), control(c) {}

    TraceBuilder& builder;
    const JobControl& control;

    std::vector<GroupContext> groups;  // indexed like ScanResult::groups
    std::set<std::string> formats;     // "Jaeger JSON", "OTLP JSON", …
    std::vector<std::string> warnings;
    bool missingProcessMap = false;     // Jaeger spans named a process but no map was read
    size_t docStart = 0;                // file offset of the document or window being read
    bool topLevelArrayIsGroup = false;  // the document is the scanner's "[N]" skeleton
    // Span shape of each group read in windows (a DocumentShape value, -1 until the first
    // element is seen), decided without the skeleton.
    std::vector<int> windowShapes;
    size_t spansRead = 0;
    size_t spansSinceCheck = 0;

    void spanRead() {
        ++spansRead;
        if (++spansSinceCheck >= 4096) {
            spansSinceCheck = 0;
            control.checkpoint();
        }
    }

    // Registers that the placeholder for span group `index` was found under `context`.
    void claimGroup(int64_t index, const GroupContext& context) {
        if (index < 0 || static_cast<size_t>(index) >= groups.size()) return;
        groups[static_cast<size_t>(index)] = context;
    }
};

}  // namespace rootline
