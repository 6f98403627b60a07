// The waterfall's keyboard and mouse: actions from the shortcut table, selection, expanders,
// the divider, drag-to-zoom, middle-button pan, wheel zoom and pan, tooltips, context menu.

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

#include "suspects/suspect_text.h"
#include "util/format.h"
#include "waterfall/waterfall_painter.h"
#include "waterfall/waterfall_view.h"

namespace rootline::ui {

namespace {

constexpr int kDragThresholdPx = 4;
constexpr int kDividerGrabPx = 4;
constexpr double kZoomStep = 1.5;
constexpr double kPanStep = 0.1;  // of the view's width
constexpr double kPanLargeStep = 0.5;

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

bool WaterfallView::perform(TraceAction action) {
    if (!rows_) return false;
    using A = TraceAction;
    const bool hasCurrent = current_ >= 0;
    const auto cur = static_cast<uint32_t>(std::max(0, current_));
    switch (action) {
        case A::NextSpan:
            moveCurrentBy(1);
            return true;
        case A::PreviousSpan:
            moveCurrentBy(-1);
            return true;
        case A::FirstSpan:
            moveCurrentBy(-static_cast<int>(rows_->rowCount()));
            return true;
        case A::LastSpan:
            moveCurrentBy(static_cast<int>(rows_->rowCount()));
            return true;
        case A::PageDown:
            moveCurrentBy(std::max(1, visibleRowCount() - 1));
            return true;
        case A::PageUp:
            moveCurrentBy(-std::max(1, visibleRowCount() - 1));
            return true;
        case A::ScrollDown:
        case A::ScrollUp: {
            const int step = std::max(geometry_.rowHeight, geometry_.rowsHeight() / 2);
            verticalScrollBar()->setValue(verticalScrollBar()->value() +
                                          (action == A::ScrollDown ? step : -step));
            return true;
        }
        case A::CollapseOrParent:
            if (!hasCurrent) return false;
            if (rows_->hasChildren(cur) && !rows_->isCollapsed(cur))
                changeRows([&] { rows_->setCollapsed(cur, true); });
            else if (trace_->parent[cur] >= 0)
                setCurrentSpan(trace_->parent[cur]);
            return true;
        case A::ExpandOrChild:
            if (!hasCurrent) return false;
            if (rows_->isCollapsed(cur))
                changeRows([&] { rows_->setCollapsed(cur, false); });
            else if (rows_->hasChildren(cur))
                moveCurrentBy(1);
            return true;
        case A::ToggleSpan:
            if (!hasCurrent) return false;
            changeRows([&] { rows_->setCollapsed(cur, !rows_->isCollapsed(cur)); });
            return true;
        case A::ExpandSubtree:
            if (hasCurrent) changeRows([&] { rows_->expandSubtree(cur); });
            return hasCurrent;
        case A::CollapseSubtree:
            if (hasCurrent) changeRows([&] { rows_->collapseSubtree(cur); });
            return hasCurrent;
        case A::ExpandAll:
            expandAll();
            return true;
        case A::CollapseAll:
            collapseAll();
            return true;
        case A::ExpandOneLevel:
            changeRows([&] { rows_->expandOneLevel(); });
            return true;
        case A::CollapseOneLevel:
            changeRows([&] { rows_->collapseOneLevel(); });
            return true;
        case A::PanLeft:
            panBy(-kPanStep);
            return true;
        case A::PanRight:
            panBy(kPanStep);
            return true;
        case A::PanLeftLarge:
            panBy(-kPanLargeStep);
            return true;
        case A::PanRightLarge:
            panBy(kPanLargeStep);
            return true;
        case A::ZoomIn:
        case A::ZoomOut: {
            // Zoom around the selected span when its bar is on screen, else the middle.
            double anchor = scale_.width() / 2;
            if (hasCurrent) {
                const double mid =
                    static_cast<double>(trace_->start[cur] - trace_->startNs) +
                    static_cast<double>(std::max<int64_t>(0, trace_->duration[cur])) / 2;
                const double x = scale_.toX(mid);
                if (x >= 0 && x <= scale_.width()) anchor = x;
            }
            zoomBy(action == A::ZoomIn ? kZoomStep : 1 / kZoomStep, anchor);
            return true;
        }
        case A::ZoomToSpan: {
            if (!hasCurrent) return false;
            const double start = static_cast<double>(trace_->start[cur] - trace_->startNs);
            const double d = static_cast<double>(std::max<int64_t>(1, trace_->duration[cur]));
            zoomToRange(start - d * 0.05, start + d * 1.05);
            return true;
        }
        case A::ResetZoom:
            resetZoom();
            return true;
        case A::NextError:
        case A::PreviousError:
            jumpToMark(errorMarks_, action == A::NextError);
            return true;
        case A::NextMatch:
        case A::PreviousMatch:
            jumpToMark(matchMarks_, action == A::NextMatch);
            return true;
        case A::Find:
            emit findRequested();
            return true;
        case A::ClearFind:
            if (!matches_) return false;
            emit clearFindRequested();
            return true;
        case A::CopySpanId:
            copySpanId();
            return hasCurrent;
        case A::NextSuspect:
        case A::PreviousSuspect:
            jumpToSuspect(action == A::NextSuspect);
            return true;
        case A::ToggleCriticalPath:
            setCriticalPathShown(!criticalPathShown_);
            return true;
        case A::None:
            return false;
    }
    return false;
}

void WaterfallView::keyPressEvent(QKeyEvent* event) {
    const TraceAction action = waterfallActionFor(*event);
    if (action != TraceAction::None && perform(action)) {
        event->accept();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void WaterfallView::mousePressEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    pressPos_ = pos;
    if (event->button() == Qt::MiddleButton) {
        drag_ = Drag::Pan;
        panStartView_ = scale_.viewStart();
        panStartScroll_ = verticalScrollBar()->value();
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || !rows_) return;
    if (std::abs(pos.x() - (geometry_.treeWidth + WaterfallGeometry::kDivider / 2)) <=
        kDividerGrabPx) {
        drag_ = Drag::Divider;
        return;
    }
    const bool inBars = pos.x() > geometry_.treeWidth + WaterfallGeometry::kDivider;
    if (inBars) {
        drag_ = Drag::Range;  // becomes a range only once the mouse moves
        pressTime_ = scale_.toTime(pos.x() - geometry_.barsLeft());
    }
    const int row = rowAt(pos);
    if (row < 0) return;
    const auto span = rows_->spanAt(static_cast<size_t>(row));
    if (!inBars && rows_->hasChildren(span) &&
        expanderRect(frame(), static_cast<size_t>(row)).adjusted(-3, -4, 3, 4).contains(pos)) {
        changeRows([&] { rows_->setCollapsed(span, !rows_->isCollapsed(span)); });
        return;
    }
    setCurrentSpan(static_cast<int32_t>(span));
}

void WaterfallView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    switch (drag_) {
        case Drag::Divider:
            setTreeColumnWidth(pos.x() - WaterfallGeometry::kDivider / 2);
            emit treeColumnWidthChanged(geometry_.treeWidth);
            return;
        case Drag::Pan: {
            const double perPx = scale_.viewDuration() / std::max(1.0, scale_.width());
            const double start = panStartView_ - (pos.x() - pressPos_.x()) * perPx;
            scale_.setView(start, start + scale_.viewDuration());
            syncHorizontalBar();
            verticalScrollBar()->setValue(panStartScroll_ - (pos.y() - pressPos_.y()));
            viewport()->update();
            emit viewChanged();
            return;
        }
        case Drag::Range:
            if (selection_ || std::abs(pos.x() - pressPos_.x()) >= kDragThresholdPx) {
                const double t = scale_.toTime(pos.x() - geometry_.barsLeft());
                selection_ = std::make_pair(pressTime_, std::clamp(t, 0.0, scale_.traceDuration()));
                viewport()->update();
            }
            return;
        case Drag::None:
            break;
    }
    const bool onDivider =
        std::abs(pos.x() - (geometry_.treeWidth + WaterfallGeometry::kDivider / 2)) <=
        kDividerGrabPx;
    viewport()->setCursor(onDivider ? Qt::SplitHCursor : Qt::ArrowCursor);
    const int row = rowAt(pos);
    const int32_t hover =
        row >= 0 ? static_cast<int32_t>(rows_->spanAt(static_cast<size_t>(row))) : -1;
    if (hover != hover_) {
        hover_ = hover;
        viewport()->update();
    }
}

void WaterfallView::mouseReleaseEvent(QMouseEvent*) {
    if (drag_ == Drag::Range && selection_) {
        const auto [a, b] = *selection_;
        selection_.reset();
        if (std::abs(scale_.toX(b) - scale_.toX(a)) >= kDragThresholdPx) zoomToRange(a, b);
        viewport()->update();
    }
    if (drag_ == Drag::Pan) viewport()->setCursor(Qt::ArrowCursor);
    drag_ = Drag::None;
}

void WaterfallView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const int row = rowAt(pos);
    if (row < 0 || event->button() != Qt::LeftButton) return;
    const auto span = rows_->spanAt(static_cast<size_t>(row));
    setCurrentSpan(static_cast<int32_t>(span));
    if (pos.x() > geometry_.treeWidth + WaterfallGeometry::kDivider)
        perform(TraceAction::ZoomToSpan);
    else
        perform(TraceAction::ToggleSpan);
}

void WaterfallView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    const double x = event->position().x() - geometry_.barsLeft();
    if (event->modifiers() & Qt::ControlModifier) {
        // 120 units is one notch: zoom by 1.25 per notch, smoothly for touchpads.
        zoomBy(std::pow(1.25, delta.y() / 120.0), std::clamp(x, 0.0, scale_.width()));
        event->accept();
        return;
    }
    const int horizontal = (event->modifiers() & Qt::ShiftModifier) ? delta.y() : delta.x();
    if (horizontal != 0) {
        panBy(-horizontal / 120.0 * kPanStep);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void WaterfallView::leaveEvent(QEvent* event) {
    if (hover_ >= 0) {
        hover_ = -1;
        viewport()->update();
    }
    QAbstractScrollArea::leaveEvent(event);
}

QString WaterfallView::toolTipFor(uint32_t s) const {
    const Trace& t = *trace_;
    QString tip = QStringLiteral("<b>%1</b> %2<br>")
                      .arg(qs(t.serviceOf(s)).toHtmlEscaped(), qs(t.nameOf(s)).toHtmlEscaped());
    tip += tr("Duration %1, starts at +%2")
               .arg(QString::fromStdString(formatDuration(t.duration[s])),
                    QString::fromStdString(formatDuration(t.start[s] - t.startNs)));
    if (t.isError(s)) {
        tip += QStringLiteral("<br><font color='#c01c28'>%1</font>").arg(tr("Error"));
        if (!t.str(t.statusMessage[s]).empty())
            tip += QStringLiteral(": ") + qs(t.str(t.statusMessage[s])).left(200).toHtmlEscaped();
    }
    if (t.flags[s] & kOrphan) tip += QStringLiteral("<br>") + tr("Its parent is not in this trace");
    if (t.flags[s] & kHasWarnings)
        tip += QStringLiteral("<br>") + tr("%n warning(s), see the span details", nullptr,
                                           static_cast<int>(t.warningsOf(s).size()));
    if (rows_->isCollapsed(s))
        tip += QStringLiteral("<br>") +
               tr("%1 spans below, collapsed").arg(QLocale().toString(rows_->subtreeSize(s) - 1));
    if (const uint32_t rank = ranking_ ? ranking_->rankOfSpan[s] : 0;
        rank > 0 && rank <= ranking_->suspects.size())
        tip +=
            QStringLiteral("<br>") + tr("Suspect #%1, score %2")
                                         .arg(rank)
                                         .arg(suspectScoreText(ranking_->suspects[rank - 1].score));
    if (criticalPath_ && criticalPath_->onPath(s))
        tip += QStringLiteral("<br>") +
               tr("On the critical path for %1")
                   .arg(QString::fromStdString(formatDuration(criticalPath_->criticalNs[s])));
    return tip;
}

bool WaterfallView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && rows_) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(),
                               toolTipFor(rows_->spanAt(static_cast<size_t>(row))), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void WaterfallView::contextMenuEvent(QContextMenuEvent* event) {
    if (!rows_) return;
    const int row = rowAt(viewport()->mapFrom(this, event->pos()));
    if (row >= 0) setCurrentSpan(static_cast<int32_t>(rows_->spanAt(static_cast<size_t>(row))));
    QMenu menu(this);
    auto add = [&](TraceAction action, bool enabled) {
        const Shortcut& s = shortcutFor(action);
        QAction* a = menu.addAction(QCoreApplication::translate("Shortcuts", s.description));
        if (!s.keys.isEmpty()) a->setShortcut(s.keys.front());
        a->setEnabled(enabled);
        connect(a, &QAction::triggered, this, [this, action] { perform(action); });
    };
    const bool onSpan = current_ >= 0;
    const bool parent = onSpan && rows_->hasChildren(static_cast<uint32_t>(current_));
    add(TraceAction::ToggleSpan, parent);
    add(TraceAction::ExpandSubtree, parent);
    add(TraceAction::CollapseSubtree, parent);
    menu.addSeparator();
    add(TraceAction::ExpandAll, true);
    add(TraceAction::CollapseAll, true);
    menu.addSeparator();
    add(TraceAction::ZoomToSpan, onSpan);
    add(TraceAction::ResetZoom, !scale_.isWholeTrace());
    menu.addSeparator();
    add(TraceAction::CopySpanId, onSpan);
    menu.exec(event->globalPos());
}

}  // namespace rootline::ui
