#pragma once
// Draws the suspects list's rank column as the violet badge the waterfall shows on the span, so
// "2" in the list and "2" on the bar are visibly the same mark.

#include <QStyledItemDelegate>

namespace rootline::ui {

class SuspectRankDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rootline::ui
