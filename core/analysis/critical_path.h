#pragma once
// The critical path of a trace, as Jaeger UI computes it (jaeger-ui
// src/components/TracePage/CriticalPath): per root, walk from the root's end to its start,
// always descending into the last-finishing child (LFC) that ends before the point reached so
// far. Children that do not block their parent are left out first: a CONSUMER under a PRODUCER
// and anything declared FOLLOWS_FROM, with their subtrees. Children that overflow their parent
// (clock skew, a server that outlives its timed-out client) are clipped to the parent, and
// children entirely outside it are dropped, so the path never leaves the root's time range.
// One deliberate difference: a child that overlaps the point reached by a sliver (at most 5% of
// its own length, clock skew or a sibling started early) is still taken; Jaeger UI would skip
// it and hand its whole time to the parent.
//
// The result is the list of sections {span, start, end} that together cover every root's
// duration, and the critical time per span: the time during which that span itself (not one of
// its children) is what the root waits for.

#include <cstdint>
#include <vector>

#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

struct CriticalSection {
    uint32_t span = 0;
    int64_t startNs = 0;  // absolute, ns since the epoch
    int64_t endNs = 0;
};

struct CriticalPath {
    std::vector<CriticalSection> sections;  // sorted by (span, start)
    std::vector<int64_t> criticalNs;        // per span; 0 when the span is not on the path

    bool onPath(size_t span) const { return span < criticalNs.size() && criticalNs[span] > 0; }
    // The sections of one span (binary search over `sections`).
    std::vector<CriticalSection> sectionsOf(uint32_t span) const;
};

// Every walk is iterative (a 100,000-deep chain must not overflow the stack). O(n log n).
CriticalPath computeCriticalPath(const Trace& trace, const JobControl* control = nullptr);

}  // namespace rootline
