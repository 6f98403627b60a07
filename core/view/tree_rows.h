#pragma once
// Which spans of a trace are rows on screen, in what order: the span tree flattened in
// preorder (roots by start, children by start), minus collapsed subtrees and, in filter mode,
// minus spans that neither match nor lead to a match.
//
// Built for a million spans: the layout is computed once (preorder, subtree ends, which
// subtrees hold an error), the state is one byte per span, and every change rebuilds the
// visible list in one linear pass over the preorder, skipping collapsed subtrees whole —
// expand-all or collapse-all on 1M spans is a few milliseconds, not a tree walk per node.
// Nothing here ever collapses by itself: only the user's actions do.

#include <cstdint>
#include <vector>

#include "model/trace.h"

namespace rootline {

class TreeRows {
public:
    explicit TreeRows(const Trace& trace);

    // ---- the layout (does not change) ----
    const std::vector<uint32_t>& preorder() const { return preorder_; }
    bool hasChildren(uint32_t span) const {
        return trace_.childOffset[span + 1] > trace_.childOffset[span];
    }
    // True when the span or any descendant is an error (for markers on collapsed ancestors).
    bool subtreeHasError(uint32_t span) const { return subtreeError_[span] != 0; }
    uint32_t subtreeSize(uint32_t span) const;  // the span and all its descendants
    uint32_t positionOf(uint32_t span) const { return position_[span]; }  // in preorder()

    // ---- expansion ----
    bool isCollapsed(uint32_t span) const { return collapsed_[span] != 0; }
    void setCollapsed(uint32_t span, bool collapsed);
    void expandSubtree(uint32_t span);    // the span and everything below it
    void collapseSubtree(uint32_t span);  // the span and every node below it that has children
    void expandAll();
    void collapseAll();  // every root collapsed, so only roots show
    // Jaeger UI's one-level steps: collapse the deepest expanded level that shows, or expand the
    // shallowest collapsed level that shows.
    void collapseOneLevel();
    void expandOneLevel();
    // Expands the span's ancestors so it becomes a row.
    void reveal(uint32_t span);

    // ---- filter mode ----
    // `keep[span]` != 0 for spans that match. Rows are then the matches and their ancestors;
    // everything else is hidden (and counted). Pass an empty vector to leave filter mode.
    void setFilter(std::vector<uint8_t> keep);
    bool filtering() const { return !keep_.empty(); }
    uint32_t hiddenSpans() const { return hiddenSpans_; }    // by the filter
    uint32_t hiddenErrors() const { return hiddenErrors_; }  // errors among them
    bool matches(uint32_t span) const { return keep_.empty() || keep_[span] == 1; }
    // False when the filter hides the span (it cannot be revealed while the filter holds).
    bool passesFilter(uint32_t span) const { return keep_.empty() || keep_[span] != 0; }
    // Shown only because a descendant matches: drawn as context, dimmed.
    bool isContext(uint32_t span) const { return !keep_.empty() && keep_[span] == 2; }

    // ---- rows ----
    const std::vector<uint32_t>& rows() const { return rows_; }
    size_t rowCount() const { return rows_.size(); }
    uint32_t spanAt(size_t row) const { return rows_[row]; }
    // Row of a span, or -1 when it is hidden (collapsed away or filtered out).
    int32_t rowOf(uint32_t span) const { return rowOf_[span]; }

    size_t memoryBytes() const;

private:
    void rebuild();

    const Trace& trace_;
    std::vector<uint32_t> preorder_;
    std::vector<uint32_t> subtreeEnd_;  // by preorder position: one past the last descendant
    std::vector<uint32_t> position_;    // span → preorder position
    std::vector<uint8_t> subtreeError_;
    std::vector<uint8_t> collapsed_;
    // Filter: 1 = matches, 2 = leads to a match (ancestor), 0 = hidden. Empty = no filter.
    std::vector<uint8_t> keep_;
    uint32_t hiddenSpans_ = 0;
    uint32_t hiddenErrors_ = 0;
    std::vector<uint32_t> rows_;
    std::vector<int32_t> rowOf_;
};

}  // namespace rootline
