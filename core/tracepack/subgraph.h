#pragma once
// Which spans of a trace go into its tracepack: the error subgraph.
//
// Kept: the root; the ranked suspects; every failed span; the ancestors of all of those up to
// the root (the path that explains where each one sits); and, among the children of a kept
// span, the siblings that look anomalous on their own (they took at least half of their
// parent's time, or carry a warning such as clock skew). Everything else is healthy: each kept
// span's remaining children are collapsed, subtree and all, into one summary.
//
// Each kept span has an importance that decides what the size cap drops first: the root and
// the suspects by rank highest, then error origins, other errors, then anomalous siblings; an
// ancestor is as important as its most important descendant, so the tree never loses a link
// while a span below it stays.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "model/trace.h"

namespace rootline {

enum class PackRole : uint8_t { None, Sibling, Ancestor, Error, Suspect };

struct CollapsedGroup {
    int32_t parent = -1;         // the kept span whose children these were; -1: other roots
    std::vector<uint32_t> tops;  // the collapsed subtrees' top spans, by start
};

struct Subgraph {
    std::vector<uint32_t> spans;     // kept spans, in trace order (by start)
    std::vector<PackRole> role;      // parallel to spans
    std::vector<double> importance;  // parallel to spans
    std::vector<CollapsedGroup> collapsed;
    size_t errorsNotConsidered = 0;  // failed spans beyond the candidate limit
};

// `maxCandidates` bounds the work on huge traces with many failures: far more spans than any
// pack can hold are never gathered (the rest is counted in errorsNotConsidered).
// `focus` (a span index, or -1): the span the user asked about, kept right after the root.
Subgraph selectSubgraph(const Trace& trace, const Ranking& ranking, size_t maxCandidates = 4000,
                        int64_t focus = -1);

}  // namespace rootline
