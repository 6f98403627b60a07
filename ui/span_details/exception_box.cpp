#include "span_details/exception_box.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>
#include <algorithm>

#include "colors.h"
#include "span_details/span_events_model.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

constexpr int kIconSize = 16;
constexpr int kTabSpaces = 4;

}  // namespace

ExceptionBox::ExceptionBox(QWidget* parent)
    : QFrame(parent),
      icon_(new QLabel(this)),
      title_(new QLabel(this)),
      text_(new QTextEdit(this)) {
    setObjectName(QStringLiteral("exceptionBox"));
    title_->setObjectName(QStringLiteral("exceptionTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    QPalette red = title_->palette();
    red.setColor(QPalette::WindowText, errorTextColor());
    title_->setPalette(red);

    text_->setObjectName(QStringLiteral("exceptionText"));
    text_->setReadOnly(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Headlines wrap at the box's width; stack blocks are marked non-breakable (see below), so
    // their lines scroll sideways instead.
    text_->setLineWrapMode(QTextEdit::WidgetWidth);
    text_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text_->setUndoRedoEnabled(false);
    // Frames are indented with tabs; 80 px stops would push them half across a narrow box.
    text_->setTabStopDistance(QFontMetricsF(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                                  .horizontalAdvance(QLatin1Char(' ')) *
                              kTabSpaces);

    for (QScrollBar* bar : {text_->verticalScrollBar(), text_->horizontalScrollBar()}) {
        // actionTriggered comes from the user only (wheel, drag, arrows), never from relayouts.
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { pinnedTop_ = false; });
        connect(bar, &QAbstractSlider::rangeChanged, this, [this, bar] {
            if (pinnedTop_) bar->setValue(0);
        });
    }

    auto* titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->setSpacing(6);
    titleRow->addWidget(icon_);
    titleRow->addWidget(title_, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(titleRow);
    layout->addWidget(text_, 1);
    updateTitle();
    hide();
}

void ExceptionBox::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange) updateTitle();
    if (event->type() == QEvent::PaletteChange) {
        QPalette red = title_->palette();
        red.setColor(QPalette::WindowText, errorTextColor(palette()));
        title_->setPalette(red);
        // The notes' colour is baked into the document: write it again in the new palette.
        if (count_ > 0) fillText();
    }
}

void ExceptionBox::updateTitle() {
    icon_->setPixmap(style()
                         ->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this)
                         .pixmap(kIconSize, kIconSize));
    title_->setText(count_ > 1 ? tr("Exceptions (%1)").arg(count_) : tr("Exception"));
}

void ExceptionBox::setExceptions(const std::vector<SpanException>& exceptions,
                                 int64_t spanStartNs) {
    exceptions_ = exceptions;
    spanStartNs_ = spanStartNs;
    count_ = int(exceptions.size());
    hasStack_ = std::any_of(exceptions.begin(), exceptions.end(),
                            [](const SpanException& e) { return !e.stack.isEmpty(); });
    updateTitle();
    fillText();
    setVisible(count_ > 0);
}

void ExceptionBox::fillText() {
    text_->clear();
    if (exceptions_.empty()) return;
    QTextCursor cursor(text_->document());
    cursor.beginEditBlock();

    QTextCharFormat headline;
    headline.setFontWeight(QFont::Bold);
    headline.setForeground(errorTextColor(palette()));
    QTextCharFormat note;
    note.setForeground(palette().brush(QPalette::PlaceholderText));
    QTextCharFormat stack;
    stack.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QTextBlockFormat wrapping;
    QTextBlockFormat unwrapped;
    unwrapped.setNonBreakableLines(true);

    bool first = true;
    for (const SpanException& e : exceptions_) {
        if (!first) {
            cursor.insertBlock(wrapping, QTextCharFormat());  // a blank line between exceptions
            cursor.insertBlock(wrapping, headline);
        } else {
            cursor.setBlockFormat(wrapping);
            cursor.setBlockCharFormat(headline);
        }
        first = false;
        const QString title = e.headline();
        cursor.insertText(title.isEmpty() ? tr("(no type or message recorded)") : title, headline);
        const QString where = e.event >= 0 ? tr("recorded %1 after the span's start")
                                                 .arg(signedOffset(e.timeNs - spanStartNs_))
                                           : tr("from the span's attributes");
        cursor.insertBlock(wrapping, note);
        cursor.insertText(where, note);
        if (!e.stack.isEmpty()) {
            cursor.insertBlock(unwrapped, stack);
            // Windows line ends would show as boxes.
            QString lines = e.stack;
            lines.remove(QLatin1Char('\r'));
            cursor.insertText(lines, stack);
        }
    }
    cursor.endEditBlock();
    text_->moveCursor(QTextCursor::Start);
    pinnedTop_ = true;
    text_->verticalScrollBar()->setValue(0);
    text_->horizontalScrollBar()->setValue(0);
}

int ExceptionBox::contentHeight() const {
    const int frame = 2 * text_->frameWidth();
    // Stack lines do not wrap, so a stack usually brings a horizontal scroll bar.
    const int scrollBar =
        hasStack_ ? style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, text_) : 0;
    return title_->sizeHint().height() + layout()->spacing() +
           int(text_->document()->size().height()) + frame + scrollBar;
}

QString ExceptionBox::text() const {
    return count_ == 0 ? QString() : text_->toPlainText();
}

}  // namespace rootline::ui
