// The tracepack with what was linked to the trace: log lines from Loki or a log file beside the
// span events, and the metric snapshot with its exemplars. Both go through the same redaction,
// window and budget as the rest, and survive pack → open → pack.
//
// With ROOTLINE_PACK_OUT_DIR set, the packs are also written there for the schema check.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "formats/load.h"
#include "span_tree_builder.h"
#include "test_support.h"
#include "tracepack/tracepack_builder.h"

namespace rootline {
namespace {

using nlohmann::json;

// web → api → db (fails 10..160 ms), cache healthy.
test::SpanTree failingTree() {
    test::SpanTree tree;
    tree.span("1").service("web").name("POST /checkout").server().at(0, 200).error();
    tree.span("2").parent("1").service("api").name("charge").server().at(5, 180).error();
    tree.span("3")
        .parent("2")
        .service("db")
        .name("SELECT orders")
        .client()
        .at(10, 150)
        .error("lock wait timeout");
    tree.span("4").parent("2").service("cache").name("GET session").client().at(6, 2);
    return tree;
}

PackOptions options(size_t maxBytes = kDefaultPackBytes) {
    PackOptions o;
    o.maxBytes = maxBytes;
    o.tokenKey = {0x0123456789abcdefull, 0xfedcba9876543210ull};
    o.source = "test.json (Jaeger JSON)";
    return o;
}

logs::LogLine line(const Trace& t, int64_t offsetMs, logs::LogLevel level, std::string service,
                   std::string body, int span = -1) {
    logs::LogLine l;
    l.timeNs = t.startNs + offsetMs * 1'000'000;
    l.level = level;
    l.source = logs::LogSource::Loki;
    l.service = std::move(service);
    l.body = std::move(body);
    l.traceId = t.traceIdText();
    l.span = span;
    return l;
}

metrics::MetricSnapshot snapshot(const Trace& t, size_t points, size_t exemplars) {
    metrics::MetricSnapshot m;
    m.connection = "prod prometheus";
    m.traceStartSec = static_cast<double>(t.startNs) / 1e9;
    m.traceEndSec = m.traceStartSec + 0.2;
    m.startSec = m.traceStartSec - 1800;
    m.endSec = m.traceEndSec + 1800;
    m.stepSec = 3600.0 / static_cast<double>(points);
    metrics::MetricChart c;
    c.title = "p95 latency";
    c.unit = "s";
    c.query =
        R"(histogram_quantile(0.95, sum by (le, service) (rate(x_bucket{service=~"db"}[1m]))))";
    metrics::MetricSeries s;
    s.labels = {{"service", "db"}, {"owner", "alice@example.com"}};
    for (size_t k = 0; k < points; ++k)
        s.points.push_back({m.startSec + static_cast<double>(k) * m.stepSec,
                            k == 3 ? NAN : 0.1 + static_cast<double>(k % 7) / 10});
    c.series.push_back(s);
    for (size_t k = 0; k < exemplars; ++k) {
        metrics::Exemplar e;
        e.traceId = "0000000000000000000000000000" + std::to_string(1000 + k);
        e.timeSec = m.startSec + static_cast<double>(k) * 60;
        e.value = 0.5;
        c.exemplars.push_back(e);
    }
    metrics::Exemplar own;
    own.traceId = t.traceIdText();
    own.spanId = test::hexId("3");
    own.timeSec = m.traceStartSec + 0.1;
    own.value = 0.15;
    c.exemplars.push_back(own);
    m.charts.push_back(c);
    metrics::MetricChart failed;
    failed.title = "Error ratio";
    failed.query = "sum(rate(errors[1m]))";
    failed.error = "http://prom:9090 could not run the query: parse error";
    m.charts.push_back(failed);
    return m;
}

json leftOut(const json& p, const std::string& what, const std::string& why) {
    for (const json& l : p.value("left_out", json::array()))
        if (l["what"] == what && l["why"] == why) return l;
    return nullptr;
}

void writeForSchemaCheck(const std::string& name, const std::string& bytes) {
    const char* dir = std::getenv("ROOTLINE_PACK_OUT_DIR");
    if (!dir || !*dir) return;
    std::ofstream(std::string(dir) + "/signals-" + name + ".tracepack.json") << bytes;
}

TEST(TracepackSignals, LokiLinesJoinSpanEventsWithTheirSpanAndSource) {
    const Trace& t = test::loadTree(failingTree());
    const int db = test::SpanTree::index(t, "3");
    PackOptions o = options();
    o.extraLogs = {
        line(t, 50, logs::LogLevel::Error, "db", "deadlock detected on orders", db),
        line(t, 60, logs::LogLevel::Info, "db", "query started", db),
        // No level: its text says it failed, so it is an error line.
        line(t, 70, logs::LogLevel::Unknown, "api", "charge failed for order 17"),
        line(t, 80, logs::LogLevel::Warn, "api", "retrying charge"),
        line(t, 80, logs::LogLevel::Warn, "api", "retrying charge"),
        // Outside ±5 s of every failed span.
        line(t, 9000, logs::LogLevel::Error, "db", "unrelated later error", db),
    };
    o.extraLogs.back().source = logs::LogSource::OtlpFile;
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    writeForSchemaCheck("loki-lines", r.bytes);
    const json p = json::parse(r.bytes);
    json deadlock, failed, retry;
    for (const json& l : p["logs"]) {
        EXPECT_NE(l["body"], "query started");
        EXPECT_NE(l["body"], "unrelated later error");
        if (l["body"] == "deadlock detected on orders") deadlock = l;
        if (l["body"] == "charge failed for order 17") failed = l;
        if (l["body"] == "retrying charge") retry = l;
    }
    ASSERT_FALSE(deadlock.is_null()) << p["logs"].dump();
    EXPECT_EQ(deadlock["source"], "loki");
    EXPECT_EQ(deadlock["severity"], "error");
    EXPECT_EQ(deadlock["span_id"], test::hexId("3"));
    EXPECT_EQ(deadlock["service"], "db");
    EXPECT_EQ(deadlock["t_us"], 50000);
    ASSERT_FALSE(failed.is_null());
    EXPECT_EQ(failed["severity"], "error");
    EXPECT_FALSE(failed.contains("span_id"));  // tied to no span
    ASSERT_FALSE(retry.is_null());
    EXPECT_EQ(retry["severity"], "warn");
    EXPECT_EQ(retry["repeats"], 1);
    EXPECT_EQ(leftOut(p, "log_lines", "info and debug level")["count"], 1);
}

TEST(TracepackSignals, LokiLinesAreRedactedLikeEverythingElse) {
    const Trace& t = test::loadTree(failingTree());
    PackOptions o = options();
    o.extraLogs = {line(t, 50, logs::LogLevel::Error, "db",
                        "login failed for bob@example.com with Bearer abcdefghijklmnop123456")};
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.bytes.find("bob@example.com"), std::string::npos);
    EXPECT_EQ(r.bytes.find("abcdefghijklmnop123456"), std::string::npos);
    EXPECT_NE(r.bytes.find("login failed for"), std::string::npos);
}

TEST(TracepackSignals, MetricSnapshotIsDownsampledWithTheTracesOwnExemplarFirst) {
    const Trace& t = test::loadTree(failingTree());
    PackOptions o = options();
    o.metrics = snapshot(t, 240, 14);
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    writeForSchemaCheck("metrics", r.bytes);
    const json p = json::parse(r.bytes);
    ASSERT_EQ(p["metrics"].size(), 2u);
    const json& latency = p["metrics"][0];
    EXPECT_EQ(latency["title"], "p95 latency");
    EXPECT_EQ(latency["unit"], "s");
    EXPECT_EQ(latency["connection"], "prod prometheus");
    EXPECT_NE(latency["query"].get<std::string>().find("histogram_quantile"), std::string::npos);
    ASSERT_EQ(latency["series"].size(), 1u);
    const json& points = latency["series"][0]["points"];
    EXPECT_EQ(points.size(), 60u);
    // First and last points kept; times are µs from the trace start.
    EXPECT_EQ(points[0][0], -1800 * 1'000'000LL);
    EXPECT_GT(points[59][0].get<int64_t>(), 1700 * 1'000'000LL);
    // The label value that is an email address is redacted; the service is not.
    EXPECT_EQ(latency["series"][0]["labels"]["service"], "db");
    EXPECT_EQ(r.bytes.find("alice@example.com"), std::string::npos);
    const json& ex = latency["exemplars"];
    ASSERT_EQ(ex.size(), 10u);
    EXPECT_EQ(ex[0]["trace_id"], t.traceIdText());
    EXPECT_EQ(ex[0]["this_trace"], true);
    EXPECT_EQ(ex[0]["span_id"], test::hexId("3"));
    EXPECT_EQ(ex[0]["t_us"], 100000);
    EXPECT_FALSE(ex[1].contains("this_trace"));
    EXPECT_EQ(leftOut(p, "exemplars", "beyond the 10 nearest the trace")["count"], 5);
    EXPECT_EQ(leftOut(p, "metric_points", "downsampled")["count"], 180);
    // The failed chart says why it is empty.
    EXPECT_EQ(p["metrics"][1]["error"], "http://prom:9090 could not run the query: parse error");
    EXPECT_FALSE(p["metrics"][1].contains("series"));
}

TEST(TracepackSignals, NotANumberIsWrittenAsNull) {
    const Trace& t = test::loadTree(failingTree());
    PackOptions o = options();
    o.metrics = snapshot(t, 10, 0);  // 10 points: all kept, the fourth is NaN
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    const json p = json::parse(r.bytes);
    EXPECT_TRUE(p["metrics"][0]["series"][0]["points"][3][1].is_null());
    EXPECT_DOUBLE_EQ(p["metrics"][0]["series"][0]["points"][4][1].get<double>(), 0.5);
}

TEST(TracepackSignals, UnderASmallCapMetricsGoBeforeLogsAndSpans) {
    const Trace& t = test::loadTree(failingTree());
    PackOptions o = options(kMinPackBytes);
    o.metrics = snapshot(t, 240, 14);
    // Many big charts: far more than 8 KB even at the tightest level.
    for (int k = 0; k < 30; ++k) {
        metrics::MetricChart c = o.metrics.charts[0];
        c.title = "chart " + std::to_string(k);
        c.query = std::string(900, 'q');
        o.metrics.charts.push_back(c);
    }
    const int db = test::SpanTree::index(t, "3");
    o.extraLogs = {line(t, 50, logs::LogLevel::Error, "db", "deadlock detected", db)};
    const PackResult r = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(r.ok()) << r.error;
    writeForSchemaCheck("metrics-shed", r.bytes);
    EXPECT_LE(r.bytes.size(), kMinPackBytes);
    const json p = json::parse(r.bytes);
    EXPECT_FALSE(p.contains("metrics"));
    EXPECT_EQ(leftOut(p, "metric_charts", "over the size cap")["count"], 32);
    ASSERT_TRUE(p.contains("logs"));
    EXPECT_EQ(p["logs"][0]["body"], "deadlock detected");
    EXPECT_EQ(r.spansInPack, 3u);
}

TEST(TracepackSignals, SameInputsSameBytesAndTheRoundTripKeepsThem) {
    const Trace& t = test::loadTree(failingTree());
    PackOptions o = options();
    o.metrics = snapshot(t, 100, 3);
    o.extraLogs = {line(t, 50, logs::LogLevel::Error, "db", "deadlock detected",
                        test::SpanTree::index(t, "3"))};
    const PackResult a = buildTracepack(t, rankSuspects(t), o);
    const PackResult b = buildTracepack(t, rankSuspects(t), o);
    ASSERT_TRUE(a.ok()) << a.error;
    EXPECT_EQ(a.bytes, b.bytes);
    // Open the pack and pack it again: the metrics and Loki lines are carried over as written.
    const LoadResult reread = loadTraceText(a.bytes, "a.tracepack.json");
    ASSERT_TRUE(reread.ok()) << reread.error.message;
    ASSERT_EQ(reread.file->traces.size(), 1u);
    ASSERT_NE(reread.file->traces[0]->tracepack, nullptr);
    const PackResult again = buildTracepack(*reread.file->traces[0], Ranking{}, options());
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.bytes, a.bytes);
}

}  // namespace
}  // namespace rootline
