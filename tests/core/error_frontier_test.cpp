// What each span says about its own outcome (span_outcome.h) and the error frontier built on
// it (error_frontier.h): where failures start, how far they travel, who absorbed them.

#include <gtest/gtest.h>

#include "analysis/error_frontier.h"
#include "analysis/span_outcome.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

struct Analysed {
    const Trace& t;
    SpanOutcomes o;
    ErrorFrontier f;
};

Analysed analyse(const SpanTree& tree) {
    const Trace& t = test::loadTree(tree);
    SpanOutcomes o = readSpanOutcomes(t);
    ErrorFrontier f = analyzeErrorFrontier(t, o);
    return {t, std::move(o), std::move(f)};
}

// ---- span outcomes ----

TEST(SpanOutcome, ErrorStatusAndExceptionsBothMeanFailed) {
    SpanTree tree;
    tree.span("1").name("declared").at(0, 100).error();
    tree.span("2").parent("1").name("thrown").at(10, 10).exception("IOException", "reset");
    tree.span("3").parent("1").name("fine").at(30, 10);
    tree.span("4").parent("1").name("logged").at(50, 10).event("retrying");
    const Analysed a = analyse(tree);
    EXPECT_TRUE(a.o.failed[SpanTree::index(a.t, "1")]);
    EXPECT_TRUE(a.o.failed[SpanTree::index(a.t, "2")]);
    EXPECT_EQ(a.o.exceptionCount[SpanTree::index(a.t, "2")], 1u);
    EXPECT_FALSE(a.o.failed[SpanTree::index(a.t, "3")]);
    EXPECT_FALSE(a.o.failed[SpanTree::index(a.t, "4")]);  // an event that is not an exception
    EXPECT_EQ(a.o.exceptionCount[SpanTree::index(a.t, "4")], 0u);
}

TEST(SpanOutcome, ServerThatAnsweredWithAnErrorCodeFailed) {
    // OpenTelemetry leaves a server's 4xx (and some gRPC codes) unset; the failure its client
    // records still started there.
    SpanTree tree;
    tree.span("1").name("GET /item").server().at(0, 10).http(404);
    tree.span("2").name("Get").server().at(20, 10).grpc(3);
    tree.span("3").name("GET /ok").server().at(40, 10).http(200);
    tree.span("4").name("Ok").server().at(60, 10).grpc(0);
    tree.span("5").name("GET").client().at(80, 10).http(404);
    const Analysed a = analyse(tree);
    EXPECT_TRUE(a.o.failed[SpanTree::index(a.t, "1")]);
    EXPECT_TRUE(a.o.failed[SpanTree::index(a.t, "2")]);
    EXPECT_FALSE(a.o.failed[SpanTree::index(a.t, "3")]);
    EXPECT_FALSE(a.o.failed[SpanTree::index(a.t, "4")]);
    EXPECT_TRUE(a.o.failed[SpanTree::index(a.t, "5")]);
}

TEST(SpanOutcome, SameOperationNeedsTheSameCallee) {
    // "GET" to two services is two operations; "GET" twice to one service is one.
    SpanTree tree;
    tree.span("1").service("web").name("page").server().at(0, 100);
    tree.span("2").parent("1").service("web").name("GET").client().at(10, 10);
    tree.span("3").parent("2").service("users").name("GET /u").server().at(11, 8);
    tree.span("4").parent("1").service("web").name("GET").client().at(30, 10);
    tree.span("5").parent("4").service("users").name("GET /u").server().at(31, 8);
    tree.span("6").parent("1").service("web").name("GET").client().at(50, 10);
    tree.span("7").parent("6").service("stock").name("GET /s").server().at(51, 8);
    tree.span("8").parent("1").service("web").name("GET").client().at(70, 10).str("server.address",
                                                                                  "rates.example");
    const Analysed a = analyse(tree);
    const auto i = [&](const char* id) { return static_cast<size_t>(SpanTree::index(a.t, id)); };
    EXPECT_TRUE(sameOperation(a.t, a.o, i("2"), i("4")));
    EXPECT_FALSE(sameOperation(a.t, a.o, i("2"), i("6")));
    EXPECT_FALSE(sameOperation(a.t, a.o, i("2"), i("8")));
    EXPECT_NE(a.o.callee[i("8")], 0u);
}

TEST(SpanOutcome, ReadsHttpGrpcAndResendCodes) {
    SpanTree tree;
    tree.span("1").name("http").client().at(0, 10).http(503);
    tree.span("2").name("grpc").client().at(20, 10).grpc(14);
    tree.span("3").name("retry").client().at(40, 10).num("http.request.resend_count", 2);
    tree.span("4").name("old-http").client().at(60, 10).num("http.status_code", 404);
    tree.span("5").name("plain").at(80, 10);
    const Analysed a = analyse(tree);
    EXPECT_EQ(a.o.httpStatus[SpanTree::index(a.t, "1")], 503);
    EXPECT_EQ(a.o.grpcStatus[SpanTree::index(a.t, "2")], 14);
    EXPECT_EQ(a.o.resendCount[SpanTree::index(a.t, "3")], 2);
    EXPECT_EQ(a.o.httpStatus[SpanTree::index(a.t, "4")], 404);
    const int plain = SpanTree::index(a.t, "5");
    EXPECT_EQ(a.o.httpStatus[plain], 0);
    EXPECT_EQ(a.o.grpcStatus[plain], -1);
    EXPECT_EQ(a.o.resendCount[plain], 0);
}

TEST(SpanOutcome, TimeoutFromStatusTextCodeOrException) {
    SpanTree tree;
    tree.span("1").name("status").client().at(0, 10).error("context deadline exceeded");
    tree.span("2").name("grpc").client().at(20, 10).error().grpc(4);
    tree.span("3").name("gateway").client().at(40, 10).http(504);
    tree.span("4").name("thrown").at(60, 10).exception("java.net.SocketTimeoutException",
                                                       "Read timed out");
    tree.span("5").name("other").client().at(80, 10).error("connection refused");
    tree.span("6").name("bad").client().at(100, 10).http(500);
    tree.span("7").name("camel").at(120, 10).exception("DeadlineExceeded", "");
    tree.span("8")
        .name("error-type")
        .client()
        .at(140, 10)
        .error()
        .str("error.type", "java.net.SocketTimeoutException");
    tree.span("9").name("408").client().at(160, 10).http(408);
    const Analysed a = analyse(tree);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "8")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "9")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "1")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "2")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "3")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "4")]);
    EXPECT_TRUE(a.o.timeout[SpanTree::index(a.t, "7")]);
    EXPECT_FALSE(a.o.timeout[SpanTree::index(a.t, "5")]);
    EXPECT_FALSE(a.o.timeout[SpanTree::index(a.t, "6")]);
}

TEST(SpanOutcome, TextSaysTimeoutIgnoresCase) {
    EXPECT_TRUE(textSaysTimeout("Timeout waiting for lock"));
    EXPECT_TRUE(textSaysTimeout("request TIMED OUT"));
    EXPECT_TRUE(textSaysTimeout("rpc error: code = DeadlineExceeded desc = context deadline"));
    EXPECT_TRUE(textSaysTimeout("context deadline exceeded"));
    EXPECT_FALSE(textSaysTimeout("connection refused"));
    EXPECT_FALSE(textSaysTimeout(""));
    EXPECT_FALSE(textSaysTimeout("time"));
}

TEST(SpanOutcome, RejectionIsAFourHundredClassAnswerButNotTimeoutOrThrottling) {
    SpanTree tree;
    tree.span("1").name("400").client().at(0, 1).http(400);
    tree.span("2").name("422").client().at(2, 1).http(422);
    tree.span("3").name("404").client().at(4, 1).http(404);
    tree.span("4").name("408").client().at(6, 1).http(408);
    tree.span("5").name("429").client().at(8, 1).http(429);
    tree.span("6").name("500").client().at(10, 1).http(500);
    tree.span("7").name("grpc-invalid").client().at(12, 1).error().grpc(3);
    tree.span("8").name("grpc-unavailable").client().at(14, 1).error().grpc(14);
    tree.span("9").name("200").client().at(16, 1).http(200);
    const Analysed a = analyse(tree);
    auto rejected = [&](const char* id) { return a.o.rejection[SpanTree::index(a.t, id)] != 0; };
    EXPECT_TRUE(rejected("1"));
    EXPECT_TRUE(rejected("2"));
    EXPECT_TRUE(rejected("3"));
    EXPECT_FALSE(rejected("4"));
    EXPECT_FALSE(rejected("5"));
    EXPECT_FALSE(rejected("6"));
    EXPECT_TRUE(rejected("7"));
    EXPECT_FALSE(rejected("8"));
    EXPECT_FALSE(rejected("9"));
}

TEST(SpanOutcome, OverloadedIs429Or503OrResourceExhaustedOrUnavailable) {
    SpanTree tree;
    tree.span("1").name("429").client().at(0, 1).http(429);
    tree.span("2").name("503").client().at(2, 1).http(503);
    tree.span("3").name("grpc8").client().at(4, 1).error().grpc(8);
    tree.span("4").name("grpc14").client().at(6, 1).error().grpc(14);
    tree.span("5").name("500").client().at(8, 1).http(500);
    tree.span("6").name("grpc4").client().at(10, 1).error().grpc(4);
    tree.span("7").name("502").client().at(12, 1).http(502);
    const Analysed a = analyse(tree);
    auto overloaded = [&](const char* id) { return a.o.overloaded[SpanTree::index(a.t, id)] != 0; };
    EXPECT_TRUE(overloaded("1"));
    EXPECT_TRUE(overloaded("2"));
    EXPECT_TRUE(overloaded("3"));
    EXPECT_TRUE(overloaded("4"));
    EXPECT_FALSE(overloaded("5"));
    EXPECT_FALSE(overloaded("6"));
    EXPECT_FALSE(overloaded("7"));
}

TEST(SpanOutcome, FailureTextPrefersTheFirstExceptionThenTheStatusMessage) {
    SpanTree tree;
    tree.span("1")
        .name("both")
        .at(0, 10)
        .error("status text")
        .exception("IOException", "broken pipe")
        .exception("Second", "ignored");
    tree.span("2").name("status").at(20, 10).error("upstream said no");
    tree.span("3").name("type-only").at(40, 10).exception("NullPointerException", "");
    tree.span("4").name("message-only").at(60, 10).exception("", "division by zero");
    tree.span("5").name("nothing").at(80, 10).error();
    tree.span("6").name("fine").at(100, 10);
    const Analysed a = analyse(tree);
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "1")), "IOException: broken pipe");
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "2")), "upstream said no");
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "3")), "NullPointerException");
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "4")), "division by zero");
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "5")), "");
    EXPECT_EQ(a.o.failureText(a.t, SpanTree::index(a.t, "6")), "");
}

// ---- the error frontier ----

TEST(ErrorFrontier, LeafWhereTheFailureStartedIsTheOriginAndItsAncestorsPropagate) {
    SpanTree tree;
    tree.span("1").service("web").name("POST /checkout").server().at(0, 100).error();
    tree.span("2").parent("1").service("web").name("POST").client().at(5, 90).error();
    tree.span("3").parent("2").service("pay").name("POST /pay").server().at(10, 80).error();
    tree.span("4").parent("3").service("pay").name("SELECT").client().at(20, 50).exception(
        "SQLException", "relation does not exist");
    tree.span("5").parent("3").service("pay").name("GET cache").client().at(75, 5);
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1"), leaf = SpanTree::index(a.t, "4");
    EXPECT_EQ(a.f.role[leaf], ErrorRole::Origin);
    EXPECT_EQ(a.f.role[SpanTree::index(a.t, "3")], ErrorRole::Propagated);
    EXPECT_EQ(a.f.role[SpanTree::index(a.t, "2")], ErrorRole::Propagated);
    EXPECT_EQ(a.f.role[root], ErrorRole::Propagated);
    EXPECT_EQ(a.f.role[SpanTree::index(a.t, "5")], ErrorRole::None);
    EXPECT_EQ(a.f.top[leaf], root);
    EXPECT_TRUE(a.f.unhandled[leaf]);
    EXPECT_EQ(a.f.absorbedBy[leaf], -1);
    // Only origins carry a top.
    EXPECT_EQ(a.f.top[SpanTree::index(a.t, "3")], -1);
    EXPECT_EQ(a.f.top[SpanTree::index(a.t, "5")], -1);
}

TEST(ErrorFrontier, ExceptionWithoutErrorStatusStillMakesAnOrigin) {
    // The leaf never set a status; it only recorded the exception. Its parent did fail.
    SpanTree tree;
    tree.span("1").name("handler").server().at(0, 100).error();
    tree.span("2").parent("1").name("parse").internal().at(10, 20).exception(
        "JsonParseException", "unexpected end of input");
    const Analysed a = analyse(tree);
    const int leaf = SpanTree::index(a.t, "2");
    EXPECT_EQ(a.t.status[leaf], StatusCode::Unset);
    EXPECT_EQ(a.f.role[leaf], ErrorRole::Origin);
    EXPECT_EQ(a.f.role[SpanTree::index(a.t, "1")], ErrorRole::Propagated);
    EXPECT_TRUE(a.f.unhandled[leaf]);
}

TEST(ErrorFrontier, FailedSpanWithoutAFailedParentIsItsOwnTop) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error("boom");
    const Analysed a = analyse(tree);
    EXPECT_EQ(a.f.role[0], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[0], 0);
    EXPECT_TRUE(a.f.unhandled[0]);
}

TEST(ErrorFrontier, SucceedingParentAbsorbsTheFailure) {
    // A cache miss that the service handled by going to the database.
    SpanTree tree;
    tree.span("1").name("GET /profile").server().at(0, 100);
    tree.span("2").parent("1").name("loadProfile").internal().at(5, 90).error();
    tree.span("3").parent("2").name("GET cache").client().at(10, 5).error("miss");
    tree.span("4").parent("1").name("SELECT").client().at(20, 50);
    const Analysed a = analyse(tree);
    const int miss = SpanTree::index(a.t, "3"), load = SpanTree::index(a.t, "2");
    EXPECT_EQ(a.f.role[miss], ErrorRole::Origin);
    EXPECT_EQ(a.f.role[load], ErrorRole::Propagated);
    EXPECT_EQ(a.f.top[miss], load);
    EXPECT_FALSE(a.f.unhandled[miss]);
    EXPECT_EQ(a.f.absorbedBy[miss], SpanTree::index(a.t, "1"));
}

TEST(ErrorFrontier, OrphanTopIsUnhandled) {
    SpanTree tree;
    tree.span("2").parent("99").name("lost").server().at(0, 10).error();  // parent not sent
    const Analysed a = analyse(tree);
    EXPECT_EQ(a.f.role[0], ErrorRole::Origin);
    EXPECT_TRUE(a.f.unhandled[0]);
}

TEST(ErrorFrontier, AsyncConsumerFailureIsUnhandledWithItsOwnTop) {
    // The request that produced the message succeeded; the consumer's failure never reached it.
    SpanTree tree;
    tree.span("1").name("POST /order").server().at(0, 100);
    tree.span("2").parent("1").name("send order").producer().at(10, 5);
    tree.span("3")
        .parent("2")
        .service("mailer")
        .name("process order")
        .consumer()
        .at(40, 50)
        .error();
    tree.span("4").parent("3").service("mailer").name("SMTP").client().at(45, 40).exception(
        "SMTPException", "relay refused");
    const Analysed a = analyse(tree);
    const int consumer = SpanTree::index(a.t, "3"), smtp = SpanTree::index(a.t, "4");
    EXPECT_FALSE(isSynchronousChild(a.t, static_cast<size_t>(consumer)));
    EXPECT_TRUE(isSynchronousChild(a.t, static_cast<size_t>(smtp)));
    EXPECT_EQ(a.f.role[smtp], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[smtp], consumer);
    EXPECT_TRUE(a.f.unhandled[smtp]);
    EXPECT_EQ(a.f.absorbedBy[smtp], -1);
    // The producer did not fail because its consumer did.
    EXPECT_EQ(a.f.role[SpanTree::index(a.t, "2")], ErrorRole::None);
}

TEST(ErrorFrontier, FailedFollowsFromChildDoesNotMakeItsParentPropagate) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error("own failure");
    tree.span("2").followsFrom("1").name("after").at(50, 20).error();
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1"), after = SpanTree::index(a.t, "2");
    EXPECT_FALSE(isSynchronousChild(a.t, static_cast<size_t>(after)));
    EXPECT_FALSE(isSynchronousChild(a.t, static_cast<size_t>(root)));  // a root has no parent
    EXPECT_EQ(a.f.role[root], ErrorRole::Origin);                      // it failed on its own
    EXPECT_EQ(a.f.role[after], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[after], after);
    EXPECT_TRUE(a.f.unhandled[after]);
}

TEST(ErrorFrontier, SilentClientOverAFailedServerPassesTheFailureOn) {
    // Some HTTP clients record nothing about the answer: no status, no code. The server's
    // failure must still reach the root through it rather than look handled.
    SpanTree tree;
    tree.span("1").service("web").name("checkout").server().at(0, 100).error();
    tree.span("2").parent("1").service("web").name("POST").client().at(10, 80);
    tree.span("3").parent("2").service("pay").name("POST /pay").server().at(15, 70).error();
    const Analysed a = analyse(tree);
    const int server = SpanTree::index(a.t, "3");
    EXPECT_EQ(a.f.role[server], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[server], SpanTree::index(a.t, "1"));
    EXPECT_TRUE(a.f.unhandled[server]);
}

TEST(ErrorFrontier, ClientThatRecordedASuccessAbsorbsTheServersFailure) {
    // The same shape, but the client saw an answer it could live with (HTTP 200).
    SpanTree tree;
    tree.span("1").service("web").name("checkout").server().at(0, 100);
    tree.span("2").parent("1").service("web").name("POST").client().at(10, 80).http(200);
    tree.span("3").parent("2").service("pay").name("POST /pay").server().at(15, 70).error();
    const Analysed a = analyse(tree);
    const int server = SpanTree::index(a.t, "3"), client = SpanTree::index(a.t, "2");
    EXPECT_EQ(a.f.role[server], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[server], server);
    EXPECT_FALSE(a.f.unhandled[server]);
    EXPECT_EQ(a.f.absorbedBy[server], client);
}

TEST(ErrorFrontier, ParentWithTwoFailedChildrenPassesOnTheLastToEnd) {
    // Nothing says which failure the root reports: the request failed when its last failing
    // call returned. The earlier failure stopped at the root, which got past it.
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error();
    tree.span("2").parent("1").name("a").client().at(10, 20).error();
    tree.span("3").parent("1").name("b").client().at(40, 20).error();
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1"), first = SpanTree::index(a.t, "2"),
              last = SpanTree::index(a.t, "3");
    EXPECT_EQ(a.f.role[root], ErrorRole::Propagated);
    EXPECT_EQ(a.f.role[first], ErrorRole::Origin);
    EXPECT_EQ(a.f.role[last], ErrorRole::Origin);
    EXPECT_EQ(a.f.top[last], root);
    EXPECT_TRUE(a.f.unhandled[last]);
    EXPECT_EQ(a.f.top[first], first);
    EXPECT_FALSE(a.f.unhandled[first]);
    EXPECT_EQ(a.f.absorbedBy[first], root);
}

TEST(ErrorFrontier, ParentPassesOnTheChildWhoseFailureItRepeats) {
    // The root reports the inventory failure's message, although the pricing call ended later.
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error(
        "reserve failed: out of stock for sku 42");
    tree.span("2").parent("1").name("reserve").client().at(10, 20).error("out of stock for sku 42");
    tree.span("3").parent("1").name("price").client().at(40, 20).error("price service down");
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1"), reserve = SpanTree::index(a.t, "2"),
              price = SpanTree::index(a.t, "3");
    EXPECT_EQ(a.f.top[reserve], root);
    EXPECT_TRUE(a.f.unhandled[reserve]);
    EXPECT_EQ(a.f.top[price], price);
    EXPECT_FALSE(a.f.unhandled[price]);
    EXPECT_EQ(a.f.absorbedBy[price], root);
}

TEST(ErrorFrontier, ParentPassesOnTheChildWhoseCodeItRepeats) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error().http(503);
    tree.span("2").parent("1").name("stock").client().at(10, 20).http(503);
    tree.span("3").parent("1").name("price").client().at(40, 20).http(500);
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1");
    EXPECT_EQ(a.f.top[SpanTree::index(a.t, "2")], root);
    EXPECT_FALSE(a.f.unhandled[SpanTree::index(a.t, "3")]);
}

TEST(ErrorFrontier, RepeatedAttemptsOfTheCausePassItOnTogether) {
    // A retry storm: every failed attempt of the last-failing call reaches the root.
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error();
    tree.span("2").parent("1").name("GET /cache").client().at(2, 3).error();  // another call
    tree.span("3").parent("1").name("Authorize").client().at(10, 20).error();
    tree.span("4").parent("1").name("Authorize").client().at(35, 20).error();
    tree.span("5").parent("1").name("Authorize").client().at(60, 20).error();
    const Analysed a = analyse(tree);
    const int root = SpanTree::index(a.t, "1");
    for (const char* id : {"3", "4", "5"}) {
        EXPECT_EQ(a.f.top[SpanTree::index(a.t, id)], root) << id;
        EXPECT_TRUE(a.f.unhandled[SpanTree::index(a.t, id)]) << id;
    }
    EXPECT_FALSE(a.f.unhandled[SpanTree::index(a.t, "2")]);
}

TEST(ErrorFrontier, DeepFailedChainStaysLinear) {
    // 100,000 failed spans in one chain: one origin at the bottom, its top the root.
    constexpr int kDepth = 100'000;
    std::string json = R"({"traceID":"1","spans":[)";
    json.reserve(static_cast<size_t>(kDepth) * 140);
    for (int i = 1; i <= kDepth; ++i) {
        json += (i > 1 ? "," : "");
        json += R"({"spanID":")" + std::to_string(i) + R"(",)";
        if (i > 1) json += R"("parentSpanID":")" + std::to_string(i - 1) + R"(",)";
        json += R"("operationName":"op","startTime":)" + std::to_string(i) + R"(,"duration":)" +
                std::to_string(2 * (kDepth - i) + 2) +
                R"(,"tags":[{"key":"error","type":"bool","value":true}]})";
    }
    json += "]}";
    const Trace& t = test::onlyTrace(test::load(json));
    ASSERT_EQ(t.spanCount(), static_cast<size_t>(kDepth));
    const SpanOutcomes o = readSpanOutcomes(t);
    const ErrorFrontier f = analyzeErrorFrontier(t, o);
    const size_t leaf = t.spanCount() - 1;
    EXPECT_EQ(f.role[leaf], ErrorRole::Origin);
    EXPECT_EQ(f.top[leaf], 0);
    EXPECT_TRUE(f.unhandled[leaf]);
    EXPECT_EQ(f.role[0], ErrorRole::Propagated);
}

}  // namespace
}  // namespace rootline
