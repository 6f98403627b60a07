#pragma once
// Latency signals: where a trace's time went and which spans took much longer than their
// peers.
//
// - Self-time outliers: a span's own time (not covered by its children) against the median of
//   the same operation — its siblings when there are at least three, else every span of the
//   same service and operation in the trace. Self time rather than duration, so the blame
//   lands on the span that did the waiting, not on each of its ancestors.
// - A server that outlives its client: the client gave up (a deadline, a cancelled request)
//   while the server went on working.
// - The span that made a client hit its deadline: where the time under it went.

#include <cstdint>
#include <vector>

#include "model/trace.h"

namespace rootline {

struct LatencyFacts {
    // Per span: self time over the median self time of its peers; 0 without enough peers.
    std::vector<float> selfRatio;
    std::vector<int64_t> peerMedianNs;
    std::vector<uint32_t> peerCount;  // how many spans the median was taken over
    std::vector<uint8_t> peersAreSiblings;
    std::vector<int64_t> outlivesClientNs;  // server spans: how long after its client ended
    int64_t referenceNs = 0;  // the longest root's duration: what shares are measured against
};

LatencyFacts analyzeLatency(const Trace& trace);

// Where `span`'s time went: under it (its whole subtree, also after `span` ended), the
// operation (service and name) with the most self time in total, when that holds at least
// `minShare` of `span`'s duration; its largest span is returned, else -1. By operation, so that
// three 250 ms waits for a pool connection outweigh one 480 ms stretch of retry back-off.
// Spans flagged in `skip` (may be null) do not count, though their children do: the callers on
// a timeout's failure chain, whose own time is mostly back-off between attempts.
// When `visitedBy` is given, every span walked is marked with `span` there, so a caller can
// skip tops nested under one it already looked at.
int32_t slowestDescendant(const Trace& trace, size_t span, double minShare,
                          const std::vector<uint8_t>* skip = nullptr,
                          std::vector<int32_t>* visitedBy = nullptr);

}  // namespace rootline
