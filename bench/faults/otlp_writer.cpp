#include <nlohmann/json.hpp>

#include "scenario.h"
#include "writers.h"

namespace rootline::faults {

using Json = nlohmann::ordered_json;

namespace {

Json anyValue(const AttrValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return Json{{"stringValue", *s}};
    if (const auto* i = std::get_if<int64_t>(&value)) return Json{{"intValue", std::to_string(*i)}};
    return Json{{"boolValue", std::get<bool>(value)}};
}

Json attributes(const std::vector<Attr>& attrs) {
    Json out = Json::array();
    for (const Attr& a : attrs)
        out.push_back(Json{{"key", a.key}, {"value", anyValue(a.value)}});
    return out;
}

Json span(const Draft& d, const Span& s) {
    Json j;
    j["traceId"] = d.traceIdHex;
    j["spanId"] = hex16(s.id);
    if (s.parent >= 0) j["parentSpanId"] = hex16(d.at(s.parent).id);
    j["flags"] = 257;  // sampled, with the is-remote bit known
    j["name"] = s.name;
    j["kind"] = static_cast<int>(s.kind);
    j["startTimeUnixNano"] = std::to_string(writtenStart(d, s));
    j["endTimeUnixNano"] = std::to_string(writtenEnd(d, s));
    j["attributes"] = attributes(s.attrs);
    Json events = Json::array();
    for (const Event& e : s.events)
        events.push_back(Json{{"timeUnixNano", std::to_string(eventTime(d, s, e))},
                              {"name", e.name},
                              {"attributes", attributes(e.attrs)}});
    if (!events.empty()) j["events"] = events;
    Json links = Json::array();
    for (int l : s.links)
        links.push_back(Json{{"traceId", d.traceIdHex}, {"spanId", hex16(d.at(l).id)}});
    if (!links.empty()) j["links"] = links;
    Json status = Json::object();
    if (s.status != Status::Unset) status["code"] = static_cast<int>(s.status);
    if (!s.statusMessage.empty()) status["message"] = s.statusMessage;
    j["status"] = status;
    return j;
}

}  // namespace

std::string writeOtlp(const Draft& d) {
    Json resourceSpans = Json::array();
    for (size_t r = 0; r < d.resources.size(); ++r) {
        // One ScopeSpans per scope, in order of first use within the resource.
        std::vector<int> scopes;
        std::vector<Json> spansOf;
        for (size_t i = 0; i < d.spans.size(); ++i) {
            const Span& s = d.spans[i];
            if (static_cast<size_t>(s.resource) != r || !d.exported(static_cast<int>(i))) continue;
            size_t k = 0;
            while (k < scopes.size() && scopes[k] != s.scope)
                ++k;
            if (k == scopes.size()) {
                scopes.push_back(s.scope);
                spansOf.push_back(Json::array());
            }
            spansOf[k].push_back(span(d, s));
        }
        if (scopes.empty()) continue;
        Json scopeSpans = Json::array();
        for (size_t k = 0; k < scopes.size(); ++k) {
            const Scope& sc = d.scopes[static_cast<size_t>(scopes[k])];
            Json scope;
            scope["name"] = sc.name;
            if (!sc.version.empty()) scope["version"] = sc.version;
            scopeSpans.push_back(Json{{"scope", scope}, {"spans", spansOf[k]}});
        }
        resourceSpans.push_back(
            Json{{"resource", Json{{"attributes", attributes(d.resources[r].attrs)}}},
                 {"scopeSpans", scopeSpans},
                 {"schemaUrl", "https://opentelemetry.io/schemas/1.27.0"}});
    }
    return Json{{"resourceSpans", resourceSpans}}.dump();
}

}  // namespace rootline::faults
