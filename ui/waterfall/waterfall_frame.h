#pragma once
// Everything one waterfall paint needs, gathered by the view and handed to the painter, so the
// painter is a pure function of it (and the benchmark can paint without a window).

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QRect>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/critical_path.h"
#include "model/trace.h"
#include "view/time_scale.h"
#include "view/tree_rows.h"

namespace rootline::ui {

// Where things are inside the viewport. Rows start below the ruler; the tree column is on the
// left of the divider, the bars on its right.
struct WaterfallGeometry {
    int width = 0;
    int height = 0;
    int rowHeight = 22;
    int rulerHeight = 24;
    int treeWidth = 360;
    int indent = 14;  // per tree level
    static constexpr int kDivider = 5;
    static constexpr int kBarsPadding = 8;  // so a bar at the very end is not cut by the edge

    int barsLeft() const { return treeWidth + kDivider + kBarsPadding; }
    int barsWidth() const { return std::max(0, width - barsLeft() - kBarsPadding); }
    int rowsHeight() const { return std::max(0, height - rulerHeight); }
    QRect treeRect() const { return {0, rulerHeight, treeWidth, rowsHeight()}; }
    QRect barsRect() const {
        return {treeWidth + kDivider, rulerHeight, width - treeWidth - kDivider, rowsHeight()};
    }
    // Deepest indentation drawn: deeper levels are squeezed so the name always has room.
    int maxIndent() const { return std::max(indent, treeWidth * 3 / 5); }
    int indentOf(uint32_t depth) const;
};

struct WaterfallFrame {
    const Trace* trace = nullptr;
    const TreeRows* rows = nullptr;
    const TimeScale* scale = nullptr;
    WaterfallGeometry geometry;
    int scrollY = 0;  // pixels of rows scrolled away above the viewport
    int32_t current = -1;
    int32_t hover = -1;
    // Find matches to highlight (not in filter mode), one byte per span; null when none.
    const std::vector<uint8_t>* matches = nullptr;
    // Suspects' ranks, one per span (1-based, 0 = not a suspect); null until the trace is ranked.
    const std::vector<uint32_t>* suspectRanks = nullptr;
    // The critical path to draw through the bars; null when hidden or not computed yet.
    const CriticalPath* criticalPath = nullptr;
    // A time range being dragged out to zoom into, ns from the trace start.
    std::optional<std::pair<double, double>> selection;
    bool hasFocus = false;
    QPalette palette;
    QFont font;
    const std::vector<QColor>* serviceColors = nullptr;

    int firstRow() const { return scrollY / std::max(1, geometry.rowHeight); }
    int rowTop(size_t row) const {
        return geometry.rulerHeight + static_cast<int>(row) * geometry.rowHeight - scrollY;
    }
};

}  // namespace rootline::ui
