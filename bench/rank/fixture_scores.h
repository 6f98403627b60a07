#pragma once
// The labelled real fixtures (bench/rank/fixture_labels.json, written by hand):
// [{"file": "jaeger/x.json", "trace_id": "<hex or empty>", "root_span_ids": [...], "kind":
// "fixture", "note": "..."}], files relative to the shared fixtures folder.

#include <string>
#include <vector>

#include "rank_eval.h"

namespace rootline::faults {

struct FixtureScores {
    std::string status;  // what happened when reading the labels ("3 labelled fixtures", "missing")
    std::vector<CaseResult> results;
};

FixtureScores scoreFixtures(const std::string& labelsPath, const std::string& fixturesDir);

}  // namespace rootline::faults
