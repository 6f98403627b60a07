#pragma once
// Beside the waterfall: which colour is which service, how many spans and errors each has, and
// a check box per service to show or hide its spans (the window's service filter).
//
// A compact list, about 220 px wide: check box, colour, name, span count and error count (red
// when there are errors; each row's tooltip says which number is which). No header — at this
// width its captions would take the room the names need — so the Sort menu above the list
// orders it: by first appearance (the colours' order, the default), name, spans or errors.
// Double-click shows only that service (again: all of them); the context menu and the two
// buttons below do the same without the mouse gymnastics.

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/trace.h"

class QActionGroup;
class QLabel;
class QMenu;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace rootline::ui {

class ServiceLegendColumns;
class ServiceLegendModel;

class ServiceLegend : public QWidget {
    Q_OBJECT
public:
    explicit ServiceLegend(QWidget* parent = nullptr);

    void setTrace(std::shared_ptr<const Trace> trace);
    ServiceLegendModel* model() const { return model_; }

    QSize sizeHint() const override;

signals:
    // One byte per service index, 1 = shown; empty when all are shown.
    void visibleServicesChanged(std::vector<uint8_t> visible);

protected:
    void changeEvent(QEvent* event) override;

private:
    int serviceAt(const QModelIndex& viewIndex) const;  // -1 when none
    int currentService() const;
    void showOnlyOrAll(int service);
    QMenu* createSortMenu();
    void fitCountColumns();
    void showContextMenu(const QPoint& pos);
    void onVisibleServicesChanged();
    void updateTitleAndButtons();

    ServiceLegendModel* model_;
    ServiceLegendColumns* columns_;
    QSortFilterProxyModel* proxy_;
    QLabel* title_;
    QMenu* sortMenu_;
    QToolButton* sort_;
    QTreeView* view_;
    QPushButton* showAll_;
    QPushButton* showOnly_;
};

}  // namespace rootline::ui
