// Every trace fixture under ../shared/fixtures loads with the span, service and error counts
// verified independently by reading the files (a Python script with the same rules; see the
// issue notes). Fixtures that are not traces are refused with a message that says what they
// are.

#include <gtest/gtest.h>

#include "test_support.h"

namespace rootline {
namespace {

struct TraceExpectation {
    std::string traceId;
    size_t spans;
    size_t services;
    uint32_t errors;
    size_t roots;  // roots plus orphans (orphans are shown as extra roots)
    uint32_t orphans;
};

struct FixtureCase {
    std::string file;
    std::string format;
    std::vector<TraceExpectation> traces;
};

std::ostream& operator<<(std::ostream& os, const FixtureCase& c) {
    return os << c.file;
}

class TraceFixtures : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(TraceFixtures, LoadWithVerifiedCounts) {
    const FixtureCase& c = GetParam();
    const LoadResult r = loadTraceFile(test::fixture(c.file));
    ASSERT_TRUE(r.ok()) << describeLoadError(c.file, r.error);
    EXPECT_EQ(r.file->format, c.format);
    ASSERT_EQ(r.file->traces.size(), c.traces.size());
    for (size_t i = 0; i < c.traces.size(); ++i) {
        const Trace& t = *r.file->traces[i];
        const TraceExpectation& e = c.traces[i];
        SCOPED_TRACE(e.traceId);
        EXPECT_EQ(t.traceIdText(), e.traceId);
        EXPECT_EQ(t.spanCount(), e.spans);
        EXPECT_EQ(t.services.size(), e.services);
        EXPECT_EQ(t.errorCount, e.errors);
        EXPECT_EQ(t.roots.size(), e.roots);
        EXPECT_EQ(t.orphanCount, e.orphans);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Shared, TraceFixtures,
    ::testing::Values(FixtureCase{"jaeger/analytics-real-jaeger-query-2019.json",
                                  "Jaeger JSON",
                                  {{"00000000000000002db17286b3e6b148", 2, 1, 0, 1, 0}}},
                      FixtureCase{"jaeger/apiv3-GetTrace.json",
                                  "Jaeger api_v3 JSON",
                                  {{"00000000000000000000000000000001", 1, 1, 1, 1, 0}}},
                      FixtureCase{"jaeger/jaeger-anonymizer-embedded-process.json",
                                  "Jaeger JSON",
                                  {{"00000000000000002be38093ead7a083", 2, 2, 1, 1, 1}}},
                      FixtureCase{"jaeger/jaeger-otlp-links-events-errors.json",
                                  "OTLP JSON",
                                  {{"00000000000000010000000000000000", 2, 1, 2, 2, 2},
                                   {"00000000000000020000000000000000", 2, 1, 2, 2, 2}}},
                      FixtureCase{"jaeger/jaeger-transform-jaeger-out.json",
                                  "Jaeger JSON",
                                  {{"83a9efd15c1c98a977e0711cc93ee28b", 2, 1, 0, 2, 2}}},
                      FixtureCase{"jaeger/jaeger-transform-otlp-in.json",
                                  "OTLP JSON",
                                  {{"83a9efd15c1c98a977e0711cc93ee28b", 2, 1, 0, 2, 2}}},
                      FixtureCase{"jaeger/jaeger-uimodel-edgecases.json",
                                  "Jaeger JSON",
                                  {{"00000000000000000000000000000001", 5, 2, 1, 2, 0}}},
                      FixtureCase{"jaeger/ui-flamegraph-pyroscope-uistate.json",
                                  "Jaeger JSON",
                                  {{"84b3fad94c6112edd6af3347d06f6f1d", 4, 2, 0, 1, 0}}},
                      FixtureCase{"jaeger/ui-genai-57spans-10svc-error.json",
                                  "Jaeger JSON",
                                  {{"4a1b2c3d4e5f60718293a4b5c6d7e8f9", 57, 10, 1, 1, 0}}},
                      FixtureCase{"jaeger/ui-otlp-multi-resourcespans.json",
                                  "OTLP JSON",
                                  {{"c620759e5d60fafb8ee0922b30e06bc6", 4, 1, 0, 1, 0}}},
                      FixtureCase{"jaeger/ui-petclinic-stats-17spans.json",
                                  "Jaeger JSON",
                                  {{"0df84e36b9e2ee3815d07f0867a5be1f", 17, 2, 0, 1, 0}}},
                      FixtureCase{"jaeger/ui-tracegraph-followsfrom-error.json",
                                  "Jaeger JSON",
                                  {{"trace-123", 11, 2, 1, 1, 0}}},
                      FixtureCase{"otlp/trace.json",
                                  "OTLP JSON",
                                  {{"5b8efff798038103d269b633813fc60c", 1, 1, 0, 1, 1}}},
                      FixtureCase{"tempo/api_v2_traces_by_id.docs-example.json",
                                  "Tempo JSON (v2)",
                                  {{"5b8efff798038103d269b633813fc700", 1, 1, 0, 1, 0}}},
                      FixtureCase{"tempo/servicegraphs_trace-with-expired-edges.json",
                                  "OTLP JSON",
                                  {{"4290b5877a9930de79bb428365398ecc", 5, 2, 0, 2, 1}}},
                      FixtureCase{"tempo/servicegraphs_trace-with-failed-requests.json",
                                  "OTLP JSON",
                                  {{"e8b6dff9f8d44b28f1b22bc3bd2f6768", 15, 2, 3, 1, 0}}},
                      FixtureCase{"tempo/servicegraphs_trace-with-queue-database.json",
                                  "OTLP JSON",
                                  {{"4290b5877a9930de79bb428365398ecc", 19, 3, 0, 1, 0}}},
                      FixtureCase{"tempo/servicegraphs_trace-with-virtual-nodes.json",
                                  "OTLP JSON",
                                  {{"4290b5877a9930de79bb428365398ecc", 2, 2, 0, 1, 0},
                                   {"ab4a390ad2fe3b8534404c9f7223a390", 1, 1, 0, 1, 0}}},
                      FixtureCase{"tempo/tempopb_trace_v1_batches.json",
                                  "Tempo JSON (v1)",
                                  {{"5b8efff798038103d269b633813fc60c", 1, 1, 0, 1, 1}}},
                      FixtureCase{"tempo/vulture_trace_jsonpb.json",
                                  "OTLP JSON",
                                  {{"3149195ffb0bec05347b48efe8ecc1b0", 6, 1, 0, 2, 0}}},
                      FixtureCase{"genai/agent-strace-v0.32.0-session.otlp.json",
                                  "OTLP JSON",
                                  {{"168f48cf69c1679dbcb101cdcce994c2", 5, 1, 2, 1, 0}}},
                      FixtureCase{"genai/otel-js-openai-weather-agent.trace.otlp.json",
                                  "OTLP JSON",
                                  {{"93872825ff85a228d175097ad8fc81ec", 5, 1, 0, 1, 0}}}));

struct RefusedCase {
    std::string file;
    std::string messagePart;
};
std::ostream& operator<<(std::ostream& os, const RefusedCase& c) {
    return os << c.file;
}

class NonTraceFixtures : public ::testing::TestWithParam<RefusedCase> {};

TEST_P(NonTraceFixtures, AreRefusedWithAMessageThatSaysWhatTheyAre) {
    const RefusedCase& c = GetParam();
    const LoadResult r = loadTraceFile(test::fixture(c.file));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.message.find(c.messagePart), std::string::npos) << r.error.message;
    EXPECT_TRUE(r.error.byte.has_value());
    EXPECT_EQ(describeLoadError(c.file, r.error).find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Shared, NonTraceFixtures,
    ::testing::Values(
        RefusedCase{"otlp/logs.json", "OTLP logs file"},
        RefusedCase{"otlp/events.json", "OTLP logs file"},
        RefusedCase{"otlp/metrics.json", "OTLP metrics file"},
        RefusedCase{"tempo/api_search_traceql.docs-example.json", "Tempo search result"},
        RefusedCase{"tempo/api_search_tags_based.docs-example.json", "Tempo search result"},
        RefusedCase{"tempo/api_search_tag_values.docs-example.json", "Tempo tag list"},
        RefusedCase{"tempo/api_v2_search_tag_values.docs-example.json", "Tempo tag list"},
        RefusedCase{"jaeger/apiv3-FindTraceSummaries.json", "trace-summaries"},
        RefusedCase{"jaeger/apiv3-GetServices.json", "services or operations"},
        RefusedCase{"jaeger/ui-dependencies-small.json", "parent, child, callCount"},
        RefusedCase{"genai/otel-js-openai-weather-agent.logs.otlp.json", "OTLP logs file"},
        RefusedCase{"genai/agent-strace-v0.32.0-session.meta.json", "session_id"},
        RefusedCase{"genai/conformance-coverage.python-openai.json", "not a recognised"},
        RefusedCase{"genai/openinference-fixture.otel_genai_tool_execution_span.json",
                    "gen_ai.operation.name"}));

// Spot checks of content the counts above do not cover.
TEST(FixtureContent, EdgeCasesFromJaegersOwnConverter) {
    const LoadResult r = loadTraceFile(test::fixture("jaeger/jaeger-uimodel-edgecases.json"));
    const Trace& t = test::onlyTrace(r);
    const int s4 = test::spanIndex(t, "0000000000000004");
    ASSERT_GE(s4, 0);
    // Its first reference points to another trace: the parent is the CHILD_OF in this trace,
    // and the cross-trace reference is kept as a link.
    ASSERT_GE(t.parent[s4], 0);
    EXPECT_EQ(t.spanIdText(t.parent[s4]), "0000000000000002");
    bool crossTrace = false;
    for (const Link& l : t.linksOf(s4))
        if (toHex(l.traceId) == "000000000000000000000000000000ff") crossTrace = true;
    EXPECT_TRUE(crossTrace);
    EXPECT_TRUE(test::hasWarning(t, s4, WarningCode::Source));
    ASSERT_EQ(t.traceWarnings.size(), 1u);
    EXPECT_EQ(t.traceWarnings[0], "some trace warning");
    // An int64 above 2^53 written as a JSON string keeps every digit.
    bool found = false;
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (test::attrText(t, i, "javascript_limit") == "9223372036854775222") found = true;
    EXPECT_TRUE(found);
}

TEST(FixtureContent, TempoBase64IdsAndEnumNames) {
    const LoadResult r =
        loadTraceFile(test::fixture("tempo/servicegraphs_trace-with-failed-requests.json"));
    const Trace& t = test::onlyTrace(r);
    const int db = test::spanIndex(t, "c1ae6cea39a8fc4b");
    ASSERT_GE(db, 0);
    EXPECT_EQ(t.nameOf(db), "pg.query:INSERT");
    EXPECT_EQ(t.kind[db], SpanKind::Client);
    EXPECT_TRUE(t.isError(db));
    EXPECT_NE(t.str(t.statusMessage[db]).find("violates not-null constraint"), std::string::npos);
    EXPECT_EQ(t.depth[db], 2u);
}

TEST(FixtureContent, OpaqueIdsKeepTheProducersText) {
    const LoadResult r =
        loadTraceFile(test::fixture("jaeger/ui-tracegraph-followsfrom-error.json"));
    const Trace& t = test::onlyTrace(r);
    const int consumer = test::spanIndex(t, "span-7");
    ASSERT_GE(consumer, 0);
    EXPECT_TRUE(t.flags[consumer] & kParentFollowsFrom);
    EXPECT_EQ(t.spanIdText(t.parent[consumer]), "span-6");
    // The error tag is {"type":"bool","value":"true"}: a string under a bool declaration.
    const int failed = test::spanIndex(t, "span-2");
    EXPECT_TRUE(t.isError(failed));
    EXPECT_EQ(test::attrText(t, failed, "error"), "true");
}

}  // namespace
}  // namespace rootline
