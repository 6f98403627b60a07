#pragma once
// Samples collected by rootline-bench-view and the summary against the targets of
// docs/performance.md (issue: the trace window at 1M spans).

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace rootline::bench {

class Results {
public:
    void add(const std::string& key, double value) { samples_[key].push_back(value); }
    // Prints medians, the paint p99, and PASS/MISS per target; true when every target is met.
    bool printSummary(std::ostream& out, const std::string& file) const;

private:
    double median(const std::string& key) const;
    double percentile(const std::string& key, double p) const;
    double max(const std::string& key) const;
    std::map<std::string, std::vector<double>> samples_;
};

}  // namespace rootline::bench
