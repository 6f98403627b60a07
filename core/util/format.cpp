#include "util/format.h"

#include <cinttypes>
#include <cstdio>
#include <ctime>

namespace rootline {

namespace {

// Three significant digits, no exponent, no trailing zeros: 1.5, 12.3, 999, 1.24.
std::string threeDigits(double v) {
    char buf[32];
    const int decimals = v < 9.995 ? 2 : v < 99.95 ? 1 : 0;
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string out = buf;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out;
}

}  // namespace

std::string formatDuration(int64_t ns) {
    if (ns == 0) return "0";
    if (ns < 0) {
        // Appending rather than `"-" + …` sidesteps GCC 12's false -Wrestrict (PR 105329).
        std::string out(1, '-');
        out += formatDuration(ns == INT64_MIN ? INT64_MAX : -ns);
        return out;
    }
    if (ns < 1000) return std::to_string(ns) + " ns";
    // Pick the unit after rounding, so 999,999 µs reads "1 s", not "1e+03 ms".
    const double v = static_cast<double>(ns);
    if (v / 1e3 < 999.5) return threeDigits(v / 1e3) + " µs";
    if (v / 1e6 < 999.5) return threeDigits(v / 1e6) + " ms";
    const double seconds = v / 1e9;
    if (seconds < 59.95) return threeDigits(seconds) + " s";
    char buf[48];
    const int64_t totalSeconds = static_cast<int64_t>(seconds + 0.5);
    if (totalSeconds < 3600)
        std::snprintf(buf, sizeof buf, "%" PRId64 " min %" PRId64 " s", totalSeconds / 60,
                      totalSeconds % 60);
    else
        std::snprintf(buf, sizeof buf, "%" PRId64 " h %" PRId64 " min", totalSeconds / 3600,
                      (totalSeconds % 3600) / 60);
    return buf;
}

std::string formatTimestamp(int64_t ns) {
    int64_t seconds = ns / 1000000000;
    int64_t rem = ns % 1000000000;
    if (rem < 0) {
        rem += 1000000000;
        seconds -= 1;
    }
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return std::to_string(ns) + " ns";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06" PRId64 "Z",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  rem / 1000);
    return buf;
}

}  // namespace rootline
