#pragma once
// Inline traces for the suspects tests, with a known outcome of the ranker.

#include <QByteArray>
#include <memory>
#include <string_view>

#include "formats/load.h"

namespace rootline::ui::test {

// checkout(front) → charge(payment): failed with an exception, nothing below it failed (its
// query succeeded) → render(front) afterwards. charge is where the failure starts: suspect #1.
inline const QByteArray kCheckoutJson = R"({"traceID":"1","spans":[
  {"spanID":"1","operationName":"checkout","startTime":1000,"duration":1000,"processID":"p1"},
  {"spanID":"2","parentSpanID":"1","operationName":"charge","startTime":1100,"duration":600,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}],
   "logs":[{"timestamp":1650,"fields":[{"key":"event","type":"string","value":"exception"},
     {"key":"exception.type","type":"string","value":"CardDeclined"}]}]},
  {"spanID":"3","parentSpanID":"2","operationName":"db.query","startTime":1150,"duration":100,
   "processID":"p2"},
  {"spanID":"4","parentSpanID":"1","operationName":"render","startTime":1750,"duration":200,
   "processID":"p1"}],
  "processes":{"p1":{"serviceName":"front"},"p2":{"serviceName":"payment"}}})";

// Nothing failed, and nothing stands out: ten different steps one after the other, each a
// tenth of the trace, under a root that only waits for them. No suspects.
inline QByteArray quietTraceJson() {
    QByteArray json = R"({"traceID":"2","spans":[
  {"spanID":"1","operationName":"home","startTime":1000,"duration":1000,"processID":"p1"})";
    for (int i = 0; i < 10; ++i)
        json += R"(,{"spanID":")" + QByteArray::number(i + 2, 16) +
                R"(","parentSpanID":"1","operationName":"step)" + QByteArray::number(i) +
                R"(","startTime":)" + QByteArray::number(1000 + i * 100) +
                R"(,"duration":100,"processID":"p1"})";
    json += R"(],"processes":{"p1":{"serviceName":"front"}}})";
    return json;
}

inline std::shared_ptr<const Trace> traceFromJson(const QByteArray& json) {
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "inline.json");
    if (!r.ok() || r.file->traces.empty()) qFatal("inline trace did not load");
    return r.file->traces[0];
}

inline uint32_t spanNamed(const Trace& t, std::string_view name) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.nameOf(i) == name) return uint32_t(i);
    qFatal("no span named %s", std::string(name).c_str());
}

}  // namespace rootline::ui::test
