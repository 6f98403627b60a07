#pragma once
// State shared by the importers while one file is read: the builder, the span groups found by
// the scanner and the context each group needs (trace object, process map, resource, scope),
// the formats seen, and file-level warnings.

#include <simdjson.h>

#include <functional>
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

// JSON text of a scalar element (numbers, booleans) for messages and ids.
std::string_view rawText(simdjson::dom::element e);

struct ReadContext {
    ReadContext(TraceBuilder& b, const JobControl& c) : builder(b), control(c) {}

    TraceBuilder& builder;
    const JobControl& control;

    std::vector<GroupContext> groups;  // indexed like ScanResult::groups
    std::set<std::string> formats;     // "Jaeger JSON", "OTLP JSON", …
    std::vector<std::string> warnings;
    bool missingProcessMap = false;  // Jaeger spans named a process but no map was read
    size_t docStart = 0;             // file offset of the document or window being read
    // The text of the skeleton document being read and how its offsets map to the file, so a
    // message about a key can point at it.
    std::string_view docText;
    std::function<size_t(size_t)> docToFile;
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

    // File offset of the first occurrence of "key": in the current document (its start when
    // the key cannot be found).
    size_t keyOffset(std::string_view key) const {
        if (!docToFile) return docStart;
        const std::string quoted = "\"" + std::string(key) + "\"";
        const size_t at = docText.find(quoted);
        return at == std::string_view::npos ? docStart : docToFile(at);
    }

    // The text of an id field; ids are strings in every format, so anything else is read as
    // its JSON text with a warning on the span.
    std::string_view idText(simdjson::dom::element e, std::string_view field,
                            std::string& storage) {
        if (e.type() == simdjson::dom::element_type::STRING) return e.get_string().value_unsafe();
        storage.assign(e.type() == simdjson::dom::element_type::NULL_VALUE ? std::string_view()
                                                                           : rawText(e));
        builder.addSpanWarning(
            WarningCode::BadField,
            std::string(field) + " is not a string; read as \"" + storage.substr(0, 40) + "\"");
        return storage;
    }

    // Registers that the placeholder for span group `index` was found under `context`.
    void claimGroup(int64_t index, const GroupContext& context) {
        if (index < 0 || static_cast<size_t>(index) >= groups.size()) return;
        groups[static_cast<size_t>(index)] = context;
    }
};

}  // namespace rootline
