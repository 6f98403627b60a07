// The HTTP client against a scripted loopback server: answers, the request as sent, errors and
// their messages, retries, cancellation, and the Retry-After and endpoint helpers.

#include "net/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "loopback_http_server.h"

namespace rootline::net {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
using test::LoopbackHttpServer;
using test::ScriptedReply;
using test::unusedLoopbackPort;

HttpRequest get(std::string url) {
    HttpRequest request;
    request.method = "GET";
    request.url = std::move(url);
    request.connectTimeout = 2s;
    request.timeout = 5s;
    return request;
}

// Backoffs of a few milliseconds keep the retry tests fast.
RetryPolicy fastRetries(int maxRetries = 2) {
    RetryPolicy policy;
    policy.maxRetries = maxRetries;
    policy.baseBackoff = 5ms;
    policy.maxBackoff = 20ms;
    return policy;
}

RetryPolicy noRetries() {
    return fastRetries(0);
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Raises `flag` from another thread once the server has seen `requests` requests, plus `after`.
std::thread raiseWhenRequested(const LoopbackHttpServer& server, std::atomic<bool>& flag,
                               steady_clock::time_point& raisedAt, milliseconds after) {
    return std::thread([&server, &flag, &raisedAt, after] {
        server.waitForRequests(1, 3s);
        std::this_thread::sleep_for(after);
        raisedAt = steady_clock::now();
        flag = true;
    });
}

// --- answers and the request as sent ---------------------------------------------------------

TEST(HttpClient, ReturnsStatusBodyAndLowerCasedHeadersInOrder) {
    LoopbackHttpServer server;
    server.enqueue({.status = 200,
                    .headers = {{"X-Trace-Id", "abc"}, {"Content-Type", "application/json"}},
                    .body = R"({"ok":true})"});
    const HttpResult result = send(get(server.url("/ok")), noRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.response.body, R"({"ok":true})");
    ASSERT_GE(result.response.headers.size(), 4u);
    EXPECT_EQ(result.response.headers[0],
              (std::pair<std::string, std::string>{"x-trace-id", "abc"}));
    EXPECT_EQ(result.response.headers[1].first, "content-type");
    EXPECT_EQ(result.response.header("Content-Type"), "application/json");
    EXPECT_EQ(result.response.header("content-length"), "11");
    EXPECT_EQ(result.response.header("x-missing"), "");
    EXPECT_EQ(result.attempts, 1);
    EXPECT_TRUE(result.message.empty());
}

TEST(HttpClient, SendsMethodTargetHeadersAndBody) {
    LoopbackHttpServer server;
    HttpRequest request = get(server.url("/v1/chat/completions?model=m1&n=2"));
    request.method = "POST";
    request.headers = {
        {"Authorization", "Bearer sk-test"}, {"Content-Type", "application/json"}, {"X-Empty", ""}};
    request.body = std::string(200 * 1024, 'x');  // large enough that curl would ask 100-continue
    server.enqueue({});
    ASSERT_TRUE(send(request, noRetries()).ok());

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    const test::CapturedRequest& seen = requests[0];
    EXPECT_EQ(seen.method, "POST");
    EXPECT_EQ(seen.target, "/v1/chat/completions?model=m1&n=2");
    EXPECT_EQ(seen.header("authorization"), "Bearer sk-test");
    EXPECT_EQ(seen.header("content-type"), "application/json");
    EXPECT_EQ(seen.body, request.body);
    bool sawEmpty = false, sawExpect = false;
    for (const auto& [name, value] : seen.headers) {
        sawEmpty = sawEmpty || (name == "x-empty" && value.empty());
        sawExpect = sawExpect || name == "expect";
    }
    EXPECT_TRUE(sawEmpty);
    EXPECT_FALSE(sawExpect);
}

TEST(HttpClient, GetSendsNoBody) {
    LoopbackHttpServer server;
    server.enqueue({.body = "fine"});
    const HttpResult result = send(get(server.url("/api/traces?service=a%20b")), noRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "GET");
    EXPECT_EQ(requests[0].target, "/api/traces?service=a%20b");
    EXPECT_EQ(requests[0].body, "");
}

TEST(HttpClient, KeepsOnlyTheFinalResponsesHeaders) {
    LoopbackHttpServer server;
    server.enqueue({.headers = {{"x-final", "1"}}, .body = "done", .interimContinue = true});
    const HttpResult result = send(get(server.url()), noRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.response.header("x-final"), "1");
    EXPECT_EQ(result.response.header("x-interim"), "");
    EXPECT_EQ(result.response.body, "done");
}

TEST(HttpClient, HandlerAnswersOnceTheQueueIsEmpty) {
    LoopbackHttpServer server;
    server.enqueue({.body = "scripted"});
    HttpRequest request = get(server.url("/echo"));
    request.method = "POST";
    request.body = "one";
    EXPECT_EQ(send(request, noRetries()).response.body, "scripted");
    EXPECT_EQ(send(request, noRetries()).response.status, 404);  // neither queue nor handler
    server.setHandler([](const test::CapturedRequest& seen) {
        return ScriptedReply{.status = 201, .body = seen.target + ":" + seen.body};
    });
    request.body = "two";
    const HttpResult result = send(request, noRetries());
    EXPECT_EQ(result.response.status, 201);
    EXPECT_EQ(result.response.body, "/echo:two");
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST(HttpClient, ErrorStatusIsAResponseNotAnError) {
    LoopbackHttpServer server;
    server.enqueue({.status = 404, .body = "nope"});
    const HttpResult result = send(get(server.url()), fastRetries());
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.response.status, 404);
    EXPECT_EQ(result.response.body, "nope");
    EXPECT_EQ(result.attempts, 1);
}

// --- errors and their messages ---------------------------------------------------------------

TEST(HttpClient, RefusedNamesTheEndpoint) {
    const uint16_t port = unusedLoopbackPort();
    const HttpResult result =
        send(get("http://127.0.0.1:" + std::to_string(port) + "/v1?x=1"), noRetries());
    EXPECT_EQ(result.error, HttpError::Refused);
    EXPECT_EQ(result.message, "cannot connect to http://127.0.0.1:" + std::to_string(port) +
                                  " (connection refused)");
    EXPECT_EQ(result.response.status, 0);
    EXPECT_EQ(result.attempts, 1);
}

TEST(HttpClient, RefusedIsRetriedOnlyWhenAllowed) {
    const std::string url = "http://127.0.0.1:" + std::to_string(unusedLoopbackPort());
    EXPECT_EQ(send(get(url), fastRetries(2)).attempts, 3);
    RetryPolicy policy = fastRetries(2);
    policy.retryConnectionErrors = false;
    const HttpResult result = send(get(url), policy);
    EXPECT_EQ(result.error, HttpError::Refused);
    EXPECT_EQ(result.attempts, 1);
}

TEST(HttpClient, UnknownHostIsResolveError) {
    const HttpResult result = send(get("http://rootline-test.invalid/path?q=1"), noRetries());
    EXPECT_EQ(result.error, HttpError::Resolve);
    EXPECT_EQ(result.message,
              "cannot find http://rootline-test.invalid:80 (the host name does not resolve)");
}

TEST(HttpClient, SilentServerTimesOut) {
    LoopbackHttpServer server;
    server.enqueue({.body = "late", .delay = 3s});
    HttpRequest request = get(server.url("/slow"));
    request.timeout = 300ms;
    const HttpResult result = send(request, noRetries());
    EXPECT_EQ(result.error, HttpError::Timeout);
    EXPECT_EQ(result.message, "no answer from http://127.0.0.1:" + std::to_string(server.port()) +
                                  " within 300 ms");
    EXPECT_GE(result.elapsed, 250ms);
    EXPECT_LT(result.elapsed, 2s);
}

TEST(HttpClient, HttpsToAPlainServerIsATlsError) {
    LoopbackHttpServer server;
    const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/x";
    const HttpResult result = send(get(url), fastRetries());
    EXPECT_EQ(result.error, HttpError::Tls);
    EXPECT_EQ(result.message, "the secure connection to https://127.0.0.1:" +
                                  std::to_string(server.port()) + " failed (TLS error)");
    EXPECT_EQ(result.attempts, 1);  // a TLS failure is not retried
    EXPECT_TRUE(server.requests().empty());
}

TEST(HttpClient, CutBodyIsTruncated) {
    LoopbackHttpServer server;
    server.enqueue({.body = "0123456789abcdef", .truncate = true});
    const HttpResult result = send(get(server.url()), noRetries());
    EXPECT_EQ(result.error, HttpError::Truncated);
    EXPECT_EQ(result.message, "the connection to " + describeEndpoint(server.url()) +
                                  " closed before the answer was complete");
    EXPECT_EQ(result.response.status, 200);  // what arrived is kept, but never a partial body
    EXPECT_EQ(result.response.body, "");
}

TEST(HttpClient, TruncatedIsRetriedWhenAllowed) {
    LoopbackHttpServer server;
    server.enqueue({.body = "0123456789abcdef", .truncate = true});
    server.enqueue({.body = "0123456789abcdef"});
    const HttpResult result = send(get(server.url()), fastRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.body, "0123456789abcdef");
    EXPECT_EQ(result.attempts, 2);
}

TEST(HttpClient, HangUpWithoutAnswer) {
    LoopbackHttpServer server;
    server.enqueue({.hangUp = true});
    const HttpResult result = send(get(server.url()), noRetries());
    EXPECT_EQ(result.error, HttpError::Truncated);
    EXPECT_EQ(result.message,
              describeEndpoint(server.url()) + " closed the connection without answering");
}

TEST(HttpClient, BodyOverTheLimitIsTooLargeAndNotRetried) {
    for (const bool announced : {true, false}) {
        SCOPED_TRACE(announced ? "with Content-Length" : "ended by close");
        LoopbackHttpServer server;
        server.enqueue({.body = std::string(100 * 1024, 'b'), .omitContentLength = !announced});
        server.enqueue({.body = "small"});
        HttpRequest request = get(server.url());
        request.maxResponseBytes = 1024;
        const HttpResult result = send(request, fastRetries());
        EXPECT_EQ(result.error, HttpError::TooLarge);
        EXPECT_EQ(result.message, "the answer from " + describeEndpoint(server.url()) +
                                      " is larger than the limit of 1 KB");
        EXPECT_EQ(result.response.body, "");
        EXPECT_EQ(result.attempts, 1);
    }
}

TEST(HttpClient, BodyAtTheLimitIsFine) {
    LoopbackHttpServer server;
    server.enqueue({.body = std::string(1024, 'b')});
    HttpRequest request = get(server.url());
    request.maxResponseBytes = 1024;
    const HttpResult result = send(request, noRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.body.size(), 1024u);
}

TEST(HttpClient, NonHttpUrlsAreBadUrls) {
    const HttpResult ftp = send(get("ftp://files.example.com/pub/x?token=abc"), fastRetries());
    EXPECT_EQ(ftp.error, HttpError::BadUrl);
    EXPECT_EQ(ftp.message, "ftp://files.example.com:21 is not an http or https URL");
    EXPECT_EQ(ftp.attempts, 1);

    for (const char* junk : {"not a url", "", "http://", "example.com/v1"}) {
        SCOPED_TRACE(junk);
        const HttpResult result = send(get(junk), fastRetries());
        EXPECT_EQ(result.error, HttpError::BadUrl);
        EXPECT_EQ(result.message, "the server address is not a valid http or https URL");
    }
}

TEST(HttpClient, HeaderWithLineBreakIsRefusedWithoutEchoingIt) {
    LoopbackHttpServer server;
    HttpRequest request = get(server.url());
    request.headers = {{"Authorization", "Bearer sk-SECRET\r\nX-Injected: 1"}};
    const HttpResult result = send(request, noRetries());
    EXPECT_EQ(result.error, HttpError::Other);
    EXPECT_FALSE(contains(result.message, "SECRET"));
    EXPECT_TRUE(server.requests().empty());
}

TEST(HttpClient, MessagesNeverCarrySecretsPathsOrQueries) {
    LoopbackHttpServer server;
    server.enqueue({.body = "late", .delay = 2s});  // timeout
    server.enqueue({.body = "0123456789", .truncate = true});
    server.enqueue({.hangUp = true});
    server.enqueue({.body = std::string(4096, 'x')});  // too large
    const std::string port = std::to_string(server.port());
    const std::string secretUrl =
        "http://user:pw-SECRET@127.0.0.1:" + port + "/p-SECRET/chat?key=q-SECRET#f-SECRET";
    const std::string refusedUrl =
        "http://user:pw-SECRET@127.0.0.1:" + std::to_string(unusedLoopbackPort()) +
        "/p-SECRET?key=q-SECRET";

    std::vector<HttpResult> results;
    for (const std::string& url : {secretUrl, secretUrl, secretUrl, secretUrl, refusedUrl}) {
        HttpRequest request = get(url);
        request.method = "POST";
        request.headers = {{"Authorization", "Bearer sk-SECRET-123"}, {"x-api-key", "SECRET-456"}};
        request.body = R"({"prompt":"SECRET body"})";
        request.timeout = 300ms;
        request.maxResponseBytes = 1000;
        results.push_back(send(request, noRetries()));
    }
    std::atomic<bool> cancelled{true};
    results.push_back(send(get(secretUrl), noRetries(), &cancelled));

    const std::vector<HttpError> expected = {HttpError::Timeout,   HttpError::Truncated,
                                             HttpError::Truncated, HttpError::TooLarge,
                                             HttpError::Refused,   HttpError::Cancelled};
    ASSERT_EQ(results.size(), expected.size());
    for (size_t i = 0; i < results.size(); ++i) {
        SCOPED_TRACE(results[i].message);
        EXPECT_EQ(results[i].error, expected[i]);
        EXPECT_FALSE(contains(results[i].message, "SECRET"));
        EXPECT_FALSE(contains(results[i].message, "user"));
        EXPECT_FALSE(contains(results[i].message, "\n"));
        EXPECT_TRUE(contains(results[i].message, "http://127.0.0.1:"));
    }
}

// --- cancellation ----------------------------------------------------------------------------

TEST(HttpClient, CancelStopsAWaitForASlowServer) {
    LoopbackHttpServer server;
    server.enqueue({.body = "late", .delay = 5s});
    std::atomic<bool> cancel{false};
    steady_clock::time_point raisedAt;
    std::thread canceller = raiseWhenRequested(server, cancel, raisedAt, 100ms);
    const HttpResult result = send(get(server.url()), fastRetries(), &cancel);
    const auto returnedAt = steady_clock::now();
    canceller.join();  // before reading raisedAt, which the canceller wrote
    const auto late = returnedAt - raisedAt;
    EXPECT_EQ(result.error, HttpError::Cancelled);
    EXPECT_EQ(result.message,
              "the request to " + describeEndpoint(server.url()) + " was cancelled");
    EXPECT_LT(late, 500ms);
    EXPECT_EQ(result.attempts, 1);
}

TEST(HttpClient, CancelStopsARetryAfterWait) {
    LoopbackHttpServer server;
    server.enqueue({.status = 429, .headers = {{"retry-after", "5"}}});
    server.enqueue({.body = "too late"});
    std::atomic<bool> cancel{false};
    steady_clock::time_point raisedAt;
    std::thread canceller = raiseWhenRequested(server, cancel, raisedAt, 150ms);
    const HttpResult result = send(get(server.url()), fastRetries(), &cancel);
    const auto returnedAt = steady_clock::now();
    canceller.join();  // before reading raisedAt, which the canceller wrote
    const auto late = returnedAt - raisedAt;
    EXPECT_EQ(result.error, HttpError::Cancelled);
    EXPECT_LT(late, 500ms);
    EXPECT_LT(result.elapsed, 2s);
    EXPECT_EQ(result.attempts, 1);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST(HttpClient, RaisedFlagSendsNothing) {
    LoopbackHttpServer server;
    std::atomic<bool> cancel{true};
    const HttpResult result = send(get(server.url()), fastRetries(), &cancel);
    EXPECT_EQ(result.error, HttpError::Cancelled);
    EXPECT_TRUE(server.requests().empty());
}

// --- retries ---------------------------------------------------------------------------------

TEST(HttpClient, RetryAfterSecondsIsWaitedFor) {
    LoopbackHttpServer server;
    server.enqueue({.status = 429, .headers = {{"Retry-After", "1"}}});
    server.enqueue({.body = "ok"});
    const HttpResult result = send(get(server.url()), fastRetries());
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.attempts, 2);
    EXPECT_GE(result.elapsed, 900ms);
    EXPECT_LT(result.elapsed, 3s);
}

TEST(HttpClient, RetryAfterMsOverridesTheBackoff) {
    LoopbackHttpServer server;
    server.enqueue({.status = 503, .headers = {{"retry-after-ms", "150"}}});
    server.enqueue({.body = "ok"});
    RetryPolicy policy = fastRetries();
    policy.baseBackoff = 5s;  // what the wait would be without the header
    policy.maxBackoff = 5s;
    const HttpResult result = send(get(server.url()), policy);
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.attempts, 2);
    EXPECT_GE(result.elapsed, 140ms);
    EXPECT_LT(result.elapsed, 2s);
}

TEST(HttpClient, RetryAfterBeyondTheCapReturnsTheResponse) {
    LoopbackHttpServer server;
    server.enqueue({.status = 429, .headers = {{"retry-after", "120"}}, .body = "slow down"});
    server.enqueue({.body = "ok"});
    const HttpResult result = send(get(server.url()), fastRetries());  // cap: 60 s
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.response.status, 429);
    EXPECT_EQ(result.response.header("retry-after"), "120");
    EXPECT_EQ(result.response.body, "slow down");
    EXPECT_EQ(result.attempts, 1);
    EXPECT_LT(result.elapsed, 1s);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST(HttpClient, ServerErrorsAreRetriedUntilSuccess) {
    LoopbackHttpServer server;
    server.enqueue({.status = 500});
    server.enqueue({.status = 502});
    server.enqueue({.body = "third time"});
    const HttpResult result = send(get(server.url()), fastRetries(2));
    ASSERT_TRUE(result.ok()) << result.message;
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.response.body, "third time");
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST(HttpClient, ConflictAndRequestTimeoutAreRetried) {
    LoopbackHttpServer server;
    server.enqueue({.status = 408});
    server.enqueue({.status = 409});
    server.enqueue({.body = "ok"});
    const HttpResult result = send(get(server.url()), fastRetries(2));
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.attempts, 3);
}

TEST(HttpClient, ExhaustedRetriesReturnTheLastResponse) {
    LoopbackHttpServer server;
    for (const char* n : {"1", "2", "3"})
        server.enqueue({.status = 503, .headers = {{"x-attempt", n}}});
    server.enqueue({.body = "never asked for"});
    const HttpResult result = send(get(server.url()), fastRetries(2));
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.response.status, 503);
    EXPECT_EQ(result.response.header("x-attempt"), "3");
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST(HttpClient, XShouldRetryOverrulesTheStatus) {
    LoopbackHttpServer server;
    server.enqueue({.status = 500, .headers = {{"x-should-retry", "false"}}});
    server.enqueue({.body = "not reached"});
    const HttpResult refused = send(get(server.url()), fastRetries());
    EXPECT_EQ(refused.response.status, 500);
    EXPECT_EQ(refused.attempts, 1);

    LoopbackHttpServer forcing;
    forcing.enqueue({.status = 400, .headers = {{"x-should-retry", "true"}}});
    forcing.enqueue({.body = "ok"});
    const HttpResult forced = send(get(forcing.url()), fastRetries());
    EXPECT_EQ(forced.response.status, 200);
    EXPECT_EQ(forced.attempts, 2);
}

TEST(HttpClient, CustomPredicateDecides) {
    LoopbackHttpServer server;
    server.enqueue({.status = 429, .body = R"({"error":{"code":"insufficient_quota"}})"});
    server.enqueue({.body = "not reached"});
    RetryPolicy policy = fastRetries();
    std::vector<long> asked;
    policy.retryable = [&asked](const HttpResponse& response) {
        asked.push_back(response.status);
        return response.body.find("insufficient_quota") == std::string::npos;
    };
    const HttpResult result = send(get(server.url()), policy);
    EXPECT_EQ(result.response.status, 429);
    EXPECT_EQ(result.attempts, 1);
    EXPECT_EQ(asked, std::vector<long>{429});
}

TEST(HttpClient, DefaultPredicate) {
    const auto with = [](long status, Headers headers = {}) {
        HttpResponse response;
        response.status = status;
        response.headers = std::move(headers);
        return defaultRetryable(response);
    };
    for (const long status : {408L, 409L, 429L, 500L, 502L, 503L, 504L, 599L})
        EXPECT_TRUE(with(status)) << status;
    for (const long status : {200L, 201L, 301L, 400L, 401L, 403L, 404L, 422L})
        EXPECT_FALSE(with(status)) << status;
    EXPECT_FALSE(with(503, {{"x-should-retry", "false"}}));
    EXPECT_TRUE(with(400, {{"x-should-retry", "true"}}));
    EXPECT_TRUE(with(503, {{"x-should-retry", "maybe"}}));
}

// --- Retry-After -----------------------------------------------------------------------------

std::optional<milliseconds> waitFor(
    Headers headers, std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) {
    HttpResponse response;
    response.status = 429;
    response.headers = std::move(headers);
    return retryAfter(response, now);
}

TEST(HttpRetryAfter, SecondsAndMilliseconds) {
    EXPECT_EQ(waitFor({{"retry-after", "2"}}), 2000ms);
    EXPECT_EQ(waitFor({{"retry-after", "1.5"}}), 1500ms);
    EXPECT_EQ(waitFor({{"retry-after", " 3 "}}), 3000ms);
    EXPECT_EQ(waitFor({{"Retry-After", "0.25"}}), 250ms);
    EXPECT_EQ(waitFor({{"retry-after-ms", "250"}}), 250ms);
    EXPECT_EQ(waitFor({{"retry-after-ms", "12.2"}}), 13ms);  // rounded up
    EXPECT_EQ(waitFor({{"retry-after", "9"}, {"retry-after-ms", "40"}}), 40ms);
    EXPECT_EQ(waitFor({{"retry-after-ms", "soon"}, {"retry-after", "1"}}), 1000ms);
}

TEST(HttpRetryAfter, NothingUsable) {
    EXPECT_EQ(waitFor({}), std::nullopt);
    for (const char* junk :
         {"", "0", "0.0", "-5", "soon", "1e3", "inf", "nan", "1.2.3", "+4", "0x10"}) {
        EXPECT_EQ(waitFor({{"retry-after", junk}}), std::nullopt) << junk;
        EXPECT_EQ(waitFor({{"retry-after-ms", junk}}), std::nullopt) << junk;
    }
}

TEST(HttpRetryAfter, HugeValuesStayHuge) {
    const auto wait = waitFor({{"retry-after", std::string(400, '9')}});
    ASSERT_TRUE(wait.has_value());
    EXPECT_GT(*wait, std::chrono::hours(24 * 365));
}

TEST(HttpRetryAfter, HttpDates) {
    using namespace std::chrono;
    const system_clock::time_point now = sys_days{2015y / October / 21} + 7h + 28min;
    EXPECT_EQ(waitFor({{"retry-after", "Wed, 21 Oct 2015 07:28:30 GMT"}}, now), 30000ms);
    EXPECT_EQ(waitFor({{"retry-after", "Thu, 22 Oct 2015 07:28:00 GMT"}}, now), 86400000ms);
    EXPECT_EQ(waitFor({{"retry-after", "Wed, 21 Oct 2015 07:29:00 GMT"}}, now + 500ms), 59500ms);
    EXPECT_EQ(waitFor({{"retry-after", "Wednesday, 21-Oct-15 07:29:00 GMT"}}, now), 60000ms);
    EXPECT_EQ(waitFor({{"retry-after", "Wed Oct 21 07:28:10 2015"}}, now), 10000ms);
    EXPECT_EQ(waitFor({{"retry-after", "Thu Nov  5 07:28:00 2015"}}, now), 15 * 86400000ms);
    // In the past or now: nothing to wait for.
    EXPECT_EQ(waitFor({{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}}, now), std::nullopt);
    EXPECT_EQ(waitFor({{"retry-after", "Tue, 20 Oct 2015 07:28:00 GMT"}}, now), std::nullopt);
    // Not dates.
    for (const char* junk : {"Wed, 32 Oct 2015 07:28:30 GMT", "Wed, 21 Oct 2015 07:28:30 CET",
                             "Wed, 21 Okt 2015 07:28:30 GMT", "Wed, 21 Oct 2015 25:28:30 GMT",
                             "21 Oct 2015 07:28:30 GMT", "Wed, 21 Oct 2015 07:28:30 GMT junk",
                             "Wed, 29 Feb 2015 07:28:30 GMT"})
        EXPECT_EQ(waitFor({{"retry-after", junk}}, now), std::nullopt) << junk;
}

// --- endpoints -------------------------------------------------------------------------------

TEST(HttpEndpoint, KeepsSchemeHostAndPortOnly) {
    EXPECT_EQ(describeEndpoint("https://user:pw@api.openai.com/v1/chat?key=abc#frag"),
              "https://api.openai.com:443");
    EXPECT_EQ(describeEndpoint("http://127.0.0.1:4318/v1/traces"), "http://127.0.0.1:4318");
    EXPECT_EQ(describeEndpoint("http://jaeger.local"), "http://jaeger.local:80");
    EXPECT_EQ(describeEndpoint("HTTPS://tempo.example.com?token=x"),
              "https://tempo.example.com:443");
    EXPECT_EQ(describeEndpoint("http://[::1]:16686/api"), "http://[::1]:16686");
}

TEST(HttpEndpoint, JunkIsNotEchoed) {
    for (const char* junk : {"not a url", "", "sk-secret-token", "http://", "example.com/v1?k=s"})
        EXPECT_EQ(describeEndpoint(junk), "the server") << junk;
}

}  // namespace
}  // namespace rootline::net
