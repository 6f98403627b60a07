#pragma once
// Builds small Jaeger v1 JSON traces from a compact description, so a test reads like the trace
// it describes:
//
//   test::SpanTree tree;
//   tree.span("1").service("web").name("POST /checkout").server().at(0, 100).error();
//   tree.span("2").parent("1").service("web").name("SELECT").client().at(10, 80)
//       .exception("SQLException", "lock wait timeout");
//   const Trace& t = test::onlyTrace(test::load(tree.json()));
//   const int slow = tree.index(t, "2");
//
// Span ids are short hex strings ("1", "a2"), padded to 16 digits in the JSON; times are
// milliseconds from the trace's start (fractions allowed), written as Jaeger microseconds.

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <initializer_list>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace rootline::test {

inline std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

// "2" → "0000000000000002"; longer ids are kept as given.
inline std::string hexId(const std::string& shortId, size_t digits = 16) {
    return shortId.size() >= digits ? shortId : std::string(digits - shortId.size(), '0') + shortId;
}

class SpanSpec {
public:
    explicit SpanSpec(std::string id) : id_(std::move(id)) {}

    SpanSpec& parent(std::string id) {
        parent_ = std::move(id);
        return *this;
    }
    // The parent relationship is FOLLOWS_FROM (the span does not block its parent).
    SpanSpec& followsFrom(std::string id) {
        parent_ = std::move(id);
        followsFrom_ = true;
        return *this;
    }
    // A further reference (kept as a link, since the span's parent comes first).
    SpanSpec& link(std::string id) {
        links_.push_back(std::move(id));
        return *this;
    }
    // Spans with the same service, version and instance share one Jaeger process.
    SpanSpec& service(std::string name, std::string version = "", std::string instance = "") {
        service_ = std::move(name);
        version_ = std::move(version);
        instance_ = std::move(instance);
        return *this;
    }
    SpanSpec& name(std::string operation) {
        name_ = std::move(operation);
        return *this;
    }
    SpanSpec& client() { return kind("client"); }
    SpanSpec& server() { return kind("server"); }
    SpanSpec& producer() { return kind("producer"); }
    SpanSpec& consumer() { return kind("consumer"); }
    SpanSpec& internal() { return kind("internal"); }
    SpanSpec& kind(std::string k) {
        kind_ = std::move(k);
        return *this;
    }
    SpanSpec& at(double startMs, double durationMs) {
        startMs_ = startMs;
        durationMs_ = durationMs;
        return *this;
    }
    // Error status: `error=true` and otel.status_code=ERROR, with a description when given.
    SpanSpec& error(const std::string& description = "") {
        tag("error", "bool", "true");
        str("otel.status_code", "ERROR");
        if (!description.empty()) str("otel.status_description", description);
        return *this;
    }
    SpanSpec& ok() { return str("otel.status_code", "OK"); }
    SpanSpec& http(int code) { return num("http.response.status_code", code); }
    SpanSpec& grpc(int code) { return num("rpc.grpc.status_code", code); }
    SpanSpec& str(const std::string& key, const std::string& value) {
        return tag(key, "string", jsonString(value));
    }
    SpanSpec& num(const std::string& key, int64_t value) {
        return tag(key, "int64", std::to_string(value));
    }
    // An "exception" event in the middle of the span.
    SpanSpec& exception(const std::string& type, const std::string& message) {
        std::vector<std::pair<std::string, std::string>> fields{{"event", "exception"}};
        if (!type.empty()) fields.emplace_back("exception.type", type);
        if (!message.empty()) fields.emplace_back("exception.message", message);
        events_.push_back(std::move(fields));
        return *this;
    }
    SpanSpec& event(const std::string& name) {
        events_.push_back({{"event", name}});
        return *this;
    }

private:
    friend class SpanTree;

    SpanSpec& tag(const std::string& key, const std::string& type, const std::string& rawValue) {
        tags_.push_back({key, type, rawValue});
        return *this;
    }

    std::string id_, parent_;
    bool followsFrom_ = false;
    std::vector<std::string> links_;
    std::string service_ = "svc", version_, instance_;
    std::string name_ = "op";
    std::string kind_;
    double startMs_ = 0, durationMs_ = 1;
    std::vector<std::tuple<std::string, std::string, std::string>> tags_;  // key, type, raw JSON
    std::vector<std::vector<std::pair<std::string, std::string>>> events_;
};

class SpanTree {
public:
    static constexpr int64_t kEpochUs = 1'700'000'000'000'000;  // 2023-11-14, any fixed time

    explicit SpanTree(std::string traceId = "5a1e0000000000000000000000000001")
        : traceId_(std::move(traceId)) {}

    SpanSpec& span(const std::string& id) { return spans_.emplace_back(id); }
    const std::string& traceId() const { return traceId_; }

    // The trace object {"traceID", "spans", "processes"}.
    std::string traceObject() const {
        std::map<std::tuple<std::string, std::string, std::string>, std::string> processes;
        std::string spans;
        for (const SpanSpec& s : spans_) {
            auto [it, added] =
                processes.try_emplace(std::make_tuple(s.service_, s.version_, s.instance_),
                                      "p" + std::to_string(processes.size() + 1));
            const std::string& process = it->second;
            std::string refs;
            auto ref = [&](const std::string& type, const std::string& id) {
                if (!refs.empty()) refs += ",";
                refs += R"({"refType":")" + type + R"(","traceID":")" + traceId_ +
                        R"(","spanID":")" + hexId(id) + R"("})";
            };
            if (!s.parent_.empty()) ref(s.followsFrom_ ? "FOLLOWS_FROM" : "CHILD_OF", s.parent_);
            for (const std::string& l : s.links_)
                ref("FOLLOWS_FROM", l);
            std::string tags;
            auto tag = [&](const std::string& key, const std::string& type,
                           const std::string& raw) {
                if (!tags.empty()) tags += ",";
                tags += R"({"key":)" + jsonString(key) + R"(,"type":")" + type + R"(","value":)" +
                        raw + "}";
            };
            if (!s.kind_.empty()) tag("span.kind", "string", jsonString(s.kind_));
            for (const auto& [k, type, raw] : s.tags_)
                tag(k, type, raw);
            const int64_t startUs = kEpochUs + std::llround(s.startMs_ * 1000);
            const int64_t durationUs = std::llround(s.durationMs_ * 1000);
            std::string logs;
            for (const auto& fields : s.events_) {
                if (!logs.empty()) logs += ",";
                logs += R"({"timestamp":)" + std::to_string(startUs + durationUs / 2) +
                        R"(,"fields":[)";
                for (size_t k = 0; k < fields.size(); ++k)
                    logs += std::string(k ? "," : "") + R"({"key":)" + jsonString(fields[k].first) +
                            R"(,"type":"string","value":)" + jsonString(fields[k].second) + "}";
                logs += "]}";
            }
            if (!spans.empty()) spans += ",\n";
            spans += R"({"traceID":")" + traceId_ + R"(","spanID":")" + hexId(s.id_) +
                     R"(","operationName":)" + jsonString(s.name_) + R"(,"references":[)" + refs +
                     R"(],"startTime":)" + std::to_string(startUs) + R"(,"duration":)" +
                     std::to_string(durationUs) + R"(,"tags":[)" + tags + R"(],"logs":[)" + logs +
                     R"(],"processID":")" + process + R"("})";
        }
        std::string procs;
        for (const auto& [key, id] : processes) {
            const auto& [service, version, instance] = key;
            std::string tags;
            if (!version.empty())
                tags += R"({"key":"service.version","type":"string","value":)" +
                        jsonString(version) + "}";
            if (!instance.empty())
                tags += std::string(tags.empty() ? "" : ",") +
                        R"({"key":"service.instance.id","type":"string","value":)" +
                        jsonString(instance) + "}";
            if (!procs.empty()) procs += ",";
            procs += "\"" + id + R"(":{"serviceName":)" + jsonString(service) + R"(,"tags":[)" +
                     tags + "]}";
        }
        return R"({"traceID":")" + traceId_ + R"(","spans":[)" + spans + R"(],"processes":{)" +
               procs + "}}";
    }

    // A whole file holding this trace.
    std::string json() const { return R"({"data":[)" + traceObject() + "]}"; }

    // A file holding several traces.
    static std::string file(std::initializer_list<const SpanTree*> traces) {
        std::string data;
        for (const SpanTree* t : traces)
            data += (data.empty() ? "" : ",") + t->traceObject();
        return R"({"data":[)" + data + "]}";
    }

    // Index of the span with short id `id` in the loaded trace; fails the test when absent.
    static int index(const Trace& t, const std::string& id) {
        const int i = spanIndex(t, hexId(id));
        EXPECT_GE(i, 0) << "no span " << id;
        return i;
    }

private:
    std::string traceId_;
    std::deque<SpanSpec> spans_;
};

// Loads the tree as the only trace of a file; the result stays alive for the test run.
inline const Trace& loadTree(const SpanTree& tree) {
    return onlyTrace(load(tree.json()));
}

}  // namespace rootline::test
