#include "formats/otlp_reader.h"

#include "formats/attribute_reader.h"

namespace rootline {

using json::Element;

namespace {

bool isKey(std::string_view k, std::string_view camel, std::string_view snake) {
    return k == camel || k == snake;
}

std::optional<int64_t> readNanos(Element v, ReadContext& ctx, std::string_view field) {
    if (auto n = json::timeValue(v)) return n;
    ctx.builder.addSpanWarning(WarningCode::BadField,
                               std::string(field) + " is not a number of nanoseconds (" +
                                   std::string(json::toText(json::capture(v)).substr(0, 40)) + ")");
    return std::nullopt;
}

// Placeholders (scanner group numbers) and inline spans of a "spans" array.
void splitSpans(Element spans, ReadContext& ctx, std::vector<int64_t>& groups,
                std::vector<Element>& inlineSpans) {
    if (!json::isArray(spans))
        throw FormatError(
            "\"spans\" must be an array, not " + std::string(json::typeName(spans.type())),
            ctx.keyOffset("spans"));
    for (Element item : json::arrayOf(spans)) {
        if (auto group = json::integer(item); group && item.type() != json::ElementType::STRING)
            groups.push_back(*group);
        else
            inlineSpans.push_back(item);
    }
}

uint32_t readScope(Element so, TraceBuilder& b) {
    if (!json::isObject(so)) return 0;
    StrId name = kEmptyStr, version = kEmptyStr;
    for (auto kv : json::objectOf(so)) {
        if (kv.key == "name")
            name = b.intern(json::text(kv.value));
        else if (kv.key == "version")
            version = b.intern(json::text(kv.value));
    }
    return b.addScope(name, version);
}

uint32_t readResource(Element ro, TraceBuilder& b) {
    const StrId serviceKey = b.intern("service.name");
    StrId service = kEmptyStr;
    AttrSetId attrs = kEmptyAttrSet;
    if (json::isObject(ro)) {
        for (auto kv : json::objectOf(ro)) {
            if (kv.key != "attributes") continue;
            AttrSetBuilder set;
            readOtlpKeyValues(kv.value, b, [&](StrId key, const AttrInput& value) {
                if (key == serviceKey && value.isText) service = b.intern(value.text);
                b.addToSet(set, key, value);
            });
            attrs = b.finishSet(set);
        }
    }
    // OpenTelemetry's own default for a resource without service.name.
    if (service == kEmptyStr) service = b.intern("unknown_service");
    return b.addResource(service, attrs);
}

void readResourceSpans(Element rs, ReadContext& ctx) {
    TraceBuilder& b = ctx.builder;
    if (!json::isObject(rs)) return;
    GroupContext context;
    context.kind = GroupContext::Kind::Otlp;
    // The resource may come after the scopes in the object; read it first.
    for (auto kv : json::objectOf(rs))
        if (kv.key == "resource") context.resource = readResource(kv.value, b);
    for (auto kv : json::objectOf(rs)) {
        if (!isKey(kv.key, "scopeSpans", "scope_spans") &&
            !isKey(kv.key, "instrumentationLibrarySpans", "instrumentation_library_spans"))
            continue;
        if (!json::isArray(kv.value)) continue;
        for (Element ss : json::arrayOf(kv.value)) {
            if (!json::isObject(ss)) continue;
            GroupContext scoped = context;
            std::vector<int64_t> groups;
            std::vector<Element> inlineSpans;
            for (auto skv : json::objectOf(ss)) {
                if (skv.key == "scope" ||
                    isKey(skv.key, "instrumentationLibrary", "instrumentation_library"))
                    scoped.scope = readScope(skv.value, b);
                else if (skv.key == "spans")
                    splitSpans(skv.value, ctx, groups, inlineSpans);
            }
            for (Element s : inlineSpans)
                readOtlpSpan(s, ctx, &scoped);
            for (int64_t g : groups)
                ctx.claimGroup(g, scoped);
        }
    }
}

void readLinks(Element v, ReadContext& ctx) {
    TraceBuilder& b = ctx.builder;
    if (!json::isArray(v)) return;
    const StrId refTypeKey = b.intern("opentracing.ref_type");
    for (Element item : json::arrayOf(v)) {
        if (!json::isObject(item)) continue;
        std::string_view traceId, spanId;
        RefType type = RefType::Link;
        AttrSetBuilder set;
        for (auto kv : json::objectOf(item)) {
            if (isKey(kv.key, "traceId", "trace_id")) {
                traceId = json::text(kv.value);
            } else if (isKey(kv.key, "spanId", "span_id")) {
                spanId = json::text(kv.value);
            } else if (kv.key == "attributes") {
                readOtlpKeyValues(kv.value, b, [&](StrId key, const AttrInput& value) {
                    // Jaeger marks links translated from references with their old type.
                    if (key == refTypeKey && value.isText) {
                        const std::string_view t = value.text;
                        if (t == "child_of") type = RefType::ChildOf;
                        if (t == "follows_from") type = RefType::FollowsFrom;
                    }
                    b.addToSet(set, key, value);
                });
            }
        }
        b.addLink(traceId, spanId, type, b.finishSet(set));
    }
}

void readEvents(Element v, ReadContext& ctx) {
    TraceBuilder& b = ctx.builder;
    if (!json::isArray(v)) return;
    for (Element item : json::arrayOf(v)) {
        if (!json::isObject(item)) continue;
        int64_t time = 0;
        StrId name = kEmptyStr;
        AttrSetId attrs = kEmptyAttrSet;
        for (auto kv : json::objectOf(item)) {
            if (isKey(kv.key, "timeUnixNano", "time_unix_nano"))
                time = json::integer(kv.value).value_or(0);
            else if (kv.key == "name")
                name = b.intern(json::text(kv.value));
            else if (kv.key == "attributes")
                attrs = readOtlpAttrSet(kv.value, b);
        }
        b.addEvent(time, name, attrs);
    }
}

}  // namespace

void readOtlpSpan(Element span, ReadContext& ctx, const GroupContext* group,
                  uint32_t deferredGroup) {
    TraceBuilder& b = ctx.builder;
    PendingSpan& p = b.begin();
    if (!json::isObject(span)) return;
    p.group = deferredGroup;
    if (group) {
        p.resource = group->resource;
        p.scope = group->scope;
    }
    std::optional<int64_t> start, end;
    bool hasSpanId = false;
    std::string idStorage;
    for (auto kv : json::objectOf(span)) {
        const std::string_view k = kv.key;
        const Element v = kv.value;
        if (isKey(k, "traceId", "trace_id")) {
            b.setTraceId(ctx.idText(v, "traceId", idStorage));
        } else if (isKey(k, "spanId", "span_id")) {
            b.setSpanId(ctx.idText(v, "spanId", idStorage));
            hasSpanId = true;
        } else if (isKey(k, "parentSpanId", "parent_span_id")) {
            b.setParentId(ctx.idText(v, "parentSpanId", idStorage), RefType::ChildOf);
        } else if (k == "name") {
            p.name = b.internKey(json::text(v));
        } else if (k == "kind") {
            if (v.type() == json::ElementType::STRING)
                p.kind = parseKind(json::text(v));
            else if (auto n = json::integer(v))
                p.kind = kindFromOtlpNumber(*n);
        } else if (isKey(k, "startTimeUnixNano", "start_time_unix_nano")) {
            start = readNanos(v, ctx, "startTimeUnixNano");
        } else if (isKey(k, "endTimeUnixNano", "end_time_unix_nano")) {
            end = readNanos(v, ctx, "endTimeUnixNano");
        } else if (k == "attributes") {
            readOtlpKeyValues(
                v, b, [&](StrId key, const AttrInput& value) { b.addAttribute(key, value); });
        } else if (k == "events") {
            readEvents(v, ctx);
        } else if (k == "links") {
            readLinks(v, ctx);
        } else if (k == "status") {
            if (!json::isObject(v)) continue;
            for (auto skv : json::objectOf(v)) {
                if (skv.key == "code") {
                    if (skv.value.type() == json::ElementType::STRING)
                        p.status = parseStatus(json::text(skv.value));
                    else if (auto n = json::integer(skv.value))
                        p.status = statusFromOtlpNumber(*n);
                } else if (skv.key == "message") {
                    const std::string_view m = json::text(skv.value);
                    if (!m.empty()) p.statusMessage = b.intern(m);
                }
            }
        } else if (isKey(k, "traceState", "trace_state")) {
            const std::string_view ts = json::text(v);
            if (!ts.empty()) {
                const StrId key = b.intern("w3c.tracestate");
                b.addAttribute(key, AttrInput::ofText(ts));
            }
        }
    }
    if (!hasSpanId) b.addSpanWarning(WarningCode::BadField, "span has no spanId");
    p.start = start.value_or(0);
    // Checked: a producer may write an end far from its start (or garbage).
    if (start && end && __builtin_sub_overflow(*end, *start, &p.duration)) {
        p.duration = 0;
        b.addSpanWarning(WarningCode::BadField, "endTimeUnixNano is too far from the start");
    } else if (!(start && end)) {
        p.duration = 0;
    }
    b.commit();
    ctx.spanRead();
}

void readOtlpEnvelope(Element envelope, ReadContext& ctx, std::string label) {
    bool partial = false;
    std::string message;
    std::string error;
    bool wrapped = false;  // spans were found in a {"trace"} / {"result"} wrapper
    bool direct = false;   // resourceSpans in this object
    for (auto kv : json::objectOf(envelope)) {
        const std::string_view k = kv.key;
        const Element v = kv.value;
        if (isKey(k, "resourceSpans", "resource_spans") || k == "batches") {
            if (k == "batches") label = "Tempo JSON (v1)";
            if (!json::isArray(v))
                throw FormatError("\"" + std::string(k) + "\" must be an array", ctx.keyOffset(k));
            direct = true;
            for (Element rs : json::arrayOf(v))
                readResourceSpans(rs, ctx);
        } else if ((k == "trace" || k == "result") && json::isObject(v)) {
            wrapped = true;
            readOtlpEnvelope(v, ctx, k == "trace" ? "Tempo JSON (v2)" : "Jaeger api_v3 JSON");
        } else if (k == "status") {
            const std::string_view s = json::text(v);
            if (s == "PARTIAL" || s == "1") partial = true;
        } else if (k == "message") {
            message = json::text(v);
        } else if (k == "error") {
            if (!json::isObject(v)) {
                error = json::text(v);
                continue;
            }
            std::string code;
            for (auto ekv : json::objectOf(v)) {
                if (ekv.key == "message")
                    error = json::text(ekv.value);
                else if (ekv.key == "httpCode")
                    code = json::text(ekv.value);
            }
            if (!code.empty()) error += " (HTTP " + code + ")";
        }
    }
    if (!error.empty() && !direct && !wrapped)
        throw FormatError("the server returned an error instead of a trace: " + error,
                          ctx.docStart);
    if (direct) ctx.formats.insert(label);
    if (partial)
        ctx.warnings.push_back(
            "partial trace: " +
            (message.empty() ? std::string("the server returned only part of it") : message));
}

}  // namespace rootline
