#include "view_bench_results.h"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace rootline::bench {

namespace {
constexpr double kPaintP99Ms = 16;
constexpr double kFoldMs = 200;
constexpr double kFindMs = 300;
constexpr double kOpenOverImportS = 1;
constexpr double kOpenS = 7;
constexpr double kViewBytesPerSpan = 64;

const char* verdict(bool ok) {
    return ok ? "PASS" : "MISS";
}
}  // namespace

double Results::percentile(const std::string& key, double p) const {
    auto it = samples_.find(key);
    if (it == samples_.end() || it->second.empty()) return NAN;
    std::vector<double> v = it->second;
    std::sort(v.begin(), v.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

double Results::median(const std::string& key) const {
    return percentile(key, 50);
}

double Results::max(const std::string& key) const {
    return percentile(key, 100);
}

bool Results::printSummary(std::ostream& out, const std::string& file) const {
    const auto flags = out.flags();
    out << std::fixed << std::setprecision(1) << "\n== trace window, " << file << " ==\n";
    bool met = true;
    auto line = [&](const std::string& what, double value, const char* unit, double target,
                    const std::string& extra) {
        const bool ok = value <= target;
        met = met && ok;
        out << "  " << std::left << std::setw(34) << what << std::right << std::setw(9) << value
            << ' ' << unit << "  (target <= " << target << ' ' << unit << ")  " << verdict(ok)
            << extra << '\n';
    };
    const double import = median("import_s"), open = median("open_s");
    out << "  import (median)                     " << std::setw(9) << import << " s\n";
    line("open to first paint (median)", open, "s", import + kOpenOverImportS,
         "  = import + " + std::to_string(open - import).substr(0, 4) + " s");
    line("open to first paint, worst", max("open_s"), "s", kOpenS, "");
    line("waterfall paint p99", percentile("paint_ms", 99), "ms", kPaintP99Ms,
         "  (median " + std::to_string(median("paint_ms")).substr(0, 4) + " ms, max " +
             std::to_string(max("paint_ms")).substr(0, 5) + " ms, " +
             std::to_string(samples_.count("paint_ms") ? samples_.at("paint_ms").size() : 0) +
             " paints)");
    line("collapse all, worst", max("collapse_ms"), "ms", kFoldMs,
         "  (median " + std::to_string(median("collapse_ms")).substr(0, 5) + " ms)");
    line("expand all, worst", max("expand_ms"), "ms", kFoldMs,
         "  (median " + std::to_string(median("expand_ms")).substr(0, 5) + " ms)");
    line("find, worst query", max("find_ms"), "ms", kFindMs,
         "  (median " + std::to_string(median("find_ms")).substr(0, 5) + " ms)");
    line("view memory per span", median("view_bytes_per_span"), "B", kViewBytesPerSpan, "");
    out.flags(flags);
    return met;
}

}  // namespace rootline::bench
