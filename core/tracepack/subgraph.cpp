#include "tracepack/subgraph.h"

#include <algorithm>

namespace rootline {

namespace {

constexpr double kRootImportance = 1e9;
constexpr double kSuspectImportance = 1e6;  // minus the rank
constexpr double kOriginImportance = 1e3;
constexpr double kErrorImportance = 5e2;
constexpr double kSiblingImportance = 1e2;

// The root a reader starts from: the longest of the trace's roots (a trace with orphans has
// several; the real entry point usually spans them all).
int32_t mainRoot(const Trace& t) {
    int32_t best = -1;
    for (uint32_t r : t.roots)
        if (best < 0 || t.duration[r] > t.duration[static_cast<size_t>(best)])
            best = static_cast<int32_t>(r);
    return best;
}

bool hasFailedChild(const Trace& t, size_t i) {
    for (uint32_t c : t.childrenOf(i))
        if (t.isError(c)) return true;
    return false;
}

}  // namespace

Subgraph selectSubgraph(const Trace& t, const Ranking& ranking, size_t maxCandidates,
                        int64_t focus) {
    const size_t n = t.spanCount();
    Subgraph g;
    std::vector<PackRole> role(n, PackRole::None);
    std::vector<double> importance(n, 0.0);
    size_t kept = 0;
    auto keep = [&](size_t i, PackRole r, double imp) {
        if (role[i] == PackRole::None) ++kept;
        if (r > role[i]) role[i] = r;
        importance[i] = std::max(importance[i], imp);
    };
    // A span comes with its ancestors, which inherit its importance. Spans are kept in falling
    // importance, so the walk stops at the first ancestor already as important. Counting the
    // ancestors against maxCandidates keeps deep traces from gathering far more than fits.
    auto keepWithAncestors = [&](size_t i, PackRole r, double imp) {
        keep(i, r, imp);
        for (int32_t p = t.parent[i]; p >= 0; p = t.parent[static_cast<size_t>(p)]) {
            const auto pi = static_cast<size_t>(p);
            if (role[pi] != PackRole::None && importance[pi] >= imp) break;
            keep(pi, role[pi] == PackRole::None ? PackRole::Ancestor : role[pi], imp);
        }
    };

    const int32_t root = mainRoot(t);
    if (root >= 0)
        keepWithAncestors(static_cast<size_t>(root), PackRole::Ancestor, kRootImportance);
    // The span the user asked about outranks every suspect: the question is about it.
    if (focus >= 0 && static_cast<size_t>(focus) < n) {
        const auto f = static_cast<size_t>(focus);
        keepWithAncestors(f, t.isError(f) ? PackRole::Error : PackRole::Ancestor,
                          kSuspectImportance + 1);
    }
    for (size_t r = 0; r < ranking.suspects.size(); ++r) {
        const Suspect& s = ranking.suspects[r];
        if (s.span >= n) continue;
        keepWithAncestors(s.span, PackRole::Suspect, kSuspectImportance - static_cast<double>(r));
        // A few of the folded look-alikes show the pattern; their ids are listed with the suspect.
        for (size_t k = 0; k < s.similar.size() && k < 2; ++k)
            if (s.similar[k] < n)
                keepWithAncestors(s.similar[k], PackRole::Error, kOriginImportance + 1);
    }

    // Failed spans: origins (no failed child) before those that only pass a failure on.
    std::vector<uint32_t> origins, others;
    for (size_t i = 0; i < n; ++i) {
        if (!t.isError(i) || role[i] != PackRole::None) continue;
        (hasFailedChild(t, i) ? others : origins).push_back(static_cast<uint32_t>(i));
    }
    for (const auto* list : {&origins, &others}) {
        const double imp = list == &origins ? kOriginImportance : kErrorImportance;
        for (uint32_t i : *list) {
            if (kept >= maxCandidates) {
                ++g.errorsNotConsidered;
                continue;
            }
            keepWithAncestors(i, PackRole::Error, imp);
        }
    }

    // Anomalous siblings: children of a kept span that dominate its time or carry a warning.
    std::vector<uint32_t> seeds;
    for (size_t i = 0; i < n; ++i)
        if (role[i] != PackRole::None) seeds.push_back(static_cast<uint32_t>(i));
    for (uint32_t p : seeds) {
        for (uint32_t c : t.childrenOf(p)) {
            if (role[c] != PackRole::None) continue;
            const bool dominant =
                t.duration[c] > 0 && t.duration[p] > 0 && t.duration[c] * 2 >= t.duration[p];
            const bool warned = (t.flags[c] & kHasWarnings) != 0;
            if (dominant || warned) keep(c, PackRole::Sibling, kSiblingImportance);
        }
    }

    // Healthy children of kept spans, and roots nobody kept, collapse into summaries.
    CollapsedGroup loose;
    for (size_t i = 0; i < n; ++i) {
        if (role[i] == PackRole::None) {
            if (t.parent[i] < 0) loose.tops.push_back(static_cast<uint32_t>(i));
            continue;
        }
        g.spans.push_back(static_cast<uint32_t>(i));
        g.role.push_back(role[i]);
        g.importance.push_back(importance[i]);
        CollapsedGroup group;
        group.parent = static_cast<int32_t>(i);
        for (uint32_t c : t.childrenOf(i))
            if (role[c] == PackRole::None) group.tops.push_back(c);
        if (!group.tops.empty()) g.collapsed.push_back(std::move(group));
    }
    if (!loose.tops.empty()) g.collapsed.push_back(std::move(loose));
    return g;
}

}  // namespace rootline
