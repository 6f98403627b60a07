// core/agent on every GenAI fixture: recognition in the old and new conventions, agent-strace's
// export, the Jaeger GenAI trace, OpenInference attribute maps, and message events sent as logs.

#include <gtest/gtest.h>

#include <algorithm>

#include "agent/agent_run.h"
#include "agent_test_support.h"
#include "logs/otlp_log_reader.h"

namespace rootline {
namespace {

using test::attributeMapTrace;
using test::loadFixtureTrace;
using test::stepsOfKind;
using test::toolStep;

const char* kWeather = "genai/otel-js-openai-weather-agent.trace.otlp.json";
const char* kStrace = "genai/agent-strace-v0.32.0-session.otlp.json";
const char* kJaegerGenAi = "jaeger/ui-genai-57spans-10svc-error.json";

TEST(AgentRecognition, WeatherAgentMixesOldAndNewConventions) {
    const Trace& t = loadFixtureTrace(kWeather);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_TRUE(run.isAgentTrace);
    ASSERT_EQ(run.steps.size(), 5u);
    // The invoke_agent root (new convention) comes first and encloses everything.
    const AgentStep& agent = run.steps[0];
    EXPECT_EQ(agent.kind, GenAiKind::AgentInvocation);
    EXPECT_EQ(agent.agent, "weather_agent");
    EXPECT_EQ(agent.provider, "openai");
    EXPECT_EQ(agent.level, 0u);
    // The chat spans are written by the real instrumentation with the old gen_ai.system.
    const auto models = stepsOfKind(run, GenAiKind::ModelCall);
    ASSERT_EQ(models.size(), 2u);
    EXPECT_EQ(models[0]->provider, "openai");
    EXPECT_EQ(models[0]->model, "gpt-4o-mini-2024-07-18");
    EXPECT_EQ(models[0]->inputTokens, 57);
    EXPECT_EQ(models[0]->outputTokens, 46);
    EXPECT_EQ(models[1]->inputTokens, 125);
    EXPECT_EQ(models[1]->outputTokens, 26);
    const auto tools = stepsOfKind(run, GenAiKind::ToolCall);
    ASSERT_EQ(tools.size(), 2u);
    for (const AgentStep* tool : tools) {
        EXPECT_EQ(tool->toolName, "get_weather");
        EXPECT_EQ(tool->parentStep, 0);
        EXPECT_EQ(tool->agent, "weather_agent");
        EXPECT_EQ(tool->level, 1u);
        EXPECT_FALSE(tool->failed);
        EXPECT_TRUE(tool->flags.empty()) << tool->flags[0].reason;
    }
    EXPECT_NE(tools[0]->arguments.find("location"), std::string::npos);
    EXPECT_FALSE(tools[0]->toolCallId.empty());
    EXPECT_FALSE(tools[0]->result.empty());
    // Tokens roll up from the model calls, not from the agent span that repeats their sum.
    EXPECT_EQ(run.total.inputTokens, 182);
    EXPECT_EQ(run.total.outputTokens, 72);
    EXPECT_EQ(run.total.modelCalls, 2u);
    EXPECT_EQ(run.total.toolCalls, 2u);
    // gpt-4o-mini: $0.15 / $0.60 per million.
    EXPECT_NEAR(run.total.costUsd, (182 * 0.15 + 72 * 0.60) / 1e6, 1e-12);
    EXPECT_EQ(run.total.unpricedCalls, 0u);
    ASSERT_EQ(run.perAgent.size(), 1u);
    EXPECT_EQ(run.perAgent[0].agent, "weather_agent");
    EXPECT_GT(run.perAgent[0].durationNs, 0);
    EXPECT_TRUE(run.whatHappened.changes.empty());
    ASSERT_FALSE(run.whatHappened.lines.empty());
    EXPECT_NE(run.whatHappened.lines[0].find("No state-changing"), std::string::npos);
    ASSERT_EQ(run.whatHappened.lines.size(), 2u);
    EXPECT_EQ(run.whatHappened.lines[1], "Tools called: get_weather x2.");
}

TEST(AgentRecognition, WeatherAgentMessagesFromLogRecordsAttachToTheChatSpans) {
    const Trace& t = loadFixtureTrace(kWeather);
    std::vector<logs::LogLine> lines;
    std::string error;
    ASSERT_TRUE(logs::readOtlpLogsFile(
        test::fixture("genai/otel-js-openai-weather-agent.logs.otlp.json"), lines, error))
        << error;
    ASSERT_EQ(lines.size(), 9u);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    const auto models = stepsOfKind(run, GenAiKind::ModelCall);
    ASSERT_EQ(models.size(), 2u);
    const auto first = messagesFromLogs(t, *models[0], lines);
    const auto second = messagesFromLogs(t, *models[1], lines);
    EXPECT_EQ(first.size(), 3u);
    EXPECT_EQ(second.size(), 6u);
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first[0].role, "system");
    EXPECT_EQ(first[1].role, "user");
    EXPECT_NE(first[1].content.find("What is"), std::string::npos);
    EXPECT_EQ(first.back().role, "choice");
    // Tool steps have no message records.
    EXPECT_TRUE(messagesFromLogs(t, *stepsOfKind(run, GenAiKind::ToolCall)[0], lines).empty());
}

TEST(AgentRecognition, AgentStraceOtlpExport) {
    const Trace& t = loadFixtureTrace(kStrace);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_TRUE(run.isAgentTrace);
    ASSERT_FALSE(run.steps.empty());
    EXPECT_EQ(run.steps[0].kind, GenAiKind::AgentInvocation);
    EXPECT_EQ(run.steps[0].agent, "claude-code");
    // Its LLM calls are events on the session span: two request/response pairs.
    const auto models = stepsOfKind(run, GenAiKind::ModelCall);
    ASSERT_EQ(models.size(), 2u);
    EXPECT_EQ(models[0]->model, "claude-sonnet-4-5");
    EXPECT_GE(models[0]->event, 0);
    EXPECT_EQ(models[0]->inputTokens, 3800);
    EXPECT_EQ(models[0]->outputTokens, 420);
    EXPECT_EQ(models[1]->inputTokens, 4700);
    EXPECT_EQ(models[1]->outputTokens, 200);
    ASSERT_TRUE(models[0]->costUsd.has_value());  // priced as claude-sonnet-4
    EXPECT_NEAR(*models[0]->costUsd, (3800 * 3.0 + 420 * 15.0) / 1e6, 1e-12);
    // Tools: tool/<name> spans and the failed one named after the bare tool.
    const auto tools = stepsOfKind(run, GenAiKind::ToolCall);
    ASSERT_EQ(tools.size(), 4u);
    const AgentStep* read = toolStep(run, "Read");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->arguments, R"({"file_path":"src/parser.py"})");
    EXPECT_TRUE(read->flags.empty());
    const AgentStep* failedBash = toolStep(run, "Bash", 0);
    ASSERT_TRUE(failedBash);
    EXPECT_TRUE(failedBash->failed);
    EXPECT_EQ(failedBash->errorMessage, "exit code 1: 1 failed, 12 passed");
    EXPECT_TRUE(failedBash->hasFlag(AgentFlagCode::StateChanging));
    EXPECT_FALSE(toolStep(run, "Bash", 1)->failed);
    // The decision event explains the edit that followed it.
    const AgentStep* edit = toolStep(run, "Edit");
    ASSERT_TRUE(edit);
    EXPECT_EQ(edit->decision.choice, "edit parse_date to accept ISO week dates");
    EXPECT_NE(edit->decision.reasoning.find("2026-W01"), std::string::npos);
    EXPECT_TRUE(edit->hasFlag(AgentFlagCode::StateChanging));
    EXPECT_TRUE(edit->hasFlag(AgentFlagCode::WithoutApproval));
    EXPECT_EQ(run.total.failedSteps, 2u);  // the Bash span and the session that reports it
    // What happened: the edit, why, and the file it touched.
    const auto& changes = run.whatHappened.changes;
    const auto editChange = std::find_if(changes.begin(), changes.end(),
                                         [](const StateChange& c) { return c.action == "Edit"; });
    ASSERT_NE(editChange, changes.end());
    EXPECT_EQ(editChange->decision.substr(0, 40), "edit parse_date to accept ISO week dates");
    EXPECT_NE(std::find(editChange->touched.begin(), editChange->touched.end(),
                        TouchedResource{"file", "src/parser.py"}),
              editChange->touched.end());
}

TEST(AgentRecognition, JaegerGenAiTraceWithSubAgent) {
    const Trace& t = loadFixtureTrace(kJaegerGenAi);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_TRUE(run.isAgentTrace);
    const auto agents = stepsOfKind(run, GenAiKind::AgentInvocation);
    ASSERT_EQ(agents.size(), 2u);
    EXPECT_EQ(agents[0]->agent, "triage-agent");
    EXPECT_EQ(agents[1]->agent, "summarizer");
    // The summarizer is a sub-agent reached through the summarize_findings tool.
    EXPECT_EQ(agents[1]->level, 1u);
    ASSERT_GE(agents[1]->parentStep, 0);
    EXPECT_EQ(run.steps[static_cast<size_t>(agents[1]->parentStep)].agent, "triage-agent");
    EXPECT_EQ(stepsOfKind(run, GenAiKind::Retrieval).size(), 3u);
    EXPECT_EQ(stepsOfKind(run, GenAiKind::ModelCall).size(), 5u);
    const auto tools = stepsOfKind(run, GenAiKind::ToolCall);
    EXPECT_EQ(tools.size(), 7u);
    // HTTP calls to the model API are not GenAI steps.
    for (const AgentStep& s : run.steps)
        EXPECT_NE(s.name, "POST /v1/messages");
    // model-a / model-b have no price: the cost is a floor, and the run says which.
    EXPECT_EQ(run.total.inputTokens, 4 * 1840 + 920);
    EXPECT_EQ(run.total.unpricedCalls, 5u);
    EXPECT_NE(std::find(run.unpricedModels.begin(), run.unpricedModels.end(), "model-a"),
              run.unpricedModels.end());
    ASSERT_EQ(run.perAgent.size(), 2u);
    EXPECT_EQ(run.perAgent[1].agent, "summarizer");
    EXPECT_EQ(run.perAgent[1].modelCalls, 1u);
    // New-convention content attributes are messages, read on demand.
    const AgentStep* chat = stepsOfKind(run, GenAiKind::ModelCall)[0];
    EXPECT_TRUE(chat->hasMessages);
    const auto messages = messagesOf(t, *chat);
    ASSERT_GE(messages.size(), 3u);
    EXPECT_EQ(messages[0].role, "system");
    EXPECT_TRUE(std::any_of(messages.begin(), messages.end(),
                            [](const AgentMessage& m) { return m.role == "user"; }));
    // Read-only tools (list, search, summarize) change nothing.
    EXPECT_TRUE(run.whatHappened.changes.empty());
}

TEST(AgentRecognition, OpenInferenceCurrentSemconvChatSpan) {
    const Trace& t = attributeMapTrace(
        "genai/openinference-fixture.otel_genai_client_span_tool_calls.json", "chat gpt-4");
    const GenAiSpan g = classifyGenAiSpan(t, 0);
    EXPECT_EQ(g.kind, GenAiKind::ModelCall);
    EXPECT_EQ(g.provider, "openai");
    EXPECT_EQ(g.requestModel, "gpt-4");
    EXPECT_EQ(g.model(), "gpt-4-0613");
    EXPECT_EQ(g.inputTokens, 97);
    EXPECT_EQ(g.outputTokens, 52);
    EXPECT_TRUE(g.hasMessages);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_EQ(run.steps.size(), 1u);
    ASSERT_TRUE(run.steps[0].costUsd.has_value());  // gpt-4: $30 / $60
    EXPECT_NEAR(*run.steps[0].costUsd, (97 * 30.0 + 52 * 60.0) / 1e6, 1e-12);
    const auto messages = messagesOf(t, run.steps[0]);
    ASSERT_GE(messages.size(), 4u);
    EXPECT_EQ(messages[0].role, "user");
    EXPECT_EQ(messages[0].content, "Weather in Paris?");
    EXPECT_EQ(messages[2].role, "tool");
    EXPECT_EQ(messages.back().role, "assistant");
}

TEST(AgentRecognition, OpenInferenceDeprecatedPromptAndCompletion) {
    const Trace& t = attributeMapTrace(
        "genai/openinference-fixture.otel_genai_deprecated_client_span_tool_calls.json",
        "chat gpt-4");
    const GenAiSpan g = classifyGenAiSpan(t, 0);
    EXPECT_EQ(g.kind, GenAiKind::ModelCall);
    EXPECT_TRUE(g.hasMessages);
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_EQ(run.steps.size(), 1u);
    const auto messages = messagesOf(t, run.steps[0]);
    ASSERT_GE(messages.size(), 2u);
    EXPECT_EQ(messages[0].content, "Weather in Paris?");
    EXPECT_EQ(messages.back().role, "assistant");
    EXPECT_NE(messages.back().content.find("rainy"), std::string::npos);
}

TEST(AgentRecognition, OpenInferenceToolExecutionSpan) {
    const Trace& t = attributeMapTrace(
        "genai/openinference-fixture.otel_genai_tool_execution_span.json", "execute_tool");
    const GenAiSpan g = classifyGenAiSpan(t, 0);
    EXPECT_EQ(g.kind, GenAiKind::ToolCall);
    EXPECT_EQ(g.toolName, "get_weather");
    EXPECT_EQ(g.toolCallId, "1234");
    EXPECT_EQ(g.toolType, "function");
    EXPECT_EQ(g.toolArguments, R"({"city": "New York"})");
    EXPECT_NE(g.toolResult.find("sunny"), std::string::npos);
    EXPECT_FALSE(g.failed);
}

TEST(AgentRecognition, OpenInferenceDialectSpans) {
    for (const char* file :
         {"genai/openinference-fixture.openinference_client_span_tool_calls.json",
          "genai/openinference-fixture.openinference_client_span_input_output_only.json"}) {
        SCOPED_TRACE(file);
        // A span name that says nothing: the openinference.span.kind decides.
        const Trace& t = attributeMapTrace(file, "llm");
        const GenAiSpan g = classifyGenAiSpan(t, 0);
        EXPECT_EQ(g.kind, GenAiKind::ModelCall);
        EXPECT_EQ(g.provider, "openai");
        EXPECT_EQ(g.model(), "gpt-4-0613");
        EXPECT_EQ(g.inputTokens, 97);
        EXPECT_EQ(g.outputTokens, 52);
        EXPECT_TRUE(g.hasMessages);
    }
}

TEST(AgentRecognition, OrdinaryTraceIsNotAnAgentTrace) {
    test::SpanTree tree;
    tree.span("1").service("web").name("GET /").server().at(0, 10);
    tree.span("2").parent("1").service("db").name("SELECT").client().at(1, 5);
    const Trace& t = test::onlyTrace(test::load(tree.json()));
    EXPECT_FALSE(mayContainGenAi(t));
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    EXPECT_FALSE(run.isAgentTrace);
    EXPECT_TRUE(run.steps.empty());
}

TEST(AgentRecognition, KindFromSpanNameWhenOperationIsMissing) {
    test::SpanTree tree;
    tree.span("1").name("invoke_agent planner").internal().at(0, 100).str("gen_ai.system", "x");
    tree.span("2")
        .parent("1")
        .name("gen_ai.tool.call/write_file")
        .client()
        .at(10, 5)
        .str("gen_ai.tool.input.path", "/tmp/out.txt");
    tree.span("3")
        .parent("1")
        .name("embeddings text-embedding-3-small")
        .client()
        .at(20, 5)
        .str("gen_ai.request.model", "text-embedding-3-small");
    const Trace& t = test::onlyTrace(test::load(tree.json()));
    const AgentRun run = analyzeAgentRun(t, PriceTable::builtIn());
    ASSERT_EQ(run.steps.size(), 3u);
    EXPECT_EQ(run.steps[0].kind, GenAiKind::AgentInvocation);
    EXPECT_EQ(run.steps[0].agent, "planner");
    EXPECT_EQ(run.steps[1].kind, GenAiKind::ToolCall);
    EXPECT_EQ(run.steps[1].toolName, "write_file");
    EXPECT_EQ(run.steps[1].arguments, R"({"path":"/tmp/out.txt"})");
    EXPECT_EQ(run.steps[2].kind, GenAiKind::Embeddings);
}

TEST(AgentRecognition, McpToolCallSpan) {
    test::SpanTree tree;
    tree.span("1")
        .name("tools/call delete_branch")
        .client()
        .at(0, 10)
        .str("mcp.method.name", "tools/call")
        .str("mcp.session.id", "s1")
        .error("branch is protected")
        .str("error.type", "tool_error");
    const Trace& t = test::onlyTrace(test::load(tree.json()));
    const GenAiSpan g = classifyGenAiSpan(t, 0);
    EXPECT_EQ(g.kind, GenAiKind::ToolCall);
    EXPECT_EQ(g.toolName, "delete_branch");
    EXPECT_TRUE(g.failed);
    EXPECT_EQ(g.errorMessage, "branch is protected");
}

TEST(AgentRedaction, ArgumentsAreRedactedForDisplay) {
    const std::string shown = redactForDisplay(
        "gen_ai.tool.call.arguments",
        R"({"to":"alice@example.com","password":"hunter2","note":"Bearer abcdef0123456789abcdef"})");
    EXPECT_EQ(shown.find("alice@example.com"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("hunter2"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("abcdef0123456789abcdef"), std::string::npos) << shown;
    EXPECT_NE(shown.find("[redacted:"), std::string::npos) << shown;
    EXPECT_EQ(redactForDisplay("", "mail bob@example.org now").find("bob@"), std::string::npos);
    EXPECT_EQ(redactForDisplay("", "plain words"), "plain words");
}

}  // namespace
}  // namespace rootline
