// The Loki client against a loopback server that answers as Loki does (bodies from
// ../shared/fixtures/loki, shapes from ../shared/reference/tempo_otlp.md §c): both answer forms
// (plain 2-tuples and categorize-labels 3-tuples), the request it sends, and every fault a user
// can meet, each reported in one line naming the server and never the secret.

#include "remote/loki_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "logs/log_correlation.h"
#include "remote_test_support.h"
#include "span_tree_builder.h"

namespace rootline::remote {
namespace {

using namespace std::chrono_literals;
using test::connectionTo;
using test::contains;
using test::jsonReply;
using test::LoopbackHttpServer;
using test::queryOf;
using test::readFixture;
using test::ScriptedReply;

constexpr const char* kTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kSecret = "glc_SECRET_0123456789abcdef";

LogQuery queryFor(std::vector<std::string> services = {"checkout"}) {
    LogQuery q;
    q.traceId = kTraceId;
    q.services = std::move(services);
    q.startNs = 1645030244000000000;
    q.endNs = 1645030248000000000;
    q.limit = 100;
    return q;
}

// Loki's errors are text/plain.
ScriptedReply textReply(int status, std::string body,
                        std::vector<std::pair<std::string, std::string>> extra = {}) {
    extra.emplace_back("Content-Type", "text/plain; charset=utf-8");
    return {.status = status, .headers = std::move(extra), .body = std::move(body)};
}

// A categorized answer as Loki 3 sends for OTLP logs: ids in structured metadata, the level
// parsed by a pipeline stage.
std::string categorizedAnswer() {
    return R"({"status":"success","data":{"encodingFlags":["categorize-labels"],)"
           R"("resultType":"streams","result":[)"
           R"({"stream":{"service_name":"checkout","namespace":"shop"},"values":[)"
           R"(["1700000000020000000","payment authorization failed",)"
           R"({"structuredMetadata":{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736",)"
           R"("span_id":"0000000000000003"},"parsed":{"level":"error"}}],)"
           R"(["1700000000055000000","retrying",)"
           R"({"structuredMetadata":{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}}])"
           R"(]},)"
           R"({"stream":{"app":"payment","detected_level":"warn"},"values":[)"
           R"(["1700000000030000000","level=warn msg=\"slow PSP\"",{}])"
           R"(]}],"stats":{}}})";
}

class LokiSource : public ::testing::Test {
protected:
    Connection loki(std::string_view subPath = "") {
        return connectionTo(SourceKind::Loki, server, subPath);
    }
    Remote<LokiLogs> query(const Connection& c, const LogQuery& q = queryFor()) {
        return queryTraceLogs(c, q, nullptr);
    }
    Remote<LokiLogs> query() { return query(loki()); }

    // What every error message must be, then the error.
    RemoteError checked(const RemoteError& e) {
        EXPECT_FALSE(e.ok());
        EXPECT_EQ(e.message.find_first_of("\r\n"), std::string::npos) << e.message;
        EXPECT_TRUE(contains(e.message, server.url())) << e.message;
        EXPECT_FALSE(contains(e.message, kSecret)) << e.message;
        return e;
    }

    LoopbackHttpServer server;
};

using LokiFaults = LokiSource;

// --- answers -----------------------------------------------------------------------------------

TEST_F(LokiSource, PlainStreamsWithOddLabelsDuplicatesAndDisorder) {
    server.enqueue(jsonReply(readFixture("loki/grafana_streams_simple.json")));
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_FALSE(r.value.categorized);
    EXPECT_FALSE(r.value.hitLimit);
    EXPECT_TRUE(r.value.warnings.empty());
    const auto& lines = r.value.lines;
    ASSERT_EQ(lines.size(), 6u);  // the duplicate is Loki's to drop, not ours
    EXPECT_EQ(lines[0].body, "log line error 1");
    EXPECT_EQ(lines[0].timeNs, 1645030244810757120);
    EXPECT_EQ(lines[0].source, logs::LogSource::Loki);
    EXPECT_EQ(lines[0].fields.at("code"), "one\",");
    EXPECT_EQ(lines[0].fields.at("location"), "moon🌙");
    EXPECT_EQ(lines[1].fields.at("code"), "\",two");
    // In the order sent (out of order in time, as the fixture is): correlate() sorts.
    EXPECT_EQ(lines[1].timeNs, 1645030247027735040);
    EXPECT_EQ(lines[5].timeNs, 1645030244091700992);
    EXPECT_EQ(lines[2].body, lines[3].body);
    EXPECT_EQ(lines[0].service, "");
    EXPECT_EQ(lines[0].level, logs::LogLevel::Unknown);
}

TEST_F(LokiSource, CategorizedStreamsOfTheFixture) {
    server.enqueue(jsonReply(readFixture("loki/grafana_streams_structured_metadata.json")));
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.categorized);
    ASSERT_EQ(r.value.lines.size(), 6u);
    EXPECT_EQ(r.value.lines[4].body, "log line info 3");
    EXPECT_EQ(r.value.lines[4].fields.size(), 2u);  // the stream labels; the {} adds nothing
}

TEST_F(LokiSource, StructuredMetadataAndParsedLabelsBecomeFields) {
    server.enqueue(jsonReply(categorizedAnswer()));
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.categorized);
    const auto& lines = r.value.lines;
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].fields.at("trace_id"), kTraceId);
    EXPECT_EQ(lines[0].fields.at("span_id"), "0000000000000003");
    EXPECT_EQ(lines[0].fields.at("namespace"), "shop");
    EXPECT_EQ(lines[0].level, logs::LogLevel::Error);  // parsed "level"
    EXPECT_EQ(lines[0].service, "checkout");
    EXPECT_EQ(lines[2].service, "payment");           // from "app"
    EXPECT_EQ(lines[2].level, logs::LogLevel::Warn);  // detected_level

    // Then tied to the trace: by span id, by time, and the payment line by its time too.
    test::SpanTree tree(kTraceId);
    tree.span("1").service("checkout").at(0, 100);
    tree.span("3").parent("1").service("checkout").at(10, 40);
    tree.span("5").parent("1").service("payment").at(20, 30);
    // Loaded at the builder's epoch; the answer's times are 1.7e18 + ms, the same epoch.
    ASSERT_EQ(test::SpanTree::kEpochUs * 1000, 1700000000000000000);
    const Trace& t = test::loadTree(tree);
    std::vector<logs::LogLine> correlated = lines;
    const logs::Correlation c = logs::correlate(t, correlated, true);
    EXPECT_EQ(c.tiedBySpanId, 1u);
    EXPECT_EQ(c.tiedByTime, 1u);      // "retrying" at 55 ms: checkout's root
    EXPECT_EQ(c.withoutTraceId, 1u);  // the payment line names no trace
    ASSERT_EQ(correlated.size(), 3u);
    EXPECT_EQ(correlated[0].span, test::SpanTree::index(t, "3"));
    EXPECT_EQ(correlated[2].body, "retrying");
    EXPECT_EQ(correlated[2].span, test::SpanTree::index(t, "1"));
    EXPECT_TRUE(correlated[2].spanInferred);
}

TEST_F(LokiSource, AsManyLinesAsTheLimitMayBeMore) {
    server.enqueue(jsonReply(categorizedAnswer()));
    LogQuery q = queryFor();
    q.limit = 3;
    const Remote<LokiLogs> r = query(loki(), q);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.hitLimit);
}

TEST_F(LokiSource, AnEmptyResultIsNoLogs) {
    server.enqueue(
        jsonReply(R"({"status":"success","data":{"resultType":"streams","result":[]}})"));
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.lines.empty());
    EXPECT_FALSE(r.value.hitLimit);
}

TEST_F(LokiSource, UnreadableEntriesAreLeftOutWithAWarning) {
    server.enqueue(jsonReply(
        R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[)"
        R"(["1","ok"],["yesterday","bad time"],["2"],["3",{"not":"a line"}]]}]}})"));
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.lines.size(), 1u);
    ASSERT_EQ(r.value.warnings.size(), 1u);
    EXPECT_EQ(r.value.warnings[0],
              "3 log entries in Loki's answer could not be read and were left out");
}

// --- the request -------------------------------------------------------------------------------

TEST_F(LokiSource, TheRequestItSends) {
    Connection c = loki("/loki-proxy");
    c.tenant = "team-a|team-b";
    server.enqueue(jsonReply(readFixture("loki/grafana_streams_simple.json")));
    const Remote<LokiLogs> r = query(c, queryFor({"api.v2", "a\"b"}));
    ASSERT_TRUE(r.ok()) << r.error.message;

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(test::pathOf(requests[0]), "/loki-proxy/loki/api/v1/query_range");
    EXPECT_EQ(requests[0].method, "GET");
    EXPECT_EQ(requests[0].header("x-loki-response-encoding-flags"), "categorize-labels");
    EXPECT_EQ(requests[0].header("x-scope-orgid"), "team-a|team-b");
    EXPECT_EQ(requests[0].header("accept"), "application/json");
    const auto params = queryOf(requests[0]);
    EXPECT_EQ(params.at("start"), "1645030244000000000");
    EXPECT_EQ(params.at("end"), "1645030248000000000");
    EXPECT_EQ(params.at("limit"), "100");
    EXPECT_EQ(params.at("direction"), "forward");
    const std::string expected =
        R"({service_name=~"api\\.v2|a\"b"} | label_format rootline_has_trace=`{{ contains "4bf92f3577b34da6a3ce929d0e0e4736" __line__ }}` | rootline_has_trace="true" or trace_id="4bf92f3577b34da6a3ce929d0e0e4736")";
    EXPECT_EQ(params.at("query"), expected);
    EXPECT_EQ(r.value.query, expected);
}

TEST_F(LokiSource, TheConnectionsOwnTemplate) {
    Connection c = loki();
    c.logQuery = R"({app="${service}"} |= "${traceId}")";
    server.enqueue(jsonReply(readFixture("loki/grafana_streams_simple.json")));
    const Remote<LokiLogs> r = query(c);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(queryOf(server.requests()[0]).at("query"),
              R"({app="checkout"} |= "4bf92f3577b34da6a3ce929d0e0e4736")");
}

TEST(LokiQuery, ForATraceWithTheConnectionsMargin) {
    test::SpanTree tree(kTraceId);
    tree.span("1").service("web").at(0, 100);
    tree.span("2").parent("1").service("checkout").at(10, 20);
    tree.span("3").parent("1").service("web").at(30, 20);
    const Trace& t = test::loadTree(tree);
    Connection c = defaultConnection(SourceKind::Loki);
    LogQuery q = logQueryFor(t, c);
    EXPECT_EQ(q.traceId, kTraceId);
    EXPECT_EQ(q.services, (std::vector<std::string>{"web", "checkout"}));
    EXPECT_EQ(q.startNs, t.startNs - 5'000'000'000);  // Loki's default margin, 5 s
    EXPECT_EQ(q.endNs, t.endNs + 5'000'000'000 + 1);  // Loki's end is exclusive
    EXPECT_EQ(q.limit, 1000);
    c.margin = std::chrono::seconds(60);
    q = logQueryFor(t, c);
    EXPECT_EQ(q.startNs, t.startNs - 60'000'000'000);
}

TEST(LokiStreams, ParsedWithoutTheClient) {
    LokiLogs out;
    std::string error;
    ASSERT_TRUE(parseLokiStreams(categorizedAnswer(), out, error)) << error;
    EXPECT_EQ(out.lines.size(), 3u);

    LokiLogs matrix;
    EXPECT_FALSE(parseLokiStreams(
        R"({"status":"success","data":{"resultType":"matrix","result":[]}})", matrix, error));
    EXPECT_TRUE(contains(error, "metric query")) << error;
    EXPECT_FALSE(parseLokiStreams("{", matrix, error));
    EXPECT_EQ(error, "Loki's answer is not valid JSON");
    EXPECT_FALSE(parseLokiStreams(R"({"status":"error","error":"boom"})", matrix, error));
    EXPECT_EQ(error, "Loki reported an error: boom");
    EXPECT_FALSE(parseLokiStreams(R"({"status":"success","data":{}})", matrix, error));
    EXPECT_TRUE(contains(error, "resultType")) << error;
}

// --- faults ------------------------------------------------------------------------------------

TEST_F(LokiFaults, ConnectionRefused) {
    Connection c = loki();
    c.baseUrl = "http://127.0.0.1:" + std::to_string(test::unusedLoopbackPort());
    const RemoteError e = query(c).error;
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_EQ(e.message, "the logs of trace 4bf92f35…: cannot connect to " + c.baseUrl +
                             " (connection refused)");
}

TEST_F(LokiFaults, NoAnswerWithinTheTimeout) {
    Connection c = loki();
    c.timeout = 300ms;
    server.enqueue({.body = "{}", .delay = 4s});
    const auto start = std::chrono::steady_clock::now();
    const RemoteError e = checked(query(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "no answer from")) << e.message;
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST_F(LokiFaults, ALogQlParseErrorShowsLokisWords) {
    server.enqueue(textReply(400,
                             "parse error at line 1, col 15: syntax error: unexpected IDENTIFIER, "
                             "expecting STRING\n"));
    const Remote<LokiLogs> r = query();
    const RemoteError e = checked(r.error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(e.message, "the logs of trace 4bf92f35… on " + server.url() +
                             " failed: the server said: parse error at line 1, col 15: syntax "
                             "error: unexpected IDENTIFIER, expecting STRING");
    EXPECT_FALSE(r.value.query.empty());  // the query that failed, to show beside the error
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(LokiFaults, UnauthorizedNeverEchoesTheSecret) {
    Connection c = loki();
    c.auth = AuthKind::Basic;
    c.username = "123456";
    c.secret = kSecret;
    server.enqueue(textReply(401, std::string("invalid token ") + kSecret));
    const RemoteError e = checked(query(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Unauthorized);
    EXPECT_FALSE(contains(e.message, "invalid token")) << e.message;
    EXPECT_TRUE(contains(server.requests()[0].header("authorization"), "Basic "));
}

TEST_F(LokiFaults, NotFoundIsAWrongUrlNeverNoLogs) {
    server.enqueue(test::goNotFound());
    RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(e.message, "does not serve the Loki API at this URL (404")) << e.message;
    EXPECT_TRUE(contains(e.message, "/api/datasources/proxy/uid/")) << e.message;

    server.enqueue(test::webPage(404));
    e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(e.message, "answered with a web page, not the Loki API")) << e.message;
}

TEST_F(LokiFaults, GrafanasOwnPageIsAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return test::webPage(); });
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_EQ(e.message, server.url() +
                             " answered with a web page, not the Loki API: check the URL (does it "
                             "need a sub-path such as /loki, or /api/datasources/proxy/uid/<uid> "
                             "when going through Grafana?)");
}

TEST_F(LokiFaults, RateLimitedOnceThenAnswered) {
    server.enqueue(textReply(429, "too many outstanding requests", {{"Retry-After", "0.2"}}));
    server.enqueue(jsonReply(categorizedAnswer()));
    const auto start = std::chrono::steady_clock::now();
    const Remote<LokiLogs> r = query();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.lines.size(), 3u);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 200ms);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(LokiFaults, RateLimitedThroughTheRetries) {
    for (int i = 0; i < 3; ++i)
        server.enqueue(
            textReply(429, "too many outstanding requests\n", {{"Retry-After", "0.05"}}));
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::RateLimited);
    EXPECT_TRUE(contains(e.message, "the server said: too many outstanding requests")) << e.message;
}

TEST_F(LokiFaults, ServerErrorAndGatewayTimeout) {
    for (int i = 0; i < 3; ++i)
        server.enqueue(textReply(500, "rpc error: code = Internal desc = store unavailable",
                                 {{"Retry-After", "0.01"}}));
    RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Server);
    EXPECT_TRUE(contains(e.message, "failed (server error 500): the server said: rpc error"))
        << e.message;

    for (int i = 0; i < 3; ++i)
        server.enqueue(textReply(504,
                                 "request timed out, decrease the duration of the request or add "
                                 "more label matchers (prefer exact match over regex match) to "
                                 "reduce the amount of data processed\n",
                                 {{"Retry-After", "0.01"}}));
    e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Server);
    EXPECT_TRUE(contains(e.message, "(server error 504): the server said: request timed out"))
        << e.message;
}

TEST_F(LokiFaults, ABodyCutOffBeforeItsLength) {
    server.enqueue({.body = readFixture("loki/grafana_streams_simple.json"), .truncate = true});
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "closed before the answer was complete")) << e.message;
}

TEST_F(LokiFaults, IncompleteJsonIsABadResponse) {
    server.enqueue({.body = readFixture("loki/grafana_streams_simple.json"),
                    .truncate = true,
                    .omitContentLength = true});
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message, "the answer from " + server.url() +
                                        " to the logs of trace 4bf92f35… is incomplete"))
        << e.message;
}

TEST_F(LokiFaults, MalformedJsonIsABadResponse) {
    server.enqueue(jsonReply(R"({"status":"success","data":{"resultType":"streams"} oops})"));
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message, "is not valid JSON (byte")) << e.message;
}

TEST_F(LokiFaults, AnotherShapeIsABadResponse) {
    server.enqueue(jsonReply(R"({"status":"success","data":{"resultType":"streams"}})"));
    const RemoteError e = checked(query().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message, "is not what the Loki API sends (no \"result\" array)"))
        << e.message;
}

TEST_F(LokiFaults, AMetricQueryIsSaidToBeOne) {
    Connection c = loki();
    c.logQuery = R"(sum(rate({service_name=~"${services}"}[1m])))";
    server.enqueue(
        jsonReply(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},)"
                  R"("values":[[1645030244,"1"]]}]}})"));
    const RemoteError e = checked(query(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadRequest);
    EXPECT_TRUE(contains(e.message, "with a matrix, not log lines")) << e.message;
    EXPECT_TRUE(contains(e.message, "LogQL template is a metric query")) << e.message;
}

TEST_F(LokiFaults, CancelledFromAnotherThread) {
    server.enqueue({.body = "{}", .delay = 5s});
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        server.waitForRequests(1, 3s);
        std::this_thread::sleep_for(100ms);
        cancel = true;
    });
    const auto start = std::chrono::steady_clock::now();
    const Remote<LokiLogs> r = queryTraceLogs(loki(), queryFor(), &cancel);
    const auto took = std::chrono::steady_clock::now() - start;
    canceller.join();
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Cancelled);
    EXPECT_LT(took, 1500ms);
}

TEST_F(LokiFaults, CancelledBeforeStartingAsksNothing) {
    std::atomic<bool> cancel{true};
    EXPECT_EQ(queryTraceLogs(loki(), queryFor(), &cancel).error.kind, RemoteErrorKind::Cancelled);
    EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace rootline::remote
