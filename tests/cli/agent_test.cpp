// rootline-cli agent: the text report and the JSON document on GenAI fixtures, price files, and
// bad input.

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "../core/span_tree_builder.h"
#include "cli.h"
#include "cli_test_support.h"

namespace rootline::cli {
namespace {

using namespace clitest;

const TempFolder& temp() {
    static const TempFolder folder("rootline-agent-test");
    return folder;
}

std::string fixture(const std::string& relative) {
    return std::string(ROOTLINE_FIXTURES_DIR) + "/" + relative;
}

// The user's own agent-prices.json must not change what the tests see.
class AgentCli : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("XDG_CONFIG_HOME", temp().path("config").c_str(), 1); }
};

const std::string kStrace = "genai/agent-strace-v0.32.0-session.otlp.json";
const std::string kWeather = "genai/otel-js-openai-weather-agent.trace.otlp.json";

TEST_F(AgentCli, TextReportAnswersWhatWhyAndWhatItTouched) {
    const CliRun r = run({"agent", fixture(kStrace)});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string& o = r.out;
    // What happened comes first, then the steps, the flags and the totals.
    const size_t what = o.find("What happened");
    const size_t steps = o.find("\nSteps\n");
    const size_t flags = o.find("\nFlags\n");
    const size_t totals = o.find("\nTotals\n");
    ASSERT_NE(what, std::string::npos) << o;
    EXPECT_LT(what, steps);
    EXPECT_LT(steps, flags);
    EXPECT_LT(flags, totals);
    EXPECT_NE(o.find("Edit [no approval] touched: file src/parser.py"), std::string::npos) << o;
    EXPECT_NE(o.find("why: edit parse_date to accept ISO week dates"), std::string::npos) << o;
    EXPECT_NE(o.find("claude-sonnet-4-5"), std::string::npos);
    EXPECT_NE(o.find("error: exit code 1: 1 failed, 12 passed"), std::string::npos) << o;
    EXPECT_NE(o.find("without_approval"), std::string::npos);
    EXPECT_NE(o.find("tokens 8500 in / 620 out"), std::string::npos) << o;
    EXPECT_NE(o.find("Costs are estimates"), std::string::npos);
    // Messages stay off unless asked for.
    EXPECT_EQ(o.find("please fix it"), std::string::npos);
    const CliRun withMessages = run({"agent", fixture(kStrace), "--messages"});
    EXPECT_NE(withMessages.out.find("user: The test tests/test_parser.py::test_dates fails"),
              std::string::npos)
        << withMessages.out;
}

TEST_F(AgentCli, JsonDocumentIsStable) {
    const CliRun r = run({"agent", fixture(kWeather), "--json"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j["is_agent_trace"].get<bool>());
    ASSERT_EQ(j["steps"].size(), 5u);
    const nlohmann::json& first = j["steps"][0];
    EXPECT_EQ(first["kind"], "agent");
    EXPECT_EQ(first["agent"], "weather_agent");
    EXPECT_TRUE(first["parent_step"].is_null());
    for (const char* key :
         {"step",     "span_id",  "event_index", "kind",         "level",        "parent_step",
          "agent",    "name",     "provider",    "model",        "input_tokens", "output_tokens",
          "cost_usd", "start_ns", "duration_ns", "tool",         "tool_call_id", "arguments",
          "status",   "error",    "decision",    "has_messages", "flags"})
        EXPECT_TRUE(first.contains(key)) << key;
    EXPECT_FALSE(first.contains("messages"));
    int tools = 0;
    for (const auto& s : j["steps"])
        if (s["kind"] == "tool") {
            ++tools;
            EXPECT_EQ(s["tool"], "get_weather");
            EXPECT_EQ(s["parent_step"], 1);
        }
    EXPECT_EQ(tools, 2);
    EXPECT_EQ(j["total"]["input_tokens"], 182);
    EXPECT_EQ(j["total"]["output_tokens"], 72);
    EXPECT_NEAR(j["total"]["cost_usd"].get<double>(), 7.05e-5, 1e-9);
    EXPECT_TRUE(j["flags"].empty());
    EXPECT_TRUE(j["what_happened"]["changes"].empty());
    EXPECT_EQ(j["agents"][0]["agent"], "weather_agent");
}

TEST_F(AgentCli, JsonFlagsAndChangesOnAgentStrace) {
    const CliRun r = run({"agent", fixture(kStrace), "--json"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    bool editChange = false;
    for (const auto& c : j["what_happened"]["changes"])
        if (c["action"] == "Edit") {
            editChange = true;
            EXPECT_TRUE(c["without_approval"].get<bool>());
            EXPECT_EQ(c["touched"][0]["kind"], "file");
            EXPECT_EQ(c["touched"][0]["name"], "src/parser.py");
        }
    EXPECT_TRUE(editChange);
    ASSERT_FALSE(j["flags"].empty());
    EXPECT_TRUE(j["flags"][0].contains("reason"));
}

TEST_F(AgentCli, PricesFileOverridesAndBrokenFileIsOneLine) {
    const std::string prices = temp().write(
        "prices.json", R"({"prices":[{"model":"gpt-4o-mini","input":1000000,"output":0}]})");
    const CliRun r = run({"agent", fixture(kWeather), "--json", "--prices", prices});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NEAR(nlohmann::json::parse(r.out)["total"]["cost_usd"].get<double>(), 182.0, 1e-6);

    const std::string broken = temp().write("broken.json", R"({"prices":[{"model":"x"}]})");
    const CliRun b = run({"agent", fixture(kWeather), "--prices", broken});
    EXPECT_EQ(b.code, kExitBadInput);
    EXPECT_EQ(lines(b.err), 1u);
    EXPECT_NE(b.err.find("broken.json: prices[0]: 'input' must be a number"), std::string::npos)
        << b.err;
}

TEST_F(AgentCli, NonAgentTraceSaysSoAndExitsZero) {
    test::SpanTree tree;
    tree.span("1").service("web").name("GET /").server().at(0, 10);
    const std::string path = temp().write("plain.json", tree.json());
    const CliRun r = run({"agent", path});
    EXPECT_EQ(r.code, kExitOk);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("no GenAI spans in trace"), std::string::npos) << r.err;
    const CliRun j = run({"agent", path, "--json"});
    EXPECT_EQ(j.code, kExitOk);
    const nlohmann::json doc = nlohmann::json::parse(j.out);
    EXPECT_FALSE(doc["is_agent_trace"].get<bool>());
    EXPECT_TRUE(doc["steps"].empty());
}

TEST_F(AgentCli, BadInput) {
    EXPECT_EQ(run({"agent"}).code, kExitBadInput);
    EXPECT_EQ(run({"agent", "--bogus", fixture(kWeather)}).code, kExitBadInput);
    EXPECT_EQ(run({"agent", fixture(kWeather), "--prices"}).code, kExitBadInput);
    const CliRun missing = run({"agent", temp().path("nope.json")});
    EXPECT_EQ(missing.code, kExitBadInput);
    EXPECT_EQ(lines(missing.err), 1u);
    const CliRun garbage = run({"agent", temp().write("garbage.json", "{not json")});
    EXPECT_EQ(garbage.code, kExitBadInput);
    EXPECT_EQ(lines(garbage.err), 1u);
    EXPECT_EQ(run({"agent", "--help"}).code, kExitOk);
}

TEST_F(AgentCli, AsARealProcess) {
    const ProcessResult p = runCli(temp(), {"agent", fixture(kStrace)});
    EXPECT_EQ(p.exitCode, 0);
    EXPECT_EQ(p.signal, 0);
    EXPECT_NE(p.out.find("What happened"), std::string::npos);
}

}  // namespace
}  // namespace rootline::cli
