#pragma once
// The ranker's weights, in one place. Every field is documented in docs/ranking.md with why it
// has its value; a JSON file ({"error_origin": 5.0, …}, keys as in `weightNames()`) overrides
// any subset of them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rootline {

struct RankingWeights {
    double errorOrigin = 5.0;         // failed, and none of its synchronous children failed
    double errorUnhandled = 3.0;      // …and the failure reached the root or an async entry point
    double errorHandled = -3.0;       // …but a caller that succeeded absorbed it
    double expectedRejection = -1.5;  // …and it was a 4xx (a 404 lookup, a refused login)
    double errorPropagated = 0.5;     // failed only because a child failed
    double exception = 2.0;           // an exception event on an origin (a quarter elsewhere)
    double timeoutSymptom = -6.0;     // a client that hit its deadline: a symptom, not the cause
    double causedTimeout = 6.0;       // the slow span under a client that hit its deadline
    double badInput = 6.0;            // the caller whose request a downstream rejected with 4xx
    double rejectedInput = -4.0;      // the downstream that rightly rejected it
    double retries = 3.0;             // the dependency that a storm of retries kept failing on
    double contention = 2.0;          // pool, lock or queue evidence on a failed or slow span
    double criticalShare = 4.0;       // × the share of the root's duration spent in this span
    double criticalShareWhenFailing = 0.5;  // × that, when something in the trace failed
    double selfTimeOutlier = 2.0;       // self time far above the median of its peers (saturating)
    double serverOutlivesClient = 1.0;  // a server that kept running after its client gave up
    double asyncFailure = 1.0;          // a failure in a consumer reached through a link
    double releaseMismatch = 2.0;       // a service version that differs from its other instances
    double releaseNew = 1.5;            // a service version not seen in the history
    double releaseContrast = 4.0;       // the same operation slower or failing only on one version
    double agentToolFailed = 2.0;       // an AI agent's tool call that failed (GenAI traces)
    double agentLedToFailure = 1.5;     // the model call or decision that asked for that tool

    // Loads overrides from a JSON object; unknown keys and non-numbers are errors. Returns
    // false with a one-line message in `error` ("weights.json: unknown weight 'foo'").
    bool loadOverrides(std::string_view json, const std::string& source, std::string& error);
    static RankingWeights defaults() { return {}; }
    // (key, pointer-to-member) for every weight, in declaration order.
    static const std::vector<std::pair<std::string_view, double RankingWeights::*>>& fields();
};

}  // namespace rootline
