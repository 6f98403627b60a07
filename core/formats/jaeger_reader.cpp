#include "formats/jaeger_reader.h"

#include "formats/attribute_reader.h"

namespace rootline {

using json::Element;

namespace {

constexpr int64_t kMaxMicros = INT64_MAX / 1000;

struct Reference {
    std::string_view traceId;
    std::string_view spanId;
    RefType type;
};

uint32_t readProcess(Element v, ReadContext& ctx) {
    TraceBuilder& b = ctx.builder;
    if (!json::isObject(v)) return 0;
    StrId service = kEmptyStr;
    AttrSetId attrs = kEmptyAttrSet;
    for (auto kv : json::objectOf(v)) {
        if (kv.key == "serviceName")
            service = b.intern(json::text(kv.value));
        else if (kv.key == "tags")
            attrs = readJaegerAttrSet(kv.value, b);
    }
    if (service == kEmptyStr) service = b.intern("unknown_service");
    return b.addResource(service, attrs);
}

std::optional<int64_t> readMicros(Element v, ReadContext& ctx, std::string_view field) {
    const std::optional<int64_t> micros = json::timeValue(v);
    if (micros && *micros <= kMaxMicros && *micros >= -kMaxMicros) return micros;
    ctx.builder.addSpanWarning(WarningCode::BadField,
                               std::string(field) + " is not a number of microseconds (" +
                                   std::string(json::toText(json::capture(v)).substr(0, 40)) + ")");
    return std::nullopt;
}

void readReferences(Element v, std::vector<Reference>& refs) {
    if (!json::isArray(v)) return;
    for (Element item : json::arrayOf(v)) {
        if (!json::isObject(item)) continue;
        Reference r{{}, {}, RefType::ChildOf};
        for (auto kv : json::objectOf(item)) {
            if (kv.key == "refType") {
                const std::string_view t = json::text(kv.value);
                r.type = (t == "FOLLOWS_FROM" || t == "follows_from") ? RefType::FollowsFrom
                                                                      : RefType::ChildOf;
            } else if (kv.key == "traceID") {
                r.traceId = json::text(kv.value);
            } else if (kv.key == "spanID") {
                r.spanId = json::text(kv.value);
            }
            // Jaeger UI's internal state embeds the whole referenced span under "span"; it is
            // skipped (the span is in the trace anyway).
        }
        if (!r.spanId.empty()) refs.push_back(r);
    }
}

void readLogs(Element v, ReadContext& ctx) {
    TraceBuilder& b = ctx.builder;
    if (!json::isArray(v)) return;
    const StrId eventKey = b.intern("event");
    for (Element item : json::arrayOf(v)) {
        if (!json::isObject(item)) continue;
        int64_t micros = 0;
        StrId name = kEmptyStr;
        AttrSetBuilder set;
        for (auto kv : json::objectOf(item)) {
            if (kv.key == "timestamp") {
                micros = json::integer(kv.value).value_or(0);
            } else if (kv.key == "fields") {
                readJaegerKeyValues(kv.value, b, [&](StrId key, const AttrInput& value) {
                    // OTLP→Jaeger writes the event name as the field "event"; reading it back
                    // as the name keeps events alike whichever format they came in.
                    if (key == eventKey && value.isText && name == kEmptyStr)
                        name = b.internKey(value.text);
                    else
                        b.addToSet(set, key, value);
                });
            }
        }
        if (micros > kMaxMicros || micros < -kMaxMicros) micros = 0;
        b.addEvent(micros * 1000, name, b.finishSet(set));
    }
}

}  // namespace

void readJaegerSpan(Element span, ReadContext& ctx, const GroupContext* group,
                    uint32_t deferredGroup) {
    TraceBuilder& b = ctx.builder;
    PendingSpan& p = b.begin();
    p.group = deferredGroup;
    if (!json::isObject(span)) {
        b.addSpanWarning(WarningCode::BadField, "a span is not a JSON object");
        return;
    }
    std::string_view traceId, spanId, parentSpanId, processId;
    std::string traceIdStorage, spanIdStorage, parentStorage;
    std::vector<Reference> refs;
    bool hasProcess = false;
    uint32_t resource = 0;
    for (auto kv : json::objectOf(span)) {
        const std::string_view k = kv.key;
        const Element v = kv.value;
        // Dispatch on the key's length first: this loop runs for every field of every span.
        switch (k.size()) {
            case 4:
                if (k == "tags") {
                    auto add = [&](StrId key, const AttrInput& value) {
                        b.addAttribute(key, value);
                    };
                    // Jaeger's Elasticsearch dumps may hold tags as a plain {key: value} map.
                    if (json::isObject(v))
                        readJsonMap(v, b, add);
                    else
                        readJaegerKeyValues(v, b, add);
                } else if (k == "logs")
                    readLogs(v, ctx);
                break;
            case 6:
                if (k == "spanID") spanId = ctx.idText(v, "spanID", spanIdStorage);
                break;
            case 7:
                if (k == "traceID") {
                    traceId = ctx.idText(v, "traceID", traceIdStorage);
                } else if (k == "process") {
                    resource = readProcess(v, ctx);
                    hasProcess = true;
                }
                break;
            case 8:
                if (k == "duration") {
                    if (auto us = readMicros(v, ctx, "duration")) p.duration = *us * 1000;
                } else if (k == "warnings" && json::isArray(v)) {
                    for (Element w : json::arrayOf(v))
                        b.addSpanWarning(WarningCode::Source, json::text(w));
                }
                break;
            case 9:
                if (k == "startTime") {
                    if (auto us = readMicros(v, ctx, "startTime")) p.start = *us * 1000;
                } else if (k == "processID") {
                    processId = json::text(v);
                }
                break;
            case 10:
                if (k == "references") readReferences(v, refs);
                break;
            case 12:
                if (k == "parentSpanID")
                    parentSpanId = ctx.idText(v, "parentSpanID", parentStorage);
                break;
            case 13:
                if (k == "operationName") p.name = b.internKey(json::text(v));
                break;
            default:
                break;
        }
    }
    if (traceId.empty() && group) traceId = group->traceId;
    b.setTraceId(traceId);
    if (spanId.empty()) b.addSpanWarning(WarningCode::BadField, "span has no spanID");
    b.setSpanId(spanId);

    // Jaeger UI's parent rule: the first CHILD_OF in the same trace, else the first FOLLOWS_FROM
    // in the same trace; every other reference is kept as a link.
    const TraceId own = p.traceId;
    auto sameTrace = [&](const Reference& r) {
        return r.traceId.empty() || r.traceId == traceId || parseTraceId(r.traceId).id == own;
    };
    const Reference* parent = nullptr;
    for (const Reference& r : refs)
        if (r.type == RefType::ChildOf && sameTrace(r)) {
            parent = &r;
            break;
        }
    if (!parent)
        for (const Reference& r : refs)
            if (r.type == RefType::FollowsFrom && sameTrace(r)) {
                parent = &r;
                break;
            }
    if (parent)
        b.setParentId(parent->spanId, parent->type);
    else if (!parentSpanId.empty())
        b.setParentId(parentSpanId, RefType::ChildOf);
    for (const Reference& r : refs) {
        if (&r == parent) continue;
        b.addLink(r.traceId.empty() ? traceId : r.traceId, r.spanId, r.type, kEmptyAttrSet);
    }

    if (hasProcess) {
        p.resource = resource;
    } else if (deferredGroup != PendingSpan::kNoGroup && !processId.empty()) {
        p.processKey = b.internKey(processId);
    } else if (group && !processId.empty()) {
        auto it = group->processes.find(std::string(processId));
        if (it != group->processes.end()) {
            p.resource = it->second;
        } else if (!group->processesSeen) {
            ctx.missingProcessMap = true;  // one file-level warning rather than one per span
        } else {
            b.addSpanWarning(WarningCode::BadField, "process \"" + std::string(processId) +
                                                        "\" is not in the trace's processes");
        }
    }
    b.commit();
    ctx.spanRead();
}

void readJaegerTraceObject(Element trace, ReadContext& ctx) {
    ctx.formats.insert("Jaeger JSON");
    GroupContext context;
    context.kind = GroupContext::Kind::Jaeger;
    std::vector<int64_t> groups;
    std::vector<Element> inlineSpans;
    std::vector<std::string> warnings;
    for (auto kv : json::objectOf(trace)) {
        const std::string_view k = kv.key;
        if (k == "traceID") {
            context.traceId = std::string(json::text(kv.value));
        } else if (k == "spans") {
            if (!json::isArray(kv.value))
                throw FormatError("\"spans\" must be an array, not " +
                                      std::string(json::typeName(kv.value.type())),
                                  ctx.keyOffset("spans"));
            for (Element item : json::arrayOf(kv.value)) {
                if (auto group = json::integer(item);
                    group && item.type() != json::ElementType::STRING)
                    groups.push_back(*group);  // a scanner placeholder, read in windows later
                else
                    inlineSpans.push_back(item);
            }
        } else if (k == "processes") {
            if (!json::isObject(kv.value)) continue;
            context.processesSeen = true;
            for (auto pkv : json::objectOf(kv.value))
                context.processes[std::string(pkv.key)] = readProcess(pkv.value, ctx);
        } else if (k == "warnings") {
            if (json::isArray(kv.value))
                for (Element w : json::arrayOf(kv.value))
                    warnings.emplace_back(json::text(w));
        }
    }
    // With the DOM the whole object is known before any span is read, so processes listed
    // after the spans (Jaeger's own order) resolve either way.
    for (Element s : inlineSpans)
        readJaegerSpan(s, ctx, &context);
    for (int64_t g : groups)
        ctx.claimGroup(g, context);
    const TraceId id = parseTraceId(context.traceId).id;
    for (auto& w : warnings)
        ctx.builder.addTraceWarning(id, std::move(w));
}

void readJaegerEnvelope(Element envelope, ReadContext& ctx) {
    std::vector<std::string> errors;
    const size_t spansBefore = ctx.spansRead;
    size_t traces = 0;
    for (auto kv : json::objectOf(envelope)) {
        if (kv.key == "data") {
            if (json::isArray(kv.value)) {
                for (Element item : json::arrayOf(kv.value)) {
                    if (!json::isObject(item)) continue;
                    readJaegerTraceObject(item, ctx);
                    ++traces;
                }
            } else if (json::isObject(kv.value)) {
                readJaegerTraceObject(kv.value, ctx);
                ++traces;
            }
        } else if (kv.key == "errors" && json::isArray(kv.value)) {
            for (Element e : json::arrayOf(kv.value)) {
                if (!json::isObject(e)) continue;
                std::string msg, code, traceId;
                for (auto ekv : json::objectOf(e)) {
                    if (ekv.key == "msg")
                        msg = json::text(ekv.value);
                    else if (ekv.key == "code")
                        code = json::text(ekv.value);
                    else if (ekv.key == "traceID")
                        traceId = json::text(ekv.value);
                }
                std::string text = msg.empty() ? "unknown error" : msg;
                if (!code.empty() && code != "0") text += " (code " + code + ")";
                if (!traceId.empty()) text += " for trace " + traceId;
                errors.push_back(std::move(text));
            }
        }
    }
    ctx.formats.insert("Jaeger JSON");
    if (errors.empty()) return;
    std::string joined;
    for (const auto& e : errors)
        joined += (joined.empty() ? "" : "; ") + e;
    if (traces == 0 && ctx.spansRead == spansBefore)
        throw FormatError("Jaeger returned an error instead of a trace: " + joined, ctx.docStart);
    ctx.warnings.push_back("Jaeger reported: " + joined);
}

}  // namespace rootline
