// Flags on agent tool calls (destructive, without approval, possible injection), the "what
// happened" summary, the price table, and agent steps in ranking and tracepacks.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "agent/agent_flags.h"
#include "agent/agent_run.h"
#include "agent_test_support.h"
#include "analysis/suspect_ranking.h"
#include "tracepack/tracepack_builder.h"

namespace rootline {
namespace {

using test::SpanTree;
using test::toolStep;

AgentRun analyze(const SpanTree& tree) {
    return analyzeAgentRun(test::onlyTrace(test::load(tree.json())), PriceTable::builtIn());
}

// An agent that reads documents, then asks the model, then deletes rows.
SpanTree retrievalThenDelete() {
    SpanTree tree;
    tree.span("1")
        .name("invoke_agent ops")
        .internal()
        .at(0, 100)
        .str("gen_ai.operation.name", "invoke_agent")
        .str("gen_ai.agent.name", "ops");
    tree.span("2")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(1, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o");
    tree.span("3")
        .parent("1")
        .name("retrieval kb")
        .client()
        .at(11, 9)
        .str("gen_ai.operation.name", "retrieval")
        .str("gen_ai.data_source.id", "kb");
    tree.span("4")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(21, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o");
    tree.span("5")
        .parent("1")
        .name("execute_tool delete_records")
        .internal()
        .at(31, 9)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "delete_records")
        .str("gen_ai.tool.call.arguments", R"({"query":"DELETE FROM orders WHERE id < 100"})");
    return tree;
}

TEST(AgentFlags, ToolCallAfterRetrievedContextIsAPossibleInjectionPath) {
    const AgentRun run = analyze(retrievalThenDelete());
    const AgentStep* del = toolStep(run, "delete_records");
    ASSERT_TRUE(del);
    EXPECT_TRUE(del->hasFlag(AgentFlagCode::Destructive));
    EXPECT_TRUE(del->hasFlag(AgentFlagCode::WithoutApproval));
    ASSERT_TRUE(del->hasFlag(AgentFlagCode::PossibleInjection));
    const auto it = std::find_if(del->flags.begin(), del->flags.end(), [](const AgentFlag& f) {
        return f.code == AgentFlagCode::PossibleInjection;
    });
    EXPECT_NE(it->reason.find("retrieved documents (step 3)"), std::string::npos) << it->reason;
    EXPECT_NE(it->reason.find("model call step 4"), std::string::npos) << it->reason;
    // What happened names the table from the SQL in the arguments.
    ASSERT_EQ(run.whatHappened.changes.size(), 1u);
    const StateChange& c = run.whatHappened.changes[0];
    EXPECT_TRUE(c.destructive);
    EXPECT_TRUE(c.possibleInjection);
    EXPECT_EQ(c.touched, (std::vector<TouchedResource>{{"table", "orders"}}));
    EXPECT_NE(c.decisionSource.find("model call step 4"), std::string::npos);
    EXPECT_NE(run.whatHappened.lines[0].find("1 destructive"), std::string::npos);
}

TEST(AgentFlags, ToolCallAfterOnlyUserContextIsNotFlaggedAsInjection) {
    SpanTree tree;
    tree.span("1")
        .name("invoke_agent ops")
        .internal()
        .at(0, 100)
        .str("gen_ai.operation.name", "invoke_agent")
        .str("gen_ai.agent.name", "ops");
    tree.span("2")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(1, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o");
    tree.span("3")
        .parent("1")
        .name("execute_tool delete_records")
        .internal()
        .at(11, 9)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "delete_records")
        .str("agent.decision.context_source", "user")
        .str("agent.decision.reasoning", "the user asked to clear old orders");
    const AgentRun run = analyze(tree);
    const AgentStep* del = toolStep(run, "delete_records");
    ASSERT_TRUE(del);
    EXPECT_TRUE(del->hasFlag(AgentFlagCode::Destructive));
    EXPECT_FALSE(del->hasFlag(AgentFlagCode::PossibleInjection));
    ASSERT_EQ(run.whatHappened.changes.size(), 1u);
    EXPECT_EQ(run.whatHappened.changes[0].decision, "the user asked to clear old orders");
    EXPECT_EQ(run.whatHappened.changes[0].decisionSource, "its own decision");
}

TEST(AgentFlags, DeclaredToolOutputContextIsFlaggedEvenOnAReadOnlyTool) {
    SpanTree tree;
    tree.span("1")
        .name("execute_tool lookup")
        .internal()
        .at(0, 10)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "lookup")
        .str("agent.decision.context_source", "tool_output");
    const AgentRun run = analyze(tree);
    ASSERT_EQ(run.steps.size(), 1u);
    EXPECT_TRUE(run.steps[0].hasFlag(AgentFlagCode::PossibleInjection));
    EXPECT_FALSE(run.steps[0].hasFlag(AgentFlagCode::StateChanging));
    EXPECT_FALSE(run.steps[0].hasFlag(AgentFlagCode::WithoutApproval));
}

TEST(AgentFlags, DestructiveCallWithAndWithoutHumanApproval) {
    auto build = [](bool approved) {
        SpanTree tree;
        tree.span("1")
            .name("invoke_agent ops")
            .internal()
            .at(0, 100)
            .str("gen_ai.operation.name", "invoke_agent");
        if (approved) tree.span("2").parent("1").name("human_approval").internal().at(5, 20);
        tree.span("3")
            .parent("1")
            .name("execute_tool cleanup")
            .internal()
            .at(30, 10)
            .str("gen_ai.operation.name", "execute_tool")
            .str("gen_ai.tool.name", "cleanup")
            .str("agent.decision.risk", "high");
        return tree;
    };
    const AgentRun without = analyze(build(false));
    const AgentStep* bare = toolStep(without, "cleanup");
    ASSERT_TRUE(bare);
    ASSERT_TRUE(bare->hasFlag(AgentFlagCode::Destructive));
    EXPECT_EQ(bare->flags[0].reason, "destructive: declared risk 'high'");
    EXPECT_TRUE(bare->hasFlag(AgentFlagCode::WithoutApproval));

    const AgentRun with = analyze(build(true));
    const AgentStep* approved = toolStep(with, "cleanup");
    ASSERT_TRUE(approved);
    EXPECT_TRUE(approved->hasFlag(AgentFlagCode::Destructive));
    EXPECT_FALSE(approved->hasFlag(AgentFlagCode::WithoutApproval));
}

TEST(AgentFlags, ApprovalAttributeCountsButADenialDoesNot) {
    for (const auto& [value, approved] :
         std::vector<std::pair<std::string, bool>>{{"granted", true}, {"denied", false}}) {
        SpanTree tree;
        tree.span("1")
            .name("execute_tool send_email")
            .internal()
            .at(0, 10)
            .str("gen_ai.operation.name", "execute_tool")
            .str("gen_ai.tool.name", "send_email")
            .str("agent.approval.status", value);
        const AgentRun run = analyze(tree);
        SCOPED_TRACE(value);
        EXPECT_TRUE(run.steps[0].hasFlag(AgentFlagCode::StateChanging));
        EXPECT_EQ(run.steps[0].hasFlag(AgentFlagCode::WithoutApproval), !approved);
    }
}

TEST(AgentFlags, WordsMatchWholeWordsOnly) {
    SpanTree tree;
    tree.span("1")
        .name("execute_tool")
        .internal()
        .at(0, 10)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "getDeletedCount");
    tree.span("2")
        .name("execute_tool")
        .internal()
        .at(20, 10)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "dropTable");
    const AgentRun run = analyze(tree);
    ASSERT_EQ(run.steps.size(), 2u);
    EXPECT_TRUE(run.steps[0].flags.empty());  // "deleted" is not "delete"
    EXPECT_TRUE(run.steps[1].hasFlag(AgentFlagCode::Destructive));
}

TEST(AgentWhatHappened, TouchedResourcesFromArgumentsAndChildSpans) {
    SpanTree tree;
    tree.span("1")
        .name("execute_tool upload_report")
        .internal()
        .at(0, 50)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "upload_report")
        .str(
            "gen_ai.tool.call.arguments",
            R"({"path":"/var/reports/q3.csv","url":"https://files.example.com/put","bucket":"reports"})");
    tree.span("2")
        .parent("1")
        .name("PutObject")
        .client()
        .at(5, 20)
        .str("db.collection.name", "uploads")
        .str("k8s.deployment.name", "uploader");
    const Trace& t = test::onlyTrace(test::load(tree.json()));
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_EQ(run.whatHappened.changes.size(), 1u);
    const auto& touched = run.whatHappened.changes[0].touched;
    for (const TouchedResource& r :
         std::vector<TouchedResource>{{"file", "/var/reports/q3.csv"},
                                      {"url", "https://files.example.com/put"},
                                      {"resource", "reports"},
                                      {"table", "uploads"},
                                      {"resource", "uploader"}})
        EXPECT_NE(std::find(touched.begin(), touched.end(), r), touched.end()) << r.name;
    EXPECT_EQ(run.whatHappened.changes[0].decisionSource, "");
    EXPECT_NE(run.whatHappened.lines[1].find("no decision recorded"), std::string::npos)
        << run.whatHappened.lines[1];
}

// ---- price table ----

TEST(AgentPrices, BuiltInLongestPrefixWins) {
    const PriceTable table = PriceTable::builtIn();
    ASSERT_TRUE(table.find("gpt-4o-mini-2024-07-18"));
    EXPECT_EQ(table.find("gpt-4o-mini-2024-07-18")->pattern, "gpt-4o-mini");
    EXPECT_EQ(table.find("gpt-4o-2024-08-06")->pattern, "gpt-4o");
    EXPECT_EQ(table.find("GPT-4-0613")->pattern, "gpt-4");
    EXPECT_EQ(table.find("claude-sonnet-4-5")->pattern, "claude-sonnet-4");
    EXPECT_EQ(table.find("model-a"), nullptr);
    EXPECT_FALSE(table.cost("model-a", 10, 10).has_value());
    EXPECT_FALSE(table.cost("gpt-4o", -1, -1).has_value());
    EXPECT_NEAR(*table.cost("gpt-4o", 1'000'000, 0), 2.5, 1e-9);
}

TEST(AgentPrices, OverrideFileReplacesAndAdds) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("rootline-agent-prices-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "agent-prices.json").string();
    std::ofstream(path) << R"({"prices":[{"model":"gpt-4o-mini","input":1,"output":2},
                                          {"model":"model-*","input":0.5,"output":0.5}]})";
    PriceTable table = PriceTable::builtIn();
    std::string error;
    ASSERT_TRUE(table.loadOverridesFile(path, error)) << error;
    EXPECT_NEAR(*table.cost("gpt-4o-mini-2024-07-18", 1'000'000, 1'000'000), 3.0, 1e-9);
    EXPECT_NEAR(*table.cost("model-b", 2'000'000, 0), 1.0, 1e-9);
    EXPECT_TRUE(table.find("model-a")->userDefined);
    // A missing file is not an error: the built-in prices stay.
    EXPECT_TRUE(table.loadOverridesFile((dir / "none.json").string(), error));
    std::filesystem::remove_all(dir);
}

TEST(AgentPrices, BrokenFilesSayWhereInOneLine) {
    PriceTable table = PriceTable::builtIn();
    std::string error;
    EXPECT_FALSE(table.loadOverrides("{", "p.json", error));
    EXPECT_EQ(error, "p.json: not valid JSON");
    EXPECT_FALSE(table.loadOverrides(R"({"models":[]})", "p.json", error));
    EXPECT_EQ(error, "p.json: expected an object with a \"prices\" array");
    EXPECT_FALSE(table.loadOverrides(
        R"({"prices":[{"model":"a","input":1,"output":1},{"model":"b","input":"1","output":1}]})",
        "p.json", error));
    EXPECT_EQ(error, "p.json: prices[1]: 'input' must be a number of USD per million tokens");
    EXPECT_FALSE(table.loadOverrides(R"({"prices":[{"model":"a","input":1,"output":1,"x":1}]})",
                                     "p.json", error));
    EXPECT_EQ(error, "p.json: prices[0]: unknown key 'x'");
    // All or nothing: "a" from the broken file was not added.
    EXPECT_EQ(table.find("a"), nullptr);
}

TEST(AgentPrices, EditedEntriesRoundTripThroughTheFileFormat) {
    PriceTable table = PriceTable::builtIn();
    table.setPrice("model-a", 1.5, 3);
    table.setPrice("gpt-4o", 2, 8);  // replaces the built-in entry
    EXPECT_NEAR(*table.cost("gpt-4o", 1'000'000, 0), 2.0, 1e-9);
    const std::string json = table.userOverridesJson();
    PriceTable reread = PriceTable::builtIn();
    std::string error;
    ASSERT_TRUE(reread.loadOverrides(json, "agent-prices.json", error)) << error;
    EXPECT_NEAR(*reread.cost("model-a", 1'000'000, 1'000'000), 4.5, 1e-9);
    EXPECT_NEAR(*reread.cost("gpt-4o", 0, 1'000'000), 8.0, 1e-9);
    EXPECT_EQ(nlohmann::json::parse(json)["prices"].size(), 2u);  // user entries only
}

// ---- ranking ----

TEST(AgentRanking, FailedToolIsTheTopSuspectAndTheModelCallThatAskedGetsAReason) {
    SpanTree tree;
    tree.span("1")
        .name("invoke_agent ops")
        .internal()
        .at(0, 100)
        .str("gen_ai.operation.name", "invoke_agent")
        .str("gen_ai.agent.name", "ops");
    tree.span("2")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(1, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o");
    tree.span("3")
        .parent("1")
        .name("execute_tool restart_service")
        .internal()
        .at(11, 9)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "restart_service")
        .error("permission denied");
    tree.span("4")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(21, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o");
    const Trace& t = test::onlyTrace(test::load(tree.json()));
    const Ranking ranking = rankSuspects(t);
    ASSERT_FALSE(ranking.suspects.empty());
    const Suspect& top = ranking.suspects[0];
    EXPECT_EQ(t.spanIdText(top.span), test::hexId("3"));
    EXPECT_TRUE(std::any_of(top.reasons.begin(), top.reasons.end(), [](const SuspectReason& r) {
        return r.code == "agent_tool_failed" && r.text.find("restart_service") != std::string::npos;
    }));
    const int asking = test::spanIndex(t, test::hexId("2"));
    ASSERT_GE(asking, 0);
    bool found = false;
    for (const Suspect& s : ranking.suspects)
        for (const SuspectReason& r : s.reasons)
            if (r.code == "agent_led_to_failure") {
                EXPECT_EQ(s.span, static_cast<uint32_t>(asking));
                found = true;
            }
    EXPECT_TRUE(found);
}

TEST(AgentRanking, AgentStraceFailedBashRanksFirst) {
    const Trace& t = test::loadFixtureTrace("genai/agent-strace-v0.32.0-session.otlp.json");
    const Ranking ranking = rankSuspects(t);
    ASSERT_FALSE(ranking.suspects.empty());
    EXPECT_EQ(t.nameOf(ranking.suspects[0].span), "Bash");
    const auto& reasons = ranking.suspects[0].reasons;
    EXPECT_TRUE(std::any_of(reasons.begin(), reasons.end(),
                            [](const SuspectReason& r) { return r.code == "agent_tool_failed"; }));
}

TEST(AgentRanking, WeightsAreOverridable) {
    RankingWeights w;
    std::string error;
    ASSERT_TRUE(
        w.loadOverrides(R"({"agent_tool_failed": 7, "agent_led_to_failure": 0})", "w.json", error))
        << error;
    EXPECT_EQ(w.agentToolFailed, 7.0);
    EXPECT_EQ(w.agentLedToFailure, 0.0);
}

// ---- tracepack ----

PackOptions packOptions() {
    PackOptions o;
    o.tokenKey = {1, 2};
    return o;
}

SpanTree chatWithContent() {
    SpanTree tree;
    tree.span("1")
        .name("invoke_agent ops")
        .internal()
        .at(0, 100)
        .str("gen_ai.operation.name", "invoke_agent");
    tree.span("2")
        .parent("1")
        .name("chat gpt-4o")
        .client()
        .at(1, 9)
        .str("gen_ai.operation.name", "chat")
        .str("gen_ai.request.model", "gpt-4o")
        .num("gen_ai.usage.input_tokens", 1234)
        .num("gen_ai.usage.output_tokens", 56)
        .str("gen_ai.input.messages",
             R"([{"role":"user","parts":[{"type":"text","content":"SECRET-PROMPT-TEXT"}]}])")
        .str("gen_ai.completion", "SECRET-ANSWER-TEXT");
    tree.span("3")
        .parent("1")
        .name("execute_tool drop_table")
        .internal()
        .at(11, 9)
        .str("gen_ai.operation.name", "execute_tool")
        .str("gen_ai.tool.name", "drop_table")
        .str("gen_ai.tool.call.arguments", R"({"table":"orders"})")
        .str("agent.decision.reasoning", "the table looked unused")
        .str("agent.decision.risk", "high")
        .error("table is locked");
    return tree;
}

TEST(AgentTracepack, KeepsDecisionsAndTokensLeavesMessagesOutByDefault) {
    const Trace& t = test::onlyTrace(test::load(chatWithContent().json()));
    const PackResult r = buildTracepack(t, rankSuspects(t), packOptions());
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.bytes.find("SECRET-PROMPT-TEXT"), std::string::npos);
    EXPECT_EQ(r.bytes.find("SECRET-ANSWER-TEXT"), std::string::npos);
    EXPECT_NE(r.bytes.find("the table looked unused"), std::string::npos);
    EXPECT_NE(r.bytes.find("agent.decision.risk"), std::string::npos);
    EXPECT_NE(r.bytes.find("1234"), std::string::npos);  // input tokens, a number
    EXPECT_NE(r.bytes.find(R"(\"table\":\"orders\")"), std::string::npos);  // arguments kept
    const auto left = std::find_if(r.leftOut.begin(), r.leftOut.end(),
                                   [](const LeftOut& l) { return l.what == "message_content"; });
    ASSERT_NE(left, r.leftOut.end());
    EXPECT_EQ(left->count, 2u);
    EXPECT_NE(r.bytes.find("\"message_content\""), std::string::npos);
}

TEST(AgentTracepack, IncludeMessagesKeepsTheContent) {
    const Trace& t = test::onlyTrace(test::load(chatWithContent().json()));
    PackOptions o = packOptions();
    o.includeMessages = true;
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_NE(r.bytes.find("SECRET-PROMPT-TEXT"), std::string::npos);
    EXPECT_NE(r.bytes.find("SECRET-ANSWER-TEXT"), std::string::npos);
    EXPECT_TRUE(std::none_of(r.leftOut.begin(), r.leftOut.end(),
                             [](const LeftOut& l) { return l.what == "message_content"; }));
}

TEST(AgentTracepack, AgentStraceMessageEventsLoseTheirText) {
    const Trace& t = test::loadFixtureTrace("genai/agent-strace-v0.32.0-session.otlp.json");
    PackOptions o = packOptions();
    o.includeInfoLogs = true;
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    // The user's prompt is content; the decision event is not.
    EXPECT_EQ(r.bytes.find("please fix it"), std::string::npos);
    EXPECT_NE(r.bytes.find("edit parse_date to accept ISO week dates"), std::string::npos);
}

}  // namespace
}  // namespace rootline
