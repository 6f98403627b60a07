// The tree index: order, children, depth, self time, services, summary.

#include <gtest/gtest.h>

#include "test_support.h"

namespace rootline {
namespace {

TEST(TraceIndex, SpansAreSortedByStartAndChildrenFollow) {
    // Written children-first and out of order, as the OTel JS exporter does.
    const Trace& t = test::onlyTrace(test::load(R"({"traceID":"1","spans":[
      {"spanID":"3","parentSpanID":"1","operationName":"c2","startTime":60,"duration":30},
      {"spanID":"2","parentSpanID":"1","operationName":"c1","startTime":10,"duration":40},
      {"spanID":"4","parentSpanID":"2","operationName":"g","startTime":20,"duration":10},
      {"spanID":"1","operationName":"root","startTime":0,"duration":100}]})"));
    ASSERT_EQ(t.spanCount(), 4u);
    for (size_t i = 1; i < t.spanCount(); ++i)
        EXPECT_LE(t.start[i - 1], t.start[i]);
    EXPECT_EQ(t.nameOf(0), "root");
    ASSERT_EQ(t.childrenOf(0).size(), 2u);
    EXPECT_EQ(t.nameOf(t.childrenOf(0)[0]), "c1");
    EXPECT_EQ(t.nameOf(t.childrenOf(0)[1]), "c2");
    EXPECT_EQ(t.depth[test::spanIndex(t, "0000000000000004")], 2u);
    EXPECT_EQ(t.maxDepth, 2u);
    EXPECT_EQ(t.roots, std::vector<uint32_t>{0});
}

TEST(TraceIndex, SelfTimeSubtractsTheUnionOfChildrenClippedToTheParent) {
    // Root 0–100 µs; children 10–50 and 30–70 overlap (union 10–70), one child 90–120 runs
    // past the end (counts 90–100): self = 100 − 60 − 10 = 30 µs.
    const Trace& t = test::onlyTrace(test::load(R"({"traceID":"1","spans":[
      {"spanID":"1","operationName":"root","startTime":0,"duration":100},
      {"spanID":"2","parentSpanID":"1","operationName":"a","startTime":10,"duration":40},
      {"spanID":"3","parentSpanID":"1","operationName":"b","startTime":30,"duration":40},
      {"spanID":"4","parentSpanID":"1","operationName":"c","startTime":90,"duration":30}]})"));
    EXPECT_EQ(t.selfTime[0], 30000);
    EXPECT_EQ(t.selfTime[1], 40000);
}

TEST(TraceIndex, SummaryListsServicesRootsAndWarnings) {
    const LoadResult r = loadTraceFile(test::fixture("jaeger/ui-genai-57spans-10svc-error.json"));
    const TraceSummary s = summarizeTrace(test::onlyTrace(r));
    EXPECT_EQ(s.traceId, "4a1b2c3d4e5f60718293a4b5c6d7e8f9");
    ASSERT_EQ(s.services.size(), 10u);
    EXPECT_EQ(s.services[0].name, "coding-agent");  // most spans first
    EXPECT_EQ(s.services[0].spans, 19u);
    ASSERT_EQ(s.roots.size(), 1u);
    EXPECT_EQ(s.rootName(), "POST /api/graphql");
    EXPECT_EQ(s.errorCount, 1u);
    EXPECT_EQ(s.depth, 8u);
    ASSERT_EQ(s.warningCount, 1u);
    EXPECT_EQ(s.warnings[0].code, "ends_after_parent");
    EXPECT_EQ(s.warnings[0].spanId, "0000000000000003");
}

}  // namespace
}  // namespace rootline
