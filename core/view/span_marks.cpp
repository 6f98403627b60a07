#include "view/span_marks.h"

#include <algorithm>

namespace rootline {

SpanMarks::SpanMarks(const TreeRows& rows, const std::vector<uint8_t>& marked) {
    const auto& order = rows.preorder();
    if (marked.size() != order.size()) return;
    for (uint32_t p = 0; p < order.size(); ++p)
        if (marked[order[p]]) positions_.push_back(p);
}

SpanMarks SpanMarks::errors(const Trace& trace, const TreeRows& rows) {
    SpanMarks marks;
    const auto& order = rows.preorder();
    for (uint32_t p = 0; p < order.size(); ++p)
        if (trace.isError(order[p])) marks.positions_.push_back(p);
    return marks;
}

int32_t SpanMarks::next(const TreeRows& rows, int32_t span) const {
    if (positions_.empty()) return -1;
    auto it = positions_.begin();
    if (span >= 0)
        it = std::upper_bound(positions_.begin(), positions_.end(),
                              rows.positionOf(static_cast<uint32_t>(span)));
    if (it == positions_.end()) it = positions_.begin();
    return static_cast<int32_t>(rows.preorder()[*it]);
}

int32_t SpanMarks::previous(const TreeRows& rows, int32_t span) const {
    if (positions_.empty()) return -1;
    auto it = positions_.end();
    if (span >= 0)
        it = std::lower_bound(positions_.begin(), positions_.end(),
                              rows.positionOf(static_cast<uint32_t>(span)));
    if (it == positions_.begin()) it = positions_.end();
    return static_cast<int32_t>(rows.preorder()[*std::prev(it)]);
}

size_t SpanMarks::ordinalOf(const TreeRows& rows, int32_t span) const {
    if (span < 0 || positions_.empty()) return 0;
    const uint32_t p = rows.positionOf(static_cast<uint32_t>(span));
    auto it = std::lower_bound(positions_.begin(), positions_.end(), p);
    return it != positions_.end() && *it == p ? static_cast<size_t>(it - positions_.begin()) + 1
                                              : 0;
}

}  // namespace rootline
