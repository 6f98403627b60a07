#pragma once
// A log line tied to a trace: from a span event, from Loki, or from an OTLP JSON log file. The
// logs panel, the span details, `rootline-cli logs` and the tracepack all read this one shape.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace rootline::logs {

// Ordered by how bad: filters and sorting compare them.
enum class LogLevel : uint8_t { Unknown, Debug, Info, Warn, Error };
// "debug", "info", "warn", "error"; "" for Unknown.
const char* logLevelName(LogLevel level);
// Case-insensitive: error/err/fatal/critical/crit/panic/alert/emerg → Error, warn/warning →
// Warn, info/information/notice → Info, debug/trace/verbose → Debug; anything else Unknown.
// OpenTelemetry's short names with a step digit (INFO2, WARN4) read as their word.
LogLevel logLevelFromText(std::string_view text);
// OTLP SeverityNumber: 1–8 Debug (TRACE, DEBUG), 9–12 Info, 13–16 Warn, 17–24 Error (ERROR,
// FATAL); 0 or out of range Unknown.
LogLevel logLevelFromSeverityNumber(int64_t number);

enum class LogSource : uint8_t { SpanEvent, Loki, OtlpFile };
// "span_event", "loki", "otlp_log": the tracepack's `source` values.
const char* logSourceName(LogSource source);

struct LogLine {
    int64_t timeNs = 0;  // Unix epoch nanoseconds
    LogLevel level = LogLevel::Unknown;
    LogSource source = LogSource::SpanEvent;
    std::string service;
    std::string body;
    std::string traceId;  // 32 lowercase hex digits; "" when the line carries none
    std::string spanId;   // 16 lowercase hex digits; ""
    // The span of the trace it belongs to (an index into the Trace), -1 when none.
    int64_t span = -1;
    // Tied by service and time (the line carries the trace id but no span id), not by id.
    bool spanInferred = false;
    // Stream labels, structured metadata, parsed labels, log attributes: shown in the details.
    std::map<std::string, std::string> fields;
};

}  // namespace rootline::logs
