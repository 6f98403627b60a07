#include "linked_signals.h"

#include <ostream>
#include <set>

#include "cli.h"
#include "cli_input.h"
#include "logs/log_correlation.h"
#include "logs/otlp_log_reader.h"
#include "remote/loki_source.h"
#include "remote/prometheus_source.h"

namespace rootline::cli {

bool connectionFromValue(const std::string& value, remote::SourceKind kind,
                         const RemoteOptions& base, remote::Connection& out, std::string& error,
                         std::ostream& err, const std::string& command) {
    RemoteOptions o = base;
    o.url.clear();
    o.connectionName.clear();
    o.kind = remote::sourceKindName(kind);
    if (value.find("://") != std::string::npos)
        o.url = value;
    else
        o.connectionName = value;
    return resolveConnection(o, out, error, err, command, {}, {}, {kind});
}

bool readLogFiles(const Trace& trace, const std::vector<std::string>& paths,
                  std::vector<logs::LogLine>& out,
                  std::vector<std::pair<std::string, size_t>>& counts, std::string& error,
                  std::ostream& err, const std::string& command) {
    for (const std::string& path : paths) {
        std::vector<logs::LogLine> lines;
        std::vector<std::string> warnings;
        if (!logs::readOtlpLogsFile(path, lines, error, &warnings)) return false;
        for (const std::string& w : warnings)
            printError(err, command + ": warning: " + w);
        // A log file holds every trace's lines: only those naming this one stay.
        logs::correlate(trace, lines, false);
        counts.emplace_back(inputName(path), lines.size());
        out.insert(out.end(), std::make_move_iterator(lines.begin()),
                   std::make_move_iterator(lines.end()));
    }
    return true;
}

LokiOutcome queryLoki(const Trace& trace, const remote::Connection& loki,
                      std::vector<logs::LogLine>& out, std::ostream& err,
                      const std::string& command) {
    LokiOutcome o;
    o.connection = loki.name;
    remote::Remote<remote::LokiLogs> got =
        remote::queryTraceLogs(loki, remote::logQueryFor(trace, loki), nullptr);
    if (!got.ok()) {
        o.error = got.error.message;
        printError(err, command + ": " + o.error);
        return o;
    }
    for (const std::string& w : got.value.warnings)
        printError(err, command + ": warning: " + w);
    // The query selected these lines by the trace id in their text or metadata: keep the ones
    // whose id Rootline could not read.
    logs::correlate(trace, got.value.lines, true);
    o.query = got.value.query;
    o.lines = got.value.lines.size();
    o.categorized = got.value.categorized;
    o.hitLimit = got.value.hitLimit;
    if (o.hitLimit)
        printError(err, command + ": warning: Loki returned as many lines as the limit (" +
                            std::to_string(o.lines) + "); there may be more");
    out.insert(out.end(), std::make_move_iterator(got.value.lines.begin()),
               std::make_move_iterator(got.value.lines.end()));
    return o;
}

bool fetchMetrics(const Trace& trace, const remote::Connection& prometheus,
                  metrics::MetricSnapshot& out, std::ostream& err, const std::string& command) {
    remote::MetricRequest request;
    std::set<std::string> services;
    for (size_t i = 0; i < trace.spanCount(); ++i)
        services.emplace(trace.serviceOf(i));
    request.services.assign(services.begin(), services.end());
    request.traceStartSec = static_cast<double>(trace.startNs) / 1e9;
    request.traceEndSec = static_cast<double>(trace.endNs) / 1e9;
    remote::Remote<metrics::MetricSnapshot> got =
        remote::fetchMetricSnapshot(prometheus, request, nullptr);
    if (!got.ok()) {
        printError(err, command + ": " + got.error.message);
        return false;
    }
    for (const metrics::MetricChart& c : got.value.charts)
        if (!c.error.empty()) printError(err, command + ": warning: " + c.title + ": " + c.error);
    out = std::move(got.value);
    return true;
}

}  // namespace rootline::cli
