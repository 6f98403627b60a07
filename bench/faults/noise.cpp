#include "noise.h"

#include <algorithm>

#include "handled.h"

namespace rootline::faults {

namespace {

// A whole host's clock is off: every span of that process moves by the same amount.
bool addClockSkew(Scenario& sc) {
    const int rootResource = sc.d.at(sc.d.root).resource;
    std::vector<int> candidates;
    for (size_t i = 0; i < sc.d.spans.size(); ++i) {
        const Span& s = sc.d.spans[i];
        if (!sc.d.exported(static_cast<int>(i)) || s.resource == rootResource) continue;
        if (s.parent >= 0 && sc.d.at(s.parent).resource != s.resource)
            candidates.push_back(s.resource);
    }
    if (candidates.empty()) return false;
    const int resource = sc.rng.pick(candidates);
    const int64_t ms = sc.rng.range(15, 90);
    sc.d.resources[static_cast<size_t>(resource)].clockSkewNs =
        (sc.rng.chance(500) ? ms : -ms) * kMs;
    return true;
}

// A client span that was never exported (its SDK's buffer overflowed, its batch was dropped):
// the server span under it keeps a parent id that is not in the trace. Only healthy branches
// that lead to no label lose spans, so every label keeps its place in the tree.
bool addOrphans(Scenario& sc) {
    std::vector<int> candidates;
    for (size_t i = 0; i < sc.d.spans.size(); ++i) {
        const int s = static_cast<int>(i);
        const Span& sp = sc.d.at(s);
        if (!sc.d.exported(s) || sp.kind != Kind::Client || sp.steps.empty() || sp.parent < 0)
            continue;
        if (tainted(sc, s)) continue;
        bool leadsToLabel = false;
        for (int l : sc.labels)
            leadsToLabel = leadsToLabel || sc.d.isAncestor(s, l);
        if (!leadsToLabel) candidates.push_back(s);
    }
    if (candidates.empty()) return false;
    sc.rng.shuffle(candidates);
    const size_t n = std::min<size_t>(candidates.size(), static_cast<size_t>(sc.rng.range(1, 2)));
    for (size_t i = 0; i < n; ++i)
        sc.d.at(candidates[i]).lost = true;
    return true;
}

}  // namespace

std::vector<std::string> addNoise(Scenario& sc, bool allowErrors) {
    std::vector<std::string> kinds = {"clock_skew", "orphan_spans"};
    if (allowErrors) kinds.push_back("benign_404");
    sc.rng.shuffle(kinds);
    const size_t n = static_cast<size_t>(sc.rng.range(1, 2));
    std::vector<std::string> added;
    for (size_t i = 0; i < n; ++i) {
        bool ok = false;
        if (kinds[i] == "clock_skew") ok = addClockSkew(sc);
        if (kinds[i] == "orphan_spans") ok = addOrphans(sc);
        if (kinds[i] == "benign_404") ok = !addBenignNotFound(sc).empty();
        if (ok) added.push_back(kinds[i]);
    }
    std::sort(added.begin(), added.end());
    return added;
}

}  // namespace rootline::faults
