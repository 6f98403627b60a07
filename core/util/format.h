#pragma once
// Human-readable durations and timestamps shared by the CLI, the app and the tracepack.

#include <cstdint>
#include <string>

namespace rootline {

// "0", "850 ns", "12.3 µs", "4.56 ms", "1.24 s", "2 min 3 s"; negative values keep their sign.
std::string formatDuration(int64_t ns);
// "2019-10-09T13:02:51.123456Z" (microsecond precision, UTC).
std::string formatTimestamp(int64_t nsSinceEpoch);

}  // namespace rootline
