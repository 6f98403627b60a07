// rootline-cli fetch, search and trace URLs against Jaeger and Tempo servers on loopback that
// answer with the real responses in ../shared/fixtures: what was asked, what was written, the
// offline copy from the cache, and one-line failures (exit 3 when the server failed, 2 for bad
// input).

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "loopback_http_server.h"

namespace rootline::cli {
namespace {

using clitest::run;
using clitest::slurp;
using clitest::TempFolder;

std::string fixture(const std::string& relative) {
    return slurp(std::string(ROOTLINE_FIXTURES_DIR) + "/" + relative);
}

// The trace id in apiv3-GetTrace.json (its high half is zero).
constexpr const char* kV3TraceId = "00000000000000000000000000000001";
// The trace in Tempo's trace-by-id docs example, and the same id in base64.
constexpr const char* kTempoTraceId = "5b8efff798038103d269b633813fc700";

class Remote : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("XDG_DATA_HOME", temp.path("data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", temp.path("config").c_str(), 1);
        ::setenv("ROOTLINE_REMOTE_CACHE", cache.c_str(), 1);
        ::setenv("ROOTLINE_CONNECTIONS_FILE", temp.path("connections.json").c_str(), 1);
    }
    void TearDown() override {
        for (const char* v : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "ROOTLINE_REMOTE_CACHE",
                              "ROOTLINE_CONNECTIONS_FILE", "ROOTLINE_TEST_TOKEN"})
            ::unsetenv(v);
    }

    // A Jaeger ≥ 2.19 on loopback: api_v3 trace, trace summaries, services.
    void serveJaeger() { serveJaeger(jaeger); }
    static void serveJaeger(test::LoopbackHttpServer& server) {
        server.setHandler([](const test::CapturedRequest& r) {
            test::ScriptedReply reply;
            if (r.target.rfind("/api/v3/traces/", 0) == 0)
                reply.body = r.target.find(kV3TraceId) != std::string::npos
                                 ? fixture("jaeger/apiv3-GetTrace.json")
                                 : R"({"error":{"httpCode":404,"message":"No traces found"}})";
            else if (r.target.rfind("/api/v3/trace-summaries", 0) == 0)
                reply.body = fixture("jaeger/apiv3-FindTraceSummaries.json");
            else
                reply = {.status = 404, .body = "404 page not found\n"};
            if (reply.body.find("No traces found") != std::string::npos) reply.status = 404;
            reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
            return reply;
        });
    }

    TempFolder temp{"rootline-remote-cli-test"};
    std::string cache = temp.path("remote-traces.sqlite3");
    test::LoopbackHttpServer jaeger;
};

TEST_F(Remote, FetchWritesTheTraceAsTheServerSentIt) {
    serveJaeger();
    const std::string out = temp.path("trace.json");
    const auto r = run({"fetch", "--url", jaeger.url(""), "--kind", "jaeger", "1", "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(out), fixture("jaeger/apiv3-GetTrace.json"));
    EXPECT_NE(r.err.find("trace 00000000000000000000000000000001 from http://127.0.0.1:"),
              std::string::npos)
        << r.err;
    ASSERT_FALSE(jaeger.requests().empty());
    EXPECT_EQ(jaeger.requests().front().target, std::string("/api/v3/traces/") + kV3TraceId);
    // The file it wrote is a trace every command reads.
    const auto inspect = run({"inspect", out});
    EXPECT_EQ(inspect.code, 0) << inspect.err;
}

TEST_F(Remote, EveryCommandTakesATraceUrlAndReopensItOfflineFromTheCache) {
    serveJaeger();
    const std::string url = "jaeger+" + jaeger.url("/") + kV3TraceId;
    const auto online = run({"inspect", url, "--json"});
    ASSERT_EQ(online.code, 0) << online.err;
    EXPECT_EQ(nlohmann::json::parse(online.out)["span_count"], 1);
    EXPECT_EQ(run({"rank", url}).code, 0);

    // The server goes away: the copy kept in the cache is used, and a warning says so.
    auto gone = std::make_unique<test::LoopbackHttpServer>();
    serveJaeger(*gone);
    const std::string deadUrl = "jaeger+" + gone->url("/") + kV3TraceId;
    ASSERT_EQ(run({"inspect", deadUrl}).code, 0);  // fetched once, so it is cached
    gone.reset();
    const auto offline = run({"inspect", deadUrl});
    ASSERT_EQ(offline.code, 0) << offline.err;
    EXPECT_NE(offline.err.find("showing the copy fetched"), std::string::npos) << offline.err;
    EXPECT_NE(offline.out.find("1 span"), std::string::npos) << offline.out;
}

TEST_F(Remote, AnUnreachableServerWithNothingCachedIsOneClearLine) {
    const std::string url = "http://127.0.0.1:" + std::to_string(test::unusedLoopbackPort());
    const auto r = run({"fetch", "--url", url, "--kind", "jaeger", kV3TraceId});
    EXPECT_EQ(r.code, 3);
    EXPECT_EQ(clitest::lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(Remote, ATraceTheServerDoesNotHaveIsNotFoundNotAStaleCopy) {
    serveJaeger();
    const auto r = run(
        {"fetch", "--url", jaeger.url(""), "--kind", "jaeger", "4bf92f3577b34da6a3ce929d0e0e4736"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

TEST_F(Remote, SearchListsTheSummariesNewestFirst) {
    serveJaeger();
    const auto r = run(
        {"search", "--url", jaeger.url(""), "--kind", "jaeger", "--service", "frontend", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_FALSE(j.empty());
    for (const auto& t : j)
        EXPECT_EQ(t["trace_id"].get<std::string>().size(), 32u);
    for (size_t i = 1; i < j.size(); ++i)
        EXPECT_GE(j[i - 1]["start_unix_us"].get<int64_t>(), j[i]["start_unix_us"].get<int64_t>());
    const std::string asked = jaeger.requests().back().target;
    EXPECT_NE(asked.find("query.service_name=frontend"), std::string::npos) << asked;
}

TEST_F(Remote, TempoSearchSendsTheTraceQlAndTheTenant) {
    test::LoopbackHttpServer tempo;
    tempo.setHandler([](const test::CapturedRequest& r) {
        if (r.target.rfind("/tempo/api/search?", 0) == 0)
            return test::ScriptedReply{.body =
                                           fixture("tempo/api_search_traceql.docs-example.json")};
        return test::ScriptedReply{.status = 404, .body = "404 page not found\n"};
    });
    const auto r = run({"search", "--url", tempo.url("/tempo"), "--kind", "tempo", "--query",
                        "{ status = error }", "--tenant", "team-a", "--since", "6h"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
    ASSERT_FALSE(tempo.requests().empty());
    const test::CapturedRequest asked = tempo.requests().back();  // requests() is a copy
    EXPECT_NE(asked.target.find("q=%7B%20status%20%3D%20error%20%7D"), std::string::npos)
        << asked.target;
    EXPECT_EQ(asked.header("x-scope-orgid"), "team-a");
}

TEST_F(Remote, ATokenComesFromItsVariableAndNeverReachesTheOutput) {
    ::setenv("ROOTLINE_TEST_TOKEN", "s3cr3t-token-value", 1);
    test::LoopbackHttpServer tempo;
    tempo.setHandler([](const test::CapturedRequest&) {
        return test::ScriptedReply{.status = 401, .body = "bad token s3cr3t-token-value"};
    });
    const auto r = run({"fetch", "--url", tempo.url(""), "--kind", "tempo", "--token-env",
                        "ROOTLINE_TEST_TOKEN", kTempoTraceId});
    EXPECT_EQ(r.code, 3);
    ASSERT_FALSE(tempo.requests().empty());
    EXPECT_EQ(tempo.requests().front().header("authorization"), "Bearer s3cr3t-token-value");
    EXPECT_EQ(r.err.find("s3cr3t"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("401"), std::string::npos) << r.err;
}

TEST_F(Remote, UsageErrorsAreExitTwo) {
    EXPECT_EQ(run({"fetch", "--url", "http://127.0.0.1:1", "--kind", "jaeger", "xyz"}).code, 2);
    EXPECT_EQ(run({"fetch", "--url", "http://127.0.0.1:1", "--kind", "zipkin", "1"}).code, 2);
    EXPECT_EQ(run({"fetch", "1"}).code, 2);
    EXPECT_EQ(run({"search", "--url", "http://127.0.0.1:1", "--kind", "jaeger"}).code, 2);
    EXPECT_EQ(
        run({"search", "--url", "http://127.0.0.1:1", "--kind", "tempo", "--since", "yesterday"})
            .code,
        2);
    EXPECT_EQ(run({"inspect", "jaeger+http://127.0.0.1:1/not-an-id"}).code, 2);
}

}  // namespace
}  // namespace rootline::cli
