// Retries: the same call made again by one caller, one attempt after the other, after a
// failure — or a resend counter on the span. A parallel fan-out and healthy repeats are not.

#include <gtest/gtest.h>

#include "analysis/retries.h"
#include "analysis/span_outcome.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

Retries retriesOf(const Trace& t) {
    return findRetries(t, readSpanOutcomes(t));
}

TEST(Retries, SequentialFailedRepeatsFormOneGroup) {
    SpanTree tree;
    tree.span("1").service("checkout").name("reserve").internal().at(0, 100);
    tree.span("2").parent("1").service("checkout").name("GET /stock").client().at(5, 20).http(503);
    tree.span("3").parent("1").service("checkout").name("GET /stock").client().at(30, 20).http(503);
    tree.span("4").parent("1").service("checkout").name("GET /stock").client().at(55, 20).http(200);
    tree.span("5").parent("1").service("checkout").name("SELECT").client().at(80, 10);
    const Trace& t = test::loadTree(tree);
    const Retries r = retriesOf(t);
    ASSERT_EQ(r.groups.size(), 1u);
    const RetryGroup& g = r.groups[0];
    EXPECT_EQ(g.caller, static_cast<uint32_t>(SpanTree::index(t, "1")));
    EXPECT_EQ(g.attempts, (std::vector<uint32_t>{static_cast<uint32_t>(SpanTree::index(t, "2")),
                                                 static_cast<uint32_t>(SpanTree::index(t, "3")),
                                                 static_cast<uint32_t>(SpanTree::index(t, "4"))}));
    EXPECT_EQ(g.failedAttempts, 2u);
    EXPECT_TRUE(g.lastSucceeded);
    ASSERT_EQ(r.groupOf.size(), t.spanCount());
    for (const char* id : {"2", "3", "4"})
        EXPECT_EQ(r.groupOf[SpanTree::index(t, id)], 0) << id;
    EXPECT_EQ(r.groupOf[SpanTree::index(t, "1")], -1);
    EXPECT_EQ(r.groupOf[SpanTree::index(t, "5")], -1);
}

TEST(Retries, AttemptsThatAllFailedDidNotSucceedLast) {
    SpanTree tree;
    tree.span("1").name("callWithRetry").internal().at(0, 100).error();
    tree.span("2").parent("1").name("Authorize").client().at(0, 30).error("deadline exceeded");
    tree.span("3").parent("1").name("Authorize").client().at(35, 30).error("deadline exceeded");
    const Trace& t = test::loadTree(tree);
    const Retries r = retriesOf(t);
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].failedAttempts, 2u);
    EXPECT_FALSE(r.groups[0].lastSucceeded);
}

TEST(Retries, ParallelFanOutIsNotARetry) {
    // Four shards queried side by side; two fail. Same operation, same caller, but not retries.
    SpanTree tree;
    tree.span("1").name("search").server().at(0, 100).error();
    tree.span("2").parent("1").name("query shard").client().at(10, 50).error();
    tree.span("3").parent("1").name("query shard").client().at(11, 50).error();
    tree.span("4").parent("1").name("query shard").client().at(12, 50);
    tree.span("5").parent("1").name("query shard").client().at(13, 50);
    const Trace& t = test::loadTree(tree);
    const Retries r = retriesOf(t);
    EXPECT_TRUE(r.groups.empty());
    for (int32_t g : r.groupOf)
        EXPECT_EQ(g, -1);
}

TEST(Retries, HealthyRepeatsAreALoopNotARetry) {
    SpanTree tree;
    tree.span("1").name("render").server().at(0, 100);
    for (int k = 0; k < 4; ++k)
        tree.span(std::to_string(k + 2)).parent("1").name("GET /item").client().at(5 + 20 * k, 15);
    const Trace& t = test::loadTree(tree);
    EXPECT_TRUE(retriesOf(t).groups.empty());
}

TEST(Retries, OnlyTheLastAttemptFailingIsNotARetry) {
    // Nothing failed before the second call was made, so it was not made because of a failure.
    SpanTree tree;
    tree.span("1").name("render").server().at(0, 100).error();
    tree.span("2").parent("1").name("GET /item").client().at(5, 20);
    tree.span("3").parent("1").name("GET /item").client().at(30, 20).error();
    const Trace& t = test::loadTree(tree);
    EXPECT_TRUE(retriesOf(t).groups.empty());
}

TEST(Retries, DifferentCallersDoNotFormOneGroup) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100).error();
    tree.span("2").parent("1").name("a").internal().at(0, 40).error();
    tree.span("3").parent("2").name("GET /x").client().at(5, 20).error();
    tree.span("4").parent("1").name("b").internal().at(50, 40).error();
    tree.span("5").parent("4").name("GET /x").client().at(55, 20).error();
    const Trace& t = test::loadTree(tree);
    EXPECT_TRUE(retriesOf(t).groups.empty());
}

TEST(Retries, ResendCountMarksARetryEvenWhenAttemptsOverlap) {
    // The HTTP client hedged: the resend started before the first attempt gave up, so timing
    // alone would read it as a fan-out; the resend counter says otherwise.
    SpanTree tree;
    tree.span("1").name("fetch").internal().at(0, 100).error();
    tree.span("2").parent("1").name("GET").client().at(0, 60).http(503);
    tree.span("3").parent("1").name("GET").client().at(30, 60).http(503).num(
        "http.request.resend_count", 1);
    const Trace& t = test::loadTree(tree);
    const Retries r = retriesOf(t);
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].attempts.size(), 2u);
    EXPECT_EQ(r.groups[0].failedAttempts, 2u);
    EXPECT_EQ(r.groupOf[SpanTree::index(t, "3")], 0);
}

TEST(Retries, ResendCountOnALoneFailedSpanIsARetry) {
    // Only the last attempt was recorded; its counter says two came before it.
    SpanTree tree;
    tree.span("1").name("fetch").internal().at(0, 100).error();
    tree.span("2").parent("1").name("GET").client().at(10, 60).http(503).num(
        "http.request.resend_count", 2);
    tree.span("3").parent("1").name("SELECT").client().at(80, 10);
    const Trace& t = test::loadTree(tree);
    const Retries r = retriesOf(t);
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].attempts,
              std::vector<uint32_t>{static_cast<uint32_t>(SpanTree::index(t, "2"))});
}

}  // namespace
}  // namespace rootline
