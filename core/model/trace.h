#pragma once
// The columnar trace model.
//
// A Trace keeps its spans as parallel arrays sorted by start time (Perfetto style), with the
// tree precomputed: parent index, depth, children (CSR), self time. Names and values are ids
// into a Dictionary shared by all traces of one file. Nothing mutates a Trace once the builder
// has published it; views share it as std::shared_ptr<const Trace>.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "model/attributes.h"
#include "model/ids.h"
#include "model/span_enums.h"
#include "model/string_pool.h"

namespace rootline {

struct TracepackOrigin;  // tracepack/tracepack_origin.h

// A producer's process/resource: the service and its attributes (host, version, pod…).
struct Resource {
    StrId service = kEmptyStr;
    AttrSetId attrs = kEmptyAttrSet;
};

// The instrumentation scope (library) that recorded a span.
struct Scope {
    StrId name = kEmptyStr;
    StrId version = kEmptyStr;
};

// Everything interned while reading one file, shared by its traces.
struct Dictionary {
    StringPool strings;
    AttributeStore attrs;
    std::vector<Resource> resources;
    std::vector<Scope> scopes;

    std::string_view str(StrId id) const { return strings.view(id); }
    size_t memoryBytes() const;
};

struct Event {
    int64_t timeNs = 0;
    StrId name = kEmptyStr;
    AttrSetId attrs = kEmptyAttrSet;
};

struct Link {
    TraceId traceId;
    SpanId spanId = 0;
    RefType type = RefType::Link;
    AttrSetId attrs = kEmptyAttrSet;
    int32_t target = -1;  // span index in this trace, or -1 when the span is elsewhere
};

enum class WarningCode : uint8_t {
    MissingParent,       // value: none; the parent id is in the span's parentId column
    DuplicateId,         // value: how many spans share the id
    ParentCycle,         // value: length of the cycle that was broken here
    StartsBeforeParent,  // value: ns
    EndsAfterParent,     // value: ns
    NegativeDuration,    // value: ns (negative)
    ZeroDuration,
    Source,    // text: a warning the producer attached (Jaeger adjusters, clock skew…)
    BadField,  // text: a field that could not be read as its type
};

struct SpanWarning {
    uint32_t span = 0;
    WarningCode code = WarningCode::Source;
    StrId text = kEmptyStr;
    int64_t value = 0;
};

class Trace {
public:
    std::shared_ptr<const Dictionary> dict;
    TraceId id;
    std::string idText;  // the producer's text when the id was not hex/base64, else empty

    // ---- span columns, all of size spanCount(), sorted by (start, input order) ----
    std::vector<int64_t> start;     // ns since the Unix epoch
    std::vector<int64_t> duration;  // ns; may be negative in broken input (see warnings)
    std::vector<SpanId> spanId;
    std::vector<SpanId> parentId;  // as declared; 0 when none
    std::vector<int32_t> parent;   // index of the parent span, -1 for roots and orphans
    std::vector<uint32_t> depth;   // 0 for roots
    std::vector<StrId> name;
    std::vector<uint32_t> resource;  // index into dict->resources
    std::vector<uint32_t> service;   // index into services (dense, for colours and filters)
    std::vector<uint32_t> scope;     // index into dict->scopes
    std::vector<SpanKind> kind;
    std::vector<StatusCode> status;
    std::vector<uint8_t> flags;  // SpanFlag bits
    std::vector<StrId> statusMessage;
    std::vector<AttrSetId> attrs;
    std::vector<int64_t> selfTime;      // ns not covered by any child
    std::vector<uint32_t> eventOffset;  // CSR into events, size spanCount()+1
    std::vector<uint32_t> linkOffset;   // CSR into links, size spanCount()+1
    std::vector<uint32_t> childOffset;  // CSR into children, size spanCount()+1
    std::vector<uint32_t> children;     // child indices, each run sorted by start

    std::vector<Event> events;
    std::vector<Link> links;
    std::vector<SpanWarning> warnings;                        // sorted by span
    std::vector<std::pair<uint32_t, StrId>> opaqueSpanIds;    // sorted by span index
    std::vector<std::pair<uint32_t, StrId>> opaqueParentIds;  // the same, for declared parents
    std::vector<std::string> traceWarnings;  // about the whole trace (partial result, …)
    // Set when the trace was read from a tracepack (.tracepack.json): see tracepack_origin.h.
    std::shared_ptr<const TracepackOrigin> tracepack;

    // ---- summary ----
    std::vector<uint32_t> roots;  // spans without a parent in the trace, by start
    std::vector<StrId> services;  // distinct service names, in order of first appearance
    int64_t startNs = 0;          // earliest span start
    int64_t endNs = 0;            // latest span end
    uint32_t errorCount = 0;      // spans with StatusCode::Error (declared or inferred)
    uint32_t orphanCount = 0;
    uint32_t maxDepth = 0;

    size_t spanCount() const { return start.size(); }
    int64_t durationNs() const {
        int64_t d;  // saturates: broken input can put spans centuries apart
        return __builtin_sub_overflow(endNs, startNs, &d) ? INT64_MAX : d;
    }
    int64_t end(size_t i) const { return start[i] + (duration[i] > 0 ? duration[i] : 0); }
    bool isError(size_t i) const { return status[i] == StatusCode::Error; }

    std::string_view str(StrId id) const { return dict->str(id); }
    std::string_view nameOf(size_t i) const { return dict->str(name[i]); }
    std::string_view serviceOf(size_t i) const { return dict->str(services[service[i]]); }
    const Resource& resourceOf(size_t i) const { return dict->resources[resource[i]]; }
    std::span<const PairId> attributesOf(size_t i) const { return dict->attrs.set(attrs[i]); }
    std::span<const uint32_t> childrenOf(size_t i) const {
        return {children.data() + childOffset[i], childOffset[i + 1] - childOffset[i]};
    }
    std::span<const Event> eventsOf(size_t i) const {
        return {events.data() + eventOffset[i], eventOffset[i + 1] - eventOffset[i]};
    }
    std::span<const Link> linksOf(size_t i) const {
        return {links.data() + linkOffset[i], linkOffset[i + 1] - linkOffset[i]};
    }
    std::span<const SpanWarning> warningsOf(size_t i) const;
    // The producer's id text: 16 hex digits, or the original opaque string.
    std::string spanIdText(size_t i) const;
    std::string parentIdText(size_t i) const;
    std::string traceIdText() const { return idText.empty() ? toHex(id) : idText; }

    // Looks an attribute up by key on the span, then (when `withResource`) its resource.
    const Value* findAttribute(size_t i, StrId key, bool withResource = false) const;

    size_t warningCount() const { return warnings.size() + traceWarnings.size(); }
    size_t memoryBytes() const;  // this trace's columns, not the shared dictionary
};

std::string warningText(const Trace& trace, const SpanWarning& warning);

// Everything read from one file (or one server response).
struct TraceFile {
    std::string source;  // path or URL, for messages
    std::string format;  // "Jaeger JSON", "OTLP JSON", "Tempo v2", … (several joined by ", ")
    std::shared_ptr<const Dictionary> dict;
    std::vector<std::shared_ptr<const Trace>> traces;  // in order of first appearance
    std::vector<std::string> warnings;                 // about the file (damaged tail, …)
    size_t spanCount() const;
};

}  // namespace rootline
