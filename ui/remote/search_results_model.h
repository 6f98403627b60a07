#pragma once
// The search panel's results: one row per trace found (root, start, duration, spans, errors,
// trace id), sorted by the view through Qt::UserRole values.

#include <QAbstractTableModel>
#include <vector>

#include "remote/trace_source.h"

namespace rootline::ui {

class SearchResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Root, Start, Duration, Spans, Errors, TraceIdColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int TraceIdRole = Qt::UserRole + 1;

    explicit SearchResultsModel(QObject* parent = nullptr);

    void setResults(std::vector<remote::TraceSummary> results);
    const std::vector<remote::TraceSummary>& results() const { return results_; }
    const remote::TraceSummary* at(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<remote::TraceSummary> results_;
};

}  // namespace rootline::ui
