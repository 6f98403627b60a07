#pragma once
// Collects spans from an importer and turns them into indexed Trace snapshots.
//
// Importers call begin(), set fields on pending(), add attributes/events/links, then commit().
// A span is only stored on commit(), so an importer that hits damaged input half-way through a
// span leaves every earlier span intact (see formats/load.cpp's salvage rule).
//
// Normalisation that must be the same for every format happens here, once: error status from
// the `error` tag, `otel.status_code`, OTLP status or HTTP/gRPC codes; span kind from
// `span.kind`; status message from `otel.status_description`.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/attribute_interner.h"
#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

struct PendingSpan {
    TraceId traceId;
    StrId traceIdText = kEmptyStr;  // set only for opaque ids
    SpanId spanId = 0;
    StrId spanIdText = kEmptyStr;  // set only for opaque ids
    SpanId parentId = 0;
    StrId parentIdText = kEmptyStr;  // set only for opaque ids
    RefType parentRef = RefType::ChildOf;
    int64_t start = 0;
    int64_t duration = 0;
    StrId name = kEmptyStr;
    uint32_t resource = 0;
    uint32_t scope = 0;
    SpanKind kind = SpanKind::Unspecified;
    StatusCode status = StatusCode::Unset;  // as declared by the format's own status field
    StrId statusMessage = kEmptyStr;
    bool sharedServer = false;  // Zipkin `shared: true` server half of an RPC
    // Spans read before the file's skeleton name their group; resource, scope, default trace id
    // and Jaeger's process come from it later (TraceBuilder::resolveGroups).
    uint32_t group = kNoGroup;
    StrId processKey = kEmptyStr;  // Jaeger processID still to resolve
    static constexpr uint32_t kNoGroup = UINT32_MAX;
};

// What a span group turned out to be, once the skeleton has been read.
struct GroupResolution {
    enum class Kind {
        Drop,    // not part of any trace (a "spans" array in a search result…): spans dropped
        Keep,    // self-contained spans (top-level arrays): nothing to resolve
        Jaeger,  // spans of a Jaeger trace object
        Otlp,    // spans of an OTLP ScopeSpans
    } kind = Kind::Drop;
    std::string traceId;  // Jaeger: for spans without their own traceID
    const std::unordered_map<std::string, uint32_t>* processes = nullptr;
    bool processesSeen = false;
    uint32_t resource = 0;
    uint32_t scope = 0;
};

// Collects the pairs of one attribute set (span, resource, event or link attributes).
class AttrSetBuilder {
public:
    void clear() { pairs_.clear(); }
    void add(PairId pair) { pairs_.push_back(pair); }
    bool empty() const { return pairs_.empty(); }
    std::span<const PairId> pairs() const { return pairs_; }

private:
    std::vector<PairId> pairs_;
};

class TraceBuilder {
public:
    TraceBuilder();

    Dictionary& dict() { return *dict_; }
    AttributeStore& attrs() { return dict_->attrs; }
    StrId intern(std::string_view text) { return dict_->strings.intern(text); }
    // For attribute keys and span names: cached, they repeat on every span.
    StrId internKey(std::string_view text) { return interner_.key(text); }
    // Capacity hint from the scanner's element count, so the columns never reallocate.
    void reserveSpans(size_t spans);

    // ---- attribute sets (resources, events, links) ----
    void addToSet(AttrSetBuilder& set, StrId key, const AttrInput& input) {
        set.add(interner_.pair(key, input));
    }
    AttrSetId finishSet(const AttrSetBuilder& set) { return interner_.set(set.pairs()); }
    Value valueOf(StrId key, const AttrInput& input) { return interner_.value(key, input); }

    uint32_t addResource(StrId service, AttrSetId attrs);
    uint32_t addScope(StrId name, StrId version);
    // The parsed id for `text`, remembering the last one: every span of a trace repeats it.
    TraceId traceIdOf(std::string_view text);

    // ---- span construction ----
    PendingSpan& begin();
    PendingSpan& pending() { return pending_; }
    void setTraceId(std::string_view text);
    void setSpanId(std::string_view text);
    void setParentId(std::string_view text, RefType ref);
    // Adds a span attribute; recognises the keys that carry status, kind and error.
    void addAttribute(StrId key, const AttrInput& input);
    void addEvent(int64_t timeNs, StrId name, AttrSetId attrs);
    void addLink(std::string_view traceIdText, std::string_view spanIdText, RefType type,
                 AttrSetId attrs);
    void addSpanWarning(WarningCode code, std::string_view text);
    void commit();
    size_t committedSpans() const { return raw_.spanId.size(); }

    void addTraceWarning(const TraceId& traceId, std::string text);

    // Applies what the skeleton said about each group to the spans built with a group number.
    struct Resolution {
        size_t dropped = 0;
        bool missingProcessMap = false;  // Jaeger spans named a process but no map was read
    };
    Resolution resolveGroups(const std::vector<GroupResolution>& groups);

    // Groups spans by trace id, sorts, and indexes. The builder is empty afterwards.
    std::vector<std::shared_ptr<const Trace>> finish(const JobControl& control);
    std::shared_ptr<const Dictionary> sharedDict() const { return dict_; }

private:
    struct RawColumns {
        std::vector<TraceId> traceId;
        std::vector<SpanId> spanId;
        std::vector<SpanId> parentId;
        std::vector<int64_t> start;
        std::vector<int64_t> duration;
        std::vector<StrId> name;
        std::vector<uint32_t> resource;
        std::vector<uint32_t> scope;
        std::vector<SpanKind> kind;
        std::vector<StatusCode> status;
        std::vector<uint8_t> flags;
        std::vector<StrId> statusMessage;
        std::vector<AttrSetId> attrs;
        std::vector<uint32_t> eventBegin;
        std::vector<uint32_t> linkBegin;
        std::vector<uint32_t> group;    // PendingSpan::group, until resolveGroups
        std::vector<StrId> processKey;  // PendingSpan::processKey, until resolveGroups
    };
    struct RawWarning {
        uint32_t span;
        WarningCode code;
        StrId text;
    };
    struct SpecialKeys {
        StrId error, otelStatusCode, otelStatusDescription, spanKind, httpStatusCode,
            httpResponseStatusCode, grpcStatusCode;
    };

    void noteSpecialKey(StrId key, const AttrInput& input);
    bool resolveStatus();  // returns true when the error was inferred

    std::shared_ptr<Dictionary> dict_;
    AttributeInterner interner_;
    SpecialKeys keys_{};
    PendingSpan pending_;
    AttrSetBuilder pendingAttrs_;
    std::vector<RawWarning> pendingWarnings_;
    // Signals seen in the pending span's attributes.
    int errorTag_ = -1;  // -1 absent, 0 false, 1 true
    StatusCode otelStatus_ = StatusCode::Unset;
    int64_t httpStatus_ = -1;
    int64_t grpcStatus_ = -1;
    size_t pendingEventBegin_ = 0;
    size_t pendingLinkBegin_ = 0;

    std::string lastTraceIdText_;
    ParsedTraceId lastTraceId_;
    std::unordered_map<uint64_t, uint32_t> resourceIndex_;
    std::unordered_map<uint64_t, uint32_t> scopeIndex_;

    RawColumns raw_;
    std::vector<Event> rawEvents_;
    std::vector<Link> rawLinks_;
    std::vector<RawWarning> rawWarnings_;
    std::vector<std::pair<uint32_t, StrId>> rawOpaqueSpanIds_;
    std::vector<std::pair<uint32_t, StrId>> rawOpaqueParentIds_;
    std::vector<std::pair<TraceId, StrId>> opaqueTraceIds_;
    std::vector<std::pair<TraceId, std::string>> traceWarnings_;
};

}  // namespace rootline
