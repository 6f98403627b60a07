#pragma once
// Under the waterfall: the trace's ranked suspects, best first — rank badge, span, service
// (with its colour), score and the reasons — as the bottom panel of a profiler lists its
// hotspots under the timeline. The table is wide there, so the reasons have room to be read.
//
// Click a row (or move to it with the arrow keys) and the waterfall selects that span and
// scrolls to it; Enter or a double-click also hands it the keyboard focus. The panel follows
// the waterfall's selection the other way, highlighting the suspect being looked at. Until the
// ranking arrives it says so; a trace with nothing to suspect says that instead of showing an
// empty table.

#include <QWidget>
#include <cstdint>
#include <memory>

#include "analysis/suspect_ranking.h"
#include "model/trace.h"

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace rootline::ui {

class SuspectsModel;

class SuspectsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SuspectsPanel(QWidget* parent = nullptr);

    // A new trace: no rows and "Ranking suspects…" until setRanking() or setFailed().
    void setTrace(std::shared_ptr<const Trace> trace);
    void setRanking(std::shared_ptr<const Ranking> ranking);
    void setFailed(const QString& message);
    // Highlights the suspect that `span` is, or is folded into; clears the highlight for any
    // other span. Never emits spanSelected.
    void setCurrentSpan(int32_t span);

    SuspectsModel* model() const { return model_; }
    QTreeView* view() const { return view_; }
    // What the panel says instead of the table ("Ranking suspects…"); empty while the table
    // shows.
    QString placeholderText() const;

    QSize sizeHint() const override;

signals:
    // The user picked a suspect (click, arrow keys): the waterfall selects its span.
    void spanSelected(quint32 span);
    // Enter or a double-click: the same, and the waterfall takes the keyboard focus.
    void spanActivated(quint32 span);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showPlaceholder(const QString& text);
    void fitColumns();
    void updateTitle();
    void emitForRow(const QModelIndex& viewIndex, bool activate);

    std::shared_ptr<const Trace> trace_;
    SuspectsModel* model_;
    QSortFilterProxyModel* proxy_;
    QLabel* title_;
    QLabel* keysHint_;
    QStackedWidget* stack_;
    QTreeView* view_;
    QLabel* placeholder_;
    bool syncing_ = false;  // setCurrentSpan moves the current row: not the user's pick
};

}  // namespace rootline::ui
