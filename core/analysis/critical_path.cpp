#include "analysis/critical_path.h"

#include <algorithm>

namespace rootline {

namespace {

// A child that does not hold its parent up: the consumer of a message its parent produced, or
// anything declared FOLLOWS_FROM. Jaeger UI leaves these subtrees out of the path.
bool blocksParent(const Trace& t, uint32_t parent, uint32_t child) {
    if (t.flags[child] & kParentFollowsFrom) return false;
    return !(t.kind[parent] == SpanKind::Producer && t.kind[child] == SpanKind::Consumer);
}

// The spans reachable from `root` through blocking children that overlap their (clipped)
// parent, with start and end clipped to that parent, and for each span its kept children
// sorted by clipped end, latest first.
struct PrunedTree {
    std::vector<int64_t> start, end;  // indexed by span; valid for kept spans only
    std::vector<uint32_t> childBegin, childEnd;
    std::vector<uint32_t> children;
};

}  // namespace

std::vector<CriticalSection> CriticalPath::sectionsOf(uint32_t span) const {
    auto lo = std::lower_bound(sections.begin(), sections.end(), span,
                               [](const CriticalSection& s, uint32_t v) { return s.span < v; });
    std::vector<CriticalSection> out;
    for (; lo != sections.end() && lo->span == span; ++lo)
        out.push_back(*lo);
    return out;
}

CriticalPath computeCriticalPath(const Trace& t, const JobControl* control) {
    const size_t n = t.spanCount();
    CriticalPath path;
    path.criticalNs.assign(n, 0);
    if (n == 0) return path;

    PrunedTree tree;
    tree.start.assign(n, 0);
    tree.end.assign(n, 0);
    tree.childBegin.assign(n, 0);
    tree.childEnd.assign(n, 0);
    tree.children.reserve(n);

    path.sections.reserve(n);
    std::vector<uint32_t> stack;
    for (uint32_t root : t.roots) {
        // 1. Clip and prune top-down (each root's tree is disjoint from the others').
        tree.start[root] = t.start[root];
        tree.end[root] = t.end(root);
        stack.assign(1, root);
        while (!stack.empty()) {
            const uint32_t s = stack.back();
            stack.pop_back();
            const auto begin = static_cast<uint32_t>(tree.children.size());
            for (uint32_t c : t.childrenOf(s)) {
                if (!blocksParent(t, s, c)) continue;
                const int64_t cs = std::max(t.start[c], tree.start[s]);
                const int64_t ce = std::min(t.end(c), tree.end[s]);
                // Entirely outside its parent (Jaeger's sanitizeOverFlowingChildren drops it).
                if (t.start[c] >= tree.end[s] || t.end(c) <= tree.start[s]) continue;
                tree.start[c] = cs;
                tree.end[c] = ce;
                tree.children.push_back(c);
                stack.push_back(c);
            }
            tree.childBegin[s] = begin;
            tree.childEnd[s] = static_cast<uint32_t>(tree.children.size());
            // std::sort with the index as tie-break: deterministic, and no buffer allocated
            // per span as stable_sort would.
            std::sort(tree.children.begin() + begin, tree.children.end(),
                      [&](uint32_t a, uint32_t b) {
                          return tree.end[a] != tree.end[b] ? tree.end[a] > tree.end[b] : a < b;
                      });
        }
        if (control) control->checkpoint();

        // 2. The last-finishing-child walk. `bound` is where the current span's section ends:
        // its own end on the way down, the start of the child we came back from on the way up.
        // Bounds only fall, so each span's child cursor only moves forward: O(n) in total.
        uint32_t s = root;
        int64_t bound = tree.end[root];
        bool returning = false;
        for (;;) {
            uint32_t& cursor = tree.childBegin[s];
            while (cursor < tree.childEnd[s]) {
                const uint32_t c = tree.children[cursor];
                const int64_t ce = tree.end[c];
                if (returning ? ce < bound : ce <= bound) break;
                // Unlike Jaeger UI, a child that overlaps the point reached by a sliver (at
                // most 5% of its own length) still counts: that is clock skew between hosts
                // or a sibling started a hair early, and skipping the child would hand its
                // whole time to the parent.
                if (ce - bound <= (ce - tree.start[c]) / 20) break;
                ++cursor;
            }
            if (cursor < tree.childEnd[s]) {
                const uint32_t c = tree.children[cursor++];
                if (tree.end[c] < bound) path.sections.push_back({s, tree.end[c], bound});
                bound = std::min(bound, tree.end[c]);
                s = c;
                returning = false;
                continue;
            }
            if (tree.start[s] < bound) path.sections.push_back({s, tree.start[s], bound});
            if (s == root) break;
            bound = tree.start[s];
            s = static_cast<uint32_t>(t.parent[s]);
            returning = true;
        }
        tree.children.clear();
    }
    // Order by span with a counting sort (linear, no comparisons on a million sections). The
    // walk goes backwards in time, so a span's sections were pushed latest first: placing them
    // in reverse push order lists each span's sections by start.
    std::vector<uint32_t> offset(n + 1, 0);
    for (const CriticalSection& c : path.sections) {
        ++offset[c.span + 1];
        path.criticalNs[c.span] += c.endNs - c.startNs;
    }
    for (size_t i = 0; i < n; ++i)
        offset[i + 1] += offset[i];
    std::vector<CriticalSection> sorted(path.sections.size());
    for (auto it = path.sections.rbegin(); it != path.sections.rend(); ++it)
        sorted[offset[it->span]++] = *it;
    path.sections = std::move(sorted);
    return path;
}

}  // namespace rootline
