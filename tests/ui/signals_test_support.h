#pragma once
// Log lines and metric snapshots for the demo trace (resources/demo/checkout-incident.json),
// built in the test so the Logs and Metrics tests do not depend on the Loki and Prometheus
// clients: the ids, services and times are the demo's own.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "logs/log_line.h"
#include "metrics/metric_snapshot.h"
#include "model/trace.h"

namespace rootline::ui::test {

inline constexpr const char* kDemoTraceId = "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40";
inline constexpr const char* kAuthorizeSpanId = "c748ccccb076ee7d";  // checkout, times out
inline constexpr const char* kRetrySpanId = "7ff915dad68dd2a0";      // authorizeWithRetry
inline constexpr int64_t kDemoStartNs = 1795054387418512000;         // the root's start
inline constexpr const char* kOtherTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

inline int32_t spanIndex(const Trace& trace, const char* hex) {
    for (size_t i = 0; i < trace.spanCount(); ++i)
        if (trace.spanIdText(i) == hex) return int32_t(i);
    return -1;
}

inline logs::LogLine logLine(int64_t offsetMs, logs::LogLevel level, const char* service,
                             const char* body, int32_t span, logs::LogSource source) {
    logs::LogLine line;
    line.timeNs = kDemoStartNs + offsetMs * 1'000'000;
    line.level = level;
    line.source = source;
    line.service = service;
    line.body = body;
    line.traceId = kDemoTraceId;
    line.span = span;
    line.fields = {{"service_name", service}};
    return line;
}

// Six Loki lines of the incident: two checkout errors under the payment call, a warning, info.
inline std::vector<logs::LogLine> demoLokiLines(const Trace& trace) {
    const int32_t authorize = spanIndex(trace, kAuthorizeSpanId);
    const int32_t retry = spanIndex(trace, kRetrySpanId);
    using L = logs::LogLevel;
    const auto loki = logs::LogSource::Loki;
    std::vector<logs::LogLine> lines = {
        logLine(11, L::Info, "checkout", "checkout started cart=8812 items=3", -1, loki),
        logLine(153, L::Info, "checkout", "authorizing payment amount=129.90 EUR", retry, loki),
        logLine(2153, L::Warn, "checkout",
                "payment authorize attempt 1 failed: DEADLINE_EXCEEDED after 1.999s; retrying",
                authorize, loki),
        logLine(2400, L::Error, "checkout",
                "payment authorization failed after 2 attempts: DEADLINE_EXCEEDED", retry, loki),
        logLine(2402, L::Error, "api-gateway", "upstream checkout returned 502", -1, loki),
        logLine(2410, L::Info, "web-frontend", "rendered checkout-error page", -1, loki),
    };
    lines[1].spanId = kRetrySpanId;
    lines[2].spanId = kAuthorizeSpanId;
    lines[3].spanId = kRetrySpanId;
    lines[4].spanInferred = true;
    lines[4].span = spanIndex(trace, "6ac9f560fc9f446c");
    return lines;
}

// Request rate, error ratio and p95 latency of checkout over the hour around the demo trace,
// with a latency spike at the trace and exemplars (the demo's own and two others).
inline metrics::MetricSnapshot demoSnapshot(const std::string& connection = "prod prometheus") {
    metrics::MetricSnapshot s;
    s.connection = connection;
    s.traceStartSec = double(kDemoStartNs) / 1e9;
    s.traceEndSec = s.traceStartSec + 2.412;
    s.startSec = s.traceStartSec - 1800;
    s.endSec = s.traceEndSec + 1800;
    s.stepSec = 30;
    const auto series = [&](const char* service, auto value) {
        metrics::MetricSeries out;
        out.labels = {{"service", service}};
        for (double t = s.startSec; t <= s.endSec; t += s.stepSec)
            out.points.push_back({t, value(t - s.traceStartSec)});
        return out;
    };
    const auto near = [](double dt) { return dt > -300 && dt < 420; };
    const auto chart = [](const char* title, const char* unit, const char* query) {
        metrics::MetricChart c;
        c.title = title;
        c.unit = unit;
        c.query = query;
        return c;
    };
    metrics::MetricChart rate = chart("Request rate", "req/s", "sum by (service) (rate(…))");
    rate.series.push_back(
        series("checkout", [&](double dt) { return 42 + 6 * std::sin(dt / 400); }));
    rate.series.push_back(
        series("payment", [&](double dt) { return 30 + 4 * std::cos(dt / 500); }));
    metrics::MetricChart errors =
        chart("Error ratio", "ratio", "sum(rate(…error…)) / sum(rate(…))");
    errors.series.push_back(series("checkout", [&](double dt) { return near(dt) ? 0.18 : 0.004; }));
    metrics::MetricChart latency = chart("p95 latency", "s", "histogram_quantile(0.95, …)");
    latency.series.push_back(
        series("checkout", [&](double dt) { return near(dt) ? 2.1 : 0.12 + 0.02 * std::sin(dt); }));
    latency.series.push_back(series("payment", [&](double dt) { return near(dt) ? 1.95 : 0.08; }));
    const auto exemplar = [&](const char* traceId, double dt, double value) {
        metrics::Exemplar e;
        e.seriesLabels = {{"service", "checkout"}};
        e.labels = {{"traceID", traceId}};
        e.traceId = traceId;
        e.timeSec = s.traceStartSec + dt;
        e.value = value;
        return e;
    };
    latency.exemplars = {exemplar(kDemoTraceId, 1.0, 2.41), exemplar(kOtherTraceId, -900, 0.14),
                         exemplar("0af7651916cd43dd8448eb211c80319c", 240, 2.05)};
    s.charts = {rate, errors, latency};
    return s;
}

}  // namespace rootline::ui::test
