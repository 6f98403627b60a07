// The Tempo client against a loopback server that answers as Tempo does (bodies from
// ../shared/fixtures/tempo, shapes from ../shared/reference/tempo_otlp.md §a): the v2 trace route
// and the v1 fallback for Tempo < 2.6, partial traces, not-found in both of Tempo's shapes, the
// TraceQL search, tag names and values (scoped v2, unscoped v1), services and operations.

#include "remote/tempo_source.h"

#include <gtest/gtest.h>

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

constexpr const char* kDocsId = "5b8efff798038103d269b633813fc700";  // api_v2_traces_by_id
constexpr const char* kVultureId = "3149195ffb0bec05347b48efe8ecc1b0";

// Tempo's not-found: 404 with nothing in the body.
ScriptedReply emptyNotFound() {
    return {.status = 404, .headers = {{"Content-Type", "text/plain; charset=utf-8"}}};
}

// The 6-span vulture trace as the v2 route wraps it, with extra top-level fields.
std::string v2Vulture(const std::string& extra = "") {
    return R"({"trace":)" + readFixture("tempo/vulture_trace_jsonpb.json") +
           R"(,"metrics":{"inspectedBytes":"1234"})" + extra + "}";
}

class TempoSourceTest : public ::testing::Test {
protected:
    std::unique_ptr<TraceSource> source(std::string_view subPath = "") {
        return makeTraceSource(connectionTo(SourceKind::Tempo, server, subPath));
    }
    LoopbackHttpServer server;
};

// --- a trace by id -----------------------------------------------------------------------------

TEST_F(TempoSourceTest, FetchesATraceThroughV2) {
    const std::string body = readFixture("tempo/api_v2_traces_by_id.docs-example.json");
    server.enqueue(jsonReply(body));
    // Tempo's own JSON carries the id in base64; the user may paste either form.
    const Remote<FetchedTrace> r = source()->fetchTrace("W47/95gDgQPSabYzgT/HAA==", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "tempo v2");
    EXPECT_EQ(r.value.traceId, kDocsId);
    EXPECT_EQ(r.value.body, body);
    EXPECT_TRUE(r.value.warnings.empty());
    const LoadResult loaded = loadTraceText(r.value.body, "tempo");
    ASSERT_TRUE(loaded.ok()) << loaded.error.message;
    ASSERT_EQ(loaded.file->traces.size(), 1u);
    EXPECT_EQ(toHex(loaded.file->traces[0]->id), kDocsId);
    EXPECT_EQ(loaded.file->spanCount(), 1u);

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].target, std::string("/api/v2/traces/") + kDocsId);
    EXPECT_EQ(requests[0].header("accept"), "application/json");
}

TEST_F(TempoSourceTest, SendsBasicAuthAndTenantUnderTheSubPath) {
    Connection c = connectionTo(SourceKind::Tempo, server, "/tempo");
    c.auth = AuthKind::Basic;
    c.username = "inst-1234";
    c.secret = "glc_secret_pw";
    c.tenant = "tenant-1";
    c.headers = {{"X-Extra", "yes", ""}};
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(readFixture("tempo/tempopb_trace_v1_batches.json")));
    ASSERT_TRUE(makeTraceSource(c)->fetchTrace(kDocsId, nullptr).ok());
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].target, std::string("/tempo/api/v2/traces/") + kDocsId);
    EXPECT_EQ(requests[1].target, std::string("/tempo/api/traces/") + kDocsId);
    for (const auto& request : requests) {
        EXPECT_EQ(request.header("authorization"), "Basic aW5zdC0xMjM0OmdsY19zZWNyZXRfcHc=");
        EXPECT_EQ(request.header("x-scope-orgid"), "tenant-1");
        EXPECT_EQ(request.header("x-extra"), "yes");
    }
}

TEST_F(TempoSourceTest, FallsBackToV1BeforeTempo26AndRemembersIt) {
    const std::string v1 = readFixture("tempo/tempopb_trace_v1_batches.json");
    server.setHandler([&](const test::CapturedRequest& r) {
        if (test::pathOf(r).starts_with("/api/v2/")) return goNotFound();
        return jsonReply(v1);
    });
    auto tempo = source();
    const Remote<FetchedTrace> r = tempo->fetchTrace("5B8EFFF798038103D269B633813FC60C", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "tempo v1");
    EXPECT_EQ(r.value.traceId, "5b8efff798038103d269b633813fc60c");
    EXPECT_EQ(r.value.body, v1);
    EXPECT_EQ(test::loadedSpans(r.value.body), 1u);
    ASSERT_TRUE(tempo->fetchTrace("5b8efff798038103d269b633813fc60c", nullptr).ok());
    EXPECT_EQ(pathsOf(server),
              (std::vector<std::string>{"/api/v2/traces/5b8efff798038103d269b633813fc60c",
                                        "/api/traces/5b8efff798038103d269b633813fc60c",
                                        "/api/traces/5b8efff798038103d269b633813fc60c"}));
}

TEST_F(TempoSourceTest, AWholeTraceLoadsWithAllItsSpans) {
    server.enqueue(jsonReply(v2Vulture()));
    const Remote<FetchedTrace> r = source()->fetchTrace(kVultureId, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.warnings.empty());
    EXPECT_EQ(test::loadedSpans(r.value.body), 6u);
}

TEST_F(TempoSourceTest, APartialTraceComesWithAWarning) {
    server.enqueue(jsonReply(v2Vulture(
        R"(,"status":"PARTIAL","message":"Trace exceeds maximum size of 100 bytes, a partial )"
        R"(trace is returned")")));
    const Remote<FetchedTrace> r = source()->fetchTrace(kVultureId, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.warnings,
              (std::vector<std::string>{"Tempo returned a partial trace: Trace exceeds maximum "
                                        "size of 100 bytes, a partial trace is returned"}));
    EXPECT_EQ(test::loadedSpans(r.value.body), 6u);

    server.enqueue(jsonReply(v2Vulture(R"(,"status":"PARTIAL")")));
    const Remote<FetchedTrace> bare = source()->fetchTrace(kVultureId, nullptr);
    ASSERT_TRUE(bare.ok()) << bare.error.message;
    EXPECT_EQ(bare.value.warnings, (std::vector<std::string>{"Tempo returned a partial trace"}));
}

TEST_F(TempoSourceTest, AnEmpty404IsNotFoundWithoutAFallback) {
    server.enqueue(emptyNotFound());
    const Remote<FetchedTrace> r = source()->fetchTrace(kDocsId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::NotFound);
    EXPECT_EQ(r.error.message, "trace 5b8efff7… not found on " + server.url());
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(TempoSourceTest, AnEmptyTraceIsNotFound) {
    for (const char* body : {R"({"trace":{}})", "{}", R"({"trace":{"resourceSpans":[]}})",
                             R"({"trace":{"resourceSpans":[{"scopeSpans":[{"spans":[]}]}]}})",
                             R"({"metrics":{"inspectedBytes":"0"}})"}) {
        LoopbackHttpServer s;
        s.enqueue(jsonReply(body));
        const Remote<FetchedTrace> r =
            makeTraceSource(connectionTo(SourceKind::Tempo, s))->fetchTrace(kDocsId, nullptr);
        EXPECT_EQ(r.error.kind, RemoteErrorKind::NotFound) << body << ": " << r.error.message;
    }
    // And from v1: no batches.
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"batches":[]})"));
    EXPECT_EQ(source()->fetchTrace(kDocsId, nullptr).error.kind, RemoteErrorKind::NotFound);
}

TEST_F(TempoSourceTest, ATraceTooLargeIsABadRequestInTempoWords) {
    server.enqueue({.status = 422,
                    .headers = {{"Content-Type", "text/plain; charset=utf-8"}},
                    .body = "trace exceeds max size (max bytes: 5000000)\n"});
    const Remote<FetchedTrace> r = source()->fetchTrace(kDocsId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(r.error.message, "trace 5b8efff7… on " + server.url() +
                                   " failed: the server said: trace exceeds max size (max bytes: "
                                   "5000000)");
}

TEST_F(TempoSourceTest, NeitherRouteIsAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return goNotFound(); });
    const Remote<FetchedTrace> r = source()->fetchTrace(kDocsId, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(r.error.message, "does not serve the Tempo API")) << r.error.message;
    EXPECT_TRUE(contains(r.error.message, "such as /tempo?")) << r.error.message;

    LoopbackHttpServer grafana;  // a Grafana page where Tempo was expected
    grafana.setHandler([](const test::CapturedRequest&) { return test::webPage(); });
    const Remote<FetchedTrace> page =
        makeTraceSource(connectionTo(SourceKind::Tempo, grafana))->fetchTrace(kDocsId, nullptr);
    EXPECT_EQ(page.error.kind, RemoteErrorKind::WrongUrl);
    EXPECT_EQ(page.error.message, grafana.url() +
                                      " answered with a web page, not the Tempo API: check the "
                                      "URL (does it need a sub-path such as /tempo?)");
}

// --- search ------------------------------------------------------------------------------------

TEST_F(TempoSourceTest, SearchesWithTraceQl) {
    server.enqueue(jsonReply(readFixture("tempo/api_search_traceql.docs-example.json")));
    SearchQuery q;
    q.traceQl = R"({ resource.service.name = "my.service" && status = error })";
    q.startUnixUs = 1694718000000000;
    q.endUnixUs = 1694721600000001;  // not a whole second: rounded up
    q.limit = 5;
    q.spansPerSpanSet = 2;
    const auto r = source()->search(q, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);
    const TraceSummary& row = r.value[0];
    EXPECT_EQ(row.traceId, kDocsId);
    EXPECT_EQ(row.rootService, "my.service");
    EXPECT_EQ(row.rootOperation, "I am a span!");
    EXPECT_EQ(row.startUnixUs, 1694718625557000);
    EXPECT_EQ(row.durationUs, 10000000);
    EXPECT_EQ(row.spanCount, -1);  // no serviceStats
    EXPECT_EQ(row.errorCount, -1);
    EXPECT_TRUE(row.services.empty());

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(test::pathOf(requests[0]), "/api/search");
    const auto params = queryOf(requests[0]);
    EXPECT_EQ(params.at("q"), R"({ resource.service.name = "my.service" && status = error })");
    EXPECT_EQ(params.at("start"), "1694718000");
    EXPECT_EQ(params.at("end"), "1694721601");
    EXPECT_EQ(params.at("limit"), "5");
    EXPECT_EQ(params.at("spss"), "2");
    EXPECT_EQ(params.size(), 5u);
}

TEST_F(TempoSourceTest, SearchPadsShortIdsAndSortsNewestFirst) {
    server.enqueue(jsonReply(readFixture("tempo/api_search_tags_based.docs-example.json")));
    const auto r = source()->search({}, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 2u);
    EXPECT_EQ(r.value[0].traceId, "0000000000000000d6e9329d67b6146a");
    EXPECT_EQ(r.value[0].startUnixUs, 1634727903545000);
    EXPECT_EQ(r.value[0].durationUs, 611000);
    EXPECT_EQ(r.value[0].rootOperation, "/cart");
    EXPECT_EQ(r.value[1].traceId, "00000000000000001b1ba462b409200d");
    EXPECT_EQ(r.value[1].startUnixUs, 1634727775935000);

    // An empty query is {} over the last hour, in whole seconds.
    const auto params = queryOf(server.requests().at(0));
    EXPECT_EQ(params.at("q"), "{}");
    EXPECT_EQ(params.at("limit"), "20");
    EXPECT_EQ(params.at("spss"), "3");
    const int64_t start = std::stoll(params.at("start"));
    const int64_t end = std::stoll(params.at("end"));
    EXPECT_GE(end - start, 3600);
    EXPECT_LE(end - start, 3601);
    EXPECT_LE(std::llabs(end - static_cast<int64_t>(std::time(nullptr))), 60);
}

TEST_F(TempoSourceTest, SearchReadsServiceStatsAndToleratesMissingFields) {
    server.enqueue(jsonReply(R"({"traces":[
        {"traceID":"abc","rootServiceName":"<root span not yet received>",
         "startTimeUnixNano":"1700000000000000000",
         "serviceStats":{"api":{"spanCount":3,"errorCount":1},"db":{"spanCount":2}},
         "spanSets":[{"spans":[{"spanID":"563d623c76514f8e","durationNanos":"446979497"}],
                      "matched":1}],
         "someFutureField":{"x":[1,2]}},
        {"traceID":"2f3e0cee77ae5dc9c17ade3689eb2e54","rootServiceName":"shop",
         "rootTraceName":"checkout","startTimeUnixNano":"1700000009000000000","durationMs":557}],
      "metrics":{"inspectedTraces":3100,"newMetric":{"a":"1"}}})"));
    const auto r = source()->search({}, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 2u);
    EXPECT_EQ(r.value[0].traceId, "2f3e0cee77ae5dc9c17ade3689eb2e54");
    EXPECT_EQ(r.value[0].durationUs, 557000);
    const TraceSummary& older = r.value[1];
    EXPECT_EQ(older.traceId, "00000000000000000000000000000abc");
    EXPECT_EQ(older.durationUs, 0);  // under 1 ms: left out
    EXPECT_EQ(older.rootOperation, "");
    EXPECT_EQ(older.spanCount, 5);
    EXPECT_EQ(older.errorCount, 1);
    EXPECT_EQ(older.services, (std::vector<std::string>{"api", "db"}));
}

TEST_F(TempoSourceTest, BadTraceQlQuotesTempo) {
    server.enqueue({.status = 400,
                    .headers = {{"Content-Type", "text/plain; charset=utf-8"}},
                    .body = "invalid TraceQL query: parse error at line 1, col 3: syntax error: "
                            "unexpected IDENTIFIER\n"});
    SearchQuery q;
    q.traceQl = "{ oops }";
    const auto r = source()->search(q, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(r.error.message, "search on " + server.url() +
                                   " failed: the server said: invalid TraceQL query: parse error "
                                   "at line 1, col 3: syntax error: unexpected IDENTIFIER");
    EXPECT_EQ(server.requests().size(), 1u);  // a 400 is not retried
}

TEST_F(TempoSourceTest, SearchWithoutTheRouteIsAWrongUrl) {
    server.enqueue(goNotFound());
    EXPECT_EQ(source()->search({}, nullptr).error.kind, RemoteErrorKind::WrongUrl);
}

// --- tag names and values ----------------------------------------------------------------------

TEST_F(TempoSourceTest, TagNamesAreScopedTraceQlIdentifiers) {
    server.enqueue(jsonReply(R"({"scopes":[
        {"name":"resource","tags":["service.name","k8s.pod.name"]},
        {"name":"span","tags":["http.method","service.name"]},
        {"name":"intrinsic","tags":["duration","name","status"]},
        {"name":"event","tags":["exception.message"]},
        {"name":"link","tags":["peer"]},
        {"name":"instrumentation","tags":["otel.library"]}],
      "metrics":{"inspectedBytes":"123"}})"));
    const auto r = source()->tagNames(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{
                           "duration", "event.exception.message", "instrumentation.otel.library",
                           "link.peer", "name", "resource.k8s.pod.name", "resource.service.name",
                           "span.http.method", "span.service.name", "status"}));
    EXPECT_EQ(server.requests().at(0).target, "/api/v2/search/tags");
}

TEST_F(TempoSourceTest, TagNamesFromV1AreUnscoped) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(R"({"tagNames":["service.name","http.method"],"metrics":{}})"));
    const auto r = source()->tagNames(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{".http.method", ".service.name"}));
    EXPECT_EQ(pathsOf(server),
              (std::vector<std::string>{"/api/v2/search/tags", "/api/search/tags"}));
}

TEST_F(TempoSourceTest, TagValuesAreReadyForTraceQl) {
    server.enqueue(jsonReply(R"({"tagValues":[
        {"type":"string","value":"frontend"},{"type":"int","value":"200"},
        {"type":"keyword","value":"error"},{"type":"string","value":"say \"hi\""}]})"));
    const auto r = source()->tagValues("span.http.status_code", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value,
              (std::vector<std::string>{"\"frontend\"", "\"say \\\"hi\\\"\"", "200", "error"}));
    EXPECT_EQ(server.requests().at(0).target, "/api/v2/search/tag/span.http.status_code/values");
}

TEST_F(TempoSourceTest, TagValuesFromTheDocsExample) {
    server.enqueue(jsonReply(readFixture("tempo/api_v2_search_tag_values.docs-example.json")));
    const auto r = source()->tagValues(".service.name", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.size(), 6u);
    EXPECT_EQ(r.value.front(), "\"article-service\"");
    EXPECT_EQ(server.requests().at(0).target, "/api/v2/search/tag/.service.name/values");
}

TEST_F(TempoSourceTest, TagValuesFallBackToV1WithoutTheScope) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(readFixture("tempo/api_search_tag_values.docs-example.json")));
    auto tempo = source();
    const auto r = tempo->tagValues("resource.service.name", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"\"article-service\"", "\"auth-service\"",
                                                 "\"billing-service\"", "\"cart-service\"",
                                                 "\"postgres\"", "\"shop-backend\""}));
    EXPECT_EQ(pathsOf(server),
              (std::vector<std::string>{"/api/v2/search/tag/resource.service.name/values",
                                        "/api/search/tag/service.name/values"}));
    // v2 is remembered missing for tag names too.
    server.enqueue(jsonReply(R"({"tagNames":["a"]})"));
    ASSERT_TRUE(tempo->tagNames(nullptr).ok());
    EXPECT_EQ(pathsOf(server).back(), "/api/search/tags");
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(TempoSourceTest, ServicesAreServiceNameValuesUnquoted) {
    server.enqueue(jsonReply(readFixture("tempo/api_v2_search_tag_values.docs-example.json")));
    const auto r = source()->services(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value,
              (std::vector<std::string>{"article-service", "auth-service", "billing-service",
                                        "cart-service", "postgres", "shop-backend"}));
    EXPECT_EQ(server.requests().at(0).target, "/api/v2/search/tag/resource.service.name/values");
}

TEST_F(TempoSourceTest, ServicesFromV1) {
    server.enqueue(goNotFound());
    server.enqueue(jsonReply(readFixture("tempo/api_search_tag_values.docs-example.json")));
    const auto r = source()->services(nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.size(), 6u);
    EXPECT_EQ(r.value.front(), "article-service");
}

TEST_F(TempoSourceTest, OperationsAreSpanNamesOfTheService) {
    server.enqueue(jsonReply(R"({"tagValues":[{"type":"string","value":"POST /cart"},
        {"type":"string","value":"GET /cart"},{"type":"string","value":"GET /cart"}]})"));
    const auto r = source()->operations("shop \"backend\"", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value, (std::vector<std::string>{"GET /cart", "POST /cart"}));
    const auto request = server.requests().at(0);
    EXPECT_EQ(test::pathOf(request), "/api/v2/search/tag/name/values");
    EXPECT_EQ(queryOf(request).at("q"), R"({resource.service.name="shop \"backend\""})");
}

TEST_F(TempoSourceTest, OperationsOnAnOldTempoAreEmpty) {
    server.enqueue(goNotFound());
    const auto r = source()->operations("shop", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.empty());
    EXPECT_EQ(server.requests().size(), 1u);  // never every span name of every service
}

}  // namespace
}  // namespace rootline::remote
