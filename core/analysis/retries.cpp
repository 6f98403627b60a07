#include "analysis/retries.h"

#include <algorithm>

namespace rootline {

Retries findRetries(const Trace& t, const SpanOutcomes& o) {
    Retries r;
    r.groupOf.assign(t.spanCount(), -1);
    std::vector<uint32_t> same;
    std::vector<uint32_t> kids;
    for (size_t p = 0; p < t.spanCount(); ++p) {
        const auto children = t.childrenOf(p);
        if (children.size() < 2) continue;
        kids.assign(children.begin(), children.end());
        // Group the children by operation (name, kind, callee); each run stays by start.
        std::stable_sort(kids.begin(), kids.end(), [&](uint32_t a, uint32_t b) {
            if (t.name[a] != t.name[b]) return t.name[a] < t.name[b];
            if (t.kind[a] != t.kind[b]) return t.kind[a] < t.kind[b];
            return o.callee[a] < o.callee[b];
        });
        for (size_t b = 0; b < kids.size();) {
            size_t e = b + 1;
            while (e < kids.size() && sameOperation(t, o, kids[e], kids[b]))
                ++e;
            same.assign(kids.begin() + static_cast<std::ptrdiff_t>(b),
                        kids.begin() + static_cast<std::ptrdiff_t>(e));
            b = e;
            bool counted = false;
            for (uint32_t s : same)
                counted |= o.resendCount[s] > 0;
            if (same.size() < 2 && !counted) continue;
            // Sequential: each attempt starts after the previous one ended (a little overlap
            // is clock noise). A fan-out runs its calls side by side.
            bool sequential = true;
            uint32_t failed = 0;
            for (size_t k = 0; k < same.size(); ++k) {
                const uint32_t s = same[k];
                if (o.failed[s] || o.timeout[s]) ++failed;
                if (k == 0) continue;
                const uint32_t prev = same[k - 1];
                const int64_t slack = std::max<int64_t>(t.duration[prev] / 10, 1000);
                if (t.start[s] + slack < t.end(prev)) sequential = false;
            }
            // A retry follows a failure: every attempt but the last failed. Repeated calls with
            // the odd failure among them are a loop (N+1 queries), not retries.
            const bool earlierFailed = std::all_of(same.begin(), same.end() - 1, [&](uint32_t s) {
                return o.failed[s] || o.timeout[s];
            });
            if (!counted && !(sequential && earlierFailed)) continue;
            if (failed == 0) continue;  // repeated healthy calls: a loop, not a storm
            RetryGroup g;
            g.caller = static_cast<uint32_t>(p);
            g.attempts = same;
            g.failedAttempts = failed;
            g.lastSucceeded = !o.failed[same.back()];
            for (uint32_t s : same)
                r.groupOf[s] = static_cast<int32_t>(r.groups.size());
            r.groups.push_back(std::move(g));
        }
    }
    return r;
}

}  // namespace rootline
