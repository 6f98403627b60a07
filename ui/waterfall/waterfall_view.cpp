#include "waterfall/waterfall_view.h"

#include <QApplication>
#include <QClipboard>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

#include "logging.h"
#include "service_colors.h"
#include "view/span_filter.h"
#include "waterfall/waterfall_painter.h"

namespace rootline::ui {

namespace {

// The horizontal scroll bar maps the time window onto this many units: fine enough that one
// unit is under a pixel even at the deepest zoom of a minute-long trace.
constexpr double kBarUnits = 1e9;
constexpr qint64 kFrameBudgetNs = 16'000'000;

}  // namespace

WaterfallView::WaterfallView(QWidget* parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    // Every pixel is painted each frame, so Qt need not clear the background first.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &WaterfallView::onHorizontalBar);
    updateGeometryFromFont();
    refreshServiceColors();
}

WaterfallView::~WaterfallView() = default;

void WaterfallView::setTrace(std::shared_ptr<const Trace> trace) {
    trace_ = std::move(trace);
    matches_.reset();
    matchMarks_ = {};
    visibleServices_.clear();
    filterMode_ = false;
    current_ = hover_ = -1;
    ranking_.reset();  // of the previous trace; the new one's come from setAnalysis
    criticalPath_.reset();
    if (trace_) {
        rows_ = std::make_unique<TreeRows>(*trace_);
        errorMarks_ = SpanMarks::errors(*trace_, *rows_);
        scale_.setTraceDuration(static_cast<double>(trace_->durationNs()));
    } else {
        rows_.reset();
        errorMarks_ = {};
        scale_.setTraceDuration(0);
    }
    refreshServiceColors();
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    if (rows_ && rows_->rowCount() > 0) current_ = static_cast<int32_t>(rows_->spanAt(0));
    viewport()->update();
    emit rowsChanged();
    emit viewChanged();
    emit hiddenCountsChanged(0, 0);
    emit currentSpanChanged(current_);
}

// ---------------------------------------------------------------- geometry and scrolling

void WaterfallView::updateGeometryFromFont() {
    const QFontMetrics fm(font());
    geometry_.rowHeight = fm.height() + 8;
    geometry_.rulerHeight = fm.height() + 10;
    geometry_.indent = std::max(10, fm.horizontalAdvance(QLatin1Char('m')) + 4);
    updateScrollBars();
}

void WaterfallView::setTreeColumnWidth(int px) {
    // Before its first resize the view has no real width (a new tab restores its layout before
    // it is laid out): keep the width asked for; resizeEvent fits it to the real one.
    const int maxWidth =
        geometry_.width > 0 ? std::max(120, viewport()->width() - 160) : std::max(120, px);
    geometry_.treeWidth = std::clamp(px, 120, maxWidth);
    scale_.setWidth(geometry_.barsWidth());
    viewport()->update();
    emit viewChanged();
}

void WaterfallView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    geometry_.width = viewport()->width();
    geometry_.height = viewport()->height();
    // A narrow window keeps at least 160 px of bars; the tree gives way first.
    if (geometry_.treeWidth > std::max(120, geometry_.width - 160))
        geometry_.treeWidth = std::max(120, geometry_.width - 160);
    scale_.setWidth(geometry_.barsWidth());
    updateScrollBars();
    emit viewChanged();
}

void WaterfallView::updateScrollBars() {
    const int rows = rows_ ? static_cast<int>(rows_->rowCount()) : 0;
    const int content = rows * geometry_.rowHeight;
    QScrollBar* v = verticalScrollBar();
    v->setRange(0, std::max(0, content - geometry_.rowsHeight()));
    v->setPageStep(std::max(1, geometry_.rowsHeight()));
    v->setSingleStep(geometry_.rowHeight);
    syncHorizontalBar();
}

void WaterfallView::syncHorizontalBar() {
    const double trace = scale_.traceDuration();
    syncingBar_ = true;
    QScrollBar* h = horizontalScrollBar();
    const int page =
        std::max(1, static_cast<int>(std::lround(scale_.viewDuration() / trace * kBarUnits)));
    h->setRange(0, scale_.isWholeTrace() ? 0 : std::max(0, static_cast<int>(kBarUnits) - page));
    h->setPageStep(page);
    h->setSingleStep(std::max(1, page / 20));
    h->setValue(static_cast<int>(std::lround(scale_.viewStart() / trace * kBarUnits)));
    syncingBar_ = false;
}

void WaterfallView::onHorizontalBar(int value) {
    if (syncingBar_) return;
    const double start = value / kBarUnits * scale_.traceDuration();
    scale_.setView(start, start + scale_.viewDuration());
    viewport()->update();
    emit viewChanged();
}

void WaterfallView::scrollContentsBy(int, int) {
    viewport()->update();
    emit viewChanged();
}

int WaterfallView::firstVisibleRow() const {
    return verticalScrollBar()->value() / std::max(1, geometry_.rowHeight);
}

int WaterfallView::visibleRowCount() const {
    return std::max(1, geometry_.rowsHeight() / std::max(1, geometry_.rowHeight));
}

void WaterfallView::scrollToRow(int row) {
    verticalScrollBar()->setValue(row * geometry_.rowHeight);
}

int WaterfallView::rowAt(const QPoint& pos) const {
    if (!rows_ || pos.y() < geometry_.rulerHeight) return -1;
    const int y = pos.y() - geometry_.rulerHeight + verticalScrollBar()->value();
    const int row = y / std::max(1, geometry_.rowHeight);
    return row >= 0 && row < static_cast<int>(rows_->rowCount()) ? row : -1;
}

QRect WaterfallView::rowRect(int row) const {
    return {0, frame().rowTop(static_cast<size_t>(row)), geometry_.width, geometry_.rowHeight};
}

void WaterfallView::ensureRowVisible(int row) {
    const int h = geometry_.rowHeight;
    const int top = row * h;
    const int scroll = verticalScrollBar()->value();
    const int visible = geometry_.rowsHeight();
    if (top >= scroll && top + h <= scroll + visible) return;
    // A short step (arrow keys) scrolls just enough; a jump centres the row so its context shows.
    if (top + h > scroll + visible && top < scroll + visible + 3 * h)
        verticalScrollBar()->setValue(top + h - visible);
    else if (top < scroll && top > scroll - 3 * h)
        verticalScrollBar()->setValue(top);
    else
        verticalScrollBar()->setValue(top - visible / 2 + h / 2);
}

void WaterfallView::ensureTimeVisible(uint32_t span) {
    const double start = static_cast<double>(trace_->start[span] - trace_->startNs);
    const double end = start + static_cast<double>(std::max<int64_t>(0, trace_->duration[span]));
    if (end >= scale_.viewStart() && start <= scale_.viewEnd()) return;
    const double window = scale_.viewDuration();
    if (end - start <= window) {
        const double mid = (start + end) / 2;
        scale_.setView(mid - window / 2, mid + window / 2);
    } else {
        scale_.setView(start - window * 0.05, start + window * 0.95);
    }
    syncHorizontalBar();
    emit viewChanged();
}

// ---------------------------------------------------------------- painting

void WaterfallView::refreshServiceColors() {
    serviceColors_.clear();
    const size_t n = trace_ ? trace_->services.size() : 0;
    serviceColors_.reserve(n);
    for (size_t i = 0; i < n; ++i)
        serviceColors_.push_back(serviceColor(static_cast<uint32_t>(i), palette()));
}

WaterfallFrame WaterfallView::frame() const {
    WaterfallFrame f;
    f.trace = trace_.get();
    f.rows = rows_.get();
    f.scale = &scale_;
    f.geometry = geometry_;
    f.scrollY = verticalScrollBar()->value();
    f.current = current_;
    f.hover = hover_;
    f.matches = matches_ && !filterMode_ ? matches_.get() : nullptr;
    f.suspectRanks = ranking_ ? &ranking_->rankOfSpan : nullptr;
    f.criticalPath = criticalPathShown_ ? criticalPath_.get() : nullptr;
    f.selection = selection_;
    f.hasFocus = hasFocus();
    f.palette = palette();
    f.font = font();
    f.serviceColors = &serviceColors_;
    return f;
}

void WaterfallView::paintEvent(QPaintEvent*) {
    paintTimer_.start();
    QPainter painter(viewport());
    if (!trace_ || !rows_) {
        painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
        return;
    }
    paintWaterfall(painter, frame());
    if (rows_->rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(geometry_.treeRect().adjusted(8, 8, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                         trace_->spanCount() == 0 ? tr("This trace has no spans.")
                                                  : tr("No span passes the filters."));
    }
    painter.end();
    stats_.lastNs = paintTimer_.nsecsElapsed();
    stats_.maxNs = std::max(stats_.maxNs, stats_.lastNs);
    ++stats_.paints;
    if (stats_.lastNs > kFrameBudgetNs)
        qCWarning(lcPaint) << "slow waterfall paint:" << stats_.lastNs / 1000 << "µs for"
                           << visibleRowCount() << "rows";
}

void WaterfallView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) updateGeometryFromFont();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        refreshServiceColors();
    QAbstractScrollArea::changeEvent(event);
    viewport()->update();
}

// ---------------------------------------------------------------- rows and filters

void WaterfallView::changeRows(const std::function<void()>& change) {
    if (!rows_) return;
    const int first = firstVisibleRow();
    int32_t anchor = -1;
    int offset = 0;
    if (first < static_cast<int>(rows_->rowCount())) {
        anchor = static_cast<int32_t>(rows_->spanAt(static_cast<size_t>(first)));
        offset = verticalScrollBar()->value() - first * geometry_.rowHeight;
    }
    change();
    rowsChangedKeeping(anchor, offset);
}

void WaterfallView::rowsChangedKeeping(int32_t anchor, int offset) {
    // The selection moves to its nearest shown ancestor when its row went away (collapsed).
    const int32_t before = current_;
    while (current_ >= 0 && rows_->rowOf(static_cast<uint32_t>(current_)) < 0)
        current_ = trace_->parent[static_cast<size_t>(current_)];
    updateScrollBars();
    // The span that was at the top stays at the top, so expanding never moves the eye.
    while (anchor >= 0 && rows_->rowOf(static_cast<uint32_t>(anchor)) < 0)
        anchor = trace_->parent[static_cast<size_t>(anchor)];
    if (anchor >= 0)
        verticalScrollBar()->setValue(
            rows_->rowOf(static_cast<uint32_t>(anchor)) * geometry_.rowHeight + offset);
    if (current_ >= 0 && anchor < 0)
        ensureRowVisible(rows_->rowOf(static_cast<uint32_t>(current_)));
    viewport()->update();
    emit rowsChanged();
    emit viewChanged();
    if (current_ != before) {
        emit currentSpanChanged(current_);
        emit currentMatchChanged(static_cast<int>(currentMatchOrdinal()));
    }
}

void WaterfallView::setMatches(std::shared_ptr<const std::vector<uint8_t>> matches) {
    if (!trace_) return;
    if (matches && matches->size() != trace_->spanCount()) matches.reset();
    matches_ = std::move(matches);
    matchMarks_ = matches_ ? SpanMarks(*rows_, *matches_) : SpanMarks();
    if (filterMode_) applyFilters();
    viewport()->update();
    emit currentMatchChanged(static_cast<int>(currentMatchOrdinal()));
}

void WaterfallView::setFilterMode(bool on) {
    if (filterMode_ == on) return;
    filterMode_ = on;
    applyFilters();
}

void WaterfallView::setVisibleServices(std::vector<uint8_t> visible) {
    visibleServices_ = std::move(visible);
    applyFilters();
}

void WaterfallView::applyFilters() {
    if (!trace_) return;
    const std::vector<uint8_t>* byMatch = filterMode_ && matches_ ? matches_.get() : nullptr;
    std::vector<uint8_t> keep = combineSpanFilters(*trace_, byMatch, visibleServices_);
    changeRows([&] { rows_->setFilter(std::move(keep)); });
    qCDebug(lcView) << "filters: rows" << rows_->rowCount() << "hidden" << rows_->hiddenSpans();
    emit hiddenCountsChanged(rows_->hiddenSpans(), rows_->hiddenErrors());
}

void WaterfallView::setAnalysis(std::shared_ptr<const Ranking> ranking,
                                std::shared_ptr<const CriticalPath> criticalPath) {
    const size_t spans = trace_ ? trace_->spanCount() : 0;
    if (ranking && ranking->rankOfSpan.size() != spans) ranking.reset();
    if (criticalPath && criticalPath->criticalNs.size() != spans) criticalPath.reset();
    ranking_ = std::move(ranking);
    criticalPath_ = std::move(criticalPath);
    viewport()->update();
}

void WaterfallView::setCriticalPathShown(bool on) {
    if (criticalPathShown_ == on) return;
    criticalPathShown_ = on;
    viewport()->update();
    emit criticalPathShownChanged(on);
}

size_t WaterfallView::currentMatchOrdinal() const {
    return rows_ ? matchMarks_.ordinalOf(*rows_, current_) : 0;
}

void WaterfallView::expandAll() {
    changeRows([&] { rows_->expandAll(); });
}

void WaterfallView::collapseAll() {
    changeRows([&] { rows_->collapseAll(); });
}

// ---------------------------------------------------------------- selection and moves

void WaterfallView::setCurrentSpan(int32_t span) {
    if (!rows_ || span >= static_cast<int32_t>(trace_->spanCount())) return;
    if (span >= 0) {
        const auto s = static_cast<uint32_t>(span);
        if (!rows_->passesFilter(s)) return;  // hidden by a filter: the caller picks another
        if (rows_->rowOf(s) < 0) changeRows([&] { rows_->reveal(s); });
        ensureRowVisible(rows_->rowOf(s));
        ensureTimeVisible(s);
    }
    const bool changed = span != current_;
    current_ = span;
    viewport()->update();
    if (changed) {
        emit currentSpanChanged(current_);
        emit currentMatchChanged(static_cast<int>(currentMatchOrdinal()));
    }
}

void WaterfallView::moveCurrentBy(int delta) {
    if (!rows_ || rows_->rowCount() == 0) return;
    const int last = static_cast<int>(rows_->rowCount()) - 1;
    const int row = current_ >= 0 ? rows_->rowOf(static_cast<uint32_t>(current_)) : -1;
    const int target = row < 0 ? (delta > 0 ? 0 : last) : std::clamp(row + delta, 0, last);
    setCurrentSpan(static_cast<int32_t>(rows_->spanAt(static_cast<size_t>(target))));
}

void WaterfallView::jumpToMark(const SpanMarks& marks, bool forward) {
    if (!rows_) return;
    auto step = [&](int32_t from) {
        return forward ? marks.next(*rows_, from) : marks.previous(*rows_, from);
    };
    int32_t span = step(current_);
    // A mark hidden by a filter cannot be shown: go on to the next one that can.
    const int32_t first = span;
    while (span >= 0 && !rows_->passesFilter(static_cast<uint32_t>(span))) {
        span = step(span);
        if (span == first) return;
    }
    if (span >= 0) setCurrentSpan(span);
}

void WaterfallView::jumpToSuspect(bool forward) {
    if (!rows_ || !ranking_ || ranking_->suspects.empty()) return;
    // By rank, not by tree order: "next" is the next most likely cause. From a span that is no
    // suspect, forward starts at #1 and backward at the last.
    const auto& suspects = ranking_->suspects;
    const size_t n = suspects.size();
    const uint32_t rank = current_ >= 0 ? ranking_->rankOfSpan[static_cast<size_t>(current_)] : 0;
    size_t i = 0;
    if (rank == 0)
        i = forward ? 0 : n - 1;
    else
        i = forward ? rank % n : (rank + n - 2) % n;
    // A suspect hidden by a filter cannot be shown: go on to the next one that can.
    for (size_t tried = 0; tried < n; ++tried) {
        const uint32_t span = suspects[i].span;
        if (rows_->passesFilter(span)) {
            setCurrentSpan(static_cast<int32_t>(span));
            return;
        }
        i = forward ? (i + 1) % n : (i + n - 1) % n;
    }
}

void WaterfallView::zoomToRange(double startNs, double endNs) {
    scale_.setView(std::min(startNs, endNs), std::max(startNs, endNs));
    syncHorizontalBar();
    viewport()->update();
    emit viewChanged();
}

void WaterfallView::resetZoom() {
    zoomToRange(0, scale_.traceDuration());
}

void WaterfallView::zoomBy(double factor, double anchorX) {
    scale_.zoom(factor, anchorX);
    syncHorizontalBar();
    viewport()->update();
    emit viewChanged();
}

void WaterfallView::panBy(double fraction) {
    scale_.pan(fraction * scale_.width());
    syncHorizontalBar();
    viewport()->update();
    emit viewChanged();
}

void WaterfallView::copySpanId() {
    if (current_ < 0) return;
    QApplication::clipboard()->setText(
        QString::fromStdString(trace_->spanIdText(static_cast<size_t>(current_))));
}

size_t WaterfallView::memoryBytes() const {
    size_t bytes = sizeof(*this);
    if (rows_) bytes += rows_->memoryBytes();
    bytes += errorMarks_.memoryBytes() + matchMarks_.memoryBytes();
    bytes += visibleServices_.capacity() + serviceColors_.capacity() * sizeof(QColor);
    return bytes;
}

}  // namespace rootline::ui
