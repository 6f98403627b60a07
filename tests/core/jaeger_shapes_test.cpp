// Jaeger v1 JSON in every shape users have on disk.

#include <gtest/gtest.h>

#include "test_support.h"

namespace rootline {
namespace {

using test::load;
using test::onlyTrace;

// Two spans of one trace, as Jaeger's /api/traces/{id} writes them.
const char* kTrace = R"({
  "traceID": "4bf92f3577b34da6a3ce929d0e0e4736",
  "spans": [
    {"traceID": "4bf92f3577b34da6a3ce929d0e0e4736", "spanID": "00f067aa0ba902b7",
     "operationName": "GET /checkout", "references": [], "startTime": 1700000000000000,
     "duration": 2000, "tags": [{"key": "span.kind", "type": "string", "value": "server"}],
     "logs": [], "processID": "p1", "warnings": null},
    {"traceID": "4bf92f3577b34da6a3ce929d0e0e4736", "spanID": "00f067aa0ba902b8",
     "operationName": "SELECT orders", "references": [{"refType": "CHILD_OF",
     "traceID": "4bf92f3577b34da6a3ce929d0e0e4736", "spanID": "00f067aa0ba902b7"}],
     "startTime": 1700000000000100, "duration": 500,
     "tags": [{"key": "error", "type": "bool", "value": true}], "logs": [], "processID": "p2"}
  ],
  "processes": {"p1": {"serviceName": "frontend", "tags": []},
                "p2": {"serviceName": "orders-db", "tags": [
                  {"key": "hostname", "type": "string", "value": "db-1"}]}},
  "warnings": null
})";

void expectTheTwoSpanTrace(const Trace& t) {
    ASSERT_EQ(t.spanCount(), 2u);
    EXPECT_EQ(t.traceIdText(), "4bf92f3577b34da6a3ce929d0e0e4736");
    EXPECT_EQ(t.nameOf(0), "GET /checkout");
    EXPECT_EQ(t.serviceOf(0), "frontend");
    EXPECT_EQ(t.kind[0], SpanKind::Server);
    EXPECT_EQ(t.serviceOf(1), "orders-db");
    EXPECT_EQ(t.parent[1], 0);
    EXPECT_EQ(t.start[1] - t.start[0], 100000);  // µs → ns
    EXPECT_EQ(t.duration[0], 2000000);
    EXPECT_EQ(t.errorCount, 1u);
    EXPECT_EQ(t.selfTime[0], 1500000);
}

TEST(JaegerShapes, EnvelopeWithDataArray) {
    expectTheTwoSpanTrace(onlyTrace(load(std::string(R"({"data":[)") + kTrace +
                                         R"(],"total":0,"limit":0,"offset":0,"errors":null})")));
}

TEST(JaegerShapes, EnvelopeWithDataObject) {
    expectTheTwoSpanTrace(onlyTrace(load(std::string(R"({"data":)") + kTrace + "}")));
}

TEST(JaegerShapes, BareTraceObject) {
    expectTheTwoSpanTrace(onlyTrace(load(kTrace)));
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

TEST(JaegerShapes, ArrayOfTraces) {
    const std::string second =
        replaceAll(kTrace, "4bf92f3577b34da6a3ce929d0e0e4736", "11111111111111111111111111111111");
    const LoadResult r = load("[" + std::string(kTrace) + "," + second + "]");
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.file->traces.size(), 2u);
    expectTheTwoSpanTrace(*r.file->traces[0]);
    EXPECT_EQ(r.file->traces[1]->traceIdText(), "11111111111111111111111111111111");
    EXPECT_EQ(r.file->traces[1]->spanCount(), 2u);
}

TEST(JaegerShapes, ArrayOfSpansWithEmbeddedProcess) {
    const LoadResult r = load(R"([
      {"traceID": "2be38093ead7a083", "spanID": "7bd66f09ba90ea3d", "operationName": "call",
       "references": [{"refType": "CHILD_OF", "traceID": "2be38093ead7a083",
                       "spanID": "7606ddfe69932d34"}],
       "startTime": 1700000000000100, "duration": 10,
       "tags": [{"key": "error", "type": "bool", "value": "true"}],
       "process": {"serviceName": "client-svc", "tags": []}},
      {"traceID": "2be38093ead7a083", "spanID": "7606ddfe69932d34", "operationName": "serve",
       "startTime": 1700000000000000, "duration": 500,
       "process": {"serviceName": "server-svc", "tags": []}}])");
    const Trace& t = onlyTrace(r);
    ASSERT_EQ(t.spanCount(), 2u);
    EXPECT_EQ(t.serviceOf(0), "server-svc");
    EXPECT_EQ(t.serviceOf(1), "client-svc");
    EXPECT_EQ(t.parent[1], 0);
    EXPECT_TRUE(t.isError(1));  // "true" as a string under type bool
}

TEST(JaegerShapes, JsonLinesOfSpans) {
    const LoadResult r = load(
        "{\"traceID\":\"a1\",\"spanID\":\"01\",\"operationName\":\"root\",\"startTime\":10,"
        "\"duration\":100,\"process\":{\"serviceName\":\"svc\"}}\n"
        "{\"traceID\":\"a1\",\"spanID\":\"02\",\"operationName\":\"child\",\"startTime\":20,"
        "\"duration\":5,\"references\":[{\"refType\":\"CHILD_OF\",\"traceID\":\"a1\","
        "\"spanID\":\"01\"}],\"process\":{\"serviceName\":\"svc\"}}\n"
        "{\"traceID\":\"b2\",\"spanID\":\"03\",\"operationName\":\"other\",\"startTime\":30,"
        "\"duration\":5,\"process\":{\"serviceName\":\"svc2\"}}\n");
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_NE(r.file->format.find("3 documents"), std::string::npos) << r.file->format;
    ASSERT_EQ(r.file->traces.size(), 2u);
    EXPECT_EQ(r.file->traces[0]->spanCount(), 2u);
    EXPECT_EQ(r.file->traces[0]->parent[1], 0);
    EXPECT_EQ(r.file->traces[1]->serviceOf(0), "svc2");
}

TEST(JaegerShapes, TypedTagsWhoseValueBreaksTheDeclaredType) {
    const Trace& t = onlyTrace(load(R"({"traceID":"1","spans":[{"traceID":"1","spanID":"1",
      "operationName":"op","startTime":1,"duration":1,"processID":"p1","tags":[
        {"key":"flag","type":"bool","value":"true"},
        {"key":"off","type":"bool","value":"FALSE"},
        {"key":"big","type":"int64","value":"9223372036854775222"},
        {"key":"ratio","type":"float64","value":"0.25"},
        {"key":"blob","type":"binary","value":"AAAwOQ=="},
        {"key":"untyped","value":42},
        {"key":"str-number","type":"string","value":7},
        {"key":"nested","type":"string","value":{"a":[1,2]}}]}],
      "processes":{"p1":{"serviceName":"s"}}})"));
    const auto type = [&](std::string_view key) {
        const Value* v = t.findAttribute(0, t.dict->strings.find(key));
        return v ? v->type : ValueType::Empty;
    };
    EXPECT_EQ(type("flag"), ValueType::Bool);
    EXPECT_EQ(test::attrText(t, 0, "flag"), "true");
    EXPECT_EQ(test::attrText(t, 0, "off"), "false");
    EXPECT_EQ(type("big"), ValueType::Int);
    EXPECT_EQ(test::attrText(t, 0, "big"), "9223372036854775222");
    EXPECT_EQ(type("ratio"), ValueType::Double);
    EXPECT_EQ(type("blob"), ValueType::Bytes);
    EXPECT_EQ(test::attrText(t, 0, "blob"), "AAAwOQ==");
    EXPECT_EQ(type("untyped"), ValueType::Int);
    EXPECT_EQ(test::attrText(t, 0, "str-number"), "7");
    EXPECT_EQ(test::attrText(t, 0, "nested"), R"({"a":[1,2]})");
}

TEST(JaegerShapes, FollowsFromAndCrossTraceReferences) {
    const Trace& t = onlyTrace(load(R"({"traceID":"aa","spans":[
      {"traceID":"aa","spanID":"01","operationName":"produce","startTime":0,"duration":10},
      {"traceID":"aa","spanID":"02","operationName":"consume","startTime":50,"duration":10,
       "references":[{"refType":"CHILD_OF","traceID":"bb","spanID":"99"},
                     {"refType":"FOLLOWS_FROM","traceID":"aa","spanID":"01"}]}]})"));
    ASSERT_EQ(t.spanCount(), 2u);
    EXPECT_EQ(t.parent[1], 0);  // FOLLOWS_FROM in the same trace beats CHILD_OF elsewhere
    EXPECT_TRUE(t.flags[1] & kParentFollowsFrom);
    ASSERT_EQ(t.linksOf(1).size(), 1u);
    EXPECT_EQ(t.linksOf(1)[0].type, RefType::ChildOf);
    EXPECT_EQ(toHex(t.linksOf(1)[0].traceId), "000000000000000000000000000000bb");
    EXPECT_EQ(t.linksOf(1)[0].target, -1);
    // An asynchronous child outside its parent is normal, not clock skew.
    EXPECT_FALSE(test::hasWarning(t, 1, WarningCode::EndsAfterParent));
}

TEST(JaegerShapes, SpanAndTraceWarningsAreKept) {
    const Trace& t = onlyTrace(load(R"({"traceID":"1","spans":[{"traceID":"1","spanID":"1",
      "operationName":"op","startTime":1,"duration":1,
      "warnings":["This span's timestamps were adjusted by 3ms"]}],
      "warnings":["trace truncated by max_trace_size"]})"));
    ASSERT_TRUE(test::hasWarning(t, 0, WarningCode::Source));
    EXPECT_EQ(warningText(t, t.warningsOf(0)[0]), "This span's timestamps were adjusted by 3ms");
    ASSERT_EQ(t.traceWarnings.size(), 1u);
}

TEST(JaegerShapes, LogsBecomeEventsNamedByTheirEventField) {
    const Trace& t = onlyTrace(load(R"({"traceID":"1","spans":[{"traceID":"1","spanID":"1",
      "operationName":"op","startTime":1000,"duration":10,"logs":[
        {"timestamp":1005,"fields":[{"key":"event","type":"string","value":"exception"},
                                    {"key":"exception.message","type":"string","value":"boom"}]},
        {"timestamp":1007,"fields":[{"key":"message","type":"string","value":"plain log"}]}]}]})"));
    ASSERT_EQ(t.eventsOf(0).size(), 2u);
    const Event& e = t.eventsOf(0)[0];
    EXPECT_EQ(t.str(e.name), "exception");
    EXPECT_EQ(e.timeNs, 1005000);
    ASSERT_EQ(t.dict->attrs.set(e.attrs).size(), 1u);  // "event" became the name
    EXPECT_EQ(t.str(t.eventsOf(0)[1].name), "");
}

TEST(JaegerShapes, ErrorEnvelopeIsReportedNotLoaded) {
    const LoadResult r = load(
        R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]})");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.message,
              "Jaeger returned an error instead of a trace: trace not found (code 404)");
}

TEST(JaegerShapes, EmptySearchResultIsAFileWithNoTraces) {
    const LoadResult r = load(R"({"data":[],"total":0,"limit":0,"offset":0,"errors":null})");
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.file->traces.empty());
    ASSERT_FALSE(r.file->warnings.empty());
    EXPECT_EQ(r.file->warnings.back(), "the file holds no spans");
}

TEST(JaegerShapes, MissingProcessMapIsOneFileWarning) {
    const LoadResult r = load(R"({"traceID":"1","spans":[
      {"traceID":"1","spanID":"1","operationName":"a","startTime":1,"duration":5,"processID":"p1"},
      {"traceID":"1","spanID":"2","operationName":"b","startTime":2,"duration":1,"processID":"p1",
       "references":[{"refType":"CHILD_OF","traceID":"1","spanID":"1"}]}]})");
    const Trace& t = onlyTrace(r);
    EXPECT_EQ(t.serviceOf(0), "unknown_service");
    EXPECT_FALSE(test::hasWarning(t, 0, WarningCode::BadField));
    ASSERT_EQ(r.file->warnings.size(), 1u);
    EXPECT_NE(r.file->warnings[0].find("\"processes\" map is missing"), std::string::npos);
}

}  // namespace
}  // namespace rootline
