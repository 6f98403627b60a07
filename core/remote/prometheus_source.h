#pragma once
// How the system looked around a trace, from Prometheus (or Mimir, Thanos, VictoriaMetrics):
// the connection's chart templates (defaultMetricQueries() when it has none) run as
// `GET /api/v1/query_range` over the trace's time ± the connection's margin, and each chart's
// exemplars from `GET /api/v1/query_exemplars` with the same expression. An exemplar's trace id
// is the first of the connection's exemplar labels it carries (defaultExemplarLabels(): the
// OpenTelemetry `trace_id` and the Tempo metrics-generator's `traceID` among them), left-padded
// to 32 lowercase hex digits when it is hex and kept as sent when it is not.
//
// Values are strings ("0.43", "NaN", "+Inf"); timestamps float (or integer) Unix seconds.
// Errors come in Prometheus's envelope {"status":"error","errorType","error"}.
// Blocks its thread on the network: call from a worker.

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric_snapshot.h"
#include "remote/connection.h"
#include "remote/trace_source.h"

namespace rootline::remote {

// Request rate, error ratio and p95 latency per service, over the span metrics Tempo's
// metrics-generator writes (traces_spanmetrics_*), which also carry exemplars.
std::vector<MetricQueryTemplate> defaultMetricQueries();
std::vector<std::string> defaultExemplarLabels();  // trace_id, traceID, traceId, TraceID

struct MetricRequest {
    std::vector<std::string> services;
    double traceStartSec = 0;
    double traceEndSec = 0;
};

// The window (trace ± margin), step (about 120 points) and rate window for a request.
struct MetricWindow {
    double startSec = 0;
    double endSec = 0;
    double stepSec = 0;
    std::string range;  // for ${range}: at least 4 steps and at least 1m
};
MetricWindow metricWindow(const MetricRequest& request, const Connection& prometheus);

// Readers of the two answers, exposed for tests. False with a one-line error (the server's
// errorType and error for an error envelope).
bool parseMatrix(std::string_view body, std::vector<metrics::MetricSeries>& out,
                 std::vector<std::string>& warnings, std::string& error);
bool parseExemplars(std::string_view body, const std::vector<std::string>& traceIdLabels,
                    std::vector<metrics::Exemplar>& out, std::string& error);

Remote<std::vector<metrics::MetricSeries>> queryRange(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel);
// The same, with the answer's warnings[] and infos[] (and a line for skipped native histogram
// samples) appended to `warnings`.
Remote<std::vector<metrics::MetricSeries>> queryRange(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel,
                                                      std::vector<std::string>& warnings);
// A 404 (no exemplar API: Prometheus before 2.26) is a NotFound error; a server that keeps no
// exemplars (no --enable-feature=exemplar-storage) answers an empty list.
Remote<std::vector<metrics::Exemplar>> queryExemplars(const Connection& prometheus,
                                                      const std::string& expr,
                                                      const MetricWindow& window,
                                                      const std::atomic<bool>* cancel);

// Every chart of the connection. A chart whose query fails carries its error and the others
// still come; the whole call fails only when the server cannot be used at all (unreachable,
// 401/403, wrong URL, cancelled). A chart's exemplars that cannot be had leave exemplarError
// (a 404 says the server has no exemplar API, and the later charts do not ask again); an empty
// exemplar list is no error.
Remote<metrics::MetricSnapshot> fetchMetricSnapshot(const Connection& prometheus,
                                                    const MetricRequest& request,
                                                    const std::atomic<bool>* cancel);

}  // namespace rootline::remote
