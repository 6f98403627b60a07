#pragma once
// Ranked suspects: the spans most likely to have caused a trace's failure, each with a score
// and the reasons behind it (docs/ranking.md explains every signal and weight).
//
// The ranker combines the signal analyses in this folder (error frontier, exceptions, retries,
// contention, latency and the critical path, async failures through links, releases, bad
// input). Blame moves along causal edges before scores are added up: a client that hit its
// deadline hands its blame to the slow span underneath; a downstream 4xx hands it to the caller
// that sent the bad input; an error that only propagates keeps little of its own. Identical
// suspects (the attempts of a retry storm, the same failing call in a loop) are folded into one
// entry that says how many it stands for.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/ranking_weights.h"
#include "analysis/release_history.h"
#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

struct SuspectReason {
    std::string code;   // stable, snake_case: "error_origin", "self_time_outlier", …
    std::string text;   // a sentence with the numbers, in English
    double points = 0;  // what this reason added to the score (negative for a discount)
};

struct Suspect {
    uint32_t span = 0;
    double score = 0;
    std::vector<SuspectReason> reasons;  // largest contribution first
    std::vector<uint32_t> similar;       // other spans folded into this entry, by start
};

struct RankOptions {
    RankingWeights weights = RankingWeights::defaults();
    const ReleaseHistory* history = nullptr;  // service versions seen before; may be null
    size_t maxSuspects = 50;
    double minScore = 1.0;  // spans scoring less are not suspects
};

struct Ranking {
    std::vector<Suspect> suspects;  // best first; ties by start, then span index
    // 1-based rank of each span (folded spans share their entry's rank); 0 when not a suspect.
    std::vector<uint32_t> rankOfSpan;
};

Ranking rankSuspects(const Trace& trace, const RankOptions& options = {},
                     const JobControl* control = nullptr);

}  // namespace rootline
