#pragma once
// Paints one waterfall frame: the ruler, the tree column and the bars of the rows on screen.
//
// Cost is proportional to the rows on screen (about 50 at 1080 px), never to the trace: rows are
// found by arithmetic from the scroll offset, so a 1M-span trace paints as fast as a 50-span one.

#include <QPainter>

#include "waterfall/waterfall_frame.h"

namespace rootline::ui {

void paintWaterfall(QPainter& painter, const WaterfallFrame& frame);

// A span that stands for a collapsed healthy subtree of a tracepack ("12 healthy spans
// collapsed"): its name is drawn in muted italics and its bar hatched instead of filled.
bool isSummarySpan(const Trace& trace, uint32_t span);

// Parts of a row, for hit testing in the view.
QRect expanderRect(const WaterfallFrame& frame, size_t row);

}  // namespace rootline::ui
