#include "elided_label.h"

#include <QPainter>
#include <QStyle>
#include <algorithm>

namespace rootline::ui {

namespace {
// Below this many average characters the label stops shrinking; "frontend: GET…" still says
// something.
constexpr int kMinimumChars = 12;
}  // namespace

ElidedLabel::ElidedLabel(QWidget* parent) : QFrame(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setText(const QString& text) {
    if (text == text_) return;
    text_ = text;
    updateGeometry();
    updateToolTip();
    update();
}

bool ElidedLabel::isElided() const {
    return fontMetrics().horizontalAdvance(text_) > contentsRect().width();
}

QSize ElidedLabel::sizeHint() const {
    const QMargins m = contentsMargins();
    return QSize(fontMetrics().horizontalAdvance(text_) + m.left() + m.right(),
                 fontMetrics().height() + m.top() + m.bottom());
}

QSize ElidedLabel::minimumSizeHint() const {
    const QMargins m = contentsMargins();
    const int width = std::min(fontMetrics().averageCharWidth() * kMinimumChars,
                               fontMetrics().horizontalAdvance(text_));
    return QSize(width + m.left() + m.right(), fontMetrics().height() + m.top() + m.bottom());
}

void ElidedLabel::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    QPainter painter(this);
    const QRect r = contentsRect();
    const QString shown = fontMetrics().elidedText(text_, Qt::ElideRight, r.width());
    style()->drawItemText(&painter, r, Qt::AlignLeft | Qt::AlignVCenter, palette(), isEnabled(),
                          shown, foregroundRole());
}

void ElidedLabel::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    updateToolTip();
}

void ElidedLabel::updateToolTip() {
    setToolTip(isElided() ? text_ : QString());
}

}  // namespace rootline::ui
