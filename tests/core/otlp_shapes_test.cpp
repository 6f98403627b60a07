// OTLP JSON and the formats built on it: spec OTLP, legacy and snake_case producers, Tempo's
// trace-by-id responses and Jaeger's api_v3 wrapper.

#include <gtest/gtest.h>

#include "test_support.h"

namespace rootline {
namespace {

using test::load;
using test::onlyTrace;

std::string resourceSpans(const std::string& service, const std::string& spans,
                          const std::string& scopeKey = "scopeSpans",
                          const std::string& scopeName = "scope") {
    return R"({"resource":{"attributes":[{"key":"service.name","value":{"stringValue":")" +
           service + R"("}}]},")" + scopeKey + R"(":[{")" + scopeName +
           R"(":{"name":"lib","version":"1.0"},"spans":[)" + spans + "]}]}";
}

const char* kServerSpan =
    R"({"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
        "name":"GET /","kind":2,"startTimeUnixNano":"1544712660000000000",
        "endTimeUnixNano":"1544712661000000000","status":{}})";
const char* kClientSpan =
    R"({"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b175",
        "parentSpanId":"eee19b7ec3c1b174","name":"SELECT","kind":3,
        "startTimeUnixNano":"1544712660100000000","endTimeUnixNano":"1544712660300000000",
        "status":{"code":2,"message":"deadlock detected"}})";

TEST(OtlpShapes, SpecOtlpJson) {
    const Trace& t =
        onlyTrace(load(R"({"resourceSpans":[)" +
                       resourceSpans("web", std::string(kServerSpan) + "," + kClientSpan) + "]}"));
    ASSERT_EQ(t.spanCount(), 2u);
    EXPECT_EQ(t.kind[0], SpanKind::Server);
    EXPECT_EQ(t.kind[1], SpanKind::Client);
    EXPECT_EQ(t.parent[1], 0);
    EXPECT_EQ(t.duration[1], 200000000);
    EXPECT_TRUE(t.isError(1));
    EXPECT_EQ(t.str(t.statusMessage[1]), "deadlock detected");
    EXPECT_EQ(t.str(t.dict->scopes[t.scope[0]].name), "lib");
    EXPECT_EQ(t.selfTime[0], 800000000);
}

TEST(OtlpShapes, LegacyInstrumentationLibrarySpans) {
    const Trace& t = onlyTrace(load(
        R"({"resourceSpans":[)" +
        resourceSpans("web", kServerSpan, "instrumentationLibrarySpans", "instrumentationLibrary") +
        "]}"));
    EXPECT_EQ(t.serviceOf(0), "web");
    EXPECT_EQ(t.str(t.dict->scopes[t.scope[0]].name), "lib");
}

TEST(OtlpShapes, SnakeCaseKeysAndNumbersAsNumbers) {
    // Generic proto3 JSON printers (and Grafana's own test data) write these.
    const Trace& t = onlyTrace(load(R"({"resource_spans":[{"resource":{"attributes":[
        {"key":"service.name","value":{"string_value":"grafana-test"}}]},
      "scope_spans":[{"scope":{"name":"s"},"spans":[{"trace_id":"0102030405060708090a0b0c0d0e0f10",
        "span_id":"0102030405060708","name":"op","kind":"SPAN_KIND_SERVER",
        "start_time_unix_nano":1700000000000000000,"end_time_unix_nano":1700000000000001000,
        "attributes":[{"key":"n","value":{"int_value":12}}]}]}]}]})"));
    EXPECT_EQ(t.serviceOf(0), "grafana-test");
    EXPECT_EQ(t.kind[0], SpanKind::Server);
    EXPECT_EQ(t.duration[0], 1000);
    EXPECT_EQ(test::attrText(t, 0, "n"), "12");
}

TEST(OtlpShapes, SameResourceRepeatedAcrossResourceSpansIsOneService) {
    const LoadResult r = load(R"({"resourceSpans":[)" + resourceSpans("web", kServerSpan) + "," +
                              resourceSpans("web", kClientSpan) + "]}");
    const Trace& t = onlyTrace(r);
    EXPECT_EQ(t.services.size(), 1u);
    EXPECT_EQ(t.resource[0], t.resource[1]);
}

TEST(OtlpShapes, TempoV1BatchesAndV2PartialTraces) {
    const LoadResult v1 = load(R"({"batches":[)" + resourceSpans("web", kServerSpan) + "]}");
    ASSERT_TRUE(v1.ok());
    EXPECT_EQ(v1.file->format, "Tempo JSON (v1)");
    const LoadResult v2 = load(
        R"({"trace":{"resourceSpans":[)" + resourceSpans("web", kServerSpan) +
        R"(]},"status":"PARTIAL","message":"Trace exceeds maximum size of 5000000 bytes, a partial trace is returned"})");
    ASSERT_TRUE(v2.ok());
    EXPECT_EQ(v2.file->format, "Tempo JSON (v2)");
    ASSERT_EQ(v2.file->warnings.size(), 1u);
    EXPECT_EQ(v2.file->warnings[0],
              "partial trace: Trace exceeds maximum size of 5000000 bytes, a partial trace is "
              "returned");
}

TEST(OtlpShapes, Base64IdsAndEnumNamesFromTempo) {
    const Trace& t = onlyTrace(load(R"({"trace":{"resourceSpans":[{"resource":{},"scopeSpans":[
      {"spans":[{"traceId":"W47/95gDgQPSabYzgT/HAA==","spanId":"7uGbfsPBsQA=","name":"a",
        "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":"1","endTimeUnixNano":"2",
        "status":{"code":"STATUS_CODE_ERROR"}},
       {"traceId":"W47/95gDgQPSabYzgT/HAA==","spanId":"7uGbfsPBsQE=","parentSpanId":"7uGbfsPBsQA=",
        "name":"b","kind":"CONSUMER","startTimeUnixNano":"1","endTimeUnixNano":"2",
        "status":{"code":"ERROR"}}]}]}]}})"));
    EXPECT_EQ(t.traceIdText(), "5b8efff798038103d269b633813fc700");
    EXPECT_EQ(t.spanIdText(0), "eee19b7ec3c1b100");
    EXPECT_EQ(t.kind[0], SpanKind::Client);
    EXPECT_EQ(t.kind[1], SpanKind::Consumer);
    EXPECT_EQ(t.parent[1], 0);
    EXPECT_EQ(t.errorCount, 2u);
    EXPECT_EQ(t.serviceOf(0), "unknown_service");
}

TEST(OtlpShapes, JaegerApiV3ResultsConcatenatedOrInAnArray) {
    const std::string a =
        R"({"result":{"resourceSpans":[)" + resourceSpans("web", kServerSpan) + "]}}";
    const std::string b =
        R"({"result":{"resourceSpans":[)" + resourceSpans("db", kClientSpan) + "]}}";
    for (const std::string& text : {a + "\n" + b + "\n", a + b, "[" + a + "," + b + "]"}) {
        const LoadResult r = load(text);
        const Trace& t = onlyTrace(r);  // both chunks hold spans of one trace
        ASSERT_EQ(t.spanCount(), 2u);
        EXPECT_EQ(t.parent[1], 0);
        EXPECT_EQ(t.serviceOf(1), "db");
        EXPECT_NE(r.file->format.find("Jaeger api_v3 JSON"), std::string::npos);
    }
}

TEST(OtlpShapes, JaegerApiV3ErrorIsReported) {
    const LoadResult r = load(R"({"error":{"httpCode":404,"message":"No traces found"}})");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.message,
              "the server returned an error instead of a trace: No traces found (HTTP 404)");
}

TEST(OtlpShapes, EveryAnyValueType) {
    const Trace& t = onlyTrace(load(R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[
      {"traceId":"01","spanId":"01","name":"a","startTimeUnixNano":"1","endTimeUnixNano":"2",
       "attributes":[
        {"key":"s","value":{"stringValue":"x"}},
        {"key":"b","value":{"boolValue":true}},
        {"key":"i","value":{"intValue":"-5"}},
        {"key":"d","value":{"doubleValue":1.5}},
        {"key":"nan","value":{"doubleValue":"NaN"}},
        {"key":"bytes","value":{"bytesValue":"AAAwOQ=="}},
        {"key":"arr","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"1"}]}}},
        {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"boolValue":false}}]}}},
        {"key":"empty","value":{}}]}]}]}]})"));
    EXPECT_EQ(test::attrText(t, 0, "s"), "x");
    EXPECT_EQ(test::attrText(t, 0, "b"), "true");
    EXPECT_EQ(test::attrText(t, 0, "i"), "-5");
    EXPECT_EQ(test::attrText(t, 0, "d"), "1.5");
    EXPECT_EQ(test::attrText(t, 0, "nan"), "NaN");
    EXPECT_EQ(test::attrText(t, 0, "bytes"), "AAAwOQ==");
    EXPECT_EQ(test::attrText(t, 0, "arr"), R"(["a",1])");
    EXPECT_EQ(test::attrText(t, 0, "map"), R"({"k":false})");
    EXPECT_EQ(test::attrText(t, 0, "empty"), "");
}

TEST(OtlpShapes, DeeplyNestedAnyValuesStopAtALimit) {
    std::string value = R"({"stringValue":"leaf"})";
    for (int i = 0; i < 200; ++i)
        value = R"({"arrayValue":{"values":[)" + value + "]}}";
    const LoadResult r = load(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01",
      "spanId":"01","name":"a","attributes":[{"key":"deep","value":)" +
                              value + "}]}]}]}]}");
    const Trace& t = onlyTrace(r);
    EXPECT_NE(test::attrText(t, 0, "deep").find("leaf"), std::string::npos);
}

TEST(OtlpShapes, EventsAndLinksWithJaegerRefTypes) {
    const Trace& t = onlyTrace(load(R"J({"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"01","spanId":"01","name":"a","startTimeUnixNano":"100","endTimeUnixNano":"200",
       "events":[{"timeUnixNano":"150","name":"exception","attributes":[
          {"key":"exception.stacktrace","value":{"stringValue":"at a()\nat b()"
}
}]
}],
       "links":[{"traceId":"02","spanId":"09","attributes":[
          {"key":"opentracing.ref_type","value":{"stringValue":"follows_from"}}]},
                {"traceId":"01","spanId":"01"}]
}]
}]
}]
})J"));
    ASSERT_EQ(t.eventsOf(0).size(), 1u);
    EXPECT_EQ(t.eventsOf(0)[0].timeNs, 150);
    ASSERT_EQ(t.linksOf(0).size(), 2u);
    EXPECT_EQ(t.linksOf(0)[0].type, RefType::FollowsFrom);
    EXPECT_EQ(t.linksOf(0)[0].target, -1);
    EXPECT_EQ(t.linksOf(0)[1].type, RefType::Link);
    EXPECT_EQ(t.linksOf(0)[1].target, 0);  // resolved inside the trace
}

TEST(OtlpShapes, MissingEndTimeMeansZeroDurationWithAWarning) {
    const Trace& t = onlyTrace(load(R"({"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"01","spanId":"01","name":"a","startTimeUnixNano":"100"}]}]}]})"));
    EXPECT_EQ(t.duration[0], 0);
    EXPECT_TRUE(test::hasWarning(t, 0, WarningCode::ZeroDuration));
}

}  // namespace
}  // namespace rootline
