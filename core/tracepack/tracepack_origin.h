#pragma once
// What a trace read from a tracepack remembers of the pack: the sections that are not spans,
// kept verbatim so that packing it again gives the same bytes, the pack's own ranking (the
// subgraph alone would rank differently), and which spans stand for collapsed summaries.

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/suspect_ranking.h"

namespace rootline {

struct TracepackOrigin {
    std::string schema;  // "rootline.tracepack/v1"
    int64_t startUnixUs = 0;
    // Compact JSON text of each section as stored in the pack ("" when absent).
    std::string header, suspects, pastFixes, collapsed, logs, metrics, codeLocations, leftOut,
        redaction;
    // Span indices (in the trace read from the pack) of the spans that stand for collapsed
    // healthy subtrees, sorted; the tree and waterfall show them as summaries.
    std::vector<uint32_t> collapsedSpans;
    // The warnings the pack recorded on each span, by span index (sorted).
    std::vector<std::pair<uint32_t, std::vector<std::string>>> spanWarnings;
    Ranking ranking;            // the pack's suspects, resolved to span indices
    std::vector<uint8_t> role;  // per span index: the pack's role (PackRole in subgraph.h)

    bool isCollapsed(uint32_t span) const {
        return std::binary_search(collapsedSpans.begin(), collapsedSpans.end(), span);
    }
};

}  // namespace rootline
