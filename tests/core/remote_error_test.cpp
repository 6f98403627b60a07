// Reading the servers' error answers: the message inside every error shape they use, web pages
// told apart from APIs, and the one-line errors made from each status (never quoting a 401/403
// body, which may echo the credentials).

#include "remote/remote_error.h"

#include <gtest/gtest.h>

namespace rootline::remote {
namespace {

constexpr const char* kAt = "http://127.0.0.1:16686";

net::HttpResult answer(long status, std::string body,
                       net::Headers headers = {{"content-type", "text/plain; charset=utf-8"}}) {
    net::HttpResult r;
    r.response.status = status;
    r.response.body = std::move(body);
    r.response.headers = std::move(headers);
    r.attempts = 1;
    return r;
}

net::HttpResult netFailure(net::HttpError error, std::string message) {
    net::HttpResult r;
    r.error = error;
    r.message = std::move(message);
    return r;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

bool oneLine(const std::string& text) {
    return text.find_first_of("\r\n\t") == std::string::npos;
}

// --- serverMessage -----------------------------------------------------------------------------

TEST(RemoteErrorMessage, ReadsJaegerV1Envelope) {
    EXPECT_EQ(serverMessage(R"({"data":null,"total":0,"limit":0,"offset":0,)"
                            R"("errors":[{"code":404,"msg":"trace not found"}]})"),
              "trace not found");
}

TEST(RemoteErrorMessage, JoinsSeveralJaegerV1Errors) {
    EXPECT_EQ(serverMessage(R"({"data":null,"errors":[{"code":400,"msg":"bad start"},)"
                            R"({"code":400,"msg":"bad end"}]})"),
              "bad start; bad end");
}

TEST(RemoteErrorMessage, ReadsJaegerApiV3Error) {
    EXPECT_EQ(serverMessage(R"({"error":{"httpCode":404,"message":"No traces found"}})"),
              "No traces found");
    EXPECT_EQ(serverMessage(R"({"error":{"grpcCode":3,"httpCode":400,)"
                            R"("message":"malformed parameter trace_id: x","httpStatus":"Bad"}})"),
              "malformed parameter trace_id: x");
}

TEST(RemoteErrorMessage, ReadsPrometheusEnvelope) {
    EXPECT_EQ(serverMessage(R"({"status":"error","errorType":"bad_data",)"
                            R"("error":"invalid parameter \"query\": 1:5: parse error"})"),
              "bad_data: invalid parameter \"query\": 1:5: parse error");
}

TEST(RemoteErrorMessage, ReadsGrpcGatewayAndGenericShapes) {
    EXPECT_EQ(serverMessage(R"({"code":5,"message":"trace not found","details":[]})"),
              "trace not found");
    EXPECT_EQ(serverMessage(R"({"msg":"too many requests"})"), "too many requests");
}

TEST(RemoteErrorMessage, TakesTheFirstLineOfPlainText) {
    EXPECT_EQ(serverMessage("invalid TraceQL query: parse error at line 1, col 3: syntax error\n"),
              "invalid TraceQL query: parse error at line 1, col 3: syntax error");
    EXPECT_EQ(serverMessage("\n  first line  \nsecond line\n"), "first line");
}

TEST(RemoteErrorMessage, FallsBackToTheTextWhenABraceIsNotJson) {
    EXPECT_EQ(serverMessage("{not json at all"), "{not json at all");
}

TEST(RemoteErrorMessage, GivesNothingForJsonWithoutAMessage) {
    EXPECT_EQ(serverMessage(R"({"data":[],"total":0})"), "");
    EXPECT_EQ(serverMessage("[1,2,3]"), "");
}

TEST(RemoteErrorMessage, GivesTheTitleOfAWebPage) {
    EXPECT_EQ(serverMessage("<html><head><title>502 Bad Gateway</title></head>"
                            "<body><center><h1>502 Bad Gateway</h1></center><hr>nginx</body>"
                            "</html>"),
              "502 Bad Gateway");
    EXPECT_EQ(serverMessage("<!DOCTYPE html><html><body>no title</body></html>"), "");
}

TEST(RemoteErrorMessage, GivesNothingForAnEmptyBody) {
    EXPECT_EQ(serverMessage(""), "");
    EXPECT_EQ(serverMessage(" \r\n "), "");
}

TEST(RemoteErrorMessage, CutsLongMessagesAtACharacterBoundary) {
    std::string text;
    for (int i = 0; i < 150; ++i)
        text += "é";  // two bytes each: 300 bytes
    const std::string msg = serverMessage(text);
    EXPECT_LE(msg.size(), 200u + std::string("…").size());
    EXPECT_EQ(msg.substr(msg.size() - std::string("…").size()), "…");
    // Every é before the ellipsis is whole.
    const std::string kept = msg.substr(0, msg.size() - std::string("…").size());
    EXPECT_EQ(kept.size() % 2, 0u);
    EXPECT_EQ(kept.substr(0, 4), "éé");
}

TEST(RemoteErrorMessage, KeepsJsonMessagesOnOneLine) {
    const std::string msg = serverMessage(R"({"error":{"message":"line one\nline two\tend"}})");
    EXPECT_EQ(msg, "line one line two end");
}

// --- looksLikeHtml -----------------------------------------------------------------------------

TEST(RemoteErrorHtml, RecognisesPages) {
    EXPECT_TRUE(looksLikeHtml("<!doctype html><html></html>"));
    EXPECT_TRUE(looksLikeHtml("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"));
    EXPECT_TRUE(looksLikeHtml("\n\n   <HTML><BODY>sign in</BODY></HTML>"));
    EXPECT_TRUE(looksLikeHtml("\xEF\xBB\xBF<html lang=\"en\">"));
    EXPECT_TRUE(looksLikeHtml("<head><meta charset=\"utf-8\"><title>Grafana</title></head>"));
}

TEST(RemoteErrorHtml, DoesNotTakeApiAnswersForPages) {
    EXPECT_FALSE(looksLikeHtml(R"({"data":[]})"));
    EXPECT_FALSE(looksLikeHtml("404 page not found"));
    EXPECT_FALSE(looksLikeHtml(""));
    EXPECT_FALSE(looksLikeHtml("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code></Error>"));
    EXPECT_FALSE(looksLikeHtml("a < b and <html> later"));
}

// --- classifyResponse --------------------------------------------------------------------------

TEST(RemoteErrorClassify, SuccessIsNoError) {
    EXPECT_TRUE(classifyResponse(answer(200, "{}"), kAt, "search").ok());
    EXPECT_TRUE(classifyResponse(answer(204, ""), kAt, "search").ok());
}

TEST(RemoteErrorClassify, UnauthorizedNeverQuotesTheBody) {
    const RemoteError e = classifyResponse(
        answer(401, "invalid token: Bearer sk-SECRET-123 for user bob"), kAt, "trace 4bf92f35…");
    EXPECT_EQ(e.kind, RemoteErrorKind::Unauthorized);
    EXPECT_EQ(e.message,
              "http://127.0.0.1:16686 rejected the credentials (401): check the connection's "
              "authentication");
    EXPECT_FALSE(contains(e.message, "SECRET"));
}

TEST(RemoteErrorClassify, ForbiddenNeverQuotesTheBody) {
    const RemoteError e =
        classifyResponse(answer(403, "token sk-SECRET-123 lacks traces:read"), kAt, "search");
    EXPECT_EQ(e.kind, RemoteErrorKind::Forbidden);
    EXPECT_TRUE(contains(e.message, "http://127.0.0.1:16686 refused access to search (403)"));
    EXPECT_FALSE(contains(e.message, "SECRET"));
    EXPECT_FALSE(contains(e.message, "traces:read"));
}

TEST(RemoteErrorClassify, NotFoundFromTheApiAndAMissingRoute) {
    const RemoteError api =
        classifyResponse(answer(404, R"({"error":{"httpCode":404,"message":"No traces found"}})"),
                         kAt, "trace 4bf92f35…");
    EXPECT_EQ(api.kind, RemoteErrorKind::NotFound);
    EXPECT_EQ(api.message, "trace 4bf92f35… not found on http://127.0.0.1:16686");

    EXPECT_EQ(classifyResponse(answer(404, ""), kAt, "trace 1").kind, RemoteErrorKind::NotFound);
    const RemoteError route = classifyResponse(answer(404, "404 page not found\n"), kAt, "search");
    EXPECT_EQ(route.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(route.message, "check the URL"));
    EXPECT_EQ(
        classifyResponse(answer(404, "<html><body>Not Found</body></html>"), kAt, "search").kind,
        RemoteErrorKind::WrongUrl);
}

TEST(RemoteErrorClassify, RateLimitedSaysWhenToTryAgain) {
    const RemoteError e = classifyResponse(answer(429, "rate limited", {{"retry-after", "30"}}),
                                           "http://127.0.0.1:3200", "search");
    EXPECT_EQ(e.kind, RemoteErrorKind::RateLimited);
    EXPECT_TRUE(contains(e.message, "(429)")) << e.message;
    EXPECT_TRUE(contains(e.message, "try again in 30 s")) << e.message;
    EXPECT_TRUE(contains(e.message, "the server said: rate limited")) << e.message;
    EXPECT_TRUE(
        contains(classifyResponse(answer(429, ""), kAt, "search").message, "try again later"));
}

TEST(RemoteErrorClassify, BadRequestQuotesTheServer) {
    const RemoteError e = classifyResponse(
        answer(400, "invalid TraceQL query: parse error at line 1, col 3: syntax error\n"),
        "http://127.0.0.1:3200", "search");
    EXPECT_EQ(e.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(e.message,
              "search on http://127.0.0.1:3200 failed: the server said: invalid TraceQL query: "
              "parse error at line 1, col 3: syntax error");
    const RemoteError tooLarge =
        classifyResponse(answer(422, "trace exceeds max size (max bytes: 5000000)"),
                         "http://127.0.0.1:3200", "trace 4bf92f35…");
    EXPECT_EQ(tooLarge.kind, RemoteErrorKind::BadRequest);
    EXPECT_TRUE(contains(tooLarge.message, "trace exceeds max size"));
    EXPECT_EQ(classifyResponse(answer(400, ""), kAt, "search").message,
              "http://127.0.0.1:16686 rejected search (400)");
}

TEST(RemoteErrorClassify, ServerErrorReadsJsonSentAsPlainText) {
    const RemoteError e = classifyResponse(
        answer(500, R"({"data":null,"errors":[{"code":500,"msg":"cassandra: timeout"}]})"), kAt,
        "search");
    EXPECT_EQ(e.kind, RemoteErrorKind::Server);
    EXPECT_EQ(e.message,
              "search on http://127.0.0.1:16686 failed (server error 500): the server said: "
              "cassandra: timeout");
    const RemoteError page = classifyResponse(
        answer(502, "<html><head><title>502 Bad Gateway</title></head></html>"), kAt, "search");
    EXPECT_EQ(page.kind, RemoteErrorKind::Server);
    EXPECT_TRUE(contains(page.message, "the server said: 502 Bad Gateway"));
}

TEST(RemoteErrorClassify, RedirectIsAWrongUrlAndDoesNotNameTheLocation) {
    const RemoteError e = classifyResponse(
        answer(302, "", {{"location", "https://sso.example/login?token=abc"}}), kAt, "search");
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_FALSE(contains(e.message, "sso.example"));
}

TEST(RemoteErrorClassify, NetworkErrorsKeepTheClientsMessage) {
    const RemoteError refused =
        classifyResponse(netFailure(net::HttpError::Refused,
                                    "cannot connect to http://127.0.0.1:9 (connection refused)"),
                         "http://127.0.0.1:9", "services");
    EXPECT_EQ(refused.kind, RemoteErrorKind::Network);
    EXPECT_EQ(refused.message,
              "services: cannot connect to http://127.0.0.1:9 (connection refused)");
    const RemoteError timeout = classifyResponse(
        netFailure(net::HttpError::Timeout, "no answer from http://127.0.0.1:9 within 1 s"),
        "http://127.0.0.1:9", "search");
    EXPECT_EQ(timeout.kind, RemoteErrorKind::Network);
    const RemoteError cancelled = classifyResponse(
        netFailure(net::HttpError::Cancelled, "the request to http://127.0.0.1:9 was cancelled"),
        "http://127.0.0.1:9", "search");
    EXPECT_EQ(cancelled.kind, RemoteErrorKind::Cancelled);
}

TEST(RemoteErrorClassify, EveryMessageIsOneLine) {
    for (const long status : {301L, 400L, 401L, 403L, 404L, 409L, 422L, 429L, 500L, 503L}) {
        const RemoteError e = classifyResponse(
            answer(status, "first\r\nsecond\tthird\n", {{"retry-after", "5"}}), kAt, "search");
        EXPECT_FALSE(e.ok()) << status;
        EXPECT_TRUE(oneLine(e.message)) << status << ": " << e.message;
        EXPECT_TRUE(contains(e.message, kAt)) << status << ": " << e.message;
    }
}

}  // namespace
}  // namespace rootline::remote
