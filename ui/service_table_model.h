#pragma once
// The services of one trace: name, spans, errors. A flat table over the trace's summary, which
// it shares rather than copies; sorting happens in a QSortFilterProxyModel using SortRole.

#include <QAbstractTableModel>
#include <memory>

#include "analysis/trace_summary.h"

namespace rootline::ui {

class ServiceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ServiceColumn, SpansColumn, ErrorsColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // qlonglong for numbers, QString for the name
    };

    explicit ServiceTableModel(QObject* parent = nullptr);

    // Resets the model onto the services of `summary` (nullptr empties it).
    void setSummary(std::shared_ptr<const TraceSummary> summary);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const TraceSummary> summary_;
};

}  // namespace rootline::ui
