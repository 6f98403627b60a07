// Latency facts: self-time outliers against siblings or trace-wide peers, servers that outlive
// their clients, and the slowest descendant under a span.

#include <gtest/gtest.h>

#include "analysis/latency.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

constexpr int64_t kMs = 1'000'000;

TEST(Latency, SelfTimeOutlierAgainstItsSiblings) {
    SpanTree tree;
    tree.span("1").name("render").server().at(0, 1000);
    tree.span("2").parent("1").name("SELECT").client().at(10, 10);
    tree.span("3").parent("1").name("SELECT").client().at(30, 10);
    tree.span("4").parent("1").name("SELECT").client().at(50, 10);
    tree.span("5").parent("1").name("SELECT").client().at(70, 100);
    tree.span("6").parent("1").name("GET cache").client().at(200, 5);  // not a peer
    const Trace& t = test::loadTree(tree);
    const LatencyFacts f = analyzeLatency(t);
    const int slow = SpanTree::index(t, "5"), normal = SpanTree::index(t, "2");
    EXPECT_FLOAT_EQ(f.selfRatio[slow], 10.0f);
    EXPECT_EQ(f.peerMedianNs[slow], 10 * kMs);
    EXPECT_EQ(f.peerCount[slow], 4u);
    EXPECT_TRUE(f.peersAreSiblings[slow]);
    EXPECT_FLOAT_EQ(f.selfRatio[normal], 1.0f);
    // A lone operation has no peers.
    EXPECT_EQ(f.selfRatio[SpanTree::index(t, "6")], 0.0f);
    EXPECT_EQ(f.peerCount[SpanTree::index(t, "6")], 0u);
    EXPECT_EQ(f.referenceNs, 1000 * kMs);
}

TEST(Latency, SelfTimeIsWhatCountsNotDuration) {
    // The slow sibling is slow because of its child: its own time is like the others'.
    SpanTree tree;
    tree.span("1").name("render").server().at(0, 1000);
    tree.span("2").parent("1").name("load").internal().at(10, 10);
    tree.span("3").parent("1").name("load").internal().at(30, 10);
    tree.span("4").parent("1").name("load").internal().at(50, 10);
    tree.span("5").parent("1").name("load").internal().at(70, 100);
    tree.span("6").parent("5").name("fetch").client().at(75, 90);
    const Trace& t = test::loadTree(tree);
    const LatencyFacts f = analyzeLatency(t);
    EXPECT_FLOAT_EQ(f.selfRatio[SpanTree::index(t, "5")], 1.0f);
}

TEST(Latency, SelfTimeOutlierAgainstTraceWidePeers) {
    // Each call has a different parent, so there are no siblings to compare with; the same
    // service and operation elsewhere in the trace are the peers.
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 1000);
    tree.span("2").parent("1").name("a").internal().at(0, 100);
    tree.span("3").parent("2").name("GET cache").client().at(10, 5);
    tree.span("4").parent("1").name("b").internal().at(200, 100);
    tree.span("5").parent("4").name("GET cache").client().at(210, 5);
    tree.span("6").parent("1").name("c").internal().at(400, 100);
    tree.span("7").parent("6").name("GET cache").client().at(410, 50);
    // The same operation name in another service is not a peer.
    tree.span("8").parent("1").service("other").name("GET cache").client().at(600, 300);
    const Trace& t = test::loadTree(tree);
    const LatencyFacts f = analyzeLatency(t);
    const int slow = SpanTree::index(t, "7");
    EXPECT_FLOAT_EQ(f.selfRatio[slow], 10.0f);
    EXPECT_EQ(f.peerCount[slow], 3u);
    EXPECT_FALSE(f.peersAreSiblings[slow]);
    EXPECT_EQ(f.peerMedianNs[slow], 5 * kMs);
    EXPECT_EQ(f.selfRatio[SpanTree::index(t, "8")], 0.0f);
}

TEST(Latency, TooFewPeersGiveNoRatio) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 1000);
    tree.span("2").parent("1").name("SELECT").client().at(10, 10);
    tree.span("3").parent("1").name("SELECT").client().at(30, 500);
    const Trace& t = test::loadTree(tree);
    const LatencyFacts f = analyzeLatency(t);
    for (size_t i = 0; i < t.spanCount(); ++i) {
        EXPECT_EQ(f.selfRatio[i], 0.0f) << t.nameOf(i);
        EXPECT_EQ(f.peerCount[i], 0u) << t.nameOf(i);
    }
}

TEST(Latency, ServerOutlivingItsClient) {
    SpanTree tree;
    tree.span("1").service("web").name("root").server().at(0, 1000);
    tree.span("2").parent("1").service("web").name("POST").client().at(0, 100).error(
        "deadline exceeded");
    tree.span("3").parent("2").service("pay").name("POST /pay").server().at(10, 190);  // to 200
    const Trace& t = test::loadTree(tree);
    const LatencyFacts f = analyzeLatency(t);
    EXPECT_EQ(f.outlivesClientNs[SpanTree::index(t, "3")], 100 * kMs);
    EXPECT_EQ(f.outlivesClientNs[SpanTree::index(t, "2")], 0);
    EXPECT_EQ(f.outlivesClientNs[SpanTree::index(t, "1")], 0);
}

TEST(Latency, SmallClockSkewIsNotOutliving) {
    SpanTree tree;
    tree.span("1").service("web").name("POST").client().at(0, 100);
    tree.span("2").parent("1").service("pay").name("POST /pay").server().at(1, 99.5);  // +0.5 ms
    const Trace& t = test::loadTree(tree);
    EXPECT_EQ(analyzeLatency(t).outlivesClientNs[SpanTree::index(t, "2")], 0);
}

TEST(Latency, OnlyAServerUnderAClientCanOutliveIt) {
    SpanTree tree;
    tree.span("1").name("job").internal().at(0, 100);
    tree.span("2").parent("1").name("handler").server().at(10, 500);
    const Trace& t = test::loadTree(tree);
    EXPECT_EQ(analyzeLatency(t).outlivesClientNs[SpanTree::index(t, "2")], 0);
}

TEST(Latency, ReferenceIsTheLongestRoot) {
    SpanTree tree;
    tree.span("1").name("short").at(0, 100);
    tree.span("2").name("long").at(50, 300);
    tree.span("3").parent("2").name("child").at(60, 200);
    const Trace& t = test::loadTree(tree);
    EXPECT_EQ(analyzeLatency(t).referenceNs, 300 * kMs);
}

TEST(Latency, SlowestDescendantIsTheMostSelfTimeInTheSubtree) {
    SpanTree tree;
    tree.span("1").name("client").client().at(0, 100);
    tree.span("2").parent("1").name("server").server().at(0, 60);  // self 20
    tree.span("3").parent("2").name("query").client().at(10, 40);  // self 40
    tree.span("4").parent("1").name("other").client().at(60, 30);  // self 30
    const Trace& t = test::loadTree(tree);
    const int query = SpanTree::index(t, "3");
    EXPECT_EQ(slowestDescendant(t, 0, 0.0), query);
    EXPECT_EQ(slowestDescendant(t, 0, 0.3), query);  // 40 ms ≥ 30% of 100 ms
    EXPECT_EQ(slowestDescendant(t, 0, 0.5), -1);     // 40 ms < 50 ms
    EXPECT_EQ(slowestDescendant(t, static_cast<size_t>(query), 0.0), -1);  // a leaf
    // The subtree of `server` only.
    EXPECT_EQ(slowestDescendant(t, static_cast<size_t>(SpanTree::index(t, "2")), 0.5), query);
}

TEST(Latency, SlowestDescendantAddsUpTheSelfTimeOfOneOperation) {
    // Three waits for a pool connection (75 ms together) outweigh one 48 ms back-off; the
    // longest of the three is returned.
    SpanTree tree;
    tree.span("1").name("client").client().at(0, 160);
    tree.span("2").parent("1").name("handler").server().at(0, 160);
    tree.span("3").parent("2").name("acquire connection").internal().at(0, 25);
    tree.span("4").parent("2").name("backoff").internal().at(30, 48);
    tree.span("5").parent("2").name("acquire connection").internal().at(80, 24);
    tree.span("6").parent("2").name("acquire connection").internal().at(110, 26);
    const Trace& t = test::loadTree(tree);
    EXPECT_EQ(slowestDescendant(t, 0, 0.3), SpanTree::index(t, "6"));
    // The operation's total is what must reach the share: 75 ms < 50% of 160 ms.
    EXPECT_EQ(slowestDescendant(t, 0, 0.5), -1);
}

TEST(Latency, SlowestDescendantSkipsFlaggedSpansButNotTheirChildren) {
    // The retry wrapper's own time is back-off; flagged, it does not count, and the slowest
    // span under it still does.
    SpanTree tree;
    tree.span("1").name("client").client().at(0, 200);
    tree.span("2").parent("1").name("withRetry").internal().at(0, 200);  // self 140
    tree.span("3").parent("2").name("attempt").client().at(0, 60);       // self 10
    tree.span("4").parent("3").name("SELECT").client().at(5, 50);        // self 50
    const Trace& t = test::loadTree(tree);
    const int wrapper = SpanTree::index(t, "2");
    EXPECT_EQ(slowestDescendant(t, 0, 0.2), wrapper);
    std::vector<uint8_t> skip(t.spanCount(), 0);
    skip[static_cast<size_t>(wrapper)] = 1;
    EXPECT_EQ(slowestDescendant(t, 0, 0.2, &skip), SpanTree::index(t, "4"));
    EXPECT_EQ(slowestDescendant(t, 0, 0.3, &skip), -1);  // 50 ms < 30% of 200 ms
}

TEST(Latency, SlowestDescendantIncludesWorkAfterTheSpanEnded) {
    // The client gave up at 100 ms; its server went on for 400 ms more.
    SpanTree tree;
    tree.span("1").name("client").client().at(0, 100);
    tree.span("2").parent("1").name("server").server().at(5, 10);
    tree.span("3").parent("1").name("late server").server().at(20, 480);
    const Trace& t = test::loadTree(tree);
    EXPECT_EQ(slowestDescendant(t, 0, 0.3), SpanTree::index(t, "3"));
}

}  // namespace
}  // namespace rootline
