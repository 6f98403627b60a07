#pragma once
// The attributes of one span as a two-level tree: the groups "Span" and "Resource" at the top,
// key | value rows under them. The filter lives in the model rather than in a proxy because the
// group rows must count what the filter leaves ("3 of 12") and stay visible when it leaves
// nothing, which a QSortFilterProxyModel over a tree cannot say.

#include <QAbstractItemModel>
#include <array>
#include <vector>

#include "model/trace.h"
#include "span_details/attribute_rows.h"

namespace rootline::ui {

class SpanAttributesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Group { SpanGroup, ResourceGroup, GroupCount };
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    explicit SpanAttributesModel(QObject* parent = nullptr);

    // Resets onto span `span` of `trace` (its own and its resource's attributes); the model
    // copies what it shows and keeps no reference to the trace.
    void setSpan(const Trace& trace, uint32_t span);
    void clear();

    // Keeps the rows whose key or value contains `text` (case-insensitive). Survives setSpan.
    void setFilter(const QString& text);
    QString filter() const { return filter_; }

    int totalCount() const;  // attributes of both groups
    int shownCount() const;  // of these, the ones the filter keeps
    int groupTotal(Group group) const { return int(groups_[group].rows.size()); }
    int groupShown(Group group) const { return int(groups_[group].shown.size()); }
    QModelIndex groupIndex(Group group) const { return index(int(group), 0); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct GroupRows {
        std::vector<AttributeRow> rows;
        std::vector<int> shown;  // indices into rows that pass the filter
    };
    // internalId: 0 for a group row, group + 1 for an attribute row under it.
    static constexpr quintptr kGroupRow = 0;

    void applyFilter();
    QVariant groupData(Group group, int role) const;
    QVariant attributeData(const AttributeRow& row, int column, int role) const;

    std::array<GroupRows, GroupCount> groups_;
    QString filter_;
};

}  // namespace rootline::ui
