#pragma once
// One row per trace of a loaded file: id, root, start, duration, spans, services, errors,
// warnings. A flat table over an immutable snapshot; sorting happens in a QSortFilterProxyModel
// using SortRole, which returns raw numbers ("5 µs" must sort before "12 ms").

#include <QAbstractTableModel>
#include <memory>

#include "load_outcome.h"

namespace rootline::ui {

class TraceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TraceIdColumn,
        RootColumn,
        StartColumn,
        DurationColumn,
        SpansColumn,
        ServicesColumn,
        ErrorsColumn,
        WarningsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  // qlonglong for numbers, QString for text
        TraceIndexRole,               // int: index into file->traces
    };

    explicit TraceListModel(QObject* parent = nullptr);

    // Resets the model onto `snapshot` (nullptr empties it). Cheap: nothing is copied.
    void setSnapshot(std::shared_ptr<const LoadedFile> snapshot);
    const std::shared_ptr<const LoadedFile>& snapshot() const { return snapshot_; }
    std::shared_ptr<const Trace> traceAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const TraceSummary& s, int column) const;
    QVariant sortKey(const TraceSummary& s, int column) const;
    QVariant toolTip(const TraceSummary& s, int column) const;

    std::shared_ptr<const LoadedFile> snapshot_;
};

}  // namespace rootline::ui
