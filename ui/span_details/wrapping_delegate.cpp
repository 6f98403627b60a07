#include "span_details/wrapping_delegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTextLayout>
#include <QTreeView>
#include <algorithm>
#include <cmath>

#include "span_details/detail_roles.h"

namespace rootline::ui {

namespace {

// Characters laid out at most: kMaxLines lines of a narrow column never need more, and laying
// out a 40 KB stack on every paint would not be free.
constexpr qsizetype kMaxLayoutChars = 8000;
constexpr int kWidthSlack = 4;
constexpr int kVerticalPadding = 4;
constexpr int kTabSpaces = 4;

int textMargin(const QWidget* widget) {
    // What QCommonStyle leaves on each side of an item's text.
    const QStyle* style = widget ? widget->style() : QApplication::style();
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

// Lays `text` out in lines of `width`; returns the lines kept (at most `maxLines`) and tells
// whether text was left over.
struct Lines {
    int count = 0;
    bool truncated = false;
};

Lines layOut(QTextLayout& layout, int width, int maxLines) {
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // Stack traces indent frames with tabs; the default 80 px stops waste a narrow column.
    option.setTabStopDistance(QFontMetricsF(layout.font()).horizontalAdvance(QLatin1Char(' ')) *
                              kTabSpaces);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    Lines lines;
    qreal y = 0;
    int end = 0;
    layout.beginLayout();
    while (lines.count < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        end = line.textStart() + line.textLength();
        ++lines.count;
    }
    layout.endLayout();
    lines.truncated = end < layout.text().size();
    return lines;
}

QString layoutText(const QString& text, bool& cut) {
    cut = text.size() > kMaxLayoutChars;
    QString shown = cut ? text.left(kMaxLayoutChars) : text;
    // QTextLayout breaks lines only at U+2028, not at '\n'.
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return shown;
}

}  // namespace

WrappingDelegate::WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), view_(view) {}

void WrappingDelegate::initStyleOption(QStyleOptionViewItem* option,
                                       const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    // A key beside a ten-line value reads best at the top of its row, not in the middle.
    option->displayAlignment = Qt::AlignLeft | Qt::AlignTop;
    if (index.data(DetailRoles::IsLink).toBool()) {
        // The palette's link colour, so a dark theme gets its own.
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
        option->font.setUnderline(true);
    }
}

int WrappingDelegate::textWidth(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    int width = view_->columnWidth(index.column());
    if (index.column() == 0) {
        int depth = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= view_->indentation() * (depth + (view_->rootIsDecorated() ? 1 : 0));
    }
    if (option.features & QStyleOptionViewItem::HasDecoration)
        width -= option.decorationSize.width() + textMargin(view_);
    return std::max(1, width - 2 * textMargin(view_));
}

bool WrappingDelegate::fitsOnOneLine(const QStyleOptionViewItem& option, int width) const {
    if (option.text.contains(QLatin1Char('\n'))) return false;
    // Most values are short: skip the text layout for them.
    return QFontMetrics(option.font).horizontalAdvance(option.text) <= width;
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // A little narrower than paint() will find: a cell that is close either way gets one line
    // too many rather than a line cut off.
    const int width = textWidth(opt, index) - kWidthSlack;
    if (opt.text.isEmpty() || fitsOnOneLine(opt, width)) return size;
    bool cut = false;
    QTextLayout layout(layoutText(opt.text, cut), opt.font);
    layOut(layout, std::max(1, width), kMaxLines);
    const int height = int(std::ceil(layout.boundingRect().height())) + kVerticalPadding;
    size.setHeight(std::max(size.height(), height));
    // Never ask for more width than the column: the row grows instead.
    size.setWidth(std::min(size.width(), view_->columnWidth(index.column())));
    return size;
}

void WrappingDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                               .adjusted(textMargin(widget), 0, -textMargin(widget), 0);
    if (opt.text.isEmpty() || fitsOnOneLine(opt, textRect.width())) {
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        return;
    }
    // Background, selection, focus and icon as the style draws them; the text ourselves.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    bool cut = false;
    QTextLayout layout(layoutText(text, cut), opt.font);
    const Lines lines = layOut(layout, std::max(1, textRect.width()), kMaxLines);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QColor color = opt.palette.color(
        group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setPen(color);
    painter->setFont(opt.font);
    painter->setClipRect(opt.rect);
    const QPointF origin(textRect.left(), textRect.top());
    const bool more = lines.truncated || cut;
    for (int i = 0; i < lines.count; ++i) {
        const QTextLine line = layout.lineAt(i);
        if (more && i == lines.count - 1) {
            // The last line shown ends in "…": there is more than the cell shows.
            const QString last = layout.text().mid(line.textStart(), line.textLength());
            const QFontMetrics fm(opt.font);
            painter->drawText(
                QPointF(origin.x(), origin.y() + line.y() + line.ascent()),
                fm.elidedText(last + QChar(0x2026), Qt::ElideRight, textRect.width()));
        } else {
            line.draw(painter, origin);
        }
    }
    painter->restore();
}

}  // namespace rootline::ui
