// Error status, span kind and semantic-convention names read alike whatever the encoding.

#include <gtest/gtest.h>

#include "model/semconv.h"
#include "test_support.h"

namespace rootline {
namespace {

// One Jaeger span with the given tags (already JSON).
const Trace& jaegerSpan(LoadResult& holder, const std::string& tags) {
    holder = test::load(R"({"traceID":"1","spans":[{"traceID":"1","spanID":"1",
      "operationName":"op","startTime":1,"duration":1,"tags":[)" +
                        tags + "]}]}");
    return test::onlyTrace(holder);
}

std::string tag(const std::string& key, const std::string& type, const std::string& value) {
    return R"({"key":")" + key + R"(","type":")" + type + R"(","value":)" + value + "}";
}

TEST(Normalisation, ErrorTagAsBoolOrString) {
    LoadResult r;
    EXPECT_TRUE(jaegerSpan(r, tag("error", "bool", "true")).isError(0));
    EXPECT_TRUE(jaegerSpan(r, tag("error", "string", "\"true\"")).isError(0));
    EXPECT_TRUE(jaegerSpan(r, tag("error", "bool", "\"True\"")).isError(0));
    EXPECT_FALSE(jaegerSpan(r, tag("error", "bool", "false")).isError(0));
    // The string "false" is truthy in JavaScript (Jaeger UI's bug); not here.
    EXPECT_FALSE(jaegerSpan(r, tag("error", "string", "\"false\"")).isError(0));
}

TEST(Normalisation, OtelStatusCodeTagAndDescription) {
    LoadResult r;
    const Trace& t = jaegerSpan(r, tag("otel.status_code", "string", "\"ERROR\"") + "," +
                                       tag("otel.status_description", "string", "\"timeout\""));
    EXPECT_TRUE(t.isError(0));
    EXPECT_FALSE(t.flags[0] & kErrorInferred);
    EXPECT_EQ(t.str(t.statusMessage[0]), "timeout");
    EXPECT_EQ(jaegerSpan(r, tag("otel.status_code", "string", "\"OK\"")).status[0], StatusCode::Ok);
}

TEST(Normalisation, HttpStatusInfersErrorsByKindUnderOldAndNewNames) {
    LoadResult r;
    const auto check = [&](const std::string& kind, const std::string& key, int code) {
        const Trace& t = jaegerSpan(r, tag("span.kind", "string", "\"" + kind + "\"") + "," +
                                           tag(key, "int64", std::to_string(code)));
        return t.isError(0) && (t.flags[0] & kErrorInferred);
    };
    for (const std::string key : {"http.status_code", "http.response.status_code"}) {
        SCOPED_TRACE(key);
        EXPECT_TRUE(check("server", key, 503));
        EXPECT_FALSE(check("server", key, 404));  // a server answering 404 did its job
        EXPECT_TRUE(check("client", key, 404));
        EXPECT_FALSE(check("client", key, 302));
        EXPECT_TRUE(check("internal", key, 500));
    }
    // As a string, as old Jaeger clients send it.
    const Trace& t = jaegerSpan(r, tag("http.status_code", "string", "\"502\""));
    EXPECT_TRUE(t.isError(0));
}

TEST(Normalisation, DeclaredStatusWinsOverHttpCodes) {
    LoadResult r;
    EXPECT_FALSE(jaegerSpan(r, tag("otel.status_code", "string", "\"OK\"") + "," +
                                   tag("http.status_code", "int64", "500"))
                     .isError(0));
    EXPECT_FALSE(
        jaegerSpan(r, tag("error", "bool", "false") + "," + tag("http.status_code", "int64", "500"))
            .isError(0));
}

TEST(Normalisation, GrpcStatusCodes) {
    LoadResult r;
    const Trace& server = jaegerSpan(r, tag("span.kind", "string", "\"server\"") + "," +
                                            tag("rpc.grpc.status_code", "int64", "4"));
    EXPECT_TRUE(server.isError(0));
    const Trace& notFound = jaegerSpan(r, tag("span.kind", "string", "\"server\"") + "," +
                                              tag("rpc.grpc.status_code", "int64", "5"));
    EXPECT_FALSE(notFound.isError(0));  // NOT_FOUND is the caller's problem
    const Trace& client = jaegerSpan(r, tag("span.kind", "string", "\"client\"") + "," +
                                            tag("rpc.grpc.status_code", "int64", "5"));
    EXPECT_TRUE(client.isError(0));
}

TEST(Normalisation, KindFromTagsAndEnums) {
    LoadResult r;
    EXPECT_EQ(jaegerSpan(r, tag("span.kind", "string", "\"producer\"")).kind[0],
              SpanKind::Producer);
    EXPECT_EQ(jaegerSpan(r, tag("span.kind", "string", "\"SERVER\"")).kind[0], SpanKind::Server);
    EXPECT_EQ(jaegerSpan(r, "").kind[0], SpanKind::Unspecified);
    EXPECT_EQ(parseKind("SPAN_KIND_INTERNAL"), SpanKind::Internal);
    EXPECT_EQ(parseKind("3"), SpanKind::Client);
    EXPECT_EQ(parseStatus("STATUS_CODE_OK"), StatusCode::Ok);
    EXPECT_EQ(parseStatus("Error"), StatusCode::Error);
}

TEST(Normalisation, OtlpStatusCodesAsNumbersAndNames) {
    for (const std::string code : {"2", "\"STATUS_CODE_ERROR\"", "\"ERROR\""}) {
        const LoadResult r = test::load(R"({"resourceSpans":[{"scopeSpans":[{"spans":[
          {"traceId":"01","spanId":"01","name":"a","status":{"code":)" +
                                        code + "}}]}]}]}");
        EXPECT_TRUE(test::onlyTrace(r).isError(0)) << code;
    }
}

}  // namespace
}  // namespace rootline

namespace rootline {
namespace {

TEST(Normalisation, OldAndNewSemanticConventionNamesReadAlike) {
    const LoadResult r = test::load(R"({"traceID":"1","spans":[
      {"traceID":"1","spanID":"1","operationName":"old","startTime":1,"duration":9,"tags":[
        {"key":"http.method","type":"string","value":"GET"},
        {"key":"http.status_code","type":"int64","value":503},
        {"key":"db.statement","type":"string","value":"SELECT 1"}]},
      {"traceID":"1","spanID":"2","operationName":"new","startTime":2,"duration":1,"tags":[
        {"key":"http.request.method","type":"string","value":"GET"},
        {"key":"http.response.status_code","type":"int64","value":503},
        {"key":"db.query.text","type":"string","value":"SELECT 1"}]}]})");
    const Trace& t = test::onlyTrace(r);
    const SemconvLookup sem(*t.dict);
    for (size_t i = 0; i < 2; ++i) {
        SCOPED_TRACE(t.nameOf(i));
        const Value* method = sem.find(t, i, SemAttr::HttpMethod);
        const Value* status = sem.find(t, i, SemAttr::HttpStatusCode);
        const Value* query = sem.find(t, i, SemAttr::DbQueryText);
        ASSERT_TRUE(method && status && query);
        EXPECT_EQ(valueToString(*method, t.dict->strings, t.dict->attrs), "GET");
        EXPECT_EQ(status->integer, 503);
        EXPECT_EQ(valueToString(*query, t.dict->strings, t.dict->attrs), "SELECT 1");
        EXPECT_TRUE(t.isError(i));
        EXPECT_TRUE(t.flags[i] & kErrorInferred);
    }
    EXPECT_EQ(sem.find(t, 0, SemAttr::RpcMethod), nullptr);
}

}  // namespace
}  // namespace rootline
