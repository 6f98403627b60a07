#pragma once
// The logs of a trace from Grafana Loki: one `GET /loki/api/v1/query_range` over the trace's
// time plus the connection's margin, with the connection's LogQL template (kDefaultLogQl when it
// has none). The request asks for `X-Loki-Response-Encoding-Flags: categorize-labels`, so a Loki
// that supports it (3.x) answers with structured metadata apart ([ts, line, {structuredMetadata,
// parsed}]); an older one answers [ts, line] with everything in the stream labels. Both are read.
//
// Blocks its thread on the network: call from a worker. Errors are Loki's text/plain bodies
// (400 LogQL errors, 429, 504 "request timed out…"), reported through RemoteError.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logs/log_line.h"
#include "model/trace.h"
#include "remote/connection.h"
#include "remote/trace_source.h"

namespace rootline::remote {

// Finds the trace id in the line text or in structured metadata (OTLP logs), for the trace's
// services (Grafana's default trace-to-logs query, with our own label name).
inline constexpr std::string_view kDefaultLogQl =
    R"({service_name=~"${services}"} | label_format rootline_has_trace=`{{ contains "${traceId}" __line__ }}` | rootline_has_trace="true" or trace_id="${traceId}")";

struct LogQuery {
    std::string traceId;                // 32 lowercase hex
    std::vector<std::string> services;  // the trace's services
    int64_t startNs = 0;                // the window, margin included
    int64_t endNs = 0;
    int limit = 1000;  // Loki caps entries across all streams (its default is 100)
};

// The query for a trace: its id, its services, its time widened by the connection's margin.
LogQuery logQueryFor(const Trace& trace, const Connection& loki);

struct LokiLogs {
    std::vector<logs::LogLine> lines;  // source Loki, in the order Loki sent them
    std::string query;                 // the LogQL sent
    bool categorized = false;          // the server honoured categorize-labels
    bool hitLimit = false;             // as many lines as the limit: there may be more
    std::vector<std::string> warnings;
};

// Reads a query_range answer of resultType "streams" (2- or 3-element values). Stream labels,
// structured metadata and parsed labels all become fields; service and level come from them.
// False with a one-line error for anything else (a matrix, malformed JSON, status "error").
bool parseLokiStreams(std::string_view body, LokiLogs& out, std::string& error);

// The lines are not correlated yet (logs/log_correlation.h does that).
Remote<LokiLogs> queryTraceLogs(const Connection& loki, const LogQuery& query,
                                const std::atomic<bool>* cancel);

}  // namespace rootline::remote
