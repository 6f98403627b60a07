#pragma once
// The legend's list model seen as a table, Service | Spans | Errors, so the view can show the
// counts in aligned columns and sort by them — a list model has one column only.
//
// Row r is service r of the list model; the Service column passes every role (name, swatch,
// check box) through, the count columns show the numbers. SortRole gives each column a value
// that sorts right: names without case, counts as numbers.

#include <QAbstractTableModel>

namespace rootline::ui {

class ServiceLegendModel;

class ServiceLegendColumns : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ServiceColumn, SpansColumn, ErrorsColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 100 };

    explicit ServiceLegendColumns(ServiceLegendModel* source, QObject* parent = nullptr);

    ServiceLegendModel* source() const { return source_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ServiceLegendModel* source_;
};

}  // namespace rootline::ui
