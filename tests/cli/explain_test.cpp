// rootline-cli explain: the offline analyst on the demo, an OpenAI-compatible server on
// loopback, the history record and its audit chain, and clear failures (exit 2 for bad input,
// 3 when the model's server fails).

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "llm/verdict.h"
#include "loopback_http_server.h"

namespace rootline::cli {
namespace {

using clitest::run;
using clitest::TempFolder;

class Explain : public ::testing::Test {
protected:
    void SetUp() override {
        // Nothing of the user's: the token vault, the settings and the history live in temp.
        ::setenv("XDG_DATA_HOME", temp.path("data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", temp.path("config").c_str(), 1);
        ::setenv("ROOTLINE_PROVIDERS_FILE", temp.path("providers.json").c_str(), 1);
        ::setenv("ROOTLINE_HISTORY_DB", db.c_str(), 1);
    }
    void TearDown() override {
        for (const char* v :
             {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "ROOTLINE_PROVIDERS_FILE", "ROOTLINE_HISTORY_DB"})
            ::unsetenv(v);
    }

    TempFolder temp{"rootline-explain-test"};
    std::string db = temp.path("history.sqlite3");
};

TEST_F(Explain, TheOfflineAnalystExplainsTheDemoAndTheRunIsRecorded) {
    const auto r = run({"explain", ROOTLINE_DEMO_TRACE});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Verdict from offline (rootline-offline-analyst)"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Root cause: payment SELECT customer_risk_profiles ["), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Hypothesis: "), std::string::npos);
    EXPECT_NE(r.out.find("Fixes:\n  1. "), std::string::npos);
    EXPECT_NE(r.out.find("Confidence: 0."), std::string::npos);
    EXPECT_NE(r.err.find("recorded as investigation 1 in " + db), std::string::npos) << r.err;
    const auto list = run({"history", "--db", db, "--json"});
    ASSERT_EQ(list.code, 0) << list.err;
    EXPECT_EQ(nlohmann::json::parse(list.out)["investigations"].size(), 1u);
    const auto audit = run({"audit", "verify", "--db", db});
    EXPECT_EQ(audit.code, 0) << audit.err;
}

TEST_F(Explain, JsonCarriesTheVerdictAndItsCost) {
    const auto r = run({"explain", ROOTLINE_DEMO_TRACE, "--json", "--no-history"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["provider"], "offline");
    EXPECT_EQ(j["hallucinations"], 0);
    EXPECT_FALSE(j["verdict"]["root_spans"].empty());
    EXPECT_EQ(j["signature"]["service"], "payment");
    EXPECT_EQ(j["signature"]["operation"], "SELECT customer_risk_profiles");
    EXPECT_FALSE(j.contains("record_id"));
    EXPECT_FALSE(std::filesystem::exists(db));  // --no-history: no file
}

TEST_F(Explain, WhatFixedItLastTimeGoesIntoTheNextRun) {
    ASSERT_EQ(run({"explain", ROOTLINE_DEMO_TRACE}).code, 0);
    ASSERT_EQ(run({"history", "resolve", "1", "raised the statement timeout", "--db", db}).code, 0);
    const auto r = run({"explain", ROOTLINE_DEMO_TRACE});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Last time this error was resolved: raised the statement timeout"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("Seen before: 1 resolved incident"), std::string::npos);
    EXPECT_EQ(run({"audit", "verify", "--db", db}).code, 0);
}

TEST_F(Explain, AboutOneSpan) {
    const auto r = run(
        {"explain", ROOTLINE_DEMO_TRACE, "--span", "c84ca18ab9bb174a", "--json", "--no-history"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["verdict"]["root_spans"][0], "9105d3f4bbe5aa4a");
    const auto missing = run({"explain", ROOTLINE_DEMO_TRACE, "--span", "0123456789abcdef"});
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("no span 0123456789abcdef in trace"), std::string::npos);
}

TEST_F(Explain, AnOpenAICompatibleServerOnLoopback) {
    test::LoopbackHttpServer server;
    // Answers with the pack's first span as the root cause.
    server.setHandler([](const test::CapturedRequest& req) {
        const auto body = nlohmann::json::parse(req.body);
        const std::string user = body["messages"][1]["content"];
        const size_t at = user.find("\"span_id\":\"");
        llm::Verdict v;
        v.rootSpans = {user.substr(at + 11, 16)};
        v.hypothesis = "from the loopback model";
        v.confidence = 0.5;
        nlohmann::json reply = {
            {"id", "chatcmpl-1"},
            {"object", "chat.completion"},
            {"model", "loopback-model"},
            {"choices",
             {{{"index", 0},
               {"message", {{"role", "assistant"}, {"content", llm::verdictToJson(v)}}},
               {"finish_reason", "stop"}}}},
            {"usage", {{"prompt_tokens", 1200}, {"completion_tokens", 80}}}};
        return test::ScriptedReply{.body = reply.dump()};
    });
    const auto r = run({"explain", ROOTLINE_DEMO_TRACE, "--provider", "openai", "--endpoint",
                        server.url("/v1"), "--model", "loopback-model", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["model"], "loopback-model");
    EXPECT_EQ(j["input_tokens"], 1200);
    EXPECT_EQ(j["verdict"]["hypothesis"], "from the loopback model");
    EXPECT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(server.requests()[0].target, "/v1/chat/completions");
}

TEST_F(Explain, FailuresAreOneClearLine) {
    const std::string refused =
        "http://127.0.0.1:" + std::to_string(test::unusedLoopbackPort()) + "/v1";
    auto r = run({"explain", ROOTLINE_DEMO_TRACE, "--provider", "openai", "--endpoint", refused});
    EXPECT_EQ(r.code, 3);
    EXPECT_EQ(clitest::lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("cannot connect to http://127.0.0.1:"), std::string::npos) << r.err;
    // The failed run is recorded too, and the chain stays intact.
    EXPECT_EQ(run({"audit", "verify", "--db", db}).code, 0);

    r = run({"explain", ROOTLINE_DEMO_TRACE, "--provider", "gpt"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--provider must be offline, openai, anthropic or ollama"),
              std::string::npos);
    r = run({"explain", temp.path("missing.json")});
    EXPECT_EQ(r.code, 2);
    r = run({"explain"});
    EXPECT_EQ(r.code, 2);
    r = run({"explain", ROOTLINE_DEMO_TRACE, "--timeout", "soon"});
    EXPECT_EQ(r.code, 2);
    const std::string broken = temp.write("providers.json", "{\"active\": ");
    r = run({"explain", ROOTLINE_DEMO_TRACE, "--settings", broken});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(broken + ": not valid JSON"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace rootline::cli
