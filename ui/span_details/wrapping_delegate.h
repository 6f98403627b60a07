#pragma once
// Draws cells whose text does not fit their column on several lines — at word boundaries, or
// anywhere for a URL or a base64 blob without spaces — and makes the row as tall as that text,
// so a 2 KB SQL statement is read in place instead of through a horizontal scroll bar. Very
// long values stop after kMaxLines lines with "…"; copying the value gets it whole.
//
// QStyledItemDelegate cannot do this on its own: its size hint does not know the column's width
// (so rows do not grow) and its word wrap leaves a word longer than the column cut off.

#include <QStyledItemDelegate>

class QTreeView;

namespace rootline::ui {

class WrappingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 30;

    explicit WrappingDelegate(QTreeView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    // The width the cell's text gets in the view as it is laid out now.
    int textWidth(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    bool fitsOnOneLine(const QStyleOptionViewItem& option, int width) const;

    QTreeView* view_;
};

}  // namespace rootline::ui
