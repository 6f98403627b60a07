#pragma once
// The minimap's picture of a whole trace: every row (in the waterfall's current order) as a
// line across the trace's full time range, squeezed into a small image.
//
// Rows that share an image line are summed into a density, so a million spans read as a shape
// rather than a smear; errors are painted over in red so they stay findable at any density.
// Built in one pass over the rows with per-line difference arrays (O(rows + pixels)), never a
// fill per span, so 1M rows take milliseconds.

#include <QColor>
#include <QImage>
#include <QSize>
#include <vector>

#include "model/trace.h"
#include "view/tree_rows.h"

namespace rootline::ui {

struct MinimapStyle {
    QColor background;
    QColor ink;                                          // density
    QColor error;                                        // error spans
    const std::vector<QColor>* serviceColors = nullptr;  // for traces of few rows
};

QImage renderMinimap(const Trace& trace, const TreeRows& rows, QSize pixels,
                     const MinimapStyle& style);

}  // namespace rootline::ui
