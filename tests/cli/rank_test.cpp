// rootline-cli rank: in-process through the rootline_cli library, and once as a real process.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "../core/span_tree_builder.h"
#include "cli.h"
#include "cli_test_support.h"

namespace rootline::cli {
namespace {

using test::SpanTree;

using namespace clitest;

const TempFolder& temp() {
    static const TempFolder folder("rootline-rank-test");
    return folder;
}

// A file in a fresh folder of its own, removed at the end of the test program.
std::string writeTemp(const std::string& name, const std::string& content) {
    return temp().write(name, content);
}

std::string demo() {
    return ROOTLINE_DEMO_TRACE;
}

// web → pay: the payment server's database call fails with an exception, unhandled.
SpanTree checkoutTree(const std::string& traceId = "5a1e0000000000000000000000000001",
                      const std::string& service = "pay") {
    SpanTree tree(traceId);
    tree.span("1").service("web").name("POST /checkout").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("web").name("POST").client().at(2, 96).http(500);
    tree.span("3")
        .parent("2")
        .service(service)
        .name("POST /pay")
        .server()
        .at(4, 92)
        .http(500)
        .error();
    tree.span("4")
        .parent("3")
        .service(service)
        .name("SELECT cards")
        .client()
        .at(20, 60)
        .error()
        .exception("SQLException", "relation \"cards\" does not exist");
    tree.span("5").parent("1").service("web").name("GET session").client().at(1, 1);
    return tree;
}

const std::regex kHex32("[0-9a-f]{32}");
const std::regex kHex16("[0-9a-f]{16}");

TEST(Rank, JsonHasTheDocumentedShapeBestFirst) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const CliRun r = run({"rank", path, "--json"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_object());
    std::set<std::string> keys;
    for (const auto& [k, v] : j.items())
        keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"trace_id", "suspects"}));
    ASSERT_TRUE(j["trace_id"].is_string());
    EXPECT_TRUE(std::regex_match(j["trace_id"].get<std::string>(), kHex32));
    EXPECT_EQ(j["trace_id"], "5a1e0000000000000000000000000001");
    ASSERT_TRUE(j["suspects"].is_array());
    ASSERT_GE(j["suspects"].size(), 2u) << r.out;
    double previous = 1e300;
    for (const auto& s : j["suspects"]) {
        ASSERT_TRUE(s.is_object());
        ASSERT_TRUE(s["span_id"].is_string());
        EXPECT_TRUE(std::regex_match(s["span_id"].get<std::string>(), kHex16)) << s;
        EXPECT_TRUE(s["service"].is_string()) << s;
        EXPECT_TRUE(s["name"].is_string()) << s;
        ASSERT_TRUE(s["score"].is_number()) << s;
        EXPECT_LE(s["score"].get<double>(), previous) << "best first";
        previous = s["score"].get<double>();
        ASSERT_TRUE(s["reasons"].is_array()) << s;
        ASSERT_FALSE(s["reasons"].empty()) << s;
        for (const auto& reason : s["reasons"]) {
            EXPECT_TRUE(reason["code"].is_string()) << reason;
            EXPECT_TRUE(reason["text"].is_string()) << reason;
            EXPECT_FALSE(reason["text"].get<std::string>().empty()) << reason;
        }
    }
    // The failing database call is the top suspect.
    const auto& top = j["suspects"][0];
    EXPECT_EQ(top["span_id"], "0000000000000004") << r.out;
    EXPECT_EQ(top["service"], "pay");
    EXPECT_EQ(top["name"], "SELECT cards");
}

TEST(Rank, TopLimitsTheList) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const CliRun all = run({"rank", path, "--json"});
    ASSERT_EQ(all.code, kExitOk) << all.err;
    const auto full = nlohmann::json::parse(all.out)["suspects"];
    ASSERT_GE(full.size(), 2u);
    const CliRun one = run({"rank", "--top", "1", path, "--json"});
    ASSERT_EQ(one.code, kExitOk) << one.err;
    const auto limited = nlohmann::json::parse(one.out)["suspects"];
    ASSERT_EQ(limited.size(), 1u);
    EXPECT_EQ(limited[0]["span_id"], full[0]["span_id"]);
    const CliRun many = run({"rank", path, "--json", "--top", "1000"});
    EXPECT_EQ(nlohmann::json::parse(many.out)["suspects"].size(), full.size());
    for (const char* bad : {"0", "-1", "x", "", "2x"}) {
        SCOPED_TRACE(bad);
        const CliRun r = run({"rank", path, "--top", bad});
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty());
        EXPECT_EQ(lines(r.err), 1u) << r.err;
    }
}

TEST(Rank, TraceIdPicksOneTraceOfSeveral) {
    const SpanTree alpha = checkoutTree("aaaa0000000000000000000000000001", "alpha");
    // beta: fewer errors (one span), so it is not the default choice.
    SpanTree beta("bbbb0000000000000000000000000002");
    beta.span("1")
        .service("beta")
        .name("nightly job")
        .internal()
        .at(0, 50)
        .error()
        .exception("OutOfMemoryError", "Java heap space");
    const std::string path = writeTemp("two.json", SpanTree::file({&alpha, &beta}));

    const CliRun chosen = run({"rank", path, "--json", "--trace-id", beta.traceId()});
    ASSERT_EQ(chosen.code, kExitOk) << chosen.err;
    const auto j = nlohmann::json::parse(chosen.out);
    EXPECT_EQ(j["trace_id"], beta.traceId());
    ASSERT_FALSE(j["suspects"].empty());
    EXPECT_EQ(j["suspects"][0]["service"], "beta");

    // Without --trace-id: the trace with the most errors, and a note on stderr saying so.
    const CliRun fallback = run({"rank", path, "--json"});
    ASSERT_EQ(fallback.code, kExitOk) << fallback.err;
    EXPECT_EQ(nlohmann::json::parse(fallback.out)["trace_id"], alpha.traceId());
    EXPECT_EQ(lines(fallback.err), 1u) << fallback.err;
    EXPECT_NE(fallback.err.find(alpha.traceId()), std::string::npos) << fallback.err;
}

TEST(Rank, UnknownTraceIdIsAOneLineErrorNamingTheFile) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const CliRun r = run({"rank", path, "--trace-id", "ffff0000000000000000000000000009"});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("rootline-cli: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("ffff0000000000000000000000000009"), std::string::npos) << r.err;
}

TEST(Rank, WeightsFileChangesTheOrder) {
    SpanTree tree;
    tree.span("1").service("api").name("GET /summary").server().at(0, 1000).http(500).error();
    tree.span("2").parent("1").service("api").name("SELECT report").client().at(10, 800);
    tree.span("3")
        .parent("1")
        .service("api")
        .name("validate")
        .internal()
        .at(850, 10)
        .error()
        .exception("ValidationException", "missing field");
    const std::string path = writeTemp("summary.json", tree.json());
    const CliRun before = run({"rank", path, "--json"});
    ASSERT_EQ(before.code, kExitOk) << before.err;
    EXPECT_EQ(nlohmann::json::parse(before.out)["suspects"][0]["name"], "validate");
    const std::string weights =
        writeTemp("weights.json", R"({"error_origin": 0, "error_unhandled": 0, "exception": 0})");
    const CliRun after = run({"rank", path, "--json", "--weights", weights});
    ASSERT_EQ(after.code, kExitOk) << after.err;
    EXPECT_EQ(nlohmann::json::parse(after.out)["suspects"][0]["name"], "SELECT report")
        << after.out;
}

TEST(Rank, BadWeightsFileIsAOneLineErrorNamingIt) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"unknown-key.json", R"({"error_origin": 5, "no_such_weight": 1})"},
        {"not-a-number.json", R"({"error_origin": "five"})"},
        {"broken.json", R"({"error_origin": )"},
    };
    for (const auto& [name, content] : bad) {
        SCOPED_TRACE(name);
        const std::string weights = writeTemp(name, content);
        const CliRun r = run({"rank", path, "--weights", weights});
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(weights), std::string::npos) << r.err;
    }
    const std::string missing = writeTemp("x", "") + "-does-not-exist.json";
    const CliRun r = run({"rank", path, "--weights", missing});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST(Rank, HistoryAddsReleaseNewForAnUnseenVersion) {
    SpanTree tree;
    tree.span("1").service("web", "4.0").name("POST /pay").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("web", "4.0").name("POST").client().at(5, 90).http(500);
    tree.span("3")
        .parent("2")
        .service("pay", "2.0")
        .name("POST /charge")
        .server()
        .at(10, 80)
        .http(500)
        .error()
        .exception("IllegalStateException", "no processor");
    const std::string path = writeTemp("release.json", tree.json());
    auto codesOfTop = [](const std::string& out) {
        std::set<std::string> codes;
        const auto doc = nlohmann::json::parse(out);
        for (const auto& reason : doc["suspects"][0]["reasons"])
            codes.insert(reason["code"].get<std::string>());
        return codes;
    };
    const CliRun without = run({"rank", path, "--json"});
    ASSERT_EQ(without.code, kExitOk) << without.err;
    EXPECT_EQ(codesOfTop(without.out).count("release_new"), 0u) << without.out;

    const std::string history =
        writeTemp("history.json", R"({"pay": ["1.8", "1.9"], "web": ["4.0"]})");
    const CliRun with = run({"rank", path, "--json", "--history", history});
    ASSERT_EQ(with.code, kExitOk) << with.err;
    const auto j = nlohmann::json::parse(with.out);
    EXPECT_EQ(j["suspects"][0]["service"], "pay") << with.out;
    EXPECT_EQ(codesOfTop(with.out).count("release_new"), 1u) << with.out;
    for (const auto& s : j["suspects"]) {
        if (s["service"] != "web") continue;
        for (const auto& reason : s["reasons"])
            EXPECT_NE(reason["code"], "release_new") << s;
    }

    const std::string bad = writeTemp("bad-history.json", R"({"pay": "2.0"})");
    const CliRun r = run({"rank", path, "--history", bad});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
}

TEST(Rank, ReadableTableNamesTheTopSuspect) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const CliRun r = run({"rank", path});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.out.find("pay: SELECT cards"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("0000000000000004"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("5a1e0000000000000000000000000001"), std::string::npos) << r.out;
    // The top suspect comes before any other.
    const size_t top = r.out.find("pay: SELECT cards");
    EXPECT_LT(top, r.out.find("web: POST /checkout")) << r.out;
}

TEST(Rank, UsageErrors) {
    const std::string path = writeTemp("checkout.json", checkoutTree().json());
    const std::vector<std::vector<std::string>> bad = {
        {"rank"},
        {"rank", "--json"},
        {"rank", "--bogus", path},
        {"rank", path, "--frobnicate"},
        {"rank", path, path},
        {"rank", path, "--top"},
        {"rank", path, "--trace-id"},
        {"rank", path, "--weights"},
    };
    for (const auto& args : bad) {
        std::string joined;
        for (const auto& a : args)
            joined += a + " ";
        SCOPED_TRACE(joined);
        const CliRun r = run(args);
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_EQ(r.err.rfind("rootline-cli: ", 0), 0u) << r.err;
    }
    const CliRun help = run({"rank", "--help"});
    EXPECT_EQ(help.code, kExitOk);
    EXPECT_NE(help.out.find("--trace-id"), std::string::npos);
    // A file that is not a trace is bad input too.
    const std::string notTrace = writeTemp("not-a-trace.json", R"({"hello": "world"})");
    const CliRun r = run({"rank", notTrace});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(notTrace), std::string::npos) << r.err;
}

// The bundled demo (resources/demo/README.md): payment 2.14.0's fraud check waits on a row
// lock in `SELECT customer_risk_profiles`; the PSP call that timed out with the last 22 ms of
// the deadline and the frontend root that answered 502 are symptoms.
TEST(Rank, DemoTraceRanksTheLockWaitFirst) {
    const CliRun r = run({"rank", demo(), "--json"});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["trace_id"], "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40");
    ASSERT_FALSE(j["suspects"].empty());
    const std::string top = j["suspects"][0]["span_id"];
    EXPECT_TRUE(top == "d0fb96b7379de945" || top == "fba71e3d982c9970") << r.out;
    EXPECT_EQ(j["suspects"][0]["service"], "payment");
    EXPECT_EQ(j["suspects"][0]["name"], "SELECT customer_risk_profiles");
    EXPECT_NE(top, "55ed4ecc8347adf0");  // the PSP call
    EXPECT_NE(top, "0c6acf8e0e76c923");  // the frontend root
}

// ---- as a real process ----

ProcessResult runCli(const std::vector<std::string>& args) {
    return clitest::runCli(temp(), args);
}

TEST(RankProcess, RanksTheDemoAndFailsCleanly) {
    const ProcessResult ok = runCli({"rank", demo(), "--json", "--top", "3"});
    EXPECT_EQ(ok.signal, 0);
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    const auto j = nlohmann::json::parse(ok.out);
    EXPECT_EQ(j["suspects"].size(), 3u);

    const ProcessResult bad = runCli({"rank", demo(), "--trace-id", "0123456789abcdef"});
    EXPECT_EQ(bad.signal, 0);
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.out.empty());
    EXPECT_EQ(lines(bad.err), 1u) << bad.err;
    EXPECT_EQ(bad.err.rfind("rootline-cli: ", 0), 0u) << bad.err;
    EXPECT_NE(bad.err.find(demo()), std::string::npos) << bad.err;

    const ProcessResult usage = runCli({"rank"});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(lines(usage.err), 1u) << usage.err;
}

}  // namespace
}  // namespace rootline::cli
