#pragma once
// The waterfall: the span tree on the left, duration bars on a shared time axis on the right,
// a time ruler on top. One viewport-sized paint (Qt Creator's timeline habit): no item view, no
// widget per row, so painting costs the rows on screen whatever the trace's size.
//
// State lives in core units (TreeRows for which spans are rows, TimeScale for the time window,
// SpanMarks for next/previous error and match); this class maps input to them and paints.
// Nothing collapses by itself: the rows change only on the user's actions.

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/critical_path.h"
#include "analysis/suspect_ranking.h"
#include "model/trace.h"
#include "shortcuts.h"
#include "view/span_marks.h"
#include "view/time_scale.h"
#include "view/tree_rows.h"
#include "waterfall/waterfall_frame.h"

namespace rootline::ui {

// Paint times of the view, for the benchmark and the slow-frame log.
struct PaintStats {
    qint64 lastNs = 0;
    qint64 maxNs = 0;
    quint64 paints = 0;
};

class WaterfallView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit WaterfallView(QWidget* parent = nullptr);
    ~WaterfallView() override;

    // Shows `trace` fully expanded and zoomed out, the first row current.
    void setTrace(std::shared_ptr<const Trace> trace);
    const Trace* trace() const { return trace_.get(); }
    const TreeRows* rows() const { return rows_.get(); }
    const TimeScale& scale() const { return scale_; }

    // ---- selection ----
    int32_t currentSpan() const { return current_; }
    // Makes `span` current, expanding its ancestors and scrolling (and panning the time window)
    // so it shows. -1 clears the selection.
    void setCurrentSpan(int32_t span);

    // ---- find and filters ----
    // Matches of the find bar, one byte per span, or null to clear.
    void setMatches(std::shared_ptr<const std::vector<uint8_t>> matches);
    void setFilterMode(bool on);  // hide what does not match (keeping ancestors as context)
    // One byte per service index, 1 = shown; empty = all.
    void setVisibleServices(std::vector<uint8_t> visible);
    size_t matchCount() const { return matchMarks_.count(); }
    size_t currentMatchOrdinal() const;  // 1-based, 0 when the current span is not a match
    uint32_t hiddenSpans() const { return rows_ ? rows_->hiddenSpans() : 0; }
    uint32_t hiddenErrors() const { return rows_ ? rows_->hiddenErrors() : 0; }

    // ---- suspects and the critical path (computed in the background; may come later) ----
    // Rank badges on the suspects and the critical path through the bars, for the shown trace;
    // results of another trace (other sizes) are ignored. Null clears them.
    void setAnalysis(std::shared_ptr<const Ranking> ranking,
                     std::shared_ptr<const CriticalPath> criticalPath);
    const Ranking* ranking() const { return ranking_.get(); }
    const CriticalPath* criticalPath() const { return criticalPath_.get(); }
    // Whether the critical path is drawn (on by default; the window keeps the user's choice).
    void setCriticalPathShown(bool on);
    bool criticalPathShown() const { return criticalPathShown_; }

    // ---- actions (also reachable by keyboard, see shortcuts.h) ----
    bool perform(TraceAction action);
    void expandAll();
    void collapseAll();
    void zoomToRange(double startNs, double endNs);  // ns from the trace start
    void resetZoom();

    // ---- geometry, for the minimap, tests and the benchmark ----
    int treeColumnWidth() const { return geometry_.treeWidth; }
    void setTreeColumnWidth(int px);
    int rowHeight() const { return geometry_.rowHeight; }
    int rowAt(const QPoint& viewportPos) const;  // -1 outside the rows
    QRect rowRect(int row) const;                // in viewport coordinates
    int firstVisibleRow() const;
    int visibleRowCount() const;
    // Scrolls so that `row` is the first row shown (clamped).
    void scrollToRow(int row);
    const PaintStats& paintStats() const { return stats_; }
    void resetPaintStats() { stats_ = {}; }
    size_t memoryBytes() const;  // what the view keeps per trace beyond the trace itself
    // What the next paint would draw (the benchmark paints it into an image of its own).
    WaterfallFrame frame() const;

signals:
    void currentSpanChanged(int32_t span);
    // The time window or the vertical position changed (the minimap follows).
    void viewChanged();
    // The rows changed: expand/collapse or a filter (the minimap redraws).
    void rowsChanged();
    // What the filters hide, after every filter change.
    void hiddenCountsChanged(quint32 spans, quint32 errors);
    // The current match's 1-based position among the matches (0 = none), for "3 of 17".
    void currentMatchChanged(int ordinal);
    // Esc in the waterfall: the window clears the find bar.
    void clearFindRequested();
    void findRequested();
    // The user dragged the divider between the tree and the bars.
    void treeColumnWidthChanged(int px);
    // The critical path was shown or hidden (its key, or setCriticalPathShown).
    void criticalPathShownChanged(bool on);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void updateGeometryFromFont();
    void updateScrollBars();
    void syncHorizontalBar();
    void onHorizontalBar(int value);
    void refreshServiceColors();
    // Re-applies the find and service filters to the rows.
    void applyFilters();
    // After the rows changed: keep the top row's span in place, move the selection to a shown
    // ancestor if it was hidden, tell the world.
    void rowsChangedKeeping(int32_t anchorSpan, int anchorOffset);
    void changeRows(const std::function<void()>& change);
    void moveCurrentBy(int rows);
    void ensureRowVisible(int row);
    void ensureTimeVisible(uint32_t span);
    void jumpToMark(const SpanMarks& marks, bool forward);
    void jumpToSuspect(bool forward);
    void zoomBy(double factor, double anchorX);
    void panBy(double fractionOfView);
    void copySpanId();
    QString toolTipFor(uint32_t span) const;

    std::shared_ptr<const Trace> trace_;
    std::unique_ptr<TreeRows> rows_;
    TimeScale scale_;
    WaterfallGeometry geometry_;
    std::vector<QColor> serviceColors_;
    SpanMarks errorMarks_;
    SpanMarks matchMarks_;
    std::shared_ptr<const std::vector<uint8_t>> matches_;
    bool filterMode_ = false;
    std::vector<uint8_t> visibleServices_;
    int32_t current_ = -1;
    int32_t hover_ = -1;
    std::shared_ptr<const Ranking> ranking_;
    std::shared_ptr<const CriticalPath> criticalPath_;
    bool criticalPathShown_ = true;

    // Mouse interactions in progress.
    enum class Drag { None, Divider, Range, Pan };
    Drag drag_ = Drag::None;
    QPoint pressPos_;
    double pressTime_ = 0;
    std::optional<std::pair<double, double>> selection_;
    double panStartView_ = 0;
    int panStartScroll_ = 0;
    bool syncingBar_ = false;

    PaintStats stats_;
    QElapsedTimer paintTimer_;
};

}  // namespace rootline::ui
