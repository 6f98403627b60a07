#include "model/trace_builder.h"

#include <algorithm>
#include <charconv>

#include "util/huge_pages.h"

namespace rootline {

namespace {

bool isTruthy(const AttrInput& in) {
    if (in.isText) return boolFromText(in.text).value_or(false);
    switch (in.value.type) {
        case ValueType::Bool:
            return in.value.boolean;
        case ValueType::Int:
            return in.value.integer != 0;
        default:
            return false;
    }
}

bool asInt(const AttrInput& in, int64_t& out) {
    if (in.isText) {
        auto res = std::from_chars(in.text.data(), in.text.data() + in.text.size(), out);
        return res.ec == std::errc() && res.ptr == in.text.data() + in.text.size();
    }
    if (in.value.type == ValueType::Int) {
        out = in.value.integer;
        return true;
    }
    if (in.value.type == ValueType::Double) {
        out = static_cast<int64_t>(in.value.number);
        return true;
    }
    return false;
}

// gRPC codes that OpenTelemetry's semantic conventions count as server errors: UNKNOWN,
// DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS.
bool isGrpcServerError(int64_t code) {
    return code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;
}

}  // namespace

TraceBuilder::TraceBuilder() : dict_(std::make_shared<Dictionary>()), interner_(*dict_) {
    keys_.error = intern("error");
    keys_.otelStatusCode = intern("otel.status_code");
    keys_.otelStatusDescription = intern("otel.status_description");
    keys_.spanKind = intern("span.kind");
    keys_.httpStatusCode = intern("http.status_code");
    keys_.httpResponseStatusCode = intern("http.response.status_code");
    keys_.grpcStatusCode = intern("rpc.grpc.status_code");
    // Resource 0 and scope 0 stand for "not declared".
    dict_->resources.push_back({intern("unknown_service"), kEmptyAttrSet});
    resourceIndex_[uint64_t(dict_->resources[0].service) << 32] = 0;
    dict_->scopes.push_back({});
    scopeIndex_[0] = 0;
}

void TraceBuilder::reserveSpans(size_t spans) {
    reserveHuge(raw_.traceId, spans);
    reserveHuge(raw_.spanId, spans);
    reserveHuge(raw_.parentId, spans);
    reserveHuge(raw_.start, spans);
    reserveHuge(raw_.duration, spans);
    reserveHuge(raw_.name, spans);
    reserveHuge(raw_.resource, spans);
    reserveHuge(raw_.scope, spans);
    reserveHuge(raw_.kind, spans);
    reserveHuge(raw_.status, spans);
    reserveHuge(raw_.flags, spans);
    reserveHuge(raw_.statusMessage, spans);
    reserveHuge(raw_.attrs, spans);
    reserveHuge(raw_.eventBegin, spans);
    reserveHuge(raw_.linkBegin, spans);
    reserveHuge(raw_.group, spans);
    reserveHuge(raw_.processKey, spans);
}

uint32_t TraceBuilder::addResource(StrId service, AttrSetId attrs) {
    const uint64_t key = uint64_t(service) << 32 | attrs;
    auto [it, inserted] =
        resourceIndex_.try_emplace(key, static_cast<uint32_t>(dict_->resources.size()));
    if (inserted) dict_->resources.push_back({service, attrs});
    return it->second;
}

uint32_t TraceBuilder::addScope(StrId name, StrId version) {
    const uint64_t key = uint64_t(name) << 32 | version;
    auto [it, inserted] = scopeIndex_.try_emplace(key, static_cast<uint32_t>(dict_->scopes.size()));
    if (inserted) dict_->scopes.push_back({name, version});
    return it->second;
}

TraceId TraceBuilder::traceIdOf(std::string_view text) {
    if (text != lastTraceIdText_) {
        lastTraceIdText_.assign(text);
        lastTraceId_ = parseTraceId(text);
    }
    return lastTraceId_.id;
}

PendingSpan& TraceBuilder::begin() {
    pending_ = PendingSpan{};
    pendingAttrs_.clear();
    pendingWarnings_.clear();
    errorTag_ = -1;
    otelStatus_ = StatusCode::Unset;
    httpStatus_ = -1;
    grpcStatus_ = -1;
    // Events and links of a span that was begun but never committed are dropped.
    rawEvents_.resize(pendingEventBegin_);
    rawLinks_.resize(pendingLinkBegin_);
    return pending_;
}

void TraceBuilder::setTraceId(std::string_view text) {
    pending_.traceId = traceIdOf(text);
    if (lastTraceId_.encoding == IdEncoding::Opaque) pending_.traceIdText = intern(text);
}

void TraceBuilder::setSpanId(std::string_view text) {
    const ParsedSpanId parsed = parseSpanId(text);
    pending_.spanId = parsed.id;
    if (parsed.encoding == IdEncoding::Opaque) pending_.spanIdText = intern(text);
    // All zeros is W3C's "invalid span id": no span can name it as its parent.
    if (!text.empty() && parsed.id == 0)
        addSpanWarning(WarningCode::BadField, "span id " + std::string(text.substr(0, 40)) +
                                                  " is all zeros, which is not a valid id");
}

void TraceBuilder::setParentId(std::string_view text, RefType ref) {
    const ParsedSpanId parsed = parseSpanId(text);
    pending_.parentId = parsed.id;
    pending_.parentIdText = parsed.encoding == IdEncoding::Opaque ? intern(text) : kEmptyStr;
    pending_.parentRef = ref;
}

void TraceBuilder::addAttribute(StrId key, const AttrInput& input) {
    pendingAttrs_.add(interner_.pair(key, input));
    // The special keys' ids are fixed at construction: a few integer compares per attribute.
    if (key <= keys_.grpcStatusCode) noteSpecialKey(key, input);
}

void TraceBuilder::noteSpecialKey(StrId key, const AttrInput& input) {
    if (key == keys_.error) {
        errorTag_ = isTruthy(input) ? 1 : 0;
    } else if (key == keys_.otelStatusCode && input.isText) {
        otelStatus_ = parseStatus(input.text);
    } else if (key == keys_.otelStatusDescription && input.isText) {
        if (pending_.statusMessage == kEmptyStr) pending_.statusMessage = intern(input.text);
    } else if (key == keys_.spanKind && input.isText) {
        const SpanKind k = parseKind(input.text);
        if (k != SpanKind::Unspecified && pending_.kind == SpanKind::Unspecified) pending_.kind = k;
    } else if (key == keys_.httpStatusCode || key == keys_.httpResponseStatusCode) {
        int64_t code;
        if (asInt(input, code)) httpStatus_ = code;
    } else if (key == keys_.grpcStatusCode) {
        int64_t code;
        if (asInt(input, code)) grpcStatus_ = code;
    }
}

void TraceBuilder::addEvent(int64_t timeNs, StrId name, AttrSetId attrs) {
    rawEvents_.push_back({timeNs, name, attrs});
}

void TraceBuilder::addLink(std::string_view traceIdText, std::string_view spanIdText, RefType type,
                           AttrSetId attrs) {
    rawLinks_.push_back(
        {parseTraceId(traceIdText).id, parseSpanId(spanIdText).id, type, attrs, -1});
}

void TraceBuilder::addSpanWarning(WarningCode code, std::string_view text) {
    pendingWarnings_.push_back({0, code, intern(text)});
}

void TraceBuilder::addTraceWarning(const TraceId& traceId, std::string text) {
    traceWarnings_.emplace_back(traceId, std::move(text));
}

bool TraceBuilder::resolveStatus() {
    // Precedence follows Jaeger's own Jaeger→OTLP translation: a true `error` tag wins, then a
    // declared status (OTLP status or `otel.status_code`), then HTTP/gRPC codes, which only
    // ever produce an *inferred* error that the UI marks as such.
    if (errorTag_ == 1) {
        pending_.status = StatusCode::Error;
        return false;
    }
    if (pending_.status == StatusCode::Unset) pending_.status = otelStatus_;
    if (pending_.status != StatusCode::Unset || errorTag_ == 0) return false;
    bool inferred = false;
    if (httpStatus_ >= 500 && pending_.kind != SpanKind::Client) inferred = true;
    if (httpStatus_ >= 400 && pending_.kind == SpanKind::Client) inferred = true;
    if (grpcStatus_ > 0 && (pending_.kind == SpanKind::Client || isGrpcServerError(grpcStatus_)))
        inferred = true;
    if (inferred) pending_.status = StatusCode::Error;
    return inferred;
}

void TraceBuilder::commit() {
    const bool inferred = resolveStatus();
    // Every reader bounds start and duration; their sum must fit too, or end() would overflow.
    if (pending_.duration > 0 && pending_.start > INT64_MAX - pending_.duration) {
        pending_.duration = INT64_MAX - pending_.start;
        addSpanWarning(WarningCode::BadField, "the span ends after the year 2262; cut there");
    }
    if (pending_.start < 0 && pending_.duration < 0 &&
        pending_.start < INT64_MIN - pending_.duration)
        pending_.duration = 0;
    const auto index = static_cast<uint32_t>(raw_.spanId.size());
    uint8_t flags = inferred ? kErrorInferred : 0;
    if (pending_.parentRef == RefType::FollowsFrom) flags |= kParentFollowsFrom;
    if (pending_.sharedServer) flags |= kSharedServer;
    if (pending_.spanIdText != kEmptyStr) {
        flags |= kOpaqueId;
        rawOpaqueSpanIds_.emplace_back(index, pending_.spanIdText);
    }
    if (pending_.traceIdText != kEmptyStr)
        opaqueTraceIds_.emplace_back(pending_.traceId, pending_.traceIdText);
    if (pending_.parentIdText != kEmptyStr)
        rawOpaqueParentIds_.emplace_back(index, pending_.parentIdText);
    raw_.traceId.push_back(pending_.traceId);
    raw_.spanId.push_back(pending_.spanId);
    raw_.parentId.push_back(pending_.parentId);
    raw_.start.push_back(pending_.start);
    raw_.duration.push_back(pending_.duration);
    raw_.name.push_back(pending_.name);
    raw_.resource.push_back(pending_.resource);
    raw_.scope.push_back(pending_.scope);
    raw_.kind.push_back(pending_.kind);
    raw_.status.push_back(pending_.status);
    raw_.flags.push_back(flags);
    raw_.statusMessage.push_back(pending_.statusMessage);
    raw_.attrs.push_back(interner_.spanSet(pendingAttrs_.pairs()));
    raw_.eventBegin.push_back(static_cast<uint32_t>(pendingEventBegin_));
    raw_.linkBegin.push_back(static_cast<uint32_t>(pendingLinkBegin_));
    raw_.group.push_back(pending_.group);
    raw_.processKey.push_back(pending_.processKey);
    for (RawWarning w : pendingWarnings_) {
        w.span = index;
        rawWarnings_.push_back(w);
    }
    pendingWarnings_.clear();
    pendingAttrs_.clear();
    pendingEventBegin_ = rawEvents_.size();
    pendingLinkBegin_ = rawLinks_.size();
}

}  // namespace rootline

namespace rootline {

TraceBuilder::Resolution TraceBuilder::resolveGroups(const std::vector<GroupResolution>& groups) {
    Resolution out;
    // Jaeger process maps by interned key, built once per group that needs one.
    std::vector<std::unordered_map<StrId, uint32_t>> processIds(groups.size());
    std::vector<bool> processIdsBuilt(groups.size(), false);
    std::vector<TraceId> defaultTrace(groups.size());
    for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].kind != GroupResolution::Kind::Jaeger || groups[g].traceId.empty()) continue;
        const ParsedTraceId parsed = parseTraceId(groups[g].traceId);
        defaultTrace[g] = parsed.id;
        if (parsed.encoding == IdEncoding::Opaque)
            opaqueTraceIds_.emplace_back(parsed.id, intern(groups[g].traceId));
    }
    const size_t n = raw_.spanId.size();
    for (size_t i = 0; i < n; ++i) {
        const uint32_t g = raw_.group[i];
        if (g == PendingSpan::kNoGroup) continue;
        const GroupResolution* r = g < groups.size() ? &groups[g] : nullptr;
        if (!r || r->kind == GroupResolution::Kind::Drop) {
            raw_.flags[i] |= kDropped;
            ++out.dropped;
            continue;
        }
        if (r->kind == GroupResolution::Kind::Otlp) {
            raw_.resource[i] = r->resource;
            raw_.scope[i] = r->scope;
            continue;
        }
        if (r->kind != GroupResolution::Kind::Jaeger) continue;
        if (raw_.traceId[i].isZero()) raw_.traceId[i] = defaultTrace[g];
        const StrId key = raw_.processKey[i];
        if (key == kEmptyStr) continue;  // an embedded process, or none named
        if (!processIdsBuilt[g]) {
            processIdsBuilt[g] = true;
            if (r->processes)
                for (const auto& [name, resource] : *r->processes)
                    processIds[g][intern(name)] = resource;
        }
        auto it = processIds[g].find(key);
        if (it != processIds[g].end()) {
            raw_.resource[i] = it->second;
        } else if (!r->processesSeen) {
            out.missingProcessMap = true;  // one file-level warning rather than one per span
        } else {
            rawWarnings_.push_back({static_cast<uint32_t>(i), WarningCode::BadField,
                                    intern("process \"" + std::string(dict_->str(key)) +
                                           "\" is not in the trace's processes")});
        }
    }
    return out;
}

}  // namespace rootline
