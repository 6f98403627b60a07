// rootline-cli logs: the demo trace's lines span by span, from its span events, from a Loki
// server on loopback answering in Loki's categorize-labels shape, and from an OTLP log file;
// what was asked of Loki; and one-line failures (exit 3 when Loki failed, with the other
// sources still printed; 2 for bad input).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "loopback_http_server.h"

namespace rootline::cli {
namespace {

using clitest::run;
using clitest::TempFolder;
using nlohmann::json;

constexpr const char* kDemo = ROOTLINE_DEMO_TRACE;
constexpr const char* kTraceId = "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40";
constexpr const char* kDbSpan = "fba71e3d982c9970";    // payment: SELECT customer_risk_profiles
constexpr const char* kRootSpan = "0c6acf8e0e76c923";  // web-frontend: POST /api/checkout
// 100 ms into the database call, which runs 1795054389583120000..1795054389817216000.
constexpr const char* kDbTimeNs = "1795054389683120000";

// Loki 3 with categorize-labels: one line naming the span in structured metadata, one naming
// only the trace in its logfmt text (tied by service and time), one of another trace.
std::string lokiAnswer() {
    return std::string(R"({"status":"success","data":{"resultType":"streams",
      "encodingFlags":["categorize-labels"],"result":[
      {"stream":{"service_name":"payment"},"values":[
        [")") +
           kDbTimeNs +
           R"(","deadlock detected while reading customer_risk_profiles",
          {"structuredMetadata":{"trace_id":")" +
           kTraceId + R"(","span_id":")" + kDbSpan +
           R"(","level":"error"}}],
        [")" +
           kDbTimeNs + R"(","level=warn trace_id=)" + kTraceId +
           R"( msg=\"retrying risk lookup\"",{}],
        [")" +
           kDbTimeNs + R"(","other request",
          {"structuredMetadata":{"trace_id":"0000000000000000000000000000abcd"}}]]}],
      "stats":{}}})";
}

class Logs : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("ROOTLINE_CONNECTIONS_FILE", temp.path("connections.json").c_str(), 1);
    }
    void TearDown() override { ::unsetenv("ROOTLINE_CONNECTIONS_FILE"); }

    void serveLoki(test::ScriptedReply reply) {
        loki.setHandler([reply](const test::CapturedRequest&) { return reply; });
    }

    TempFolder temp{"rootline-logs-cli-test"};
    test::LoopbackHttpServer loki;
};

test::ScriptedReply ok(std::string body) {
    return {
        .status = 200, .headers = {{"Content-Type", "application/json"}}, .body = std::move(body)};
}

TEST_F(Logs, PrintsLokiLinesUnderTheirSpans) {
    serveLoki(ok(lokiAnswer()));
    const auto r = run({"logs", kDemo, "--loki", loki.url("")});
    ASSERT_EQ(r.code, 0) << r.err;
    const size_t span =
        r.out.find(std::string(kDbSpan) + "  payment: SELECT customer_risk_profiles");
    ASSERT_NE(span, std::string::npos) << r.out;
    const size_t deadlock = r.out.find("ERROR  payment  deadlock detected", span);
    EXPECT_NE(deadlock, std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(loki)", deadlock), std::string::npos);
    // The logfmt line names no span: it goes to the payment span running at its time.
    EXPECT_NE(r.out.find("WARN  payment  level=warn", span), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(loki, by time)"), std::string::npos);
    EXPECT_EQ(r.out.find("other request"), std::string::npos);
    // What was asked: the trace's window and the default template with the trace id.
    const auto requests = loki.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].target.rfind("/loki/api/v1/query_range?", 0), 0u) << requests[0].target;
    EXPECT_NE(requests[0].target.find(kTraceId), std::string::npos);
}

TEST_F(Logs, JsonHasEverySourceAndTheSpansLines) {
    serveLoki(ok(lokiAnswer()));
    const auto r = run({"logs", kDemo, "--loki", loki.url(""), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["trace_id"], kTraceId);
    EXPECT_EQ(j["sources"]["loki"]["lines"], 2);
    EXPECT_EQ(j["sources"]["loki"]["categorized"], true);
    EXPECT_NE(j["sources"]["loki"]["query"].get<std::string>().find(kTraceId), std::string::npos);
    json db;
    for (const json& s : j["spans"])
        if (s["span_id"] == kDbSpan) db = s;
    ASSERT_FALSE(db.is_null()) << r.out;
    ASSERT_GE(db["lines"].size(), 2u);
    bool sawDeadlock = false;
    for (const json& l : db["lines"])
        if (l["body"] == "deadlock detected while reading customer_risk_profiles") {
            sawDeadlock = true;
            EXPECT_EQ(l["level"], "error");
            EXPECT_EQ(l["source"], "loki");
            EXPECT_EQ(l["t_us"], 1795054389683120000LL / 1000 - 1795054387418512000LL / 1000);
            EXPECT_FALSE(l.contains("tied_by"));
        }
    EXPECT_TRUE(sawDeadlock);
}

TEST_F(Logs, AnOtlpLogFileJoinsTheSpanEvents) {
    const std::string file = temp.path("logs.json");
    std::ofstream(file) << R"({"resourceLogs":[{"resource":{"attributes":[{"key":"service.name",
        "value":{"stringValue":"web-frontend"}}]},"scopeLogs":[{"logRecords":[
        {"timeUnixNano":"1795054387518512000","severityNumber":17,"traceId":")"
                        << kTraceId << R"(","spanId":")" << kRootSpan
                        << R"(","body":{"stringValue":"checkout failed: payment declined"}},
        {"timeUnixNano":"1795054387518512000","severityNumber":17,
         "traceId":"0000000000000000000000000000abcd","body":{"stringValue":"not ours"}}]}]}]})";
    const auto r = run({"logs", kDemo, "--logs-file", file, "--level", "error"});
    ASSERT_EQ(r.code, 0) << r.err;
    const size_t root = r.out.find(std::string(kRootSpan) + "  web-frontend: POST /api/checkout");
    ASSERT_NE(root, std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ERROR  web-frontend  checkout failed: payment declined", root),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("1 from logs.json"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("not ours"), std::string::npos);
    // --level error: no info line from the span events.
    EXPECT_EQ(r.out.find("  INFO  "), std::string::npos) << r.out;
}

TEST_F(Logs, LokiFailingStillPrintsTheSpanEventsAndExitsThree) {
    serveLoki({.status = 400,
               .headers = {{"Content-Type", "text/plain; charset=utf-8"}},
               .body = "parse error at line 1, col 12: syntax error: unexpected IDENTIFIER\n"});
    const auto r = run({"logs", kDemo, "--loki", loki.url("")});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("parse error at line 1, col 12"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("span events"), std::string::npos);
    EXPECT_NE(r.out.find("none from Loki"), std::string::npos) << r.out;
}

TEST_F(Logs, UsageErrorsAreOneLineAndExitTwo) {
    EXPECT_EQ(run({"logs"}).code, 2);
    const auto level = run({"logs", kDemo, "--level", "loud"});
    EXPECT_EQ(level.code, 2);
    EXPECT_NE(level.err.find("--level must be"), std::string::npos);
    const auto kind = run({"logs", kDemo, "--url", "http://127.0.0.1:1", "--kind", "jaeger"});
    EXPECT_EQ(kind.code, 2);
    EXPECT_NE(kind.err.find("--kind must be loki"), std::string::npos) << kind.err;
    const auto missing = run({"logs", kDemo, "--logs-file", temp.path("absent.json")});
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("absent.json"), std::string::npos) << missing.err;
    EXPECT_EQ(clitest::lines(missing.err), 1u) << missing.err;
}

}  // namespace
}  // namespace rootline::cli

namespace rootline::cli {
namespace {

// Prometheus on loopback: every chart answers one series around the demo trace, and the
// exemplars point at the demo trace under Tempo's `traceID` label.
void servePrometheus(test::LoopbackHttpServer& server) {
    server.setHandler([](const test::CapturedRequest& r) {
        test::ScriptedReply reply{
            .status = 200, .headers = {{"Content-Type", "application/json"}}, .body = {}};
        if (r.target.rfind("/api/v1/query_range", 0) == 0)
            reply.body = R"({"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"service":"payment"},"values":[[1795054380,"0.2"],[1795054390,"1.9"]]}]}})";
        else if (r.target.rfind("/api/v1/query_exemplars", 0) == 0)
            reply.body =
                std::string(R"({"status":"success","data":[{"seriesLabels":{"service":"payment"},
              "exemplars":[{"labels":{"traceID":")") +
                kTraceId + R"("},"value":"2.31","timestamp":1795054389.83}]}]})";
        else
            reply = {.status = 404, .body = "404 page not found\n"};
        return reply;
    });
}

TEST_F(Logs, PackCarriesLokiLinesAndTheMetricSnapshot) {
    serveLoki(ok(lokiAnswer()));
    test::LoopbackHttpServer prometheus;
    servePrometheus(prometheus);
    const std::string out = temp.path("demo.tracepack.json");
    const auto r = run({"pack", kDemo, "--loki", loki.url(""), "--prometheus", prometheus.url(""),
                        "--tokens", temp.path("tokens.json"), "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    const json p = json::parse(clitest::slurp(out));
    bool lokiLine = false;
    for (const json& l : p["logs"])
        if (l["source"] == "loki" && l["span_id"] == kDbSpan &&
            l["body"] == "deadlock detected while reading customer_risk_profiles")
            lokiLine = true;
    EXPECT_TRUE(lokiLine) << p["logs"].dump();
    ASSERT_EQ(p["metrics"].size(), 3u) << r.err;
    const json& latency = p["metrics"][2];
    EXPECT_EQ(latency["title"], "p95 latency");
    ASSERT_FALSE(latency["exemplars"].empty());
    EXPECT_EQ(latency["exemplars"][0]["trace_id"], kTraceId);
    EXPECT_EQ(latency["exemplars"][0]["this_trace"], true);
    EXPECT_EQ(latency["series"][0]["labels"]["service"], "payment");
}

TEST_F(Logs, PackWithoutAReachablePrometheusIsStillMade) {
    const std::string out = temp.path("demo.tracepack.json");
    const auto r = run({"pack", kDemo, "--prometheus", "http://127.0.0.1:1", "--tokens",
                        temp.path("tokens.json"), "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("pack: "), std::string::npos);
    EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
    EXPECT_FALSE(json::parse(clitest::slurp(out)).contains("metrics"));
}

}  // namespace
}  // namespace rootline::cli
