#pragma once
// The investigation history as a table: time, trace id, provider/model, confidence,
// hypothesis (or the error of a failed run) and the newest resolution note, newest first.
// The rows come from store::InvestigationHistory::list(), read on a worker by the panel.

#include <QAbstractTableModel>
#include <vector>

#include "store/investigation_history.h"

namespace rootline::ui {

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TraceColumn,
        ModelColumn,
        ConfidenceColumn,
        HypothesisColumn,
        ResolutionColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit HistoryModel(QObject* parent = nullptr);

    void setRows(std::vector<store::InvestigationSummary> rows);
    const store::InvestigationSummary& row(int r) const { return rows_[size_t(r)]; }
    qint64 idAt(int r) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<store::InvestigationSummary> rows_;
};

}  // namespace rootline::ui
