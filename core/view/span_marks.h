#pragma once
// A set of marked spans (errors, find matches) in tree order, for "next error" and "next match".
//
// Next and previous follow the tree as the waterfall shows it fully expanded (preorder), so
// "next" always moves down the screen even when the mark sits in a collapsed subtree; the
// caller reveals it. Lookups are binary searches over the marks' preorder positions: pressing
// "next error" on a 1M-span trace costs microseconds, not a scan.

#include <cstdint>
#include <vector>

#include "view/tree_rows.h"

namespace rootline {

class SpanMarks {
public:
    SpanMarks() = default;
    // `marked[span]` != 0 marks the span; an empty vector marks nothing.
    SpanMarks(const TreeRows& rows, const std::vector<uint8_t>& marked);
    // Marks the error spans of the trace.
    static SpanMarks errors(const Trace& trace, const TreeRows& rows);

    size_t count() const { return positions_.size(); }
    bool empty() const { return positions_.empty(); }

    // The first mark after `span` in tree order, wrapping to the first; -1 when there are none.
    // `span` = -1 means "before the start" (next gives the first mark, previous the last).
    int32_t next(const TreeRows& rows, int32_t span) const;
    int32_t previous(const TreeRows& rows, int32_t span) const;
    // 1-based index of `span` among the marks, or 0 when it is not marked.
    size_t ordinalOf(const TreeRows& rows, int32_t span) const;
    int32_t first(const TreeRows& rows) const { return next(rows, -1); }

    size_t memoryBytes() const { return positions_.capacity() * sizeof(uint32_t); }

private:
    std::vector<uint32_t> positions_;  // preorder positions of the marked spans, ascending
};

}  // namespace rootline
