#include "analysis/error_frontier.h"

#include <algorithm>
#include <string_view>

namespace rootline {

namespace {

// Whether `parent` passed on the failure of its synchronous child `child`. Besides a parent
// that failed, a client span that recorded no outcome at all (no status, no HTTP or gRPC code:
// some HTTP clients never do) over a failed server span counts as passing it on; otherwise a
// silent client would make every server failure look handled.
bool passesOn(const Trace& t, const SpanOutcomes& o, size_t parent, size_t child) {
    if (o.failed[parent]) return true;
    return t.kind[parent] == SpanKind::Client && t.kind[child] == SpanKind::Server &&
           t.status[parent] == StatusCode::Unset && o.httpStatus[parent] == 0 &&
           o.grpcStatus[parent] < 0;
}

bool sameFailure(const Trace& t, const SpanOutcomes& o, size_t parent, size_t child) {
    if (o.grpcStatus[child] > 0 && o.grpcStatus[child] == o.grpcStatus[parent]) return true;
    if (o.httpStatus[child] >= 400 && o.httpStatus[child] == o.httpStatus[parent]) return true;
    const std::string_view pm = t.str(t.statusMessage[parent]);
    const std::string_view cm = t.str(t.statusMessage[child]);
    // Callers often wrap the message they got: "rateLimit: rpc error: … desc = <child's>".
    return !cm.empty() && !pm.empty() &&
           (pm.find(cm) != std::string_view::npos || cm.find(pm) != std::string_view::npos);
}

// For every failed parent, the failed synchronous child whose failure it passed on: the one
// whose code or message it repeats, else the one that ended last (a request fails when its
// last failing call returns). The other attempts of the same operation (a retry storm) pass
// it on together. Children not marked failed earlier and the parent got past them (a 404
// lookup with a fallback): their failure stops there even though the parent failed too.
std::vector<uint8_t> markCauses(const Trace& t, const SpanOutcomes& o,
                                const std::vector<uint8_t>& passing,
                                const std::vector<uint8_t>& hasFailedChild) {
    std::vector<uint8_t> cause(t.spanCount(), 0);
    for (size_t p = 0; p < t.spanCount(); ++p) {
        if (!hasFailedChild[p] || !passing[p]) continue;
        int32_t best = -1;
        bool bestMatches = false;
        for (uint32_t c : t.childrenOf(p)) {
            if (!passing[c] || !isSynchronousChild(t, c)) continue;
            const bool matches = sameFailure(t, o, p, c);
            const bool better =
                best < 0 || (matches && !bestMatches) ||
                (matches == bestMatches && t.end(c) >= t.end(static_cast<size_t>(best)));
            if (better) {
                best = static_cast<int32_t>(c);
                bestMatches = matches;
            }
        }
        if (best < 0) continue;
        // The chosen child and the failed attempts of the same operation right before it; a
        // call of that operation that succeeded in between ends the run (that earlier failure
        // was retried away).
        const auto kids = t.childrenOf(p);
        const auto at = std::find(kids.begin(), kids.end(), static_cast<uint32_t>(best));
        for (auto it = at; it != kids.end();) {
            const uint32_t c = *it;
            if (c == static_cast<uint32_t>(best) ||
                sameOperation(t, o, c, static_cast<size_t>(best))) {
                if (!passing[c]) break;
                if (isSynchronousChild(t, c)) cause[c] = 1;
            }
            if (it == kids.begin()) break;
            --it;
        }
    }
    return cause;
}

}  // namespace

bool isSynchronousChild(const Trace& t, size_t child) {
    const int32_t p = t.parent[child];
    if (p < 0) return false;
    if (t.flags[child] & kParentFollowsFrom) return false;
    if (t.kind[child] != SpanKind::Consumer) return true;
    if (t.kind[static_cast<size_t>(p)] == SpanKind::Producer) return false;
    // A consumer under its polling loop that links to the message's producer in this trace:
    // the loop does not fail with it, and the producer never knew.
    for (const Link& l : t.linksOf(child))
        if (l.target >= 0) return false;
    return true;
}

ErrorFrontier analyzeErrorFrontier(const Trace& t, const SpanOutcomes& o) {
    const size_t n = t.spanCount();
    ErrorFrontier f;
    f.role.assign(n, ErrorRole::None);
    f.top.assign(n, -1);
    f.unhandled.assign(n, 0);
    f.absorbedBy.assign(n, -1);

    // A failed span with a failed synchronous child only propagates; which child it passes on
    // is decided per parent (causeOfParent).
    // Failed, or a silent client passing on its server's failure.
    std::vector<uint8_t> passing(o.failed.begin(), o.failed.end());
    for (size_t i = 0; i < n; ++i)
        if (o.failed[i] && isSynchronousChild(t, i) &&
            passesOn(t, o, static_cast<size_t>(t.parent[i]), i))
            passing[static_cast<size_t>(t.parent[i])] = 1;
    std::vector<uint8_t> hasFailedChild(n, 0);
    for (size_t i = 0; i < n; ++i)
        if (passing[i] && isSynchronousChild(t, i)) hasFailedChild[t.parent[i]] = 1;
    std::vector<uint8_t> isCause = markCauses(t, o, passing, hasFailedChild);

    // The chain top of every failed span, memoised so the walk stays linear on deep chains:
    // spans are visited in any order, each chain walked once.
    std::vector<int32_t> chainTop(n, -1);
    std::vector<uint32_t> path;
    for (size_t i = 0; i < n; ++i) {
        if (!o.failed[i]) continue;
        f.role[i] = hasFailedChild[i] ? ErrorRole::Propagated : ErrorRole::Origin;
        if (f.role[i] != ErrorRole::Origin) continue;
        path.clear();
        size_t s = i;
        while (chainTop[s] < 0) {
            path.push_back(static_cast<uint32_t>(s));
            const int32_t p = t.parent[s];
            if (p < 0 || !isSynchronousChild(t, s) || !passesOn(t, o, static_cast<size_t>(p), s))
                break;
            // The parent failed, but for another of its children: this one it got past.
            if (passing[static_cast<size_t>(p)] && !isCause[s]) break;
            s = static_cast<size_t>(p);
        }
        const int32_t top = chainTop[s] >= 0 ? chainTop[s] : static_cast<int32_t>(s);
        for (uint32_t v : path)
            chainTop[v] = top;
        f.top[i] = top;
        const int32_t above = t.parent[static_cast<size_t>(top)];
        const bool async = above >= 0 && !isSynchronousChild(t, static_cast<size_t>(top));
        f.unhandled[i] = above < 0 || async;
        if (!f.unhandled[i]) f.absorbedBy[i] = above;
    }
    return f;
}

}  // namespace rootline
