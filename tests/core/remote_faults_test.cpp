// What the Jaeger and Tempo clients make of a server that misbehaves: refused, silent, slow,
// cut off, rejecting the credentials, rate limiting, failing, answering HTML or broken JSON, and
// a user who cancels. Each fault has its kind and a one-line message that names the server
// (scheme://host:port) and never the secret.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "remote/trace_source.h"
#include "remote_test_support.h"

namespace rootline::remote {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
using test::connectionTo;
using test::contains;
using test::goNotFound;
using test::jsonReply;
using test::LoopbackHttpServer;
using test::readFixture;
using test::ScriptedReply;

constexpr const char* kId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kSecret = "sk-live-SECRET-0123456789";

milliseconds since(steady_clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(steady_clock::now() - start);
}

bool isOneLine(const std::string& text) {
    return text.find_first_of("\r\n") == std::string::npos;
}

class RemoteFaults : public ::testing::Test {
protected:
    Connection jaeger() { return connectionTo(SourceKind::Jaeger, server); }
    Connection tempo() { return connectionTo(SourceKind::Tempo, server); }

    // Checks what every error message must be, then hands the error back.
    static RemoteError checked(const RemoteError& e, const std::string& endpoint) {
        EXPECT_FALSE(e.ok());
        EXPECT_TRUE(isOneLine(e.message)) << e.message;
        EXPECT_TRUE(contains(e.message, endpoint)) << e.message;
        EXPECT_FALSE(contains(e.message, kSecret)) << e.message;
        return e;
    }

    LoopbackHttpServer server;
};

using JaegerFaults = RemoteFaults;
using TempoFaults = RemoteFaults;

// --- the network -------------------------------------------------------------------------------

TEST_F(JaegerFaults, ConnectionRefused) {
    Connection c = jaeger();
    const std::string url = "http://127.0.0.1:" + std::to_string(test::unusedLoopbackPort());
    c.baseUrl = url;
    const auto start = steady_clock::now();
    const RemoteError e = checked(makeTraceSource(c)->services(nullptr).error, url);
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_EQ(e.message, "services: cannot connect to " + url + " (connection refused)");
    EXPECT_LT(since(start), 2s);  // not retried: the user retries faster than we would
}

TEST_F(JaegerFaults, NoAnswerWithinTheTimeout) {
    Connection c = jaeger();
    c.timeout = 300ms;
    server.enqueue({.body = "{}", .delay = 4s});
    const auto start = steady_clock::now();
    const RemoteError e = checked(makeTraceSource(c)->fetchTrace(kId, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "trace 4bf92f35…: no answer from " + server.url() + " within"))
        << e.message;
    EXPECT_LT(since(start), 2s);
    EXPECT_EQ(server.requests().size(), 1u);  // a timeout is not retried
}

TEST_F(TempoFaults, ABodyTooSlowForTheTimeout) {
    Connection c = tempo();
    c.timeout = 400ms;
    ScriptedReply slow = jsonReply(readFixture("tempo/api_search_traceql.docs-example.json"));
    slow.trickleEvery = 50ms;  // ~680 bytes, one at a time: half a minute
    server.enqueue(slow);
    const auto start = steady_clock::now();
    const RemoteError e = checked(makeTraceSource(c)->search({}, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(
        contains(e.message, "search: the answer from " + server.url() + " did not complete within"))
        << e.message;
    EXPECT_LT(since(start), 2s);
}

TEST_F(TempoFaults, ABodyCutOffBeforeItsLength) {
    server.enqueue(
        {.body = readFixture("tempo/api_v2_traces_by_id.docs-example.json"), .truncate = true});
    const RemoteError e =
        checked(makeTraceSource(tempo())->fetchTrace(kId, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "closed before the answer was complete")) << e.message;
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(JaegerFaults, CancelledFromAnotherThreadDuringADelayedReply) {
    server.enqueue({.body = "{}", .delay = 5s});
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        server.waitForRequests(1, 3s);
        std::this_thread::sleep_for(100ms);
        cancel = true;
    });
    const auto start = steady_clock::now();
    const Remote<FetchedTrace> r = makeTraceSource(jaeger())->fetchTrace(kId, &cancel);
    const milliseconds took = since(start);
    canceller.join();
    const RemoteError e = checked(r.error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Cancelled);
    EXPECT_TRUE(contains(e.message, "cancelled")) << e.message;
    EXPECT_LT(took, 1500ms);
}

TEST_F(TempoFaults, CancelledBeforeStartingAsksNothing) {
    std::atomic<bool> cancel{true};
    EXPECT_EQ(makeTraceSource(tempo())->tagNames(&cancel).error.kind, RemoteErrorKind::Cancelled);
    EXPECT_TRUE(server.requests().empty());
}

// --- credentials -------------------------------------------------------------------------------

TEST_F(JaegerFaults, UnauthorizedNeverEchoesTheSecretOrTheBody) {
    Connection c = jaeger();
    c.auth = AuthKind::Bearer;
    c.secret = kSecret;
    server.enqueue({.status = 401,
                    .headers = {{"WWW-Authenticate", "Bearer"}},
                    .body = std::string("invalid bearer token ") + kSecret + " for tenant x"});
    const RemoteError e = checked(makeTraceSource(c)->fetchTrace(kId, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Unauthorized);
    EXPECT_EQ(e.message, server.url() +
                             " rejected the credentials (401): check the connection's "
                             "authentication");
    EXPECT_FALSE(contains(e.message, "invalid bearer token"));
    EXPECT_EQ(server.requests().size(), 1u);  // no fallback to v1 with the same credentials
    EXPECT_EQ(server.requests()[0].header("authorization"), std::string("Bearer ") + kSecret);
}

TEST_F(TempoFaults, ForbiddenNeverEchoesTheBody) {
    Connection c = tempo();
    c.auth = AuthKind::Basic;
    c.username = "1234";
    c.secret = kSecret;
    server.enqueue({.status = 403, .body = std::string("token ") + kSecret + " lacks traces:read"});
    const RemoteError e = checked(makeTraceSource(c)->search({}, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Forbidden);
    EXPECT_TRUE(contains(e.message, "(403)")) << e.message;
    EXPECT_FALSE(contains(e.message, "traces:read")) << e.message;
}

TEST_F(TempoFaults, AnUnsetSecretVariableIsAConfigErrorAskingNothing) {
    Connection c = tempo();
    c.auth = AuthKind::Bearer;
    c.secretEnv = "ROOTLINE_TEST_UNSET_TOKEN_VARIABLE";
    ::unsetenv("ROOTLINE_TEST_UNSET_TOKEN_VARIABLE");
    const RemoteError e = makeTraceSource(c)->fetchTrace(kId, nullptr).error;
    EXPECT_EQ(e.kind, RemoteErrorKind::Config);
    EXPECT_TRUE(contains(e.message, "ROOTLINE_TEST_UNSET_TOKEN_VARIABLE")) << e.message;
    EXPECT_TRUE(server.requests().empty());
}

// --- rate limits and server errors -------------------------------------------------------------

TEST_F(JaegerFaults, RateLimitedOnceThenAnswered) {
    server.enqueue({.status = 429, .headers = {{"Retry-After", "0.2"}}, .body = "slow down"});
    server.enqueue(jsonReply(readFixture("jaeger/apiv3-FindTraceSummaries.json")));
    SearchQuery q;
    q.service = "frontend";
    const auto start = steady_clock::now();
    const auto r = makeTraceSource(jaeger())->search(q, nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.size(), 1u);
    EXPECT_GE(since(start), 200ms);  // the server's wait was honoured
    EXPECT_EQ(test::pathsOf(server),
              (std::vector<std::string>{"/api/v3/trace-summaries", "/api/v3/trace-summaries"}));
}

TEST_F(TempoFaults, RateLimitedThroughTheRetries) {
    for (int i = 0; i < 3; ++i)
        server.enqueue(
            {.status = 429, .headers = {{"Retry-After", "0.05"}}, .body = "job queue full\n"});
    const RemoteError e =
        checked(makeTraceSource(tempo())->search({}, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::RateLimited);
    EXPECT_EQ(e.message, server.url() +
                             " is limiting requests (429) and refused search: try again in 1 s: "
                             "the server said: job queue full");
    EXPECT_EQ(server.requests().size(), 3u);  // 1 + 2 retries
}

TEST_F(TempoFaults, ALongRetryAfterIsReportedNotWaited) {
    server.enqueue({.status = 429, .headers = {{"Retry-After", "30"}}});
    const auto start = steady_clock::now();
    const RemoteError e =
        checked(makeTraceSource(tempo())->search({}, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::RateLimited);
    EXPECT_TRUE(contains(e.message, "try again in 30 s")) << e.message;
    EXPECT_LT(since(start), 2s);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(JaegerFaults, ServerErrorReadsTheJsonSentAsPlainText) {
    for (int i = 0; i < 3; ++i)
        server.enqueue(
            {.status = 500,
             .headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Retry-After", "0.01"}},
             .body = R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[)"
                     R"({"code":500,"msg":"storage unavailable: cassandra timeout"}]})"
                     "\n"});
    const RemoteError e = checked(makeTraceSource(jaeger())->services(nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Server);
    EXPECT_EQ(e.message, "services on " + server.url() +
                             " failed (server error 500): the server said: storage unavailable: "
                             "cassandra timeout");
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(TempoFaults, ServerErrorOnceThenAnswered) {
    server.enqueue({.status = 503, .headers = {{"Retry-After", "0.01"}}, .body = "not ready"});
    server.enqueue(jsonReply(readFixture("tempo/api_v2_traces_by_id.docs-example.json")));
    const Remote<FetchedTrace> r =
        makeTraceSource(tempo())->fetchTrace("5b8efff798038103d269b633813fc700", nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.api, "tempo v2");
}

// --- answers that are not the API --------------------------------------------------------------

TEST_F(JaegerFaults, IncompleteJsonIsABadResponse) {
    // The connection closes cleanly (no Content-Length) half-way through the JSON.
    server.enqueue({.body = readFixture("jaeger/apiv3-GetTrace.json"),
                    .truncate = true,
                    .omitContentLength = true});
    const RemoteError e =
        checked(makeTraceSource(jaeger())->fetchTrace(kId, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message,
                         "the answer from " + server.url() + " to trace 4bf92f35… is incomplete"))
        << e.message;
}

TEST_F(TempoFaults, MalformedJsonIsABadResponse) {
    server.enqueue(jsonReply(R"({"traces":[{"traceID":"1"} oops ]})"));
    const RemoteError e =
        checked(makeTraceSource(tempo())->search({}, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_EQ(e.message,
              "the answer from " + server.url() + " to search is not valid JSON (byte 27)");
}

TEST_F(TempoFaults, DeeplyNestedJsonIsReadWithoutRecursion) {
    const size_t depth = 200000;
    server.enqueue(
        jsonReply(R"({"trace":)" + std::string(depth, '[') + std::string(depth, ']') + "}"));
    const RemoteError e =
        checked(makeTraceSource(tempo())->fetchTrace(kId, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::NotFound);  // no spans in it
}

TEST_F(TempoFaults, PlainTextWhereJsonWasExpectedIsABadResponse) {
    server.enqueue({.body = "echo"});
    const RemoteError e = checked(makeTraceSource(tempo())->tagNames(nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message, "is not valid JSON")) << e.message;
}

TEST_F(JaegerFaults, AnEmptyAnswerIsABadResponse) {
    server.enqueue({.body = ""});
    const RemoteError e = checked(makeTraceSource(jaeger())->services(nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_TRUE(contains(e.message, "is empty where JSON was expected")) << e.message;
}

TEST_F(JaegerFaults, AWebPageForTheSearchIsAWrongUrl) {
    server.setHandler([](const test::CapturedRequest&) { return test::webPage(); });
    SearchQuery q;
    q.service = "frontend";
    const RemoteError e =
        checked(makeTraceSource(jaeger())->search(q, nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(e.message, "answered with a web page, not the Jaeger API")) << e.message;
    EXPECT_EQ(test::pathsOf(server),
              (std::vector<std::string>{"/api/v3/trace-summaries", "/api/traces"}));
}

TEST_F(TempoFaults, AProxyErrorPageIsAServerErrorNamedByItsTitle) {
    for (int i = 0; i < 3; ++i)
        server.enqueue({.status = 502,
                        .headers = {{"Content-Type", "text/html"}, {"Retry-After", "0.01"}},
                        .body = "<html><head><title>502 Bad Gateway</title></head><body><center>"
                                "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                                "</body></html>"});
    const RemoteError e = checked(makeTraceSource(tempo())->services(nullptr).error, server.url());
    EXPECT_EQ(e.kind, RemoteErrorKind::Server);
    EXPECT_TRUE(contains(e.message, "the server said: 502 Bad Gateway")) << e.message;
    EXPECT_FALSE(contains(e.message, "<")) << e.message;
}

}  // namespace
}  // namespace rootline::remote
