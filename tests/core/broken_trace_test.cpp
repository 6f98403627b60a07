// Broken traces load with warnings on the spans concerned; nothing is silently repaired or
// rejected.

#include <gtest/gtest.h>
#include <pthread.h>

#include "test_support.h"

namespace rootline {
namespace {

struct S {
    std::string id, parent;
    int64_t startUs, durationUs;
};

// A Jaeger trace of spans given as (id, parent, start µs, duration µs).
std::string jaeger(const std::vector<S>& spans) {
    std::string json = R"({"traceID":"ab","spans":[)";
    for (size_t i = 0; i < spans.size(); ++i) {
        const S& s = spans[i];
        if (i) json += ",";
        json += R"({"traceID":"ab","spanID":")" + s.id + R"(","operationName":"op-)" + s.id +
                R"(","startTime":)" + std::to_string(s.startUs) + R"(,"duration":)" +
                std::to_string(s.durationUs);
        if (!s.parent.empty()) json += R"(,"parentSpanID":")" + s.parent + "\"";
        json += "}";
    }
    return json + "]}";
}

TEST(BrokenTraces, MissingParentsBecomeExtraRootsWithAWarning) {
    const LoadResult r =
        test::load(jaeger({{"1", "", 0, 100}, {"2", "1", 10, 10}, {"3", "99", 20, 10}}));
    const Trace& t = test::onlyTrace(r);
    EXPECT_EQ(t.roots.size(), 2u);
    EXPECT_EQ(t.orphanCount, 1u);
    const int orphan = test::spanIndex(t, "0000000000000003");
    EXPECT_TRUE(t.flags[orphan] & kOrphan);
    EXPECT_EQ(t.parent[orphan], -1);
    ASSERT_TRUE(test::hasWarning(t, orphan, WarningCode::MissingParent));
    EXPECT_EQ(warningText(t, t.warningsOf(orphan)[0]),
              "parent span 0000000000000099 is not in this trace; shown as an extra root");
}

TEST(BrokenTraces, DuplicateSpanIdsAreFlaggedOnEveryCopy) {
    const Trace& t = test::onlyTrace(test::load(
        jaeger({{"1", "", 0, 100}, {"2", "1", 10, 10}, {"2", "1", 30, 10}, {"4", "2", 12, 2}})));
    int flagged = 0;
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (test::hasWarning(t, i, WarningCode::DuplicateId)) ++flagged;
    EXPECT_EQ(flagged, 2);
    // Children of a duplicated id attach to the earliest copy.
    const int child = test::spanIndex(t, "0000000000000004");
    EXPECT_EQ(t.start[t.parent[child]], 10000);
}

TEST(BrokenTraces, ParentCyclesAreCutAtTheirEarliestSpan) {
    // 2 ⇄ 3 and a self-parented 4; 1 is a proper root with child 5.
    const Trace& t = test::onlyTrace(test::load(jaeger({{"1", "", 0, 100},
                                                        {"2", "3", 10, 10},
                                                        {"3", "2", 15, 10},
                                                        {"4", "4", 20, 5},
                                                        {"5", "1", 30, 5}})));
    const int s2 = test::spanIndex(t, "0000000000000002");
    const int s3 = test::spanIndex(t, "0000000000000003");
    const int s4 = test::spanIndex(t, "0000000000000004");
    EXPECT_EQ(t.parent[s2], -1);  // earliest of the 2-cycle
    EXPECT_EQ(t.parent[s3], s2);
    EXPECT_TRUE(test::hasWarning(t, s2, WarningCode::ParentCycle));
    EXPECT_EQ(t.parent[s4], -1);
    EXPECT_TRUE(test::hasWarning(t, s4, WarningCode::ParentCycle));
    EXPECT_EQ(t.roots.size(), 3u);
    EXPECT_EQ(t.depth[s3], 1u);
}

TEST(BrokenTraces, ChildrenOutsideTheirParentAreFlagged) {
    const Trace& t = test::onlyTrace(
        test::load(jaeger({{"1", "", 100, 100}, {"2", "1", 90, 20}, {"3", "1", 150, 80}})));
    const int early = test::spanIndex(t, "0000000000000002");
    const int late = test::spanIndex(t, "0000000000000003");
    ASSERT_TRUE(test::hasWarning(t, early, WarningCode::StartsBeforeParent));
    EXPECT_EQ(warningText(t, t.warningsOf(early)[0]),
              "starts 10 µs before its parent (clock skew between hosts?)");
    EXPECT_TRUE(test::hasWarning(t, late, WarningCode::EndsAfterParent));
}

TEST(BrokenTraces, NegativeAndZeroDurations) {
    const Trace& t = test::onlyTrace(
        test::load(jaeger({{"1", "", 0, 100}, {"2", "1", 10, -5}, {"3", "1", 20, 0}})));
    const int negative = test::spanIndex(t, "0000000000000002");
    const int zero = test::spanIndex(t, "0000000000000003");
    EXPECT_TRUE(test::hasWarning(t, negative, WarningCode::NegativeDuration));
    EXPECT_EQ(t.end(negative), t.start[negative]);  // drawn as zero
    EXPECT_EQ(t.selfTime[negative], 0);
    EXPECT_TRUE(test::hasWarning(t, zero, WarningCode::ZeroDuration));
    EXPECT_EQ(t.durationNs(), 100000);
}

// Runs `fn` on a thread with a small stack, so any recursion proportional to input depth
// would crash the test instead of passing by luck on an 8 MB main stack.
template <typename Fn>
void onSmallStack(Fn fn) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_t thread;
    auto* heapFn = new Fn(std::move(fn));
    auto trampoline = [](void* p) -> void* {
        auto* f = static_cast<Fn*>(p);
        (*f)();
        delete f;
        return nullptr;
    };
    ASSERT_EQ(pthread_create(&thread, &attr, trampoline, heapFn), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
}

TEST(BrokenTraces, HundredThousandDeepParentChainNeedsNoRecursion) {
    constexpr int kDepth = 100000;
    std::vector<S> spans;
    spans.reserve(kDepth);
    for (int i = 1; i <= kDepth; ++i)
        spans.push_back(
            {std::to_string(i), i == 1 ? "" : std::to_string(i - 1), i, 2 * kDepth - 2 * i + 2});
    const std::string json = jaeger(spans);
    uint32_t maxDepth = 0;
    size_t count = 0;
    int64_t leafSelf = -1;
    onSmallStack([&] {
        const LoadResult r = test::load(json);
        if (!r.ok()) return;
        const Trace& t = *r.file->traces[0];
        maxDepth = t.maxDepth;
        count = t.spanCount();
        leafSelf = t.selfTime[t.spanCount() - 1];
    });
    EXPECT_EQ(count, static_cast<size_t>(kDepth));
    EXPECT_EQ(maxDepth, static_cast<uint32_t>(kDepth - 1));
    EXPECT_EQ(leafSelf, 2000);
}

TEST(BrokenTraces, DeepCycleIsCutWithoutRecursion) {
    constexpr int kLength = 50000;
    std::vector<S> spans;
    for (int i = 1; i <= kLength; ++i)
        spans.push_back({std::to_string(i), std::to_string(i == 1 ? kLength : i - 1), i, 1});
    const std::string json = jaeger(spans);
    size_t roots = 0;
    onSmallStack([&] {
        const LoadResult r = test::load(json);
        if (r.ok()) roots = r.file->traces[0]->roots.size();
    });
    EXPECT_EQ(roots, 1u);
}

}  // namespace
}  // namespace rootline
