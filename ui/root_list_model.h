#pragma once
// The root spans of one trace: true roots first, then orphans (spans whose parent is missing),
// each marked as such. Shares the trace's summary: a broken trace can have a root per span.

#include <QAbstractListModel>
#include <QIcon>
#include <memory>

#include "analysis/trace_summary.h"

namespace rootline::ui {

class RootListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SpanRole = Qt::UserRole + 1,  // int: span index
        OrphanRole,                   // bool: the span names a parent that is not in the trace
    };

    explicit RootListModel(QObject* parent = nullptr);

    // Resets the model onto the roots of `summary` (nullptr empties it).
    void setSummary(std::shared_ptr<const TraceSummary> summary);
    // Drawn beside orphans; the view supplies it from its style, so the model needs no widget.
    void setOrphanIcon(const QIcon& icon);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const TraceSummary> summary_;
    QIcon orphanIcon_;
};

}  // namespace rootline::ui
