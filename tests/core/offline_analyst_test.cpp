// The offline analyst on real packs: the demo incident (its labelled root cause), a trace with
// no failure ("no clear root cause"), the same verdict twice, and a verdict that passes its own
// checks. Plus the explain pipeline's retry and hallucination handling with a scripted provider.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "llm/explain.h"
#include "span_tree_builder.h"
#include "test_support.h"
#include "tracepack/tracepack_builder.h"

namespace rootline::llm {
namespace {

std::string demoPack() {
    const LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    EXPECT_TRUE(r.ok());
    const Trace& t = *r.file->traces.at(0);
    PackOptions o;
    o.tokenKey = {1, 2};
    return buildTracepack(t, rankSuspects(t), o).bytes;
}

ProviderSettings offline() {
    return defaultSettings(ProviderKind::Offline);
}

TEST(OfflineAnalyst, NamesTheDemoIncidentsRootCause) {
    const std::string pack = demoPack();
    const ExplainResult r = explainPack(pack, offline());
    ASSERT_TRUE(r.ok) << r.message;
    // resources/demo/README.md: the payment service's risk-profile query on 2.14.0.
    ASSERT_FALSE(r.verdict.rootSpans.empty());
    const auto p = nlohmann::json::parse(pack);
    EXPECT_EQ(r.verdict.rootSpans[0], p["suspects"][0]["span_id"]);
    EXPECT_NE(r.verdict.hypothesis.find("SELECT customer_risk_profiles"), std::string::npos)
        << r.verdict.hypothesis;
    EXPECT_NE(r.verdict.hypothesis.find("propagates"), std::string::npos);
    EXPECT_FALSE(r.verdict.evidence.empty());
    EXPECT_FALSE(r.verdict.fixSuggestions.empty());
    EXPECT_NE(r.verdict.testSuggestion.find("SELECT customer_risk_profiles"), std::string::npos);
    EXPECT_GT(r.verdict.confidence, 0.3);
    EXPECT_LE(r.verdict.confidence, 0.9);
    EXPECT_EQ(r.check.hallucinations, 0);  // its own verdict passes the check
    EXPECT_EQ(r.modelCalls, 1);
    EXPECT_EQ(r.provider, "offline");
    EXPECT_EQ(r.endpoint, "embedded");
}

// Asked about the recommendations call, the analyst names the failure below it (suspect #4),
// not the payment query that broke the checkout.
TEST(OfflineAnalyst, AskedAboutOneSpanItLooksBelowIt) {
    const LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    const Trace& t = *r.file->traces.at(0);
    PackOptions o;
    o.focusSpan = test::spanIndex(t, "c84ca18ab9bb174a");  // recommendations GET
    ASSERT_GE(o.focusSpan, 0);
    const ExplainResult v = explainPack(buildTracepack(t, rankSuspects(t), o).bytes, offline());
    ASSERT_TRUE(v.ok) << v.message;
    ASSERT_EQ(v.verdict.rootSpans.size(), 1u);
    EXPECT_EQ(v.verdict.rootSpans[0], "9105d3f4bbe5aa4a");  // recommendations POST, below it
    EXPECT_EQ(v.verdict.hypothesis.rfind("Asked about recommendations GET", 0), 0u)
        << v.verdict.hypothesis;
}

TEST(OfflineAnalyst, SameVerdictForTheSamePack) {
    const std::string pack = demoPack();
    EXPECT_EQ(explainPack(pack, offline()).verdictJson, explainPack(pack, offline()).verdictJson);
}

TEST(OfflineAnalyst, SaysSoWhenNothingFailed) {
    test::SpanTree tree;
    tree.span("1").service("web").name("GET /").server().at(0, 10);
    tree.span("2").parent("1").service("db").name("q").client().at(1, 2);
    const Trace& t = test::loadTree(tree);
    PackOptions o;
    const std::string pack = buildTracepack(t, rankSuspects(t), o).bytes;
    const ExplainResult r = explainPack(pack, offline());
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_TRUE(r.verdict.rootSpans.empty());
    EXPECT_NE(r.verdict.hypothesis.find("No clear root cause"), std::string::npos);
    EXPECT_LE(r.verdict.confidence, 0.2);
}

TEST(OfflineAnalyst, OffersWhatFixedItLastTime) {
    const LoadResult loaded = loadTraceFile(ROOTLINE_DEMO_TRACE);
    const Trace& t = *loaded.file->traces.at(0);
    PackOptions o;
    o.pastFixes.push_back({"abc", 1700000000000, "lock contention", "added index on profile_id"});
    const std::string pack = buildTracepack(t, rankSuspects(t), o).bytes;
    const auto p = nlohmann::json::parse(pack);
    ASSERT_TRUE(p.contains("past_fixes"));
    EXPECT_EQ(p["past_fixes"][0]["note"], "added index on profile_id");
    const ExplainResult r = explainPack(pack, offline());
    bool offered = false;
    for (const std::string& f : r.verdict.fixSuggestions)
        offered |= f.find("added index on profile_id") != std::string::npos;
    EXPECT_TRUE(offered);
}

// A provider that answers from a script, and remembers what it was asked.
class ScriptedProvider : public Provider {
public:
    std::vector<ModelAnswer> answers;
    std::vector<Conversation> asked;
    ModelAnswer ask(const Conversation& c, const std::atomic<bool>*) override {
        asked.push_back(c);
        ModelAnswer a = answers.at(asked.size() - 1);
        a.inputTokens = 10;
        a.outputTokens = 5;
        return a;
    }
};

const char* kPack =
    R"({"schema":"rootline.tracepack/v1","spans":[{"span_id":"00000000000000aa"},{"span_id":"00000000000000bb"}]})";

ModelAnswer answer(const std::string& text) {
    ModelAnswer a;
    a.text = text;
    a.rawResponse = text;
    return a;
}

TEST(Explain, ASchemaViolationGetsOneRetryCarryingTheError) {
    ScriptedProvider p;
    p.answers = {
        answer(R"({"root_spans":["00000000000000aa"],"hypothesis":"x"})"),
        answer(
            R"({"root_spans":["00000000000000aa"],"hypothesis":"x","evidence":[],"fix_suggestions":[],"test_suggestion":"","confidence":0.4})")};
    const ExplainResult r = explainPack(kPack, offline(), nullptr, &p);
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.modelCalls, 2);
    ASSERT_EQ(p.asked.size(), 2u);
    ASSERT_EQ(p.asked[1].messages.size(), 3u);
    EXPECT_NE(p.asked[1].messages[2].content.find("evidence: missing"), std::string::npos);
    EXPECT_EQ(r.inputTokens, 20);
    EXPECT_EQ(r.outputTokens, 10);
    EXPECT_NE(r.requestMetadata.find("schema_error"), std::string::npos);
}

TEST(Explain, TwoViolationsAreAClearFailure) {
    ScriptedProvider p;
    p.answers = {answer("not json"), answer(R"({"confidence":2})")};
    const ExplainResult r = explainPack(kPack, offline(), nullptr, &p);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, ModelError::BadResponse);
    EXPECT_NE(r.message.find("did not match the verdict schema, twice"), std::string::npos);
    EXPECT_EQ(r.modelCalls, 2);
}

TEST(Explain, HallucinatedSpanIdsAreRemovedBeforeAnyoneSeesThem) {
    ScriptedProvider p;
    p.answers = {answer(
        R"({"root_spans":["00000000000000ff","00000000000000aa"],"hypothesis":"x","evidence":[{"span_id":"00000000000000ff","observation":"made up"}],"fix_suggestions":[],"test_suggestion":"","confidence":0.4})")};
    const ExplainResult r = explainPack(kPack, offline(), nullptr, &p);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.check.hallucinations, 2);
    EXPECT_EQ(r.check.rejectedIds, std::vector<std::string>{"00000000000000ff"});
    EXPECT_EQ(r.verdict.rootSpans, std::vector<std::string>{"00000000000000aa"});
    EXPECT_TRUE(r.verdict.evidence.empty());
    EXPECT_EQ(r.verdictJson.find("00000000000000ff"), std::string::npos);
}

TEST(Explain, AProviderFailureIsPassedOnWithoutARetry) {
    ScriptedProvider p;
    ModelAnswer failed;
    failed.error = ModelError::Auth;
    failed.message = "refused the API key";
    p.answers = {failed};
    const ExplainResult r = explainPack(kPack, offline(), nullptr, &p);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, ModelError::Auth);
    EXPECT_EQ(r.modelCalls, 1);
}

}  // namespace
}  // namespace rootline::llm
