#pragma once
// Scoring the suspect ranker against labelled traces: the fault cases (fault_cases.h) and the
// labelled real fixtures. Shared by rootline-bench-rank and tests/core/ranking_eval_test.cpp so
// that both count hits the same way.
//
// A case is a hit at k when one of the first k suspects — its span or any span folded into it
// (`similar`) — is one of the labelled root-cause spans. AC@k is the fraction of hits at k;
// Avg@3 the mean of AC@1, AC@2 and AC@3 (RCAEval's definitions).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "fault_cases.h"

namespace rootline::faults {

struct TopSuspect {
    std::string spanId;
    std::string service;
    std::string name;
    double score = 0;
    std::vector<std::string> reasons;  // reason codes, largest contribution first
    size_t folded = 0;                 // spans folded into the entry
};

struct CaseResult {
    std::string id;
    std::string kind;
    std::string format;  // "jaeger", "otlp", or the fixture's file
    std::vector<std::string> labels;
    std::string error;            // load/selection problem; the case then counts as a miss
    int hitRank = 0;              // 1-based rank of the first suspect that hits, 0 when none does
    std::vector<TopSuspect> top;  // the first three suspects
    size_t spans = 0;
    size_t suspects = 0;
};

// Loads `json`, picks the trace (`traceIdHex` empty: the file's only trace), ranks it and
// scores it against `labels` (16-hex span ids).
CaseResult scoreTrace(std::string_view json, const std::string& source,
                      const std::string& traceIdHex, const std::vector<std::string>& labels,
                      const RankOptions& options = {});
// Both formats of a fault case: [jaeger, otlp].
std::vector<CaseResult> scoreCase(const FaultCase& c, const RankOptions& options = {});

struct Tally {
    int cases = 0;
    int hits[3] = {0, 0, 0};  // at 1, 2, 3
    void add(const CaseResult& r);
    double ac(int k) const { return cases ? static_cast<double>(hits[k - 1]) / cases : 0; }
    double avg3() const { return (ac(1) + ac(2) + ac(3)) / 3; }
};

// "db_error-03 jaeger  label [a1b2…]  top: 1. 9f…/orders-db SELECT orders 7.5 [error_origin,…] …"
std::string describeMiss(const CaseResult& r);

// Trace ids compare as 32 hex digits, lowercase, left-padded (Jaeger prints 16 when the high
// half is zero).
std::string normalTraceId(std::string_view hex);

}  // namespace rootline::faults
