#include "view/tree_rows.h"

#include <algorithm>

namespace rootline {

TreeRows::TreeRows(const Trace& trace) : trace_(trace) {
    const size_t n = trace.spanCount();
    preorder_.reserve(n);
    position_.assign(n, 0);
    // Iterative preorder: children are pushed in reverse so they pop in start order.
    std::vector<uint32_t> stack;
    for (auto it = trace.roots.rbegin(); it != trace.roots.rend(); ++it)
        stack.push_back(*it);
    while (!stack.empty()) {
        const uint32_t s = stack.back();
        stack.pop_back();
        position_[s] = static_cast<uint32_t>(preorder_.size());
        preorder_.push_back(s);
        const auto kids = trace.childrenOf(s);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it)
            stack.push_back(*it);
    }
    // Subtree ends and error flags, children before parents: walk the preorder backwards.
    subtreeEnd_.assign(n, 0);
    subtreeError_.assign(n, 0);
    for (size_t p = n; p-- > 0;) {
        const uint32_t s = preorder_[p];
        uint32_t end = static_cast<uint32_t>(p + 1);
        uint8_t error = trace.isError(s) ? 1 : 0;
        for (uint32_t c : trace.childrenOf(s)) {
            end = std::max(end, subtreeEnd_[position_[c]]);
            error |= subtreeError_[c];
        }
        subtreeEnd_[p] = end;
        subtreeError_[s] = error;
    }
    collapsed_.assign(n, 0);
    rowOf_.assign(n, -1);
    rebuild();
}

uint32_t TreeRows::subtreeSize(uint32_t span) const {
    const uint32_t p = position_[span];
    return subtreeEnd_[p] - p;
}

void TreeRows::rebuild() {
    const size_t n = preorder_.size();
    for (uint32_t s : rows_)
        rowOf_[s] = -1;
    rows_.clear();
    for (size_t p = 0; p < n;) {
        const uint32_t s = preorder_[p];
        if (!keep_.empty() && keep_[s] == 0) {
            // Nothing below a hidden span can match (matches keep their ancestors).
            p = subtreeEnd_[p];
            continue;
        }
        rowOf_[s] = static_cast<int32_t>(rows_.size());
        rows_.push_back(s);
        p = collapsed_[s] ? subtreeEnd_[p] : p + 1;
    }
}

void TreeRows::setCollapsed(uint32_t span, bool collapsed) {
    if (!hasChildren(span) || (collapsed_[span] != 0) == collapsed) return;
    collapsed_[span] = collapsed ? 1 : 0;
    rebuild();
}

void TreeRows::expandSubtree(uint32_t span) {
    const uint32_t p = position_[span];
    for (uint32_t q = p; q < subtreeEnd_[p]; ++q)
        collapsed_[preorder_[q]] = 0;
    rebuild();
}

void TreeRows::collapseSubtree(uint32_t span) {
    const uint32_t p = position_[span];
    for (uint32_t q = p; q < subtreeEnd_[p]; ++q)
        if (hasChildren(preorder_[q])) collapsed_[preorder_[q]] = 1;
    rebuild();
}

void TreeRows::expandAll() {
    std::fill(collapsed_.begin(), collapsed_.end(), 0);
    rebuild();
}

void TreeRows::collapseAll() {
    for (uint32_t s = 0; s < collapsed_.size(); ++s)
        collapsed_[s] = hasChildren(s) ? 1 : 0;
    rebuild();
}

void TreeRows::collapseOneLevel() {
    // The deepest level among shown rows that are expanded and have children.
    int64_t deepest = -1;
    for (uint32_t s : rows_)
        if (hasChildren(s) && !collapsed_[s]) deepest = std::max<int64_t>(deepest, trace_.depth[s]);
    if (deepest < 0) return;
    for (uint32_t s : rows_)
        if (hasChildren(s) && trace_.depth[s] == deepest) collapsed_[s] = 1;
    rebuild();
}

void TreeRows::expandOneLevel() {
    // The shallowest level among shown rows that are collapsed.
    int64_t shallowest = -1;
    for (uint32_t s : rows_)
        if (collapsed_[s] && (shallowest < 0 || trace_.depth[s] < shallowest))
            shallowest = trace_.depth[s];
    if (shallowest < 0) return;
    const std::vector<uint32_t> shown = rows_;
    for (uint32_t s : shown)
        if (collapsed_[s] && trace_.depth[s] == shallowest) collapsed_[s] = 0;
    rebuild();
}

void TreeRows::reveal(uint32_t span) {
    bool changed = false;
    for (int32_t a = trace_.parent[span]; a >= 0; a = trace_.parent[a]) {
        changed |= collapsed_[a] != 0;
        collapsed_[a] = 0;
    }
    if (changed) rebuild();
}

void TreeRows::setFilter(std::vector<uint8_t> keep) {
    keep_ = std::move(keep);
    hiddenSpans_ = hiddenErrors_ = 0;
    if (!keep_.empty()) {
        // Matches keep their ancestors (2), so the tree around them stays readable.
        for (size_t s = 0; s < keep_.size(); ++s) {
            if (keep_[s] != 1) continue;
            for (int32_t a = trace_.parent[s]; a >= 0 && keep_[a] == 0; a = trace_.parent[a])
                keep_[a] = 2;
        }
        for (size_t s = 0; s < keep_.size(); ++s) {
            if (keep_[s] != 0) continue;
            ++hiddenSpans_;
            if (trace_.isError(s)) ++hiddenErrors_;
        }
    }
    rebuild();
}

size_t TreeRows::memoryBytes() const {
    return preorder_.capacity() * 4 + subtreeEnd_.capacity() * 4 + position_.capacity() * 4 +
           subtreeError_.capacity() + collapsed_.capacity() + keep_.capacity() +
           rows_.capacity() * 4 + rowOf_.capacity() * 4;
}

}  // namespace rootline
