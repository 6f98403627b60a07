#pragma once
// Trace and span ids as log lines carry them: hex in any case, often with leading zeros trimmed
// (Tempo, Prometheus exemplars) or only 64 bits long (Jaeger). Logs name ids as text, so only hex
// is taken here; a value that is not hex is not an id.

#include <string>
#include <string_view>

namespace rootline::logs {

// 1–32 hex digits as 32 lowercase digits, left-padded with zeros ("" for anything else, and for
// the all-zero id, which OpenTelemetry uses for "no trace").
std::string traceIdFromHex(std::string_view text);
// 1–16 hex digits as 16 lowercase digits ("" otherwise, and for the all-zero id).
std::string spanIdFromHex(std::string_view text);

}  // namespace rootline::logs
