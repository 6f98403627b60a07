#include "remote/prometheus_source.h"

namespace rootline::remote {

// TODO(helper B)
std::vector<MetricQueryTemplate> defaultMetricQueries() {
    return {};
}
std::vector<std::string> defaultExemplarLabels() {
    return {"trace_id", "traceID", "traceId", "TraceID"};
}
MetricWindow metricWindow(const MetricRequest&, const Connection&) {
    return {};
}
bool parseMatrix(std::string_view, std::vector<metrics::MetricSeries>&, std::vector<std::string>&,
                 std::string& error) {
    error = "not read yet";
    return false;
}
bool parseExemplars(std::string_view, const std::vector<std::string>&,
                    std::vector<metrics::Exemplar>&, std::string& error) {
    error = "not read yet";
    return false;
}
Remote<std::vector<metrics::MetricSeries>> queryRange(const Connection&, const std::string&,
                                                      const MetricWindow&,
                                                      const std::atomic<bool>*) {
    Remote<std::vector<metrics::MetricSeries>> r;
    r.error = {RemoteErrorKind::Config, "Prometheus is not wired up yet"};
    return r;
}
Remote<std::vector<metrics::Exemplar>> queryExemplars(const Connection&, const std::string&,
                                                      const MetricWindow&,
                                                      const std::atomic<bool>*) {
    Remote<std::vector<metrics::Exemplar>> r;
    r.error = {RemoteErrorKind::Config, "Prometheus is not wired up yet"};
    return r;
}
Remote<metrics::MetricSnapshot> fetchMetricSnapshot(const Connection&, const MetricRequest&,
                                                    const std::atomic<bool>*) {
    Remote<metrics::MetricSnapshot> r;
    r.error = {RemoteErrorKind::Config, "Prometheus is not wired up yet"};
    return r;
}

}  // namespace rootline::remote
