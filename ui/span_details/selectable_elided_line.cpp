#include "span_details/selectable_elided_line.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace rootline::ui {

namespace {
// Below this many average characters the line stops shrinking.
constexpr int kMinimumChars = 12;
// QLineEdit's own horizontal text margin (qlineedit_p.h), so the elided and the editing text
// start at the same x.
constexpr int kHorizontalMargin = 2;
}  // namespace

SelectableElidedLine::SelectableElidedLine(QWidget* parent) : QLineEdit(parent) {
    setReadOnly(true);
    setFrame(false);
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    matchWindowBackground();
}

void SelectableElidedLine::setFullText(const QString& text) {
    setText(text);
    setCursorPosition(0);  // show the beginning, not the end, of a long name
    updateToolTip();
    update();
}

QRect SelectableElidedLine::textArea() const {
    QStyleOptionFrame option;
    initStyleOption(&option);
    return style()
        ->subElementRect(QStyle::SE_LineEditContents, &option, this)
        .adjusted(kHorizontalMargin, 0, -kHorizontalMargin, 0);
}

bool SelectableElidedLine::isElided() const {
    return fontMetrics().horizontalAdvance(text()) > textArea().width();
}

QSize SelectableElidedLine::minimumSizeHint() const {
    QSize size = QLineEdit::minimumSizeHint();
    size.setWidth(fontMetrics().averageCharWidth() * kMinimumChars);
    return size;
}

void SelectableElidedLine::paintEvent(QPaintEvent* event) {
    if (hasFocus() || !isElided()) {
        QLineEdit::paintEvent(event);
        return;
    }
    QPainter painter(this);
    const QRect area = textArea();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter, shown);
}

void SelectableElidedLine::resizeEvent(QResizeEvent* event) {
    QLineEdit::resizeEvent(event);
    updateToolTip();
}

void SelectableElidedLine::changeEvent(QEvent* event) {
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) matchWindowBackground();
    if (event->type() == QEvent::FontChange) updateToolTip();
}

void SelectableElidedLine::matchWindowBackground() {
    // A line edit paints its Base colour; a label shows its parent's Window colour. Following the
    // palette (not a fixed colour) keeps dark themes right; the check ends the PaletteChange
    // that setPalette() itself sends.
    QPalette p = palette();
    if (p.color(QPalette::Base) == p.color(QPalette::Window) &&
        p.color(QPalette::Text) == p.color(QPalette::WindowText))
        return;
    p.setColor(QPalette::Base, p.color(QPalette::Window));
    p.setColor(QPalette::Text, p.color(QPalette::WindowText));
    setPalette(p);
}

void SelectableElidedLine::updateToolTip() {
    setToolTip(isElided() ? text() : QString());
}

}  // namespace rootline::ui
