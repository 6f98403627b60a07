// The critical path, with Jaeger UI's semantics: per root, walk back from the end always into
// the last-finishing child that ends before the point reached; non-blocking children
// (producer→consumer, FOLLOWS_FROM) are left out, overflowing children clipped, children
// entirely outside their parent dropped.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "analysis/critical_path.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

constexpr int64_t kMs = 1'000'000;

constexpr int64_t kOrigin = SpanTree::kEpochUs * 1000;  // the builder's time 0, in ns

// The sections of `span` as (start, end) in ms from the builder's time 0.
std::vector<std::pair<double, double>> sectionsMs(const CriticalPath& p, int span) {
    std::vector<std::pair<double, double>> out;
    for (const CriticalSection& s : p.sectionsOf(static_cast<uint32_t>(span)))
        out.emplace_back(static_cast<double>(s.startNs - kOrigin) / kMs,
                         static_cast<double>(s.endNs - kOrigin) / kMs);
    return out;
}

using Sections = std::vector<std::pair<double, double>>;

// The sections reached from `root` (spans of its tree) tile [root.start, root.end] exactly.
void expectTilesRoot(const Trace& t, const CriticalPath& p, uint32_t root) {
    // Each span's root, parents first (by depth), so a deep chain stays linear.
    std::vector<uint32_t> byDepth(t.spanCount());
    for (uint32_t i = 0; i < byDepth.size(); ++i)
        byDepth[i] = i;
    std::sort(byDepth.begin(), byDepth.end(),
              [&](uint32_t a, uint32_t b) { return t.depth[a] < t.depth[b]; });
    std::vector<uint32_t> rootOf(t.spanCount());
    for (uint32_t i : byDepth)
        rootOf[i] = t.parent[i] < 0 ? i : rootOf[static_cast<size_t>(t.parent[i])];
    std::vector<CriticalSection> mine;
    for (const CriticalSection& s : p.sections)
        if (rootOf[s.span] == root) mine.push_back(s);
    ASSERT_FALSE(mine.empty());
    std::sort(mine.begin(), mine.end(), [](const CriticalSection& a, const CriticalSection& b) {
        return a.startNs < b.startNs;
    });
    EXPECT_EQ(mine.front().startNs, t.start[root]);
    EXPECT_EQ(mine.back().endNs, t.end(root));
    int64_t total = 0;
    for (size_t k = 0; k < mine.size(); ++k) {
        EXPECT_LT(mine[k].startNs, mine[k].endNs) << "empty section of span " << mine[k].span;
        if (k > 0) {
            EXPECT_EQ(mine[k].startNs, mine[k - 1].endNs) << "gap or overlap";
        }
        total += mine[k].endNs - mine[k].startNs;
    }
    EXPECT_EQ(total, t.duration[root]);
}

TEST(CriticalPath, SequentialChildrenAreAllOnThePathWithTheParentBetweenThem) {
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100);
    tree.span("2").parent("1").name("a").at(10, 30);  // 10–40
    tree.span("3").parent("1").name("b").at(50, 40);  // 50–90
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    const int root = SpanTree::index(t, "1"), a = SpanTree::index(t, "2"),
              b = SpanTree::index(t, "3");
    EXPECT_EQ(sectionsMs(p, root), (Sections{{0, 10}, {40, 50}, {90, 100}}));
    EXPECT_EQ(sectionsMs(p, a), (Sections{{10, 40}}));
    EXPECT_EQ(sectionsMs(p, b), (Sections{{50, 90}}));
    EXPECT_EQ(p.criticalNs[root], 30 * kMs);
    EXPECT_EQ(p.criticalNs[a], 30 * kMs);
    EXPECT_EQ(p.criticalNs[b], 40 * kMs);
    expectTilesRoot(t, p, static_cast<uint32_t>(root));
}

TEST(CriticalPath, OverlappingChildrenFollowTheLastFinishingChild) {
    // a is the longest child, but c finishes last and b is the latest to finish before c
    // starts: the path is root → c → root → b → root, and a is never waited for alone.
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("a").at(10, 70);  // 10–80
    tree.span("3").parent("1").name("b").at(20, 40);  // 20–60
    tree.span("4").parent("1").name("c").at(70, 20);  // 70–90
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    const int root = SpanTree::index(t, "1"), a = SpanTree::index(t, "2"),
              b = SpanTree::index(t, "3"), c = SpanTree::index(t, "4");
    EXPECT_EQ(sectionsMs(p, c), (Sections{{70, 90}}));
    EXPECT_EQ(sectionsMs(p, b), (Sections{{20, 60}}));
    EXPECT_EQ(sectionsMs(p, root), (Sections{{0, 20}, {60, 70}, {90, 100}}));
    EXPECT_FALSE(p.onPath(static_cast<size_t>(a)));
    EXPECT_EQ(p.criticalNs[a], 0);
    expectTilesRoot(t, p, static_cast<uint32_t>(root));
}

TEST(CriticalPath, DescendsThroughGrandchildren) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("client").client().at(10, 80);  // 10–90
    tree.span("3").parent("2").name("server").server().at(15, 70);  // 15–85
    tree.span("4").parent("3").name("query").client().at(20, 60);   // 20–80
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "4")), (Sections{{20, 80}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "3")), (Sections{{15, 20}, {80, 85}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "2")), (Sections{{10, 15}, {85, 90}}));
    EXPECT_EQ(p.criticalNs[SpanTree::index(t, "4")], 60 * kMs);
    expectTilesRoot(t, p, static_cast<uint32_t>(SpanTree::index(t, "1")));
}

TEST(CriticalPath, ChildOverflowingItsParentIsClipped) {
    // A server that outlives its timed-out client: only the part inside the client counts, and
    // the path never runs past the root's end.
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("client").client().at(20, 60);  // 20–80
    tree.span("3").parent("2").name("server").server().at(30, 90);  // 30–120, clipped to 80
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "3")), (Sections{{30, 80}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "2")), (Sections{{20, 30}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "1")), (Sections{{0, 20}, {80, 100}}));
    for (const CriticalSection& s : p.sections) {
        EXPECT_GE(s.startNs, t.start[0]);
        EXPECT_LE(s.endNs, t.end(0));
    }
    expectTilesRoot(t, p, static_cast<uint32_t>(SpanTree::index(t, "1")));
}

TEST(CriticalPath, ChildStartingBeforeItsParentIsClippedToTheParentsStart) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("client").client().at(40, 50);  // 40–90
    tree.span("3").parent("2").name("server").server().at(30, 40);  // 30–70, clipped to 40–70
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "3")), (Sections{{40, 70}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "2")), (Sections{{70, 90}}));
    expectTilesRoot(t, p, static_cast<uint32_t>(SpanTree::index(t, "1")));
}

TEST(CriticalPath, ChildEntirelyOutsideItsParentIsDroppedWithItsSubtree) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("late").at(120, 30);        // 120–150: after the root ended
    tree.span("3").parent("2").name("late-child").at(125, 10);  // inside `late`, outside root
    tree.span("4").parent("1").name("early").at(-50, 20);       // −50…−30: before the root
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    const int root = SpanTree::index(t, "1");
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "2"))));
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "3"))));
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "4"))));
    EXPECT_EQ(sectionsMs(p, root), (Sections{{0, 100}}));
    EXPECT_EQ(p.criticalNs[root], 100 * kMs);
}

TEST(CriticalPath, ConsumerUnderProducerIsNotOnThePath) {
    // The consumer overlaps its producer, so only the producer→consumer rule keeps it off.
    SpanTree tree;
    tree.span("1").name("root").server().at(0, 100);
    tree.span("2").parent("1").name("send").producer().at(10, 80);     // 10–90
    tree.span("3").parent("2").name("process").consumer().at(20, 60);  // 20–80
    tree.span("4").parent("3").name("work").at(25, 50);                // under the consumer
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "3"))));
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "4"))));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "2")), (Sections{{10, 90}}));
    expectTilesRoot(t, p, static_cast<uint32_t>(SpanTree::index(t, "1")));
}

TEST(CriticalPath, ConsumerUnderANonProducerStillBlocks) {
    // Only a PRODUCER→CONSUMER pair is non-blocking: a consumer span under an internal poll
    // loop is what that loop waits for.
    SpanTree tree;
    tree.span("1").name("poll").internal().at(0, 100);
    tree.span("2").parent("1").name("process").consumer().at(20, 60);
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_EQ(p.criticalNs[SpanTree::index(t, "2")], 60 * kMs);
}

TEST(CriticalPath, FollowsFromSubtreeIsNotOnThePath) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("sync").at(10, 20);         // 10–30
    tree.span("3").followsFrom("1").name("async").at(40, 55);   // 40–95
    tree.span("4").parent("3").name("async-child").at(45, 40);  // under the async one
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "3"))));
    EXPECT_FALSE(p.onPath(static_cast<size_t>(SpanTree::index(t, "4"))));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "1")), (Sections{{0, 10}, {30, 100}}));
    EXPECT_EQ(sectionsMs(p, SpanTree::index(t, "2")), (Sections{{10, 30}}));
}

TEST(CriticalPath, SectionsOfOneRootCoverExactlyItsDuration) {
    // A busier tree: overlaps, nesting, a gap, a clipped child.
    SpanTree tree;
    tree.span("1").name("root").at(0, 200);
    tree.span("2").parent("1").name("a").at(5, 50);
    tree.span("3").parent("2").name("a1").at(10, 20);
    tree.span("4").parent("2").name("a2").at(25, 35);
    tree.span("5").parent("1").name("b").at(40, 100);
    tree.span("6").parent("5").name("b1").at(45, 30);
    tree.span("7").parent("5").name("b2").at(80, 100);  // overflows b
    tree.span("8").parent("1").name("c").at(150, 30);
    tree.span("9").parent("8").name("c1").at(150, 30);  // exactly as long as c
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    expectTilesRoot(t, p, static_cast<uint32_t>(SpanTree::index(t, "1")));
    int64_t sum = 0;
    for (int64_t ns : p.criticalNs)
        sum += ns;
    EXPECT_EQ(sum, 200 * kMs);
    // sorted by (span, start)
    for (size_t k = 1; k < p.sections.size(); ++k) {
        const CriticalSection &x = p.sections[k - 1], &y = p.sections[k];
        EXPECT_TRUE(x.span < y.span || (x.span == y.span && x.startNs < y.startNs)) << k;
    }
}

TEST(CriticalPath, EveryRootHasItsOwnPath) {
    SpanTree tree;
    tree.span("1").name("first").at(0, 100);
    tree.span("2").parent("1").name("first-child").at(20, 30);
    tree.span("3").name("second").at(50, 100);  // overlaps the first root in time
    tree.span("4").parent("3").name("second-child").at(60, 80);
    tree.span("5").parent("ff").name("orphan").at(300, 10);  // its parent is not in the trace
    const Trace& t = test::loadTree(tree);
    ASSERT_EQ(t.roots.size(), 3u);
    const CriticalPath p = computeCriticalPath(t);
    for (uint32_t root : t.roots)
        expectTilesRoot(t, p, root);
    EXPECT_EQ(p.criticalNs[SpanTree::index(t, "2")], 30 * kMs);
    EXPECT_EQ(p.criticalNs[SpanTree::index(t, "4")], 80 * kMs);
    EXPECT_EQ(p.criticalNs[SpanTree::index(t, "5")], 10 * kMs);
}

TEST(CriticalPath, CriticalTimeSumsEverySectionOfASpan) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("a").at(10, 20);  // 10–30
    tree.span("3").parent("1").name("b").at(50, 20);  // 50–70
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    const int root = SpanTree::index(t, "1");
    const auto sections = p.sectionsOf(static_cast<uint32_t>(root));
    ASSERT_EQ(sections.size(), 3u);
    int64_t sum = 0;
    for (const CriticalSection& s : sections) {
        EXPECT_EQ(s.span, static_cast<uint32_t>(root));
        sum += s.endNs - s.startNs;
    }
    EXPECT_EQ(p.criticalNs[root], sum);
    EXPECT_EQ(p.criticalNs[root], 60 * kMs);  // 0–10, 30–50, 70–100
    EXPECT_LT(sections[0].startNs, sections[1].startNs);
    EXPECT_LT(sections[1].startNs, sections[2].startNs);
    EXPECT_TRUE(p.onPath(static_cast<size_t>(root)));
    EXPECT_FALSE(p.onPath(t.spanCount()));  // out of range is simply "not on the path"
}

TEST(CriticalPath, SectionsOfASpanOffThePathIsEmpty) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("long").at(10, 80);
    tree.span("3").parent("1").name("last").at(85, 10);
    const Trace& t = test::loadTree(tree);
    const CriticalPath p = computeCriticalPath(t);
    EXPECT_TRUE(p.sectionsOf(static_cast<uint32_t>(SpanTree::index(t, "2"))).empty());
    EXPECT_EQ(p.sectionsOf(static_cast<uint32_t>(SpanTree::index(t, "3"))).size(), 1u);
    EXPECT_TRUE(p.sectionsOf(9999).empty());
}

TEST(CriticalPath, EmptyTraceHasNoPath) {
    const Trace empty;
    const CriticalPath p = computeCriticalPath(empty);
    EXPECT_TRUE(p.sections.empty());
    EXPECT_TRUE(p.criticalNs.empty());
}

TEST(CriticalPath, HundredThousandDeepChainDoesNotOverflowTheStack) {
    constexpr int kDepth = 100'000;
    std::string json = R"({"traceID":"1","spans":[)";
    json.reserve(static_cast<size_t>(kDepth) * 110);
    for (int i = 1; i <= kDepth; ++i) {
        // Each span starts 1 µs after its parent and ends 1 µs before it.
        json += (i > 1 ? "," : "");
        json += R"({"spanID":")" + std::to_string(i) + R"(",)";
        if (i > 1) json += R"("parentSpanID":")" + std::to_string(i - 1) + R"(",)";
        json += R"("operationName":"op","startTime":)" + std::to_string(i) + R"(,"duration":)" +
                std::to_string(2 * (kDepth - i) + 2) + "}";
    }
    json += "]}";
    const Trace& t = test::onlyTrace(test::load(json));
    ASSERT_EQ(t.spanCount(), static_cast<size_t>(kDepth));
    ASSERT_EQ(t.maxDepth, static_cast<uint32_t>(kDepth - 1));
    const auto began = std::chrono::steady_clock::now();
    const CriticalPath p = computeCriticalPath(t);
    const auto took = std::chrono::steady_clock::now() - began;
    EXPECT_LT(took, std::chrono::seconds(2));
    // Every span waits 1 µs on each side of its child; the deepest waits 2 µs for itself.
    const size_t deepest = t.spanCount() - 1;  // it starts last
    ASSERT_EQ(t.depth[deepest], static_cast<uint32_t>(kDepth - 1));
    EXPECT_EQ(p.criticalNs[deepest], 2000);
    EXPECT_EQ(p.criticalNs[0], 2000);
    EXPECT_EQ(p.sections.size(), static_cast<size_t>(2 * kDepth - 1));
    expectTilesRoot(t, p, 0);
}

TEST(CriticalPath, CancelledControlStopsTheWalk) {
    SpanTree tree;
    tree.span("1").name("root").at(0, 100);
    tree.span("2").parent("1").name("a").at(10, 20);
    const Trace& t = test::loadTree(tree);
    std::atomic<bool> cancel{true};
    JobControl control;
    control.cancelFlag = &cancel;
    EXPECT_THROW(computeCriticalPath(t, &control), Cancelled);
}

}  // namespace
}  // namespace rootline
