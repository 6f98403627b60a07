#pragma once
// OTLP JSON log files (an ExportLogsServiceRequest: resourceLogs → scopeLogs → logRecords), as
// the OpenTelemetry Collector's file exporter writes them, one document or one per line. Ids may
// be hex (spec) or base64 (gogo jsonpb); severity by number or text; any AnyValue body.

#include <string>
#include <string_view>
#include <vector>

#include "logs/log_line.h"

namespace rootline::logs {

// True when the text looks like OTLP logs (a top-level "resourceLogs"), to pick the reader.
bool looksLikeOtlpLogs(std::string_view text);

// Appends every record as a LogLine (source OtlpFile; service from the resource's service.name;
// attributes and resource attributes as fields). False with a one-line error naming `name` and
// the place when the text is not OTLP logs; records that are damaged are skipped and counted in
// `warnings`.
bool readOtlpLogs(std::string_view text, const std::string& name, std::vector<LogLine>& out,
                  std::string& error, std::vector<std::string>* warnings = nullptr);
bool readOtlpLogsFile(const std::string& path, std::vector<LogLine>& out, std::string& error,
                      std::vector<std::string>* warnings = nullptr);

}  // namespace rootline::logs
