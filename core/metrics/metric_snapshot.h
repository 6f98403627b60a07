#pragma once
// How the system looked around a trace: a few metric charts (request rate, error ratio, p95
// latency by default) over a window around the trace, with the exemplars that point at traces.
// Filled by remote/prometheus_source.h; drawn by the metrics panel; written into tracepacks.

#include <map>
#include <string>
#include <vector>

namespace rootline::metrics {

using Labels = std::map<std::string, std::string>;

struct MetricPoint {
    double timeSec = 0;  // Unix seconds
    double value = 0;    // may be NaN or ±Inf (Prometheus sends "NaN", "+Inf")
};

struct MetricSeries {
    Labels labels;  // without __name__
    std::vector<MetricPoint> points;
};

struct Exemplar {
    Labels seriesLabels;
    Labels labels;        // the exemplar's own labels (trace id, span id, …)
    std::string traceId;  // 32 lowercase hex when the label held hex; else as sent; "" none
    std::string spanId;
    double timeSec = 0;
    double value = 0;
};

struct MetricChart {
    std::string title;  // "p95 latency"
    std::string unit;   // "s", "req/s", "ratio", or "" when unknown
    std::string query;  // the PromQL sent (template expanded)
    std::vector<MetricSeries> series;
    std::vector<Exemplar> exemplars;
    std::string error;          // one line when this chart's query failed; the others still show
    std::string exemplarError;  // one line when exemplars could not be had (the chart still shows)
    // The server's warnings and infos about the query ("info: …"), shown beside the chart.
    std::vector<std::string> warnings;
};

struct MetricSnapshot {
    std::string connection;  // the Prometheus connection's name
    double startSec = 0;     // the window asked for
    double endSec = 0;
    double stepSec = 0;
    double traceStartSec = 0;  // the trace's own time, marked on the charts
    double traceEndSec = 0;
    std::vector<MetricChart> charts;
    bool empty() const { return charts.empty(); }
};

}  // namespace rootline::metrics
