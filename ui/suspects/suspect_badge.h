#pragma once
// A suspect's rank as a small violet pill ("1", "2", …): the same mark in the waterfall's tree
// and bars, the suspects list and the span details, so the eye links them at once.

#include <QFont>
#include <QPainter>
#include <QPalette>
#include <QRectF>
#include <cstdint>

namespace rootline::ui {

// Width of the badge of `rank` at `height` px in `font` (made bold): at least as wide as high,
// so "1" is a circle-ish pill and "12" a longer one.
int suspectBadgeWidth(const QFont& font, uint32_t rank, int height);

// Draws the badge filling `rect`; leaves the painter's state as it found it.
void drawSuspectBadge(QPainter& painter, const QRectF& rect, uint32_t rank,
                      const QPalette& palette);

}  // namespace rootline::ui
