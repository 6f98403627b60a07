#include "formats/zipkin_reader.h"

#include "formats/attribute_reader.h"

namespace rootline {

using json::Element;

namespace {

constexpr int64_t kMaxMicros = INT64_MAX / 1000;

struct Endpoint {
    std::string_view serviceName, ipv4, ipv6;
    std::optional<int64_t> port;
};

Endpoint readEndpoint(Element v) {
    Endpoint e;
    if (!json::isObject(v)) return e;
    for (auto kv : json::objectOf(v)) {
        if (kv.key == "serviceName")
            e.serviceName = json::text(kv.value);
        else if (kv.key == "ipv4")
            e.ipv4 = json::text(kv.value);
        else if (kv.key == "ipv6")
            e.ipv6 = json::text(kv.value);
        else if (kv.key == "port")
            e.port = json::integer(kv.value);
    }
    return e;
}

void addString(TraceBuilder& b, std::string_view key, std::string_view value) {
    const StrId k = b.intern(key);
    b.addAttribute(k, AttrInput::ofText(value));
}

}  // namespace

void readZipkinSpan(Element span, ReadContext& ctx, uint32_t deferredGroup) {
    TraceBuilder& b = ctx.builder;
    PendingSpan& p = b.begin();
    if (!json::isObject(span)) return;
    p.group = deferredGroup;  // only to drop the span if its group turns out not to be a trace
    ctx.formats.insert("Zipkin JSON (v2)");
    std::string_view parentId;
    bool hasId = false;
    Endpoint local, remote;
    bool hasRemote = false;
    std::optional<std::string> errorMessage;
    const StrId errorKey = b.intern("error");
    std::string idStorage, parentStorage;
    for (auto kv : json::objectOf(span)) {
        const std::string_view k = kv.key;
        const Element v = kv.value;
        if (k == "traceId") {
            b.setTraceId(ctx.idText(v, "traceId", idStorage));
        } else if (k == "id") {
            b.setSpanId(ctx.idText(v, "id", idStorage));
            hasId = true;
        } else if (k == "parentId") {
            parentId = ctx.idText(v, "parentId", parentStorage);
        } else if (k == "name") {
            p.name = b.internKey(json::text(v));
        } else if (k == "kind") {
            p.kind = parseKind(json::text(v));
        } else if (k == "timestamp" || k == "duration") {
            auto us = json::timeValue(v);
            if (!us || *us > kMaxMicros || *us < -kMaxMicros) {
                b.addSpanWarning(WarningCode::BadField,
                                 std::string(k) + " is not a number of microseconds");
                continue;
            }
            (k == "timestamp" ? p.start : p.duration) = *us * 1000;
        } else if (k == "localEndpoint") {
            local = readEndpoint(v);
        } else if (k == "remoteEndpoint") {
            remote = readEndpoint(v);
            hasRemote = true;
        } else if (k == "annotations") {
            if (!json::isArray(v)) continue;
            for (Element item : json::arrayOf(v)) {
                if (!json::isObject(item)) continue;
                int64_t us = 0;
                StrId name = kEmptyStr;
                for (auto akv : json::objectOf(item)) {
                    if (akv.key == "timestamp")
                        us = json::integer(akv.value).value_or(0);
                    else if (akv.key == "value")
                        name = b.intern(json::text(akv.value));
                }
                if (us > kMaxMicros || us < -kMaxMicros) us = 0;
                b.addEvent(us * 1000, name, kEmptyAttrSet);
            }
        } else if (k == "tags") {
            readJsonMap(v, b, [&](StrId key, const AttrInput& value) {
                // In Zipkin the presence of an "error" tag marks a failure; its value is the
                // message, often empty.
                if (key == errorKey) {
                    errorMessage = value.isText ? std::string(value.text) : std::string();
                    b.addAttribute(key, AttrInput::of(Value::fromBool(true)));
                    return;
                }
                b.addAttribute(key, value);
            });
        } else if (k == "shared") {
            p.sharedServer = json::toBool(json::capture(v)).value_or(false);
        }
    }
    if (errorMessage) {
        p.status = StatusCode::Error;
        if (!errorMessage->empty()) p.statusMessage = b.intern(*errorMessage);
    }
    if (!hasId) b.addSpanWarning(WarningCode::BadField, "span has no id");
    if (!parentId.empty()) b.setParentId(parentId, RefType::ChildOf);
    p.sharedServer = p.sharedServer && p.kind == SpanKind::Server;
    if (hasRemote) {
        if (!remote.serviceName.empty()) addString(b, "peer.service", remote.serviceName);
        if (!remote.ipv4.empty()) addString(b, "peer.ipv4", remote.ipv4);
        if (!remote.ipv6.empty()) addString(b, "peer.ipv6", remote.ipv6);
        if (remote.port)
            b.addAttribute(b.intern("peer.port"), AttrInput::of(Value::fromInt(*remote.port)));
    }
    AttrSetBuilder resourceAttrs;
    if (!local.ipv4.empty())
        b.addToSet(resourceAttrs, b.intern("ipv4"), AttrInput::ofText(local.ipv4));
    if (!local.ipv6.empty())
        b.addToSet(resourceAttrs, b.intern("ipv6"), AttrInput::ofText(local.ipv6));
    if (local.port)
        b.addToSet(resourceAttrs, b.intern("port"), AttrInput::of(Value::fromInt(*local.port)));
    const StrId service = b.intern(local.serviceName.empty() ? std::string_view("unknown_service")
                                                             : local.serviceName);
    p.resource = b.addResource(service, b.finishSet(resourceAttrs));
    b.commit();
    ctx.spanRead();
}

}  // namespace rootline
