// The Jaeger client against a loopback server that answers as Jaeger does (bodies from
// ../shared/fixtures/jaeger, shapes from ../shared/reference/jaeger.md §a): api_v3 first and v1
// when a route is missing, what is sent (path, parameters, auth, tenant, headers, sub-path), how
// answers are read (trace bodies loadable, summaries, lists), and not-found in every shape.

#include "remote/jaeger_source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "remote_test_support.h"

namespace rootline::remote {
namespace {

using nlohmann::json;
using test::connectionTo;
using test::contains;
using test::goNotFound;
using test::jsonReply;
using test::LoopbackHttpServer;
using test::pathsOf;
using test::queryOf;
using test::readFixture;
using test::ScriptedReply;

constexpr const char* kId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kFixtureId = "00000000000000000000000000000001";  // apiv3-GetTrace.json

// The v1 envelope of a real jaeger-query capture: one trace of 2 spans, id 2db17286b3e6b148.
std::string v1TraceBody() {
    return readFixture("jaeger/analytics-real-jaeger-query-2019.json");
}

class JaegerSourceTest : public ::testing::Test {
protected:
    std::unique_ptr<TraceSource> source(std::string_view subPath = "") {
        return makeTraceSource(connectionTo(SourceKind::Jaeger, server, subPath));
    }
    LoopbackHttpServer server;
};

// --- a trace by id -----------------------------------------------------------------------------

TEST_F(JaegerSourceTest, FetchesATraceThroughApiV3) {
    const std::string body = readFixture("jaeger/apiv3-GetTrace.json");
    server.enqueue(jsonReply(body));
    const Remote<FetchedTrace> r = source()->fetchTrace("0000000000000001", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "api_v3");
    EXPECT_EQ(r.value.traceId, kFixtureId);
    EXPECT_EQ(r.value.body, body);
    EXPECT_TRUE(r.value.warnings.empty());
    EXPECT_EQ(test::loadedSpans(r.value.body), 1u);

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "GET");
    EXPECT_EQ(requests[0].target, std::string("/api/v3/traces/") + kFixtureId);
    EXPECT_EQ(requests[0].header("accept"), "application/json");
    EXPECT_EQ(requests[0].header("authorization"), "");
}

TEST_F(JaegerSourceTest, EveryFormOfAnIdAsksForThe32DigitOne) {
    const std::string body = readFixture("jaeger/apiv3-GetTrace.json");
    server.setHandler([&](const test::CapturedRequest&) { return jsonReply(body); });
    auto jaeger = source();
    for (const char* id : {kId, "4BF92F3577B34DA6A3CE929D0E0E4736", "S/kvNXezTaajzpKdDg5HNg==",
                           "S_kvNXezTaajzpKdDg5HNg", "  4bf92f3577b34da6a3ce929d0e0e4736\n"}) {
        const Remote<FetchedTrace> r = jaeger->fetchTrace(id, nullptr);
        ASSERT_TRUE(r.ok()) << id << ": " << r.error.message;
        EXPECT_EQ(r.value.traceId, kId) << id;
    }
    // A 64-bit id (16 digits) is the low half of a 128-bit one.
    ASSERT_TRUE(jaeger->fetchTrace("a3ce929d0e0e4736", nullptr).ok());
    const auto paths = pathsOf(server);
    ASSERT_EQ(paths.size(), 6u);
    for (size_t i = 0; i < 5; ++i)
        EXPECT_EQ(paths[i], std::string("/api/v3/traces/") + kId);
    EXPECT_EQ(paths[5], "/api/v3/traces/0000000000000000a3ce929d0e0e4736");
}

TEST_F(JaegerSourceTest, RefusesWhatIsNotATraceIdWithoutAsking) {
    for (const char* id : {"xyz", "", "0", "4bf92f3577b34da6a3ce929d0e0e47361234"}) {
        const Remote<FetchedTrace> r = source()->fetchTrace(id, nullptr);
        EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest) << id;
        EXPECT_TRUE(contains(r.error.message, "is not a trace id (16 or 32 hex digits, or base64)"))
            << r.error.message;
    }
    EXPECT_EQ(source()->fetchTrace("xyz", nullptr).error.message,
              "'xyz' is not a trace id (16 or 32 hex digits, or base64)");
    EXPECT_TRUE(server.requests().empty());
}

TEST_F(JaegerSourceTest, FallsBackToV1WhenApiV3IsMissingAndRemembersIt) {
    server.setHandler([](const test::CapturedRequest& r) {
        if (test::pathOf(r).starts_with("/api/v3/")) return goNotFound();
        return jsonReply(v1TraceBody());
    });
    auto jaeger = source();
    const Remote<FetchedTrace> r = jaeger->fetchTrace("2db17286b3e6b148", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "v1");
    EXPECT_EQ(r.value.traceId, "00000000000000002db17286b3e6b148");
    EXPECT_EQ(r.value.body, v1TraceBody());
    EXPECT_EQ(test::loadedSpans(r.value.body), 2u);
    EXPECT_EQ(pathsOf(server),
              (std::vector<std::string>{"/api/v3/traces/00000000000000002db17286b3e6b148",
                                        "/api/traces/00000000000000002db17286b3e6b148"}));

    // The next call goes straight to v1.
    ASSERT_TRUE(jaeger->fetchTrace("2db17286b3e6b148", nullptr).ok());
    const auto paths = pathsOf(server);
    ASSERT_EQ(paths.size(), 3u);
    EXPECT_EQ(paths[2], "/api/traces/00000000000000002db17286b3e6b148");
}

TEST_F(JaegerSourceTest, FallsBackToV1WhenApiV3AnswersWithTheUiPage) {
    // Jaeger before 2.16 served index.html (200) for a path it did not know.
    server.enqueue(test::webPage());
    server.enqueue(jsonReply(v1TraceBody(), 200, "application/json; charset=utf-8"));
    const Remote<FetchedTrace> r = source()->fetchTrace("2db17286b3e6b148", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "v1");
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(JaegerSourceTest, SendsAuthTenantAndHeadersUnderTheSubPathOnEveryRoute) {
    ::setenv("ROOTLINE_TEST_JAEGER_TOKEN", "tok-123", 1);
    Connection c = connectionTo(SourceKind::Jaeger, server, "/jaeger");
    c.auth = AuthKind::Bearer;
    c.secretEnv = "ROOTLINE_TEST_JAEGER_TOKEN";
    c.tenant = "team-a";
    c.headers = {{"X-Org", "acme", ""}};
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(v1TraceBody()));
    const Remote<FetchedTrace> r = makeTraceSource(c)->fetchTrace(kId, nullptr);
    ::unsetenv("ROOTLINE_TEST_JAEGER_TOKEN");
    ASSERT_TRUE(r.ok()) << r.error.message;
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].target, std::string("/jaeger/api/v3/traces/") + kId);
    EXPECT_EQ(requests[1].target, std::string("/jaeger/api/traces/") + kId);
    for (const auto& request : requests) {
        EXPECT_EQ(request.header("authorization"), "Bearer tok-123");
        EXPECT_EQ(request.header("x-scope-orgid"), "team-a");
        EXPECT_EQ(request.header("x-org"), "acme");
        EXPECT_EQ(request.header("accept"), "application/json");
    }
}

TEST_F(JaegerSourceTest, MessagesNameTheServerButNotTheSubPath) {
    server.enqueue(jsonReply(R"({"error":{"httpCode":404,"message":"No traces found"}})", 404));
    const Remote<FetchedTrace> r = source("/private-prefix/jaeger")->fetchTrace(kId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::NotFound);
    EXPECT_EQ(r.error.message, "trace 4bf92f35… not found on " + server.url());
    EXPECT_EQ(server.requests().at(0).target,
              std::string("/private-prefix/jaeger/api/v3/traces/") + kId);
}

TEST_F(JaegerSourceTest, SendsBasicAuth) {
    Connection c = connectionTo(SourceKind::Jaeger, server);
    c.auth = AuthKind::Basic;
    c.username = "inst-1234";
    c.secret = "glc_secret_pw";
    server.enqueue(jsonReply(readFixture("jaeger/apiv3-GetServices.json")));
    ASSERT_TRUE(makeTraceSource(c)->services(nullptr).ok());
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests()[0].header("authorization"),
              "Basic aW5zdC0xMjM0OmdsY19zZWNyZXRfcHc=");
}

TEST_F(JaegerSourceTest, ApiV3NotFoundIsNotFoundWithoutAFallback) {
    server.enqueue(jsonReply(R"({"error":{"httpCode":404,"message":"No traces found"}})", 404,
                             "text/plain; charset=utf-8"));
    const Remote<FetchedTrace> r = source()->fetchTrace(kId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::NotFound);
    EXPECT_EQ(r.error.message, "trace 4bf92f35… not found on " + server.url());
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(JaegerSourceTest, V1NotFoundInEveryShape) {
    const std::vector<ScriptedReply> answers = {
        jsonReply(R"({"data":null,"total":0,"limit":0,"offset":0,)"
                  R"("errors":[{"code":404,"msg":"trace not found"}]})",
                  404, "text/plain; charset=utf-8"),
        jsonReply(R"({"data":[],"total":0,"limit":0,"offset":0,"errors":null})"),
        jsonReply(R"({"data":null,"errors":[{"code":404,"msg":"trace not found",)"
                  R"("traceID":"0000000000000001"}]})"),
    };
    for (const ScriptedReply& answer : answers) {
        LoopbackHttpServer s;
        s.enqueue(goNotFound());
        s.enqueue(answer);
        const Remote<FetchedTrace> r =
            makeTraceSource(connectionTo(SourceKind::Jaeger, s))->fetchTrace("1", nullptr);
        EXPECT_EQ(r.error.kind, RemoteErrorKind::NotFound)
            << answer.body << ": " << r.error.message;
        EXPECT_EQ(r.error.message, "trace 0000000000000001 not found on " + s.url());
        EXPECT_EQ(s.requests().size(), 2u);
    }
}

TEST_F(JaegerSourceTest, NeitherApiIsAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return goNotFound(); });
    const Remote<FetchedTrace> r = source()->fetchTrace(kId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::WrongUrl);
    EXPECT_EQ(r.error.message, server.url() +
                                   " does not serve the Jaeger API at this URL (404 for its "
                                   "routes): check the URL (does it need a sub-path such as "
                                   "/jaeger?)");
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(JaegerSourceTest, AWebPageForBothApisIsAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return test::webPage(); });
    const Remote<FetchedTrace> r = source()->fetchTrace(kId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::WrongUrl);
    EXPECT_EQ(r.error.message, server.url() +
                                   " answered with a web page, not the Jaeger API: check the URL "
                                   "(does it need a sub-path such as /jaeger?)");
}

TEST_F(JaegerSourceTest, ApiV3AnswerWithoutResultIsABadResponse) {
    server.enqueue(jsonReply(R"({"data":[1,2]})"));
    const Remote<FetchedTrace> r = source()->fetchTrace(kId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(r.error.message, "is not what the Jaeger API sends")) << r.error.message;
    EXPECT_TRUE(contains(r.error.message, server.url())) << r.error.message;
}

// --- search: api_v3 trace-summaries ------------------------------------------------------------

SearchQuery fullQuery() {
    SearchQuery q;
    q.service = "frontend";
    q.operation = "HTTP GET /";
    q.tags = R"(error=true http.status_code=500 note="a \"b\" c")";
    q.minDuration = "100ms";
    q.maxDuration = "1.5s";
    q.limit = 7;
    q.startUnixUs = 1700000000000000;  // 2023-11-14T22:13:20Z
    q.endUnixUs = 1700003600000001;    // an hour and a microsecond later
    return q;
}

TEST_F(JaegerSourceTest, SearchesThroughTraceSummaries) {
    server.enqueue(jsonReply(readFixture("jaeger/apiv3-FindTraceSummaries.json")));
    const auto r = source()->search(fullQuery(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);
    const TraceSummary& row = r.value[0];
    EXPECT_EQ(row.traceId, kFixtureId);
    EXPECT_EQ(row.rootService, "frontend");
    EXPECT_EQ(row.rootOperation, "HTTP GET /");
    EXPECT_EQ(row.startUnixUs, 1000000000);  // 1000000000000 ns
    EXPECT_EQ(row.durationUs, 1000000);      // 1 s
    EXPECT_EQ(row.spanCount, 2);
    EXPECT_EQ(row.errorCount, 1);
    EXPECT_EQ(row.services, (std::vector<std::string>{"frontend"}));

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(test::pathOf(requests[0]), "/api/v3/trace-summaries");
    const auto params = queryOf(requests[0]);
    EXPECT_EQ(params.at("query.service_name"), "frontend");
    EXPECT_EQ(params.at("query.operation_name"), "HTTP GET /");
    EXPECT_EQ(params.at("query.start_time_min"), "2023-11-14T22:13:20.000000000Z");
    EXPECT_EQ(params.at("query.start_time_max"), "2023-11-14T23:13:20.000001000Z");
    EXPECT_EQ(params.at("query.duration_min"), "100ms");
    EXPECT_EQ(params.at("query.duration_max"), "1.5s");
    EXPECT_EQ(params.at("query.search_depth"), "7");
    EXPECT_EQ(json::parse(params.at("query.attributes")),
              json({{"error", "true"}, {"http.status_code", "500"}, {"note", "a \"b\" c"}}));
    EXPECT_EQ(params.size(), 8u);
}

TEST_F(JaegerSourceTest, SearchLeavesOutWhatIsNotAskedAndDefaultsToTheLastHour) {
    server.enqueue(jsonReply(R"({"summaries":[]})"));
    SearchQuery q;
    q.service = "checkout";
    const auto r = source()->search(q, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.empty());
    const auto params = queryOf(server.requests().at(0));
    EXPECT_EQ(params.count("query.operation_name"), 0u);
    EXPECT_EQ(params.count("query.attributes"), 0u);
    EXPECT_EQ(params.count("query.duration_min"), 0u);
    EXPECT_EQ(params.at("query.search_depth"), "20");
    const auto seconds = [](const std::string& rfc3339) {
        std::tm tm{};
        EXPECT_NE(::strptime(rfc3339.c_str(), "%Y-%m-%dT%H:%M:%S", &tm), nullptr) << rfc3339;
        EXPECT_EQ(rfc3339.size(), std::string("2023-11-14T22:13:20.000000000Z").size());
        return static_cast<int64_t>(::timegm(&tm));
    };
    const int64_t start = seconds(params.at("query.start_time_min"));
    const int64_t end = seconds(params.at("query.start_time_max"));
    EXPECT_EQ(end - start, 3600);
    EXPECT_LE(std::llabs(end - static_cast<int64_t>(std::time(nullptr))), 60);
}

TEST_F(JaegerSourceTest, SummariesAreNewestFirstWithTimesAsStringsOrNumbers) {
    server.enqueue(jsonReply(R"({"summaries":[
        {"traceId":"00000000000000000000000000000011","rootServiceName":"a",
         "minStartTimeUnixNano":"1700000000000000000","maxEndTimeUnixNano":"1700000000250000000",
         "spanCount":"3","errorSpanCount":"0"},
        {"traceId":"00000000000000000000000000000022","rootServiceName":"b",
         "minStartTimeUnixNano":1700000005000000000,"maxEndTimeUnixNano":1700000005001000000,
         "spanCount":4,"services":[{"name":"b"},{"name":"c"}]}]})"));
    const auto r = source()->search(fullQuery(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 2u);
    EXPECT_EQ(r.value[0].traceId, "00000000000000000000000000000022");
    EXPECT_EQ(r.value[0].startUnixUs, 1700000005000000);
    EXPECT_EQ(r.value[0].durationUs, 1000);
    EXPECT_EQ(r.value[0].spanCount, 4);
    EXPECT_EQ(r.value[0].errorCount, -1);  // not said
    EXPECT_EQ(r.value[0].services, (std::vector<std::string>{"b", "c"}));
    EXPECT_EQ(r.value[1].traceId, "00000000000000000000000000000011");
    EXPECT_EQ(r.value[1].durationUs, 250000);
    EXPECT_EQ(r.value[1].spanCount, 3);
    EXPECT_EQ(r.value[1].errorCount, 0);
}

TEST_F(JaegerSourceTest, ApiV3NoTracesFoundIsAnEmptyResult) {
    server.enqueue(jsonReply(R"({"error":{"httpCode":404,"message":"No traces found"}})", 404,
                             "text/plain; charset=utf-8"));
    const auto r = source()->search(fullQuery(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.empty());
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(JaegerSourceTest, SearchNeedsAServiceAndWellFormedTags) {
    SearchQuery noService;
    const auto r = source()->search(noService, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(r.error.message, "Jaeger needs a service to search");

    SearchQuery badTags = fullQuery();
    badTags.tags = "error=true lonely";
    const auto t = source()->search(badTags, nullptr);
    EXPECT_EQ(t.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_TRUE(contains(t.error.message, "'lonely' has no value")) << t.error.message;
    badTags.tags = R"(msg="not closed)";
    EXPECT_EQ(source()->search(badTags, nullptr).error.kind, RemoteErrorKind::BadRequest);
    EXPECT_TRUE(server.requests().empty());
}

// --- search: the v1 fallback, which answers whole traces --------------------------------------

json v1Span(const std::string& traceId, const std::string& spanId, const std::string& parent,
            const std::string& op, int64_t startUs, int64_t durationUs, const std::string& process,
            bool error) {
    json span = {{"traceID", traceId},          {"spanID", spanId},       {"operationName", op},
                 {"startTime", startUs},        {"duration", durationUs}, {"processID", process},
                 {"references", json::array()}, {"tags", json::array()},  {"logs", json::array()}};
    if (!parent.empty())
        span["references"].push_back(
            {{"refType", "CHILD_OF"}, {"traceID", traceId}, {"spanID", parent}});
    if (error) span["tags"].push_back({{"key", "error"}, {"type", "bool"}, {"value", true}});
    return span;
}

json processes(std::initializer_list<std::pair<const char*, const char*>> named) {
    json out = json::object();
    for (const auto& [id, service] : named)
        out[id] = {{"serviceName", service}, {"tags", json::array()}};
    return out;
}

// Two traces, the older first: A (3 spans, 1 error, 2 services), B (2 spans, no error).
std::string v1SearchBody() {
    const int64_t t = 1700000000000000;
    const std::string a = "a1a1a1a1a1a1a1a1";
    const std::string b = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    json traceA = {
        {"traceID", a},
        {"spans",
         {v1Span(a, "0000000000000001", "", "GET /a", t, 5000, "p1", false),
          v1Span(a, "0000000000000002", "0000000000000001", "SELECT", t + 100, 1000, "p2", true),
          v1Span(a, "0000000000000003", "0000000000000001", "cache get", t + 200, 100, "p1",
                 false)}},
        {"processes", processes({{"p1", "frontend"}, {"p2", "db"}})},
        {"warnings", nullptr}};
    json traceB = {{"traceID", b},
                   {"spans",
                    {v1Span(b, "00000000000000b1", "", "GET /b", t + 10000000, 2500, "p1", false),
                     v1Span(b, "00000000000000b2", "00000000000000b1", "check", t + 10000100, 400,
                            "p2", false)}},
                   {"processes", processes({{"p1", "frontend"}, {"p2", "auth"}})},
                   {"warnings", nullptr}};
    return json({{"data", {traceA, traceB}},
                 {"total", 0},
                 {"limit", 0},
                 {"offset", 0},
                 {"errors", nullptr}})
        .dump();
}

TEST_F(JaegerSourceTest, FallsBackToTheV1SearchAndSummarisesTheTraces) {
    server.setHandler([](const test::CapturedRequest& r) {
        if (test::pathOf(r) == "/api/v3/trace-summaries") return goNotFound();
        return jsonReply(v1SearchBody());
    });
    auto jaeger = source();
    const auto r = jaeger->search(fullQuery(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 2u);

    const TraceSummary& newest = r.value[0];
    EXPECT_EQ(newest.traceId, "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2");
    EXPECT_EQ(newest.rootService, "frontend");
    EXPECT_EQ(newest.rootOperation, "GET /b");
    EXPECT_EQ(newest.startUnixUs, 1700000010000000);
    EXPECT_EQ(newest.durationUs, 2500);
    EXPECT_EQ(newest.spanCount, 2);
    EXPECT_EQ(newest.errorCount, 0);
    EXPECT_EQ(newest.services.size(), 2u);

    const TraceSummary& older = r.value[1];
    EXPECT_EQ(older.traceId, "0000000000000000a1a1a1a1a1a1a1a1");
    EXPECT_EQ(older.rootService, "frontend");
    EXPECT_EQ(older.rootOperation, "GET /a");
    EXPECT_EQ(older.startUnixUs, 1700000000000000);
    EXPECT_EQ(older.durationUs, 5000);
    EXPECT_EQ(older.spanCount, 3);
    EXPECT_EQ(older.errorCount, 1);
    EXPECT_EQ(older.services, (std::vector<std::string>{"frontend", "db"}));  // by span count

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(test::pathOf(requests[1]), "/api/traces");
    const auto params = queryOf(requests[1]);
    EXPECT_EQ(params.at("service"), "frontend");
    EXPECT_EQ(params.at("operation"), "HTTP GET /");
    EXPECT_EQ(json::parse(params.at("tags")),
              json({{"error", "true"}, {"http.status_code", "500"}, {"note", "a \"b\" c"}}));
    EXPECT_EQ(params.at("start"), "1700000000000000");
    EXPECT_EQ(params.at("end"), "1700003600000001");
    EXPECT_EQ(params.at("minDuration"), "100ms");
    EXPECT_EQ(params.at("maxDuration"), "1.5s");
    EXPECT_EQ(params.at("limit"), "7");

    // Remembered: the next search does not probe trace-summaries again.
    ASSERT_TRUE(jaeger->search(fullQuery(), nullptr).ok());
    EXPECT_EQ(pathsOf(server),
              (std::vector<std::string>{"/api/v3/trace-summaries", "/api/traces", "/api/traces"}));
}

TEST_F(JaegerSourceTest, V1SearchWithNothingFoundIsEmpty) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"data":[],"total":0,"limit":0,"offset":0,"errors":null})"));
    const auto r = source()->search(fullQuery(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.empty());
}

TEST_F(JaegerSourceTest, V1SearchRejectedQuotesTheServer) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[)"
                             R"({"code":400,"msg":"'maxDuration' should be greater than )"
                             R"('minDuration'"}]})",
                             400, "text/plain; charset=utf-8"));
    const auto r = source()->search(fullQuery(), nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(r.error.message, "search on " + server.url() +
                                   " failed: the server said: 'maxDuration' should be greater "
                                   "than 'minDuration'");
}

// --- services and operations -------------------------------------------------------------------

TEST_F(JaegerSourceTest, ServicesThroughApiV3) {
    server.enqueue(jsonReply(readFixture("jaeger/apiv3-GetServices.json")));
    const auto r = source()->services(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"foo"}));
    EXPECT_EQ(pathsOf(server), (std::vector<std::string>{"/api/v3/services"}));
}

TEST_F(JaegerSourceTest, ServicesThroughV1SortedAndDeduplicated) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"data":["route","driver","route","customer"],"total":4})"));
    auto jaeger = source();
    const auto r = jaeger->services(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"customer", "driver", "route"}));
    EXPECT_EQ(pathsOf(server), (std::vector<std::string>{"/api/v3/services", "/api/services"}));

    // api_v3 is remembered missing for the operations too (they came with it, in 1.53).
    server.enqueue(jsonReply(R"({"data":["b","a"]})"));
    ASSERT_TRUE(jaeger->operations("route", nullptr).ok());
    EXPECT_EQ(pathsOf(server).back(), "/api/services/route/operations");
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(JaegerSourceTest, ServicesEmptyInProtoJsonIsAnEmptyList) {
    server.enqueue(jsonReply("{}"));
    const auto r = source()->services(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.empty());
}

TEST_F(JaegerSourceTest, OperationsThroughApiV3WithTheServiceEncoded) {
    server.enqueue(jsonReply(readFixture("jaeger/apiv3-GetOperations.json")));
    const auto r = source()->operations("my svc/x", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"get_users"}));
    EXPECT_EQ(server.requests().at(0).target, "/api/v3/operations?service=my%20svc%2Fx");
}

TEST_F(JaegerSourceTest, OperationsThroughV1WithTheServiceEncodedInThePath) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"data":["HTTP GET /dispatch","HTTP GET /config"],"total":2})"));
    const auto r = source()->operations("my svc/x", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"HTTP GET /config", "HTTP GET /dispatch"}));
    EXPECT_EQ(server.requests().at(1).target, "/api/services/my%20svc%2Fx/operations");
}

TEST_F(JaegerSourceTest, OperationsNeedAService) {
    EXPECT_EQ(source()->operations("", nullptr).error.kind, RemoteErrorKind::BadRequest);
    EXPECT_TRUE(server.requests().empty());
}

TEST_F(JaegerSourceTest, ListsWithNeitherApiAreAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return goNotFound(); });
    const auto r = source()->services(nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(r.error.message, "/jaeger?")) << r.error.message;
}

TEST_F(JaegerSourceTest, TagCompletionIsEmptyWithoutAsking) {
    auto jaeger = source();
    const auto names = jaeger->tagNames(nullptr);
    const auto values = jaeger->tagValues("http.method", nullptr);
    EXPECT_TRUE(names.ok());
    EXPECT_TRUE(names.value.empty());
    EXPECT_TRUE(values.ok());
    EXPECT_TRUE(values.value.empty());
    EXPECT_TRUE(server.requests().empty());
}

TEST(JaegerTempoFactory, MakesAClientForTraceServersOnly) {
    for (const SourceKind kind : {SourceKind::Jaeger, SourceKind::Tempo}) {
        const Connection c = defaultConnection(kind);
        const auto source = makeTraceSource(c);
        ASSERT_NE(source, nullptr) << sourceKindName(kind);
        EXPECT_EQ(source->connection().baseUrl, c.baseUrl);
    }
    EXPECT_NE(
        dynamic_cast<JaegerSource*>(makeTraceSource(defaultConnection(SourceKind::Jaeger)).get()),
        nullptr);
    EXPECT_EQ(makeTraceSource(defaultConnection(SourceKind::Loki)), nullptr);
    EXPECT_EQ(makeTraceSource(defaultConnection(SourceKind::Prometheus)), nullptr);
}

}  // namespace
}  // namespace rootline::remote
