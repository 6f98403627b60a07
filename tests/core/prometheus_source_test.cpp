// The Prometheus client against a loopback server that answers as Prometheus does (bodies from
// ../shared/fixtures/prometheus, shapes from ../shared/reference/tempo_otlp.md §d): the chart
// templates and the window around a trace, the matrix and exemplar readers (string values with
// NaN and +Inf, integer timestamps, trace ids under trace_id or traceID), the requests sent, and
// the snapshot of every chart, in which one chart's failure leaves the others standing while a
// server that cannot be used at all fails the whole snapshot.

#include "remote/prometheus_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "remote/query_template.h"
#include "remote_test_support.h"
#include "secret_planting.h"

namespace rootline::remote {
namespace {

using namespace std::chrono_literals;
using metrics::Exemplar;
using metrics::MetricChart;
using metrics::MetricSeries;
using metrics::MetricSnapshot;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
using test::CapturedRequest;
using test::connectionTo;
using test::contains;
using test::goNotFound;
using test::jsonReply;
using test::LoopbackHttpServer;
using test::pathOf;
using test::queryOf;
using test::readFixture;
using test::ScriptedReply;

// A trace of two seconds; with the default margin (30 min) the window is an hour and 2 s.
constexpr double kTraceStart = 1700000000.5;
constexpr double kTraceEnd = 1700000002.5;

constexpr const char* kRangePath = "/api/v1/query_range";
constexpr const char* kExemplarPath = "/api/v1/query_exemplars";

// A one-series matrix, as Prometheus answers a range query.
std::string matrix(const std::string& service, const std::string& values,
                   const std::string& extra = "") {
    return R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":")" +
           service + R"("},"values":)" + values + "}]}" + extra + "}";
}

// One exemplar under traceID, as the Tempo metrics-generator writes them (a 31-digit id: the
// producer dropped the leading zero).
std::string tempoExemplars() {
    return R"({"status":"success","data":[{"seriesLabels":{"__name__":)"
           R"("traces_spanmetrics_latency_bucket","service":"checkout","le":"0.5"},)"
           R"("exemplars":[{"labels":{"traceID":"BF92F3577B34DA6A3CE929D0E0E4736",)"
           R"("spanID":"F067AA0BA902B7"},"value":"0.43","timestamp":1700000001.25}]}]})";
}

ScriptedReply envelope(int status, const std::string& type, const std::string& error) {
    return jsonReply(
        R"({"status":"error","errorType":")" + type + R"(","error":")" + error + R"("})", status);
}

// Which default chart a request is for.
enum class Chart { Rate, Errors, Latency };
Chart chartOf(const CapturedRequest& r) {
    const std::string query = queryOf(r)["query"];
    if (contains(query, "latency_bucket")) return Chart::Latency;
    if (contains(query, "STATUS_CODE_ERROR")) return Chart::Errors;
    return Chart::Rate;
}

bool isOneLine(const std::string& text) {
    return text.find_first_of("\r\n") == std::string::npos;
}

milliseconds since(steady_clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(steady_clock::now() - start);
}

MetricRequest traceRequest() {
    MetricRequest r;
    r.services = {"checkout", "front\"end.v2"};
    r.traceStartSec = kTraceStart;
    r.traceEndSec = kTraceEnd;
    return r;
}

class PrometheusSource : public ::testing::Test {
protected:
    Connection prometheus(std::string_view subPath = "") {
        return connectionTo(SourceKind::Prometheus, server, subPath);
    }
    MetricWindow window() { return metricWindow(traceRequest(), prometheus()); }
    Remote<MetricSnapshot> snapshot(const Connection& c,
                                    const std::atomic<bool>* cancel = nullptr) {
        return fetchMetricSnapshot(c, traceRequest(), cancel);
    }
    Remote<MetricSnapshot> snapshot() { return snapshot(prometheus()); }

    // Answers every chart with a series and every exemplar query with one exemplar, except
    // where `fault` returns a reply.
    void serveCharts(
        std::function<std::optional<ScriptedReply>(const CapturedRequest&)> fault = nullptr) {
        server.setHandler([fault](const CapturedRequest& r) {
            if (fault)
                if (std::optional<ScriptedReply> reply = fault(r)) return *reply;
            if (pathOf(r) == kExemplarPath) return jsonReply(tempoExemplars());
            return jsonReply(matrix("checkout", R"([[1700000000,"1.5"],[1700000030,"2"]])"));
        });
    }

    // Checks what every error message must be, then hands the error back.
    RemoteError checked(const RemoteError& e) {
        EXPECT_FALSE(e.ok());
        EXPECT_TRUE(isOneLine(e.message)) << e.message;
        EXPECT_TRUE(contains(e.message, server.url())) << e.message;
        return e;
    }

    LoopbackHttpServer server;
};

using PrometheusFaults = PrometheusSource;

// --- the chart templates and the window --------------------------------------------------------

TEST(PrometheusDefaults, ThreeChartsOverTempoSpanMetrics) {
    const std::vector<MetricQueryTemplate> charts = defaultMetricQueries();
    ASSERT_EQ(charts.size(), 3u);
    EXPECT_EQ(charts[0].title, "Request rate");
    EXPECT_EQ(charts[0].unit, "req/s");
    EXPECT_EQ(
        charts[0].expr,
        R"(sum by (service) (rate(traces_spanmetrics_calls_total{service=~"${services}"}[${range}])))");
    EXPECT_EQ(charts[1].title, "Error ratio");
    EXPECT_EQ(charts[1].unit, "ratio");
    EXPECT_TRUE(contains(charts[1].expr, R"(status_code="STATUS_CODE_ERROR")")) << charts[1].expr;
    EXPECT_TRUE(contains(charts[1].expr, ") / sum by (service) (")) << charts[1].expr;
    EXPECT_EQ(charts[2].title, "p95 latency");
    EXPECT_EQ(charts[2].unit, "s");
    EXPECT_EQ(
        charts[2].expr,
        R"(histogram_quantile(0.95, sum by (le, service) (rate(traces_spanmetrics_latency_bucket{service=~"${services}"}[${range}]))))");
    EXPECT_EQ(defaultExemplarLabels(),
              (std::vector<std::string>{"trace_id", "traceID", "traceId", "TraceID"}));
}

TEST(PrometheusDefaults, TheErrorRatioIsZeroNotMissingWithoutErrors) {
    TemplateValues v;
    v.services = {"checkout"};
    v.range = "2m";
    const std::string all =
        R"(sum by (service) (rate(traces_spanmetrics_calls_total{service=~"checkout"}[2m])))";
    EXPECT_EQ(expandQueryTemplate(defaultMetricQueries()[1].expr, v),
              R"((sum by (service) (rate(traces_spanmetrics_calls_total{service=~"checkout", )"
              R"(status_code="STATUS_CODE_ERROR"}[2m])) or )" +
                  all + " * 0) / " + all);
}

TEST(PrometheusWindow, AnHourAroundTheTraceIn30SecondSteps) {
    const MetricWindow w = metricWindow(traceRequest(), defaultConnection(SourceKind::Prometheus));
    EXPECT_DOUBLE_EQ(w.startSec, kTraceStart - 1800);
    EXPECT_DOUBLE_EQ(w.endSec, kTraceEnd + 1800);
    EXPECT_DOUBLE_EQ(w.stepSec, 30);  // 3602 s / 120, rounded
    EXPECT_EQ(w.range, "2m");         // 4 steps
}

TEST(PrometheusWindow, StepAndRangeFollowTheMargin) {
    Connection c = defaultConnection(SourceKind::Prometheus);
    MetricRequest r;
    r.traceStartSec = 1000;
    r.traceEndSec = 1000;
    struct Case {
        int margin;
        double step;
        const char* range;
    };
    for (const Case& k : {Case{10, 1, "1m"},            // 20 s: never below 1 s, never below 1m
                          Case{1380, 23, "92s"},        // 2760 s / 120
                          Case{4500, 75, "5m"},         // 9000 s / 120
                          Case{108000, 1800, "2h"}}) {  // 216000 s / 120
        c.margin = std::chrono::seconds(k.margin);
        const MetricWindow w = metricWindow(r, c);
        EXPECT_DOUBLE_EQ(w.startSec, 1000 - k.margin) << k.margin;
        EXPECT_DOUBLE_EQ(w.endSec, 1000 + k.margin) << k.margin;
        EXPECT_DOUBLE_EQ(w.stepSec, k.step) << k.margin;
        EXPECT_EQ(w.range, k.range) << k.margin;
    }
}

TEST(PrometheusWindow, AStartAfterTheEndIsReadTheOtherWayRound) {
    Connection c = defaultConnection(SourceKind::Prometheus);
    c.margin = std::chrono::seconds(60);
    MetricRequest r;
    r.traceStartSec = 2000;
    r.traceEndSec = 1000;
    const MetricWindow w = metricWindow(r, c);
    EXPECT_DOUBLE_EQ(w.startSec, 940);
    EXPECT_DOUBLE_EQ(w.endSec, 2060);
    EXPECT_DOUBLE_EQ(w.stepSec, 9);  // 1120 / 120 = 9.33
}

// --- reading the answers -----------------------------------------------------------------------

TEST_F(PrometheusSource, ReadsTheRangeQueryDocsExample) {
    server.enqueue(jsonReply(readFixture("prometheus/api_v1_query_range.docs-example.json")));
    const auto r = queryRange(prometheus(), "up", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 2u);
    // __name__ is left out: sum by (…) drops it, and the chart names the series by the rest.
    EXPECT_EQ(r.value[0].labels,
              (metrics::Labels{{"instance", "localhost:9090"}, {"job", "prometheus"}}));
    EXPECT_EQ(r.value[1].labels,
              (metrics::Labels{{"instance", "localhost:9091"}, {"job", "node"}}));
    ASSERT_EQ(r.value[1].points.size(), 3u);
    EXPECT_DOUBLE_EQ(r.value[1].points[0].timeSec, 1435781430.781);
    EXPECT_DOUBLE_EQ(r.value[1].points[2].timeSec, 1435781460.781);
    EXPECT_EQ(r.value[1].points[0].value, 0);
    EXPECT_EQ(r.value[1].points[2].value, 1);
}

TEST_F(PrometheusSource, ReadsIntegerTimestampsAndKeepsMissingStepsAsGaps) {
    server.enqueue(jsonReply(readFixture("prometheus/grafana_range_missing.result.json")));
    const auto r = queryRange(prometheus(), "go_goroutines", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);
    const auto& points = r.value[0].points;
    ASSERT_EQ(points.size(), 3u);  // 535 and 536 are missing and stay missing
    EXPECT_EQ(points[0].timeSec, 1641889533);
    EXPECT_EQ(points[1].timeSec, 1641889534);
    EXPECT_EQ(points[2].timeSec, 1641889537);
    EXPECT_EQ(points[2].value, 43);
}

TEST_F(PrometheusSource, ReadsNaNAndInfinities) {
    server.enqueue(jsonReply(matrix(
        "checkout",
        R"([[1700000000,"NaN"],[1700000030,"+Inf"],[1700000060,"-Inf"],[1700000090,"1e-3"]])")));
    const auto r = queryRange(prometheus(), "x", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);
    const auto& p = r.value[0].points;
    ASSERT_EQ(p.size(), 4u);
    EXPECT_TRUE(std::isnan(p[0].value));
    EXPECT_TRUE(std::isinf(p[1].value) && p[1].value > 0);
    EXPECT_TRUE(std::isinf(p[2].value) && p[2].value < 0);
    EXPECT_DOUBLE_EQ(p[3].value, 0.001);
}

TEST_F(PrometheusSource, PassesWarningsAndInfosAndSkipsNativeHistograms) {
    server.enqueue(
        jsonReply(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                  R"({"metric":{"service":"a"},"values":[[1700000000,"1"]]},)"
                  R"({"metric":{"service":"b"},"histograms":[[1700000000,{"count":"3","sum":"1.5",)"
                  R"("buckets":[[0,"0.5","1","3"]]}]]}]},)"
                  R"("warnings":["results truncated due to limit"],)"
                  R"("infos":["PromQL info: metric might not be a counter"]})"));
    std::vector<std::string> warnings;
    const auto r = queryRange(prometheus(), "x", window(), nullptr, warnings);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);  // b had nothing but histograms
    EXPECT_EQ(r.value[0].labels.at("service"), "a");
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_EQ(warnings[0], "results truncated due to limit");
    EXPECT_EQ(warnings[1], "info: PromQL info: metric might not be a counter");
    EXPECT_TRUE(contains(warnings[2], "native histogram samples of 1 series skipped"))
        << warnings[2];
}

TEST_F(PrometheusSource, AnInstantVectorIsNotAMatrix) {
    server.enqueue(jsonReply(readFixture("prometheus/api_v1_query_instant.docs-example.json")));
    const RemoteError e = checked(queryRange(prometheus(), "up", window(), nullptr).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::BadResponse);
    EXPECT_EQ(e.message, "the answer from " + server.url() +
                             " to the range query is not what the Prometheus API sends (a vector "
                             "where a range query answers a matrix (is the URL an instant query "
                             "endpoint?))");
}

TEST(PrometheusParse, MatrixReaderSaysWhatIsWrong) {
    std::vector<MetricSeries> series;
    std::vector<std::string> warnings;
    std::string error;
    EXPECT_FALSE(parseMatrix(readFixture("prometheus/api_v1_query_instant.docs-example.json"),
                             series, warnings, error));
    EXPECT_TRUE(contains(error, "a vector where a range query answers a matrix")) << error;
    EXPECT_FALSE(parseMatrix(R"({"status":"error","errorType":"bad_data","error":"bad step"})",
                             series, warnings, error));
    EXPECT_EQ(error, "Prometheus said: bad_data: bad step");
    EXPECT_FALSE(parseMatrix(R"({"status":"success","data":{"resultType":"matrix")", series,
                             warnings, error));
    EXPECT_TRUE(contains(error, "incomplete")) << error;
    EXPECT_FALSE(parseMatrix(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                             R"({"metric":{},"values":[[1,"x"]]}]}})",
                             series, warnings, error));
    EXPECT_TRUE(contains(error, "a point is not [time, \"value\"]")) << error;
    EXPECT_TRUE(parseMatrix(R"({"status":"success","data":{"resultType":"matrix","result":[]}})",
                            series, warnings, error))
        << error;
    EXPECT_TRUE(series.empty());
    EXPECT_TRUE(warnings.empty());
}

TEST_F(PrometheusSource, ReadsTheExemplarsDocsExampleKeepingNonHexIds) {
    server.enqueue(jsonReply(readFixture("prometheus/api_v1_query_exemplars.docs-example.json")));
    const auto r = queryExemplars(prometheus(), "test_exemplar_metric_total", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 3u);
    // These ids are not hex (nor trace ids anyone could open): kept exactly as sent.
    EXPECT_EQ(r.value[0].traceId, "EpTxMJ40fUus7aGY");
    EXPECT_EQ(r.value[1].traceId, "Olp9XHlq763ccsfa");
    EXPECT_EQ(r.value[2].traceId, "hCtjygkIHwAN9vs4");
    EXPECT_EQ(r.value[0].seriesLabels.at("service"), "bar");
    EXPECT_EQ(r.value[0].seriesLabels.at("__name__"), "test_exemplar_metric_total");
    EXPECT_EQ(r.value[2].seriesLabels.at("service"), "foo");
    EXPECT_EQ(r.value[2].labels, (metrics::Labels{{"trace_id", "hCtjygkIHwAN9vs4"}}));
    EXPECT_DOUBLE_EQ(r.value[0].value, 6);
    EXPECT_DOUBLE_EQ(r.value[2].value, 20);
    EXPECT_DOUBLE_EQ(r.value[0].timeSec, 1600096945.479);
    EXPECT_TRUE(r.value[0].spanId.empty());
}

TEST_F(PrometheusSource, PadsTempoTraceIdsAndReadsSpanIds) {
    server.enqueue(jsonReply(tempoExemplars()));
    const auto r = queryExemplars(prometheus(), "x", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.size(), 1u);
    EXPECT_EQ(r.value[0].traceId, "0bf92f3577b34da6a3ce929d0e0e4736");
    EXPECT_EQ(r.value[0].spanId, "00f067aa0ba902b7");
    EXPECT_EQ(r.value[0].labels.at("traceID"), "BF92F3577B34DA6A3CE929D0E0E4736");  // as sent
    EXPECT_DOUBLE_EQ(r.value[0].value, 0.43);
    EXPECT_DOUBLE_EQ(r.value[0].timeSec, 1700000001.25);
}

TEST(PrometheusParse, TheFirstLabelOfTheListWins) {
    // The OpenAPI example (traceID, a 12-digit id) beside an OpenTelemetry trace_id.
    const std::string body =
        R"({"status":"success","data":[{"seriesLabels":{"job":"api-server"},"exemplars":[)"
        R"({"labels":{"traceID":"abc123def456"},"timestamp":1.689956451781e+09,"value":"1.5"},)"
        R"({"labels":{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","traceID":"ff"},)"
        R"("span_id":"x","timestamp":1689956452,"value":"NaN"},)"
        R"({"labels":{"other":"1"},"timestamp":1689956453,"value":"+Inf"}]}]})";
    std::vector<Exemplar> out;
    std::string error;
    ASSERT_TRUE(parseExemplars(body, defaultExemplarLabels(), out, error)) << error;
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].traceId, "00000000000000000000abc123def456");
    EXPECT_DOUBLE_EQ(out[0].timeSec, 1689956451.781);
    EXPECT_EQ(out[1].traceId, "4bf92f3577b34da6a3ce929d0e0e4736");  // trace_id comes first
    EXPECT_TRUE(std::isnan(out[1].value));
    EXPECT_EQ(out[2].traceId, "");  // no trace id label: a point that opens nothing
    EXPECT_TRUE(std::isinf(out[2].value));

    ASSERT_TRUE(parseExemplars(body, {"traceID"}, out, error)) << error;
    EXPECT_EQ(out[1].traceId, "000000000000000000000000000000ff");
    EXPECT_EQ(out[1].spanId, "");  // span_id is an exemplar label only under "labels"
}

TEST(PrometheusParse, ReadsOldExemplarsWithNumbersAndMilliseconds) {
    const std::string body =
        R"({"status":"success","data":[{"seriesLabels":{},"exemplars":[{"labels":)"
        R"({"trace_id":"00f067aa0ba902b7"},"value":0.25,"timestamp":1600096945479,)"
        R"("hasTimestamp":true}]}]})";
    std::vector<Exemplar> out;
    std::string error;
    ASSERT_TRUE(parseExemplars(body, defaultExemplarLabels(), out, error)) << error;
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].timeSec, 1600096945.479);
    EXPECT_DOUBLE_EQ(out[0].value, 0.25);
    EXPECT_EQ(out[0].traceId, "000000000000000000f067aa0ba902b7");

    EXPECT_TRUE(parseExemplars(R"({"status":"success","data":[]})", {"trace_id"}, out, error));
    EXPECT_TRUE(out.empty());
    EXPECT_FALSE(parseExemplars(R"({"status":"success","data":{}})", {"trace_id"}, out, error));
    EXPECT_TRUE(contains(error, "\"data\" is not a list")) << error;
    EXPECT_FALSE(parseExemplars("<html>", {"trace_id"}, out, error));
    EXPECT_TRUE(contains(error, "not valid JSON")) << error;
}

// --- what is sent ------------------------------------------------------------------------------

TEST_F(PrometheusSource, SendsTheRangeQueryWithAuthAndTenantUnderTheSubPath) {
    Connection c = prometheus("/prometheus");
    c.auth = AuthKind::Bearer;
    c.secret = "glc_token_value";
    c.tenant = "tenant-1";
    server.enqueue(jsonReply(matrix("checkout", "[]")));
    server.enqueue(jsonReply(R"({"status":"success","data":[]})"));
    MetricWindow w;
    w.startSec = 1700000000.25;
    w.endSec = 1700003600.0004;
    w.stepSec = 30;
    ASSERT_TRUE(queryRange(c, R"(up{job="a b"})", w, nullptr).ok());
    ASSERT_TRUE(queryExemplars(c, R"(up{job="a b"})", w, nullptr).ok());

    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(pathOf(requests[0]), "/prometheus/api/v1/query_range");
    EXPECT_EQ(queryOf(requests[0]),
              (std::map<std::string, std::string>{{"query", R"(up{job="a b"})"},
                                                  {"start", "1700000000.250"},
                                                  {"end", "1700003600.000"},
                                                  {"step", "30"}}));
    EXPECT_EQ(pathOf(requests[1]), "/prometheus/api/v1/query_exemplars");
    EXPECT_EQ(queryOf(requests[1]),
              (std::map<std::string, std::string>{{"query", R"(up{job="a b"})"},
                                                  {"start", "1700000000.250"},
                                                  {"end", "1700003600.000"}}));
    for (const auto& r : requests) {
        EXPECT_EQ(r.method, "GET");
        EXPECT_EQ(r.header("authorization"), "Bearer glc_token_value");
        EXPECT_EQ(r.header("x-scope-orgid"), "tenant-1");
        // Spaces, quotes and braces are percent-encoded: nothing of the query is sent raw.
        EXPECT_FALSE(contains(r.target, " ")) << r.target;
        EXPECT_FALSE(contains(r.target, "\"")) << r.target;
    }
}

TEST_F(PrometheusSource, ASnapshotRunsTheDefaultChartsWithTheirExemplars) {
    serveCharts();
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    const MetricSnapshot& s = r.value;
    EXPECT_EQ(s.connection, "test");
    EXPECT_DOUBLE_EQ(s.startSec, kTraceStart - 1800);
    EXPECT_DOUBLE_EQ(s.endSec, kTraceEnd + 1800);
    EXPECT_DOUBLE_EQ(s.stepSec, 30);
    EXPECT_DOUBLE_EQ(s.traceStartSec, kTraceStart);
    EXPECT_DOUBLE_EQ(s.traceEndSec, kTraceEnd);
    ASSERT_EQ(s.charts.size(), 3u);

    // The services, regex-escaped and then escaped for the PromQL string.
    const std::string services = R"(service=~"checkout|front\"end\\.v2")";
    EXPECT_EQ(s.charts[0].query,
              "sum by (service) (rate(traces_spanmetrics_calls_total{" + services + "}[2m]))");
    EXPECT_EQ(s.charts[2].query,
              "histogram_quantile(0.95, sum by (le, service) "
              "(rate(traces_spanmetrics_latency_bucket{" +
                  services + "}[2m])))");
    for (const MetricChart& chart : s.charts) {
        EXPECT_TRUE(chart.error.empty()) << chart.title << ": " << chart.error;
        EXPECT_TRUE(chart.exemplarError.empty()) << chart.title << ": " << chart.exemplarError;
        ASSERT_EQ(chart.series.size(), 1u) << chart.title;
        EXPECT_EQ(chart.series[0].points.size(), 2u);
        ASSERT_EQ(chart.exemplars.size(), 1u) << chart.title;
        EXPECT_EQ(chart.exemplars[0].traceId, "0bf92f3577b34da6a3ce929d0e0e4736");
    }
    EXPECT_EQ(s.charts[1].title, "Error ratio");
    EXPECT_EQ(s.charts[1].unit, "ratio");

    // Each chart's range query, then its exemplars, with the very same expression.
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 6u);
    for (size_t i = 0; i < 3; ++i) {
        const CapturedRequest& range = requests[2 * i];
        const CapturedRequest& exemplars = requests[2 * i + 1];
        EXPECT_EQ(pathOf(range), kRangePath);
        EXPECT_EQ(pathOf(exemplars), kExemplarPath);
        auto params = queryOf(range);
        EXPECT_EQ(params["query"], s.charts[i].query);
        EXPECT_EQ(params["start"], "1699998200.500");
        EXPECT_EQ(params["end"], "1700001802.500");
        EXPECT_EQ(params["step"], "30");
        EXPECT_EQ(queryOf(exemplars)["query"], s.charts[i].query);
        EXPECT_EQ(queryOf(exemplars)["start"], "1699998200.500");
        EXPECT_FALSE(queryOf(exemplars).count("step"));
    }
}

TEST_F(PrometheusSource, TheConnectionsOwnChartsAndLabelsAreUsed) {
    Connection c = prometheus();
    c.margin = std::chrono::seconds(600);
    c.metricQueries = {{"Pod restarts", R"(sum(kube_restarts{app="${service}"}[${range}]))", ""},
                       {"Blank", "  ", ""}};
    c.exemplarLabels = {"trace"};
    server.enqueue(jsonReply(matrix("x", R"([[1700000000,"3"]])")));
    server.enqueue(
        jsonReply(R"({"status":"success","data":[{"seriesLabels":{},"exemplars":[{"labels":)"
                  R"({"trace_id":"1","trace":"ABC"},"value":"1","timestamp":1700000000}]}]})"));
    const Remote<MetricSnapshot> r = snapshot(c);
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.charts.size(), 2u);
    EXPECT_EQ(r.value.charts[0].query, R"(sum(kube_restarts{app="checkout"}[1m]))");
    ASSERT_EQ(r.value.charts[0].exemplars.size(), 1u);
    EXPECT_EQ(r.value.charts[0].exemplars[0].traceId, "00000000000000000000000000000abc");
    EXPECT_EQ(r.value.charts[1].error, "the chart has no query");
    EXPECT_EQ(server.requests().size(), 2u);                 // the blank chart asked nothing
    EXPECT_EQ(queryOf(server.requests()[0])["step"], "10");  // 1202 s / 120
}

// --- one chart failing -------------------------------------------------------------------------

TEST_F(PrometheusFaults, ABadQueryFailsItsChartOnlyWithPrometheusWords) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (chartOf(r) != Chart::Errors) return std::nullopt;
        return envelope(400, "bad_data",
                        R"(invalid parameter \"query\": 1:30: parse error: unexpected \"}\")");
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_EQ(r.value.charts.size(), 3u);
    const MetricChart& failed = r.value.charts[1];
    EXPECT_EQ(failed.error, "the range query on " + server.url() +
                                " failed: the server said: bad_data: invalid parameter \"query\": "
                                "1:30: parse error: unexpected \"}\"");
    EXPECT_TRUE(failed.series.empty());
    EXPECT_TRUE(failed.exemplars.empty());
    for (const size_t ok : {0u, 2u}) {
        EXPECT_TRUE(r.value.charts[ok].error.empty()) << r.value.charts[ok].error;
        EXPECT_EQ(r.value.charts[ok].series.size(), 1u);
        EXPECT_EQ(r.value.charts[ok].exemplars.size(), 1u);
    }
    // The failed chart's exemplars were not asked (the same expression would fail again).
    EXPECT_EQ(server.requests().size(), 5u);
}

TEST_F(PrometheusFaults, AnExecutionErrorFailsItsChart) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (chartOf(r) != Chart::Latency || pathOf(r) != kRangePath) return std::nullopt;
        return envelope(422, "execution",
                        "query processing would load too many samples into memory");
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(contains(r.value.charts[2].error,
                         "the server said: execution: query processing would load too many"))
        << r.value.charts[2].error;
    EXPECT_TRUE(r.value.charts[0].error.empty());
    EXPECT_TRUE(r.value.charts[1].error.empty());
}

TEST_F(PrometheusFaults, AQueryTimeoutFailsItsChart) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (chartOf(r) != Chart::Rate || pathOf(r) != kRangePath) return std::nullopt;
        ScriptedReply reply = envelope(503, "timeout", "query timed out in expression evaluation");
        reply.headers.push_back({"Retry-After", "0.01"});
        return reply;
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.charts[0].error,
              "the range query on " + server.url() +
                  " failed (server error 503): the server said: timeout: query timed out in "
                  "expression evaluation");
    EXPECT_EQ(r.value.charts[1].series.size(), 1u);
    EXPECT_EQ(r.value.charts[2].series.size(), 1u);
}

TEST_F(PrometheusFaults, AServerErrorThroughTheRetriesFailsItsChart) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (chartOf(r) != Chart::Errors || pathOf(r) != kRangePath) return std::nullopt;
        return ScriptedReply{
            .status = 500, .headers = {{"Retry-After", "0.01"}}, .body = "internal error\n"};
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(contains(r.value.charts[1].error, "failed (server error 500)"))
        << r.value.charts[1].error;
    EXPECT_EQ(server.requests().size(), 2 + 3 + 2u);  // the failing one tried three times
}

TEST_F(PrometheusFaults, ABrokenAnswerFailsItsChart) {
    struct Case {
        ScriptedReply reply;
        RemoteErrorKind kind;
        const char* says;
    };
    const std::vector<Case> cases = {
        {jsonReply(R"({"status":"success","data":{"resultType":"matrix"} oops })"),
         RemoteErrorKind::BadResponse, "is not valid JSON"},
        {jsonReply(readFixture("prometheus/api_v1_query_instant.docs-example.json")),
         RemoteErrorKind::BadResponse, "a vector where a range query answers a matrix"},
        // Cut off, the connection closing cleanly: the JSON stops short.
        {{.body = readFixture("prometheus/api_v1_query_range.docs-example.json"),
          .truncate = true,
          .omitContentLength = true},
         RemoteErrorKind::BadResponse,
         "is incomplete"},
        // Cut off before its announced length: the transfer broke, not the server.
        {{.body = readFixture("prometheus/api_v1_query_range.docs-example.json"), .truncate = true},
         RemoteErrorKind::Network,
         "closed before the answer was complete"},
    };
    for (const Case& k : cases) {
        LoopbackHttpServer local;
        local.setHandler([&k](const CapturedRequest& r) {
            if (pathOf(r) == kExemplarPath) return jsonReply(tempoExemplars());
            if (chartOf(r) == Chart::Latency) return k.reply;
            return jsonReply(matrix("checkout", R"([[1700000000,"1"]])"));
        });
        const Connection c = connectionTo(SourceKind::Prometheus, local);
        // queryRange alone says the kind; the snapshot keeps the other charts.
        const auto direct =
            queryRange(c, "latency_bucket", metricWindow(traceRequest(), c), nullptr);
        EXPECT_EQ(direct.error.kind, k.kind) << k.says << ": " << direct.error.message;
        const Remote<MetricSnapshot> r = fetchMetricSnapshot(c, traceRequest(), nullptr);
        ASSERT_TRUE(r.ok()) << k.says << ": " << r.error.message;
        ASSERT_EQ(r.value.charts.size(), 3u);
        EXPECT_TRUE(contains(r.value.charts[2].error, k.says)) << r.value.charts[2].error;
        EXPECT_TRUE(contains(r.value.charts[2].error, local.url())) << r.value.charts[2].error;
        EXPECT_TRUE(isOneLine(r.value.charts[2].error));
        EXPECT_EQ(r.value.charts[0].series.size(), 1u) << k.says;
        EXPECT_EQ(r.value.charts[1].series.size(), 1u) << k.says;
    }
}

TEST_F(PrometheusFaults, RateLimitedOnceThenAnswered) {
    server.enqueue({.status = 429, .headers = {{"Retry-After", "0.2"}}, .body = "too many"});
    server.enqueue(jsonReply(readFixture("prometheus/api_v1_query_range.docs-example.json")));
    const auto start = steady_clock::now();
    const auto r = queryRange(prometheus(), "up", window(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.size(), 2u);
    EXPECT_GE(since(start), 200ms);  // the server's wait was honoured
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(PrometheusFaults, AWarningReachesItsChart) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (chartOf(r) != Chart::Latency || pathOf(r) != kRangePath) return std::nullopt;
        return jsonReply(matrix("checkout", R"([[1700000000,"0.2"]])",
                                R"(,"warnings":["PromQL warning: bucket label le is missing"])"));
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.value.charts[2].warnings,
              std::vector<std::string>{"PromQL warning: bucket label le is missing"});
    EXPECT_TRUE(r.value.charts[0].warnings.empty());
    EXPECT_TRUE(r.value.charts[2].error.empty());
}

// --- exemplars that cannot be had --------------------------------------------------------------

TEST_F(PrometheusFaults, AnOldServerWithoutTheExemplarApiStillDrawsTheCharts) {
    for (const ScriptedReply& missing :
         {goNotFound(), test::webPage(404),
          envelope(404, "not_found", "unknown API endpoint query_exemplars")}) {
        LoopbackHttpServer local;
        local.setHandler([&missing](const CapturedRequest& r) {
            if (pathOf(r) == kExemplarPath) return missing;
            return jsonReply(matrix("checkout", R"([[1700000000,"1"]])"));
        });
        const Remote<MetricSnapshot> r = fetchMetricSnapshot(
            connectionTo(SourceKind::Prometheus, local), traceRequest(), nullptr);
        ASSERT_TRUE(r.ok()) << r.error.message;
        ASSERT_EQ(r.value.charts.size(), 3u);
        for (const MetricChart& chart : r.value.charts) {
            EXPECT_TRUE(chart.error.empty()) << chart.error;
            EXPECT_EQ(chart.series.size(), 1u);
            EXPECT_TRUE(chart.exemplars.empty());
            EXPECT_EQ(chart.exemplarError, local.url() +
                                               " has no exemplar API (404): exemplars need "
                                               "Prometheus 2.26 or later, Mimir or Thanos");
        }
        // Asked once: the later charts were told without asking again.
        const auto requests = local.requests();
        ASSERT_EQ(requests.size(), 4u);
        EXPECT_EQ(pathOf(requests[1]), kExemplarPath);
        EXPECT_EQ(pathOf(requests[3]), kRangePath);
    }
}

TEST_F(PrometheusFaults, NoExemplarStorageIsNoError) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (pathOf(r) != kExemplarPath) return std::nullopt;
        return jsonReply(R"({"status":"success","data":[]})");
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    for (const MetricChart& chart : r.value.charts) {
        EXPECT_TRUE(chart.exemplars.empty());
        EXPECT_TRUE(chart.exemplarError.empty()) << chart.exemplarError;
    }
    EXPECT_EQ(server.requests().size(), 6u);
}

TEST_F(PrometheusFaults, AFailedExemplarQueryLeavesItsChart) {
    serveCharts([](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (pathOf(r) != kExemplarPath || chartOf(r) != Chart::Rate) return std::nullopt;
        return envelope(400, "bad_data", "exemplars for this query are not supported");
    });
    const Remote<MetricSnapshot> r = snapshot();
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_TRUE(r.value.charts[0].error.empty());
    EXPECT_EQ(r.value.charts[0].series.size(), 1u);
    EXPECT_TRUE(contains(r.value.charts[0].exemplarError,
                         "the exemplar query on " + server.url() + " failed"))
        << r.value.charts[0].exemplarError;
    EXPECT_EQ(r.value.charts[1].exemplars.size(), 1u);  // the others still asked
    EXPECT_EQ(r.value.charts[2].exemplars.size(), 1u);
}

TEST_F(PrometheusFaults, QueryExemplarsAloneSaysNotFound) {
    server.enqueue(goNotFound());
    const RemoteError e = checked(queryExemplars(prometheus(), "up", window(), nullptr).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::NotFound);
}

// --- a server that cannot be used --------------------------------------------------------------

TEST_F(PrometheusFaults, ConnectionRefusedFailsTheSnapshotAtOnce) {
    Connection c = prometheus();
    const std::string url = "http://127.0.0.1:" + std::to_string(test::unusedLoopbackPort());
    c.baseUrl = url + "/prometheus";
    const auto start = steady_clock::now();
    const Remote<MetricSnapshot> r = snapshot(c);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Network);
    EXPECT_EQ(r.error.message,
              "the range query: cannot connect to " + url + " (connection refused)");
    EXPECT_TRUE(r.value.charts.empty());
    EXPECT_LT(since(start), 2s);
}

TEST_F(PrometheusFaults, NoAnswerWithinTheTimeoutIsNotAskedThreeTimes) {
    Connection c = prometheus();
    c.timeout = 300ms;
    server.setHandler(
        [](const CapturedRequest&) { return ScriptedReply{.body = "{}", .delay = 4s}; });
    const auto start = steady_clock::now();
    const RemoteError e = checked(snapshot(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Network);
    EXPECT_TRUE(contains(e.message, "no answer from " + server.url() + " within")) << e.message;
    EXPECT_LT(since(start), 2s);
    EXPECT_EQ(server.requests().size(), 1u);  // the other charts would only wait as long
}

TEST_F(PrometheusFaults, UnauthorizedNeverEchoesTheSecret) {
    const std::string secret = test::plantedJwt("prometheus-reader", "qz424242");
    Connection c = prometheus();
    c.auth = AuthKind::Bearer;
    c.secret = secret;
    server.setHandler([&secret](const CapturedRequest&) {
        return envelope(401, "unauthorized", "invalid token " + secret);
    });
    const RemoteError e = checked(snapshot(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Unauthorized);
    EXPECT_EQ(e.message, server.url() +
                             " rejected the credentials (401): check the connection's "
                             "authentication");
    EXPECT_FALSE(contains(e.message, secret.substr(secret.find('.') + 1, 20))) << e.message;
    EXPECT_FALSE(contains(e.message, "qz424242")) << e.message;
    EXPECT_EQ(server.requests().size(), 1u);  // the other charts were not tried
    EXPECT_EQ(server.requests()[0].header("authorization"), "Bearer " + secret);
}

TEST_F(PrometheusFaults, ForbiddenFailsTheSnapshot) {
    Connection c = prometheus();
    c.auth = AuthKind::Basic;
    c.username = "1234";
    c.secret = "sk-live-qz515151";
    c.tenant = "team-a";
    server.setHandler([](const CapturedRequest&) {
        return ScriptedReply{.status = 403, .body = "user 1234 password sk-live-qz515151 denied"};
    });
    const RemoteError e = checked(snapshot(c).error);
    EXPECT_EQ(e.kind, RemoteErrorKind::Forbidden);
    EXPECT_TRUE(contains(e.message, "(403)")) << e.message;
    EXPECT_FALSE(contains(e.message, "qz515151")) << e.message;
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(PrometheusFaults, AWebPageIsAWrongUrl) {
    server.setHandler([](const CapturedRequest&) { return test::webPage(); });
    const RemoteError e = checked(snapshot().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_EQ(e.message, server.url() +
                             " answered with a web page, not the Prometheus API: check the URL "
                             "(does it need a sub-path such as /prometheus?)");
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(PrometheusFaults, ARedirectToASignInIsAWrongUrl) {
    server.setHandler([](const CapturedRequest&) {
        return ScriptedReply{.status = 302, .headers = {{"Location", "/login?session=qz616161"}}};
    });
    const RemoteError e = checked(snapshot().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_FALSE(contains(e.message, "qz616161")) << e.message;
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(PrometheusFaults, AMissingRangeRouteIsAWrongUrl) {
    server.setHandler([](const CapturedRequest&) { return goNotFound(); });
    const RemoteError e = checked(snapshot().error);
    EXPECT_EQ(e.kind, RemoteErrorKind::WrongUrl);
    EXPECT_TRUE(contains(e.message, "does not serve the Prometheus API at this URL (404"))
        << e.message;
}

TEST_F(PrometheusFaults, CancelledDuringADelayedReply) {
    server.setHandler(
        [](const CapturedRequest&) { return ScriptedReply{.body = "{}", .delay = 5s}; });
    std::atomic<bool> cancel{false};
    std::thread canceller([&] {
        server.waitForRequests(1, 3s);
        std::this_thread::sleep_for(100ms);
        cancel = true;
    });
    const auto start = steady_clock::now();
    const Remote<MetricSnapshot> r = snapshot(prometheus(), &cancel);
    const milliseconds took = since(start);
    canceller.join();
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Cancelled);
    EXPECT_TRUE(contains(r.error.message, "cancelled")) << r.error.message;
    EXPECT_LT(took, 1500ms);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(PrometheusFaults, CancelledBetweenChartsStopsTheSnapshot) {
    std::atomic<bool> cancel{false};
    // The first exemplar answer raises the flag: the next chart is never asked.
    serveCharts([&cancel](const CapturedRequest& r) -> std::optional<ScriptedReply> {
        if (pathOf(r) == kExemplarPath) cancel = true;
        return std::nullopt;
    });
    const Remote<MetricSnapshot> r = snapshot(prometheus(), &cancel);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Cancelled);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(PrometheusFaults, CancelledBeforeStartingAsksNothing) {
    std::atomic<bool> cancel{true};
    EXPECT_EQ(snapshot(prometheus(), &cancel).error.kind, RemoteErrorKind::Cancelled);
    EXPECT_TRUE(server.requests().empty());
}

}  // namespace
}  // namespace rootline::remote
