#pragma once
// What `logs` and `pack` gather beside the trace: the lines of OTLP log files, the lines Loki
// holds for the trace, and the metric snapshot from Prometheus, each correlated with the trace.

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "logs/log_line.h"
#include "metrics/metric_snapshot.h"
#include "model/trace.h"
#include "remote/connection.h"
#include "remote_options.h"

namespace rootline::cli {

// The server named by an option's value: a URL (borrowing a saved connection's authentication
// when one has that URL) or the name of a saved connection of that kind. `base` carries the
// command's connection options (token, tenant, TLS…).
bool connectionFromValue(const std::string& value, remote::SourceKind kind,
                         const RemoteOptions& base, remote::Connection& out, std::string& error,
                         std::ostream& err, const std::string& command);

// Appends the lines of each OTLP JSON log file that name this trace; `counts` gets (file name,
// lines kept). False with a one-line error naming the file and place.
bool readLogFiles(const Trace& trace, const std::vector<std::string>& paths,
                  std::vector<logs::LogLine>& out,
                  std::vector<std::pair<std::string, size_t>>& counts, std::string& error,
                  std::ostream& err, const std::string& command);

struct LokiOutcome {
    std::string connection;
    std::string query;
    size_t lines = 0;
    bool categorized = false;
    bool hitLimit = false;
    std::string error;  // one line when Loki failed (also printed on `err`)
};

// Appends the trace's lines from Loki, correlated; warnings go to `err`.
LokiOutcome queryLoki(const Trace& trace, const remote::Connection& loki,
                      std::vector<logs::LogLine>& out, std::ostream& err,
                      const std::string& command);

// The connection's charts around the trace; false with the failure printed on `err`.
bool fetchMetrics(const Trace& trace, const remote::Connection& prometheus,
                  metrics::MetricSnapshot& out, std::ostream& err, const std::string& command);

}  // namespace rootline::cli
