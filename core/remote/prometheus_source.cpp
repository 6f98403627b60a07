// The Prometheus client: the chart templates, the window around a trace, the two queries and
// the snapshot that runs them all. The readers of the answers are in prometheus_parse.cpp.

#include "remote/prometheus_source.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "remote/prometheus_parse.h"
#include "remote/query_template.h"
#include "remote/remote_call.h"
#include "remote/remote_json.h"
#include "remote/search_params.h"

namespace rootline::remote {

namespace {

constexpr const char* kApi = "Prometheus";
// Mimir and Grafana Cloud serve the Prometheus API under /prometheus.
constexpr const char* kSubPathHint = "/prometheus";
constexpr const char* kRangeWhat = "the range query";
constexpr const char* kExemplarWhat = "the exemplar query";

constexpr double kTargetPoints = 120;  // enough for a chart a few hundred pixels wide
constexpr double kMinStepSec = 1;
constexpr double kMinRangeSec = 60;  // rate() over less than a few scrapes is mostly gaps
constexpr int kStepsPerRange = 4;    // rate() needs ≥ 2 samples in its window; 4 steps is safe

template <typename T>
Remote<T> fail(RemoteError error) {
    Remote<T> out;
    out.error = std::move(error);
    return out;
}

// Seconds with millisecond precision, written without the locale ("1700000000.250"): the
// query API takes float Unix seconds.
std::string secondsText(double seconds) {
    const long long ms = std::llround(seconds * 1000);
    const long long whole = std::llabs(ms) / 1000;
    const long long frac = std::llabs(ms) % 1000;
    std::string out = ms < 0 ? "-" : "";
    out += std::to_string(whole) + ".";
    out += static_cast<char>('0' + frac / 100);
    out += static_cast<char>('0' + frac / 10 % 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

// A step is whole seconds when metricWindow made it ("30"), else float seconds.
std::string stepText(double seconds) {
    if (seconds == std::floor(seconds)) return std::to_string(std::llround(seconds));
    return secondsText(seconds);
}

// A Prometheus duration: "2h", "5m", "90s" (the largest unit that divides it).
std::string durationText(long long seconds) {
    if (seconds > 0 && seconds % 3600 == 0) return std::to_string(seconds / 3600) + "h";
    if (seconds > 0 && seconds % 60 == 0) return std::to_string(seconds / 60) + "m";
    return std::to_string(seconds) + "s";
}

// Failures after which asking the same server again only makes the user wait longer: nothing
// answers there (or not in time), the credentials or the URL are wrong, or the user cancelled.
bool serverUnusable(const Answer& answer) {
    if (answer.error.kind == RemoteErrorKind::Cancelled ||
        answer.error.kind == RemoteErrorKind::Config)
        return true;
    if (!answer.error.ok()) {
        switch (answer.http.error) {
            case net::HttpError::BadUrl:
            case net::HttpError::Resolve:
            case net::HttpError::Refused:
            case net::HttpError::Timeout:
            case net::HttpError::Tls:
                return true;
            default:
                return false;  // cut off, too large: this answer, not the server
        }
    }
    const long status = answer.status();
    return status == 401 || status == 403 || status == 407;
}

RemoteError readFailure(const prometheus::ReadError& problem, const std::string& endpoint,
                        const char* what) {
    if (problem.fromServer)
        return {RemoteErrorKind::BadRequest, std::string(what) + " on " + endpoint +
                                                 " failed: the server said: " + problem.text};
    return unexpectedJson(endpoint, what, kApi, problem.text);
}

struct RangeOutcome {
    Remote<std::vector<metrics::MetricSeries>> result;
    bool fatal = false;  // the snapshot stops: see serverUnusable
};

RangeOutcome rangeQuery(const Connection& c, const std::string& expr, const MetricWindow& window,
                        const std::atomic<bool>* cancel, std::vector<std::string>& warnings) {
    using Series = std::vector<metrics::MetricSeries>;
    const QueryParams params = {{"query", expr},
                                {"start", secondsText(window.startSec)},
                                {"end", secondsText(window.endSec)},
                                {"step", stepText(window.stepSec)}};
    Answer answer = get(c, "/api/v1/query_range?" + queryString(params), kRangeWhat, cancel);
    const bool fatal = serverUnusable(answer);
    if (!answer.error.ok()) return {fail<Series>(answer.error), fatal};
    // Prometheus has query_range since 2.0: any 404, or a web page, means this is not its API.
    if (answer.status() == 404 || isWebPage(answer))
        return {fail<Series>(wrongUrl(answer, c, kApi, kSubPathHint)), true};
    // 400 bad_data, 422 execution, 503 timeout: classifyResponse quotes the envelope.
    if (!answer.is2xx()) {
        RemoteError error = failure(answer, c, kRangeWhat);
        // A redirect (a sign-in page in front of the API) is as wrong for every chart.
        const bool wrong = error.kind == RemoteErrorKind::WrongUrl;
        return {fail<Series>(std::move(error)), fatal || wrong};
    }

    const std::string endpoint = c.endpoint();
    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint, kRangeWhat, parsed, error))
        return {fail<Series>(error), false};
    RangeOutcome out;
    prometheus::ReadError problem;
    if (!prometheus::readMatrix(parsed.doc, out.result.value, warnings, problem))
        out.result = fail<Series>(readFailure(problem, endpoint, kRangeWhat));
    return out;
}

struct ExemplarOutcome {
    Remote<std::vector<metrics::Exemplar>> result;
    bool fatal = false;
    bool unavailable = false;  // no point asking for the next chart's exemplars either
};

ExemplarOutcome exemplarQuery(const Connection& c, const std::string& expr,
                              const MetricWindow& window, const std::vector<std::string>& labels,
                              const std::atomic<bool>* cancel) {
    using Exemplars = std::vector<metrics::Exemplar>;
    const QueryParams params = {{"query", expr},
                                {"start", secondsText(window.startSec)},
                                {"end", secondsText(window.endSec)}};
    Answer answer = get(c, "/api/v1/query_exemplars?" + queryString(params), kExemplarWhat, cancel);
    if (!answer.error.ok())
        return {fail<Exemplars>(answer.error), answer.error.kind == RemoteErrorKind::Cancelled,
                answer.error.kind == RemoteErrorKind::Network};
    const std::string endpoint = c.endpoint();
    // Servers before Prometheus 2.26 (and some proxies in front of others) have no such route.
    // Newer ones without --enable-feature=exemplar-storage answer an empty list, which is no
    // error at all.
    if (answer.status() == 404)
        return {fail<Exemplars>({RemoteErrorKind::NotFound,
                                 endpoint + " has no exemplar API (404): exemplars need Prometheus "
                                            "2.26 or later, Mimir or Thanos"}),
                false, true};
    if (!answer.is2xx()) return {fail<Exemplars>(failure(answer, c, kExemplarWhat)), false, false};
    if (isWebPage(answer))
        return {fail<Exemplars>(wrongUrl(answer, c, kApi, kSubPathHint)), false, true};

    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint, kExemplarWhat, parsed, error))
        return {fail<Exemplars>(error), false, false};
    ExemplarOutcome out;
    prometheus::ReadError problem;
    if (!prometheus::readExemplars(parsed.doc, labels, out.result.value, problem))
        out.result = fail<Exemplars>(readFailure(problem, endpoint, kExemplarWhat));
    return out;
}

const std::vector<std::string>& labelsOf(const Connection& c,
                                         const std::vector<std::string>& fallback) {
    return c.exemplarLabels.empty() ? fallback : c.exemplarLabels;
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

// Tempo's metrics-generator span metrics (reference §d.3): every traced service gets them
// without instrumenting anything else, under the label `service`, and their exemplars carry the
// trace ids that make the points clickable. The names are Tempo ≥ 2.0's
// (traces_spanmetrics_latency_*; 1.x wrote traces_spanmetrics_duration_seconds_*). The
// OpenTelemetry Collector's spanmetrics connector writes other names and a `service_name`
// label: such setups edit the templates.
std::vector<MetricQueryTemplate> defaultMetricQueries() {
    // The selector of every call of the trace's services, and of the failed ones.
    const std::string calls =
        R"(rate(traces_spanmetrics_calls_total{service=~"${services}"}[${range}]))";
    const std::string errors =
        R"(rate(traces_spanmetrics_calls_total{service=~"${services}", status_code="STATUS_CODE_ERROR"}[${range}]))";
    const std::string all = "sum by (service) (" + calls + ")";
    return {
        {"Request rate", all, "req/s"},
        // A service without errors has no error series at all: `or … * 0` makes its ratio 0
        // instead of leaving it out of the chart.
        {"Error ratio", "(sum by (service) (" + errors + ") or " + all + " * 0) / " + all, "ratio"},
        {"p95 latency",
         R"(histogram_quantile(0.95, sum by (le, service) (rate(traces_spanmetrics_latency_bucket{service=~"${services}"}[${range}]))))",
         "s"},
    };
}

std::vector<std::string> defaultExemplarLabels() {
    return {"trace_id", "traceID", "traceId", "TraceID"};
}

MetricWindow metricWindow(const MetricRequest& request, const Connection& prometheus) {
    const double margin = static_cast<double>(effectiveMargin(prometheus).count());
    MetricWindow w;
    w.startSec = std::min(request.traceStartSec, request.traceEndSec) - margin;
    w.endSec = std::max(request.traceStartSec, request.traceEndSec) + margin;
    w.stepSec = std::max(kMinStepSec, std::round((w.endSec - w.startSec) / kTargetPoints));
    const double range = std::max(kStepsPerRange * w.stepSec, kMinRangeSec);
    w.range = durationText(std::llround(range));
    return w;
}

Remote<std::vector<metrics::MetricSeries>> queryRange(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel) {
    std::vector<std::string> warnings;
    return queryRange(prometheus, expr, window, cancel, warnings);
}

Remote<std::vector<metrics::MetricSeries>> queryRange(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel,
                                                      std::vector<std::string>& warnings) {
    return rangeQuery(prometheus, expr, window, cancel, warnings).result;
}

Remote<std::vector<metrics::Exemplar>> queryExemplars(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel) {
    const std::vector<std::string> fallback = defaultExemplarLabels();
    return exemplarQuery(prometheus, expr, window, labelsOf(prometheus, fallback), cancel).result;
}

Remote<metrics::MetricSnapshot> fetchMetricSnapshot(const Connection& prometheus,
                                                    const MetricRequest& request,
                                                    const std::atomic<bool>* cancel) {
    using Snapshot = metrics::MetricSnapshot;
    Remote<Snapshot> out;
    Snapshot& snapshot = out.value;
    const MetricWindow window = metricWindow(request, prometheus);
    snapshot.connection = prometheus.name;
    snapshot.startSec = window.startSec;
    snapshot.endSec = window.endSec;
    snapshot.stepSec = window.stepSec;
    snapshot.traceStartSec = request.traceStartSec;
    snapshot.traceEndSec = request.traceEndSec;

    const std::vector<MetricQueryTemplate> templates =
        prometheus.metricQueries.empty() ? defaultMetricQueries() : prometheus.metricQueries;
    const std::vector<std::string> fallback = defaultExemplarLabels();
    const std::vector<std::string>& labels = labelsOf(prometheus, fallback);
    TemplateValues values;
    values.services = request.services;
    values.range = window.range;

    // Set once exemplars cannot be had from this server: the later charts say so without asking.
    std::string exemplarsUnavailable;
    for (const MetricQueryTemplate& templ : templates) {
        metrics::MetricChart chart;
        chart.title = templ.title;
        chart.unit = templ.unit;
        chart.query = expandQueryTemplate(templ.expr, values);
        if (blank(chart.query)) {
            // Sent, it would come back as Prometheus's "unknown position" parse error.
            chart.error = "the chart has no query";
            snapshot.charts.push_back(std::move(chart));
            continue;
        }

        RangeOutcome range = rangeQuery(prometheus, chart.query, window, cancel, chart.warnings);
        if (range.fatal) return fail<Snapshot>(range.result.error);
        if (!range.result.ok()) {
            // Its exemplars would fail the same way (the same expression): not asked.
            chart.error = range.result.error.message;
            snapshot.charts.push_back(std::move(chart));
            continue;
        }
        chart.series = std::move(range.result.value);

        if (!exemplarsUnavailable.empty()) {
            chart.exemplarError = exemplarsUnavailable;
        } else {
            ExemplarOutcome ex = exemplarQuery(prometheus, chart.query, window, labels, cancel);
            if (ex.fatal) return fail<Snapshot>(ex.result.error);
            if (ex.result.ok())
                chart.exemplars = std::move(ex.result.value);
            else
                chart.exemplarError = ex.result.error.message;
            if (ex.unavailable) exemplarsUnavailable = chart.exemplarError;
        }
        snapshot.charts.push_back(std::move(chart));
    }
    return out;
}

}  // namespace rootline::remote
