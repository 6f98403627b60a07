#pragma once
// Retries: the same call made again and again by one caller. Recognised two ways: a resend
// counter on the span (http.request.resend_count), or sibling calls to the same operation that
// run one after the other (not in parallel: a parallel fan-out is not a retry) where every
// attempt but the last failed or timed out. The retried dependency is the suspect, not the caller.

#include <cstdint>
#include <vector>

#include "analysis/span_outcome.h"
#include "model/trace.h"

namespace rootline {

struct RetryGroup {
    uint32_t caller = 0;             // the parent of the attempts
    std::vector<uint32_t> attempts;  // by start
    uint32_t failedAttempts = 0;
    bool lastSucceeded = false;
};

struct Retries {
    std::vector<RetryGroup> groups;
    std::vector<int32_t> groupOf;  // per span: index of the group it is an attempt of, or -1
};

Retries findRetries(const Trace& trace, const SpanOutcomes& outcomes);

}  // namespace rootline
