// rootline-cli inspect, run in-process.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.h"

namespace rootline::cli {
namespace {

struct CliRun {
    int code;
    std::string out, err;
};

CliRun run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return CliRun{code, out.str(), err.str()};
}

std::string fixture(const std::string& f) {
    return std::string(ROOTLINE_FIXTURES_DIR) + "/" + f;
}

TEST(Inspect, ReadableSummary) {
    const CliRun r =
        run({"inspect", fixture("tempo/servicegraphs_trace-with-failed-requests.json")});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.out.find("OTLP JSON, 1 trace, 15 spans"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("trace e8b6dff9f8d44b28f1b22bc3bd2f6768"), std::string::npos);
    EXPECT_NE(r.out.find("services  2: mythical-server (9), mythical-requester (6)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("root      mythical-requester: requester (span 9007fea484554ad7)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("errors    3\n"), std::string::npos);
    EXPECT_NE(r.out.find("orphans   0\n"), std::string::npos);
    EXPECT_NE(r.out.find("warnings  5\n"), std::string::npos);
    EXPECT_TRUE(r.err.empty());
}

TEST(Inspect, JsonOutput) {
    const CliRun r =
        run({"inspect", "--json", fixture("jaeger/jaeger-anonymizer-embedded-process.json")});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["format"], "Jaeger JSON");
    ASSERT_EQ(j["traces"].size(), 1u);
    const auto& t = j["traces"][0];
    EXPECT_EQ(t["trace_id"], "00000000000000002be38093ead7a083");
    EXPECT_EQ(t["trace_id"].get<std::string>().size(), 32u);
    EXPECT_EQ(t["span_count"], 2);
    EXPECT_EQ(t["services"].size(), 2u);
    EXPECT_EQ(t["error_count"], 1);
    EXPECT_EQ(t["orphan_count"], 1);
    EXPECT_EQ(t["roots"][0]["orphan"], true);
    EXPECT_EQ(t["start"], "2020-11-12T23:33:01.761425Z");
    EXPECT_EQ(t["warnings"][0]["code"], "missing_parent");
}

TEST(Inspect, SeveralTracesInOneFile) {
    const CliRun r =
        run({"inspect", "--json", fixture("tempo/servicegraphs_trace-with-virtual-nodes.json")});
    ASSERT_EQ(r.code, kExitOk);
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["trace_count"], 2);
    EXPECT_EQ(j["traces"][1]["trace_id"], "ab4a390ad2fe3b8534404c9f7223a390");
}

TEST(Inspect, BadInputIsExitTwoWithOneLine) {
    const CliRun r = run({"inspect", fixture("otlp/metrics.json")});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err, "rootline-cli: " + fixture("otlp/metrics.json") +
                         ": not a trace: this is an OTLP metrics file (resourceMetrics), not a "
                         "trace (byte 0)\n");
}

TEST(Inspect, UsageErrors) {
    EXPECT_EQ(run({"inspect"}).code, kExitBadInput);
    EXPECT_EQ(run({"inspect", "a.json", "b.json"}).code, kExitBadInput);
    EXPECT_EQ(run({"inspect", "--bogus", "a.json"}).code, kExitBadInput);
    EXPECT_EQ(run({"frobnicate"}).code, kExitBadInput);
    EXPECT_EQ(run({}).code, kExitBadInput);
    const CliRun help = run({"--help"});
    EXPECT_EQ(help.code, kExitOk);
    EXPECT_NE(help.out.find("inspect FILE [--json]"), std::string::npos);
    EXPECT_EQ(run({"inspect", "/dev/zero"}).err, "rootline-cli: /dev/zero: not a regular file\n");
}

}  // namespace
}  // namespace rootline::cli
