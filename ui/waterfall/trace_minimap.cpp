#include "waterfall/trace_minimap.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

#include "colors.h"
#include "service_colors.h"
#include "waterfall/minimap_image.h"
#include "waterfall/waterfall_view.h"

namespace rootline::ui {

namespace {
constexpr int kEdgeGrabPx = 5;
constexpr int kClickPx = 3;
constexpr int kHeight = 56;
}  // namespace

TraceMinimap::TraceMinimap(WaterfallView* view, QWidget* parent) : QWidget(parent), view_(view) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(
        tr("The whole trace. Drag the frame to move the view, drag its edges to zoom, drag "
           "elsewhere to zoom to a range; double-click shows the whole trace."));
    connect(view_, &WaterfallView::rowsChanged, this, [this] {
        stale_ = true;
        update();
    });
    connect(view_, &WaterfallView::viewChanged, this, qOverload<>(&QWidget::update));
}

QSize TraceMinimap::sizeHint() const {
    return {400, kHeight};
}

QSize TraceMinimap::minimumSizeHint() const {
    return {100, kHeight};
}

QRect TraceMinimap::pictureRect() const {
    // Aligned with the waterfall's bars when the waterfall is as wide as the minimap, so the
    // frame sits right above the times it stands for.
    const int left =
        view_->treeColumnWidth() + WaterfallGeometry::kDivider + WaterfallGeometry::kBarsPadding;
    const int right =
        width() - WaterfallGeometry::kBarsPadding -
        (view_->verticalScrollBar()->isVisible() ? view_->verticalScrollBar()->width() : 0);
    if (right - left < 80) return rect().adjusted(2, 2, -2, -2);
    return {left, 2, right - left, height() - 4};
}

double TraceMinimap::timeAt(double x) const {
    const QRect pic = pictureRect();
    const double f = std::clamp((x - pic.left()) / std::max(1, pic.width()), 0.0, 1.0);
    return f * view_->scale().traceDuration();
}

int TraceMinimap::rowAt(double y) const {
    const QRect pic = pictureRect();
    const size_t rows = view_->rows() ? view_->rows()->rowCount() : 0;
    const double f = std::clamp((y - pic.top()) / std::max(1, pic.height()), 0.0, 1.0);
    return static_cast<int>(f * static_cast<double>(rows));
}

QRectF TraceMinimap::windowFrame() const {
    const QRect pic = pictureRect();
    const TimeScale& scale = view_->scale();
    const double trace = scale.traceDuration();
    double x0 = pic.left() + scale.viewStart() / trace * pic.width();
    double x1 = pic.left() + scale.viewEnd() / trace * pic.width();
    const size_t rows = view_->rows() ? view_->rows()->rowCount() : 0;
    double y0 = pic.top(), y1 = pic.bottom() + 1;
    if (rows > 0) {
        const double first = view_->firstVisibleRow();
        const double last =
            std::min<double>(static_cast<double>(rows), first + view_->visibleRowCount());
        y0 = pic.top() + first / static_cast<double>(rows) * pic.height();
        y1 = pic.top() + last / static_cast<double>(rows) * pic.height();
    }
    // Never thinner than 3 px, so a deep zoom still shows where it is.
    if (x1 - x0 < 3) {
        x0 = (x0 + x1) / 2 - 1.5;
        x1 = x0 + 3;
    }
    if (y1 - y0 < 3) {
        y0 = (y0 + y1) / 2 - 1.5;
        y1 = y0 + 3;
    }
    return {QPointF(x0, y0), QPointF(x1, y1)};
}

void TraceMinimap::ensurePicture() {
    const QRect pic = pictureRect();
    const qreal dpr = devicePixelRatioF();
    const QSize pixels(static_cast<int>(pic.width() * dpr), static_cast<int>(pic.height() * dpr));
    if (!stale_ && picture_.size() == pixels) return;
    stale_ = false;
    if (!view_->trace() || !view_->rows()) {
        picture_ = QImage();
        return;
    }
    std::vector<QColor> colors;
    for (size_t i = 0; i < view_->trace()->services.size(); ++i)
        colors.push_back(serviceColor(static_cast<uint32_t>(i), palette()));
    MinimapStyle style;
    style.background = palette().color(QPalette::Base);
    style.ink = palette().color(QPalette::Text);
    style.error = errorTextColor();
    style.serviceColors = &colors;
    picture_ = renderMinimap(*view_->trace(), *view_->rows(), pixels, style);
    picture_.setDevicePixelRatio(dpr);
    ++builds_;
}

void TraceMinimap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    ensurePicture();
    const QRect pic = pictureRect();
    if (picture_.isNull()) return;
    p.drawImage(pic.topLeft(), picture_);
    // Shade what is outside the window, frame the window.
    const QRectF frame = windowFrame();
    QColor shade = palette().color(QPalette::Window);
    shade.setAlpha(150);
    const QRectF all(pic);
    p.fillRect(QRectF(all.left(), all.top(), frame.left() - all.left(), all.height()), shade);
    p.fillRect(QRectF(frame.right(), all.top(), all.right() + 1 - frame.right(), all.height()),
               shade);
    p.fillRect(QRectF(frame.left(), all.top(), frame.width(), frame.top() - all.top()), shade);
    p.fillRect(
        QRectF(frame.left(), frame.bottom(), frame.width(), all.bottom() + 1 - frame.bottom()),
        shade);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame.adjusted(0.75, 0.75, -0.75, -0.75));
    if (drag_ == Drag::Range && moved_) {
        const double a = pic.left() + pressStart_ / view_->scale().traceDuration() * pic.width();
        const double b = pic.left() + rangeEnd_ / view_->scale().traceDuration() * pic.width();
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(70);
        p.fillRect(QRectF(std::min(a, b), all.top(), std::abs(b - a), all.height()), band);
    }
    QColor border = palette().color(QPalette::Text);
    border.setAlpha(64);
    p.setPen(border);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.drawRect(pic.adjusted(0, 0, -1, -1));
}

void TraceMinimap::centreOn(const QPointF& pos) {
    const double window = view_->scale().viewDuration();
    const double t = timeAt(pos.x());
    view_->zoomToRange(t - window / 2, t + window / 2);
    view_->scrollToRow(rowAt(pos.y()) - view_->visibleRowCount() / 2);
}

void TraceMinimap::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !view_->trace()) return;
    const QPointF pos = event->position();
    const QRectF frame = windowFrame();
    pressPos_ = pos;
    pressStart_ = view_->scale().viewStart();
    pressEnd_ = view_->scale().viewEnd();
    pressRow_ = view_->firstVisibleRow();
    moved_ = false;
    if (std::abs(pos.x() - frame.left()) <= kEdgeGrabPx)
        drag_ = Drag::LeftEdge;
    else if (std::abs(pos.x() - frame.right()) <= kEdgeGrabPx)
        drag_ = Drag::RightEdge;
    else if (frame.contains(pos))
        drag_ = Drag::Move;
    else {
        drag_ = Drag::Range;
        pressStart_ = rangeEnd_ = timeAt(pos.x());
    }
}

void TraceMinimap::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (drag_ == Drag::None) {
        const QRectF frame = windowFrame();
        const bool edge = std::abs(pos.x() - frame.left()) <= kEdgeGrabPx ||
                          std::abs(pos.x() - frame.right()) <= kEdgeGrabPx;
        setCursor(edge                  ? Qt::SizeHorCursor
                  : frame.contains(pos) ? Qt::OpenHandCursor
                                        : Qt::CrossCursor);
        return;
    }
    if (!moved_ && (pos - pressPos_).manhattanLength() < kClickPx) return;
    moved_ = true;
    const QRect pic = pictureRect();
    const double perPx = view_->scale().traceDuration() / std::max(1, pic.width());
    const double dt = (pos.x() - pressPos_.x()) * perPx;
    switch (drag_) {
        case Drag::Move: {
            view_->zoomToRange(pressStart_ + dt, pressEnd_ + dt);
            const size_t rows = view_->rows()->rowCount();
            const double perRow = static_cast<double>(rows) / std::max(1, pic.height());
            view_->scrollToRow(pressRow_ +
                               static_cast<int>(std::lround((pos.y() - pressPos_.y()) * perRow)));
            break;
        }
        case Drag::LeftEdge:
            view_->zoomToRange(std::min(pressStart_ + dt, pressEnd_), pressEnd_);
            break;
        case Drag::RightEdge:
            view_->zoomToRange(pressStart_, std::max(pressEnd_ + dt, pressStart_));
            break;
        case Drag::Range:
            rangeEnd_ = timeAt(pos.x());
            update();
            break;
        case Drag::None:
            break;
    }
}

void TraceMinimap::mouseReleaseEvent(QMouseEvent* event) {
    if (drag_ == Drag::Range) {
        if (moved_ && std::abs(rangeEnd_ - pressStart_) > 0)
            view_->zoomToRange(pressStart_, rangeEnd_);
        else
            centreOn(event->position());
    }
    drag_ = Drag::None;
    moved_ = false;
    update();
}

void TraceMinimap::mouseDoubleClickEvent(QMouseEvent*) {
    view_->resetZoom();
}

void TraceMinimap::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        stale_ = true;
    QWidget::changeEvent(event);
}

}  // namespace rootline::ui
