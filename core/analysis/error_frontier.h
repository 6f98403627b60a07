#pragma once
// The error frontier: which failed spans are where a failure started (origins: none of their
// synchronous children failed) and which only pass a child's failure on (propagated), and for
// each origin whether its failure reached the root or an asynchronous entry point (unhandled)
// or was absorbed by a caller that went on to succeed (handled: a cache miss, a fallback, a
// retried call, a 404 that was expected). A parent with several failed children passes on the
// one whose code or message it repeats (else the last to end, with its repeated attempts); the
// others stop at the parent, as handled, even when the parent failed for that other reason.
//
// A child is synchronous unless it is FOLLOWS_FROM, a consumer under a producer, or a consumer
// (under its polling loop) linked to a producer in the trace: a consumer failing does not fail
// the request that produced its message.

#include <cstdint>
#include <vector>

#include "analysis/span_outcome.h"
#include "model/trace.h"

namespace rootline {

enum class ErrorRole : uint8_t { None, Origin, Propagated };

struct ErrorFrontier {
    std::vector<ErrorRole> role;
    // For an origin: the highest span its failure reached through failed synchronous parents
    // (itself when its parent did not fail). -1 for other spans.
    std::vector<int32_t> top;
    std::vector<uint8_t> unhandled;  // origins only: the top is a root, an orphan or async
    // For an origin whose failure was absorbed: the span that absorbed it (the top's parent;
    // it may have failed too, for another reason).
    std::vector<int32_t> absorbedBy;
};

bool isSynchronousChild(const Trace& trace, size_t child);

ErrorFrontier analyzeErrorFrontier(const Trace& trace, const SpanOutcomes& outcomes);

}  // namespace rootline
