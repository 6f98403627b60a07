#include "span_details/detail_tree_view.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <algorithm>

#include "span_details/detail_roles.h"
#include "span_details/wrapping_delegate.h"

namespace rootline::ui {

namespace {

constexpr int kMinKeyWidth = 80;
constexpr int kMaxKeyWidth = 320;
constexpr int kIndentation = 14;

bool isAttribute(const QModelIndex& index) {
    return index.data(DetailRoles::Key).isValid();
}

void setClipboardText(const QString& text) {
    QGuiApplication::clipboard()->setText(text);
}

}  // namespace

DetailTreeView::DetailTreeView(QWidget* parent) : QTreeView(parent) {
    setItemDelegate(new WrappingDelegate(this));
    setUniformRowHeights(false);  // wrapped values make rows of different heights
    // Per pixel: a row taller than the view (a long SQL statement) must still scroll.
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    // Attributes sit one level deep: a narrow indent leaves their keys room at 380 px.
    setIndentation(kIndentation);
    setAllColumnsShowFocus(true);
    setMouseTracking(true);  // for the hand cursor over links
    header()->setStretchLastSection(true);
    header()->setSectionsMovable(false);
    connect(header(), &QHeaderView::sectionResized, this, [this](int section, int, int) {
        if (section == 0 && !sizingKey_ && header()->isVisible()) userSizedKey_ = true;
        // Row heights depend on the column widths.
        scheduleDelayedItemsLayout();
    });
    connect(this, &QTreeView::clicked, this,
            [this](const QModelIndex& index) { activateLink(index); });
}

void DetailTreeView::resizeEvent(QResizeEvent* event) {
    QTreeView::resizeEvent(event);
    fitKeyColumn();
}

void DetailTreeView::fitKeyColumn() {
    if (userSizedKey_ || !model() || model()->columnCount() < 2) return;
    const int width = viewport()->width();
    sizingKey_ = true;
    setColumnWidth(
        0, std::clamp(int(width * keyShare_), std::min(kMinKeyWidth, width / 2), kMaxKeyWidth));
    sizingKey_ = false;
}

bool DetailTreeView::activateLink(const QModelIndex& index) {
    if (!index.isValid() || !index.data(DetailRoles::IsLink).toBool()) return false;
    const int target = index.data(DetailRoles::TargetSpan).toInt();
    if (target < 0) return false;
    emit spanActivated(quint32(target));
    return true;
}

void DetailTreeView::mouseMoveEvent(QMouseEvent* event) {
    QTreeView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    const bool link = index.isValid() && index.data(DetailRoles::IsLink).toBool();
    if (link)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
}

void DetailTreeView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        // Enter on a link row follows it, wherever the focus cell is.
        const QModelIndex current = currentIndex();
        if (current.isValid()) {
            const QModelIndex linkCell = current.siblingAtColumn(model()->columnCount() - 1);
            if (activateLink(linkCell) || activateLink(current)) {
                event->accept();
                return;
            }
        }
    }
    QTreeView::keyPressEvent(event);
}

void DetailTreeView::appendRowText(const QModelIndex& row, QStringList& lines) const {
    if (isAttribute(row)) {
        lines << row.data(DetailRoles::Key).toString() + QLatin1Char('=') +
                     row.data(DetailRoles::Value).toString();
        return;
    }
    const QVariant header = row.data(DetailRoles::CopyHeader);
    if (header.isValid()) lines << header.toString();
    const int children = model()->rowCount(row);
    if (children == 0 && !header.isValid()) {
        // A plain line (a warning): its text.
        const QVariant value = row.data(DetailRoles::Value);
        if (value.isValid()) lines << value.toString();
        return;
    }
    for (int i = 0; i < children; ++i) {
        const QModelIndex child = model()->index(i, 0, row);
        if (isAttribute(child))
            lines << (header.isValid() ? QStringLiteral("  ") : QString()) +
                         child.data(DetailRoles::Key).toString() + QLatin1Char('=') +
                         child.data(DetailRoles::Value).toString();
    }
}

QString DetailTreeView::selectionText() const {
    if (!selectionModel()) return {};
    QModelIndexList rows = selectionModel()->selectedRows(0);
    // View order, not click order; a parent first copies its children, so skip them after.
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex& a, const QModelIndex& b) {
        return visualRect(a).top() < visualRect(b).top();
    });
    QStringList lines;
    for (const QModelIndex& row : rows) {
        const QModelIndex parent = row.parent();
        if (parent.isValid() && rows.contains(parent.siblingAtColumn(0))) continue;
        appendRowText(row, lines);
    }
    return lines.join(QLatin1Char('\n'));
}

void DetailTreeView::copySelection() const {
    const QString text = selectionText();
    if (!text.isEmpty()) setClipboardText(text);
}

void DetailTreeView::contextMenuEvent(QContextMenuEvent* event) {
    // From the mouse the event comes through the viewport, in its coordinates; from the menu
    // key it is about the current row.
    const QModelIndex index =
        event->reason() == QContextMenuEvent::Keyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid()) return;
    const QModelIndex row = index.siblingAtColumn(0);
    if (!selectionModel()->isRowSelected(row.row(), row.parent()))
        selectionModel()->select(row,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const bool attribute = isAttribute(row);
    const QString key = row.data(DetailRoles::Key).toString();
    const QString value = row.data(DetailRoles::Value).toString();
    const bool hasValue = row.data(DetailRoles::Value).isValid();

    QMenu menu(this);
    QAction* copyValue = menu.addAction(tr("Copy value"));
    copyValue->setEnabled(hasValue);
    connect(copyValue, &QAction::triggered, this, [value] { setClipboardText(value); });
    QAction* copyKey = menu.addAction(tr("Copy key"));
    copyKey->setEnabled(attribute);
    connect(copyKey, &QAction::triggered, this, [key] { setClipboardText(key); });
    QAction* copyLine = menu.addAction(tr("Copy as key=value"));
    copyLine->setShortcut(QKeySequence::Copy);  // shown as a hint; the view handles the key
    copyLine->setEnabled(!selectionText().isEmpty());
    connect(copyLine, &QAction::triggered, this, &DetailTreeView::copySelection);
    const QVariant target = row.data(DetailRoles::TargetSpan);
    if (target.isValid() && target.toInt() >= 0) {
        menu.addSeparator();
        connect(menu.addAction(tr("Go to span")), &QAction::triggered, this,
                [this, span = quint32(target.toInt())] { emit spanActivated(span); });
    }
    menu.exec(event->globalPos());
}

}  // namespace rootline::ui
