#include "flow_layout.h"

#include <QWidget>
#include <algorithm>

namespace rootline::ui {

namespace {

bool expands(const QLayoutItem* item) {
    return item->expandingDirections() & Qt::Horizontal;
}

// The width an item claims on a line before the leftover is shared out.
int claimedWidth(const QLayoutItem* item) {
    return expands(item) ? item->minimumSize().width() : item->sizeHint().width();
}

}  // namespace

FlowLayout::FlowLayout(QWidget* parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent), hSpacing_(horizontalSpacing), vSpacing_(verticalSpacing) {}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    items_.append(item);
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < items_.size() ? items_.at(index) : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    return index >= 0 && index < items_.size() ? items_.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::sizeHint() const {
    // Everything on one line.
    int width = 0, height = 0, shown = 0;
    for (const QLayoutItem* item : items_) {
        if (item->isEmpty()) continue;
        width += item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
        ++shown;
    }
    const QMargins m = contentsMargins();
    return QSize(width + std::max(0, shown - 1) * hSpacing_ + m.left() + m.right(),
                 height + m.top() + m.bottom());
}

QSize FlowLayout::minimumSize() const {
    // The widest item alone on a line.
    QSize size;
    for (const QLayoutItem* item : items_)
        if (!item->isEmpty())
            size = size.expandedTo(QSize(claimedWidth(item), item->minimumSize().height()));
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QMargins m = contentsMargins();
    const QRect area = rect.marginsRemoved(m);
    const int available = std::max(0, area.width());
    auto claimed = [available](const QLayoutItem* item) {
        return std::min(claimedWidth(item), available);
    };

    int y = area.y();
    int lines = 0;
    QList<QLayoutItem*> line;
    int lineWidth = 0;
    auto finishLine = [&] {
        if (line.isEmpty()) return;
        int height = 0, expanding = 0;
        for (const QLayoutItem* item : line) {
            height = std::max(height, item->sizeHint().height());
            if (expands(item)) ++expanding;
        }
        int leftover = available - lineWidth;
        int x = area.x();
        for (QLayoutItem* item : line) {
            int width = claimed(item);
            if (expands(item)) {
                const int extra = leftover / expanding--;
                width += extra;
                leftover -= extra;
            }
            const int h = std::min(item->sizeHint().height(), height);
            if (apply) item->setGeometry(QRect(x, y + (height - h) / 2, width, h));
            x += width + hSpacing_;
        }
        y += height + vSpacing_;
        ++lines;
        line.clear();
        lineWidth = 0;
    };
    for (QLayoutItem* item : items_) {
        if (item->isEmpty()) continue;
        const int width = claimed(item);
        if (!line.isEmpty() && lineWidth + hSpacing_ + width > available) finishLine();
        lineWidth += (line.isEmpty() ? 0 : hSpacing_) + width;
        line.append(item);
    }
    finishLine();
    if (lines > 0) y -= vSpacing_;
    return y - rect.y() + m.bottom();
}

}  // namespace rootline::ui
