#include <nlohmann/json.hpp>

#include "rng.h"
#include "scenario.h"
#include "writers.h"

namespace rootline::faults {

using Json = nlohmann::ordered_json;

int64_t writtenStart(const Draft& d, const Span& s) {
    return s.startNs + d.resources[static_cast<size_t>(s.resource)].clockSkewNs;
}

int64_t writtenEnd(const Draft& d, const Span& s) {
    return s.endNs + d.resources[static_cast<size_t>(s.resource)].clockSkewNs;
}

int64_t eventTime(const Draft& d, const Span& s, const Event& e) {
    const int64_t start = writtenStart(d, s), end = writtenEnd(d, s);
    int64_t t = e.fromEnd ? end - e.offsetNs : start + e.offsetNs;
    return std::max(start, std::min(end, t));
}

namespace {

Json kv(const std::string& key, const AttrValue& value) {
    Json j;
    j["key"] = key;
    if (const auto* s = std::get_if<std::string>(&value)) {
        j["type"] = "string";
        j["value"] = *s;
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
        j["type"] = "int64";
        j["value"] = *i;
    } else {
        j["type"] = "bool";
        j["value"] = std::get<bool>(value);
    }
    return j;
}

const char* kindName(Kind k) {
    switch (k) {
        case Kind::Server:
            return "server";
        case Kind::Client:
            return "client";
        case Kind::Producer:
            return "producer";
        case Kind::Consumer:
            return "consumer";
        case Kind::Internal:
            return "internal";
    }
    return "internal";
}

Json reference(const char* type, const std::string& traceId, uint64_t spanId) {
    Json r;
    r["refType"] = type;
    r["traceID"] = traceId;
    r["spanID"] = hex16(spanId);
    return r;
}

}  // namespace

std::string writeJaeger(const Draft& d, uint64_t orderSeed) {
    std::vector<int> order;
    for (size_t i = 0; i < d.spans.size(); ++i)
        if (d.exported(static_cast<int>(i))) order.push_back(static_cast<int>(i));
    Rng rng(orderSeed);
    rng.shuffle(order);

    // Processes are numbered in order of first use, as the query service does per response.
    std::vector<int> processOf(d.resources.size(), 0);
    Json processes = Json::object();
    int next = 0;
    Json spans = Json::array();
    for (int i : order) {
        const Span& s = d.at(i);
        int& p = processOf[static_cast<size_t>(s.resource)];
        if (p == 0) {
            p = ++next;
            const Resource& r = d.resources[static_cast<size_t>(s.resource)];
            Json tags = Json::array();
            std::string service;
            for (const Attr& a : r.attrs) {
                if (a.key == "service.name")
                    service = std::get<std::string>(a.value);
                else
                    tags.push_back(kv(a.key, a.value));
            }
            processes["p" + std::to_string(p)] = Json{{"serviceName", service}, {"tags", tags}};
        }
        Json refs = Json::array();
        if (s.parent >= 0) refs.push_back(reference("CHILD_OF", d.traceIdHex, d.at(s.parent).id));
        for (int l : s.links)
            refs.push_back(reference("FOLLOWS_FROM", d.traceIdHex, d.at(l).id));
        Json tags = Json::array();
        const Scope& scope = d.scopes[static_cast<size_t>(s.scope)];
        tags.push_back(kv("otel.scope.name", scope.name));
        if (!scope.version.empty()) tags.push_back(kv("otel.scope.version", scope.version));
        tags.push_back(kv("span.kind", std::string(kindName(s.kind))));
        for (const Attr& a : s.attrs)
            tags.push_back(kv(a.key, a.value));
        if (s.status == Status::Error) {
            tags.push_back(kv("otel.status_code", std::string("ERROR")));
            tags.push_back(kv("error", true));
        } else if (s.status == Status::Ok) {
            tags.push_back(kv("otel.status_code", std::string("OK")));
        }
        if (!s.statusMessage.empty())
            tags.push_back(kv("otel.status_description", s.statusMessage));
        Json logs = Json::array();
        for (const Event& e : s.events) {
            Json fields = Json::array();
            fields.push_back(kv("event", e.name));
            for (const Attr& a : e.attrs)
                fields.push_back(kv(a.key, a.value));
            logs.push_back(Json{{"timestamp", eventTime(d, s, e) / 1000}, {"fields", fields}});
        }
        Json span;
        span["traceID"] = d.traceIdHex;
        span["spanID"] = hex16(s.id);
        span["flags"] = 1;
        span["operationName"] = s.name;
        span["references"] = refs;
        span["startTime"] = writtenStart(d, s) / 1000;
        span["duration"] = (s.endNs - s.startNs) / 1000;
        span["tags"] = tags;
        span["logs"] = logs;
        span["processID"] = "p" + std::to_string(p);
        span["warnings"] = nullptr;
        spans.push_back(std::move(span));
    }
    Json trace;
    trace["traceID"] = d.traceIdHex;
    trace["spans"] = spans;
    trace["processes"] = processes;
    trace["warnings"] = nullptr;
    Json doc;
    doc["data"] = Json::array({trace});
    doc["total"] = 0;
    doc["limit"] = 0;
    doc["offset"] = 0;
    doc["errors"] = nullptr;
    return doc.dump();
}

}  // namespace rootline::faults
