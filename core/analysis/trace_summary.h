#pragma once
// The facts about a trace that every view starts from: id, size, services, roots, timing,
// errors, orphans and warnings. Used by `rootline-cli inspect`, the trace list and the header.

#include <cstdint>
#include <string>
#include <vector>

#include "model/trace.h"

namespace rootline {

struct RootSpanInfo {
    uint32_t span = 0;
    std::string spanId;
    std::string service;
    std::string name;
    bool orphan = false;
};

struct WarningInfo {
    int32_t span = -1;  // -1 for a trace-level warning
    std::string spanId;
    std::string code;  // stable: "missing_parent", "duplicate_id", …, "trace"
    std::string text;
};

struct ServiceInfo {
    std::string name;
    uint32_t spans = 0;
    uint32_t errors = 0;
};

struct TraceSummary {
    std::string traceId;  // 32 lowercase hex digits, or the producer's opaque id
    size_t spanCount = 0;
    std::vector<ServiceInfo> services;  // by span count, then name
    std::vector<RootSpanInfo> roots;    // true roots first, then orphans, each by start
    int64_t startNs = 0;
    int64_t durationNs = 0;
    uint32_t errorCount = 0;
    uint32_t inferredErrorCount = 0;
    uint32_t orphanCount = 0;
    uint32_t depth = 0;  // levels, so a lone root has depth 1
    size_t warningCount = 0;
    std::vector<WarningInfo> warnings;  // at most `maxWarnings` of them
    std::string rootService() const { return roots.empty() ? std::string() : roots[0].service; }
    std::string rootName() const { return roots.empty() ? std::string() : roots[0].name; }
};

TraceSummary summarizeTrace(const Trace& trace, size_t maxWarnings = 50);
const char* warningCodeName(WarningCode code);

}  // namespace rootline
