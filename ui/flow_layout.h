#pragma once
// Lays its items out left to right and starts a new line when the next one does not fit, so a
// row of facts stays one line in a wide window and wraps in a narrow one instead of setting the
// window's minimum width. On each line, items that expand horizontally (an ElidedLabel) share
// the line's leftover width, and for the wrapping decision count only with their minimum width:
// they give way before anything wraps.

#include <QLayout>
#include <QList>

namespace rootline::ui {

class FlowLayout : public QLayout {
public:
    FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(items_.size()); }
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSize() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` when `apply`; returns the height they need.
    int arrange(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> items_;
    int hSpacing_;
    int vSpacing_;
};

}  // namespace rootline::ui
