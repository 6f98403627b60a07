#pragma once
// The links and references of one span: one row per link — how it relates (child of, follows
// from, link) and the span it names, in this trace (a link to click) or elsewhere — with the
// link's attributes as key | value rows under it.

#include <QAbstractItemModel>
#include <vector>

#include "model/trace.h"
#include "span_details/attribute_rows.h"

namespace rootline::ui {

class SpanLinksModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TypeOrKeyColumn, TargetOrValueColumn, ColumnCount };

    explicit SpanLinksModel(QObject* parent = nullptr);

    void setSpan(const Trace& trace, uint32_t span);
    void clear();

    int linkCount() const { return int(links_.size()); }
    // The span link `row` leads to in this trace, or -1.
    int32_t target(int row) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct LinkRow {
        QString type;     // "child of", "follows from", "link"
        QString target;   // what the link names, and whether it is in this trace
        QString tooltip;  // the full ids
        int32_t span = -1;
        std::vector<AttributeRow> attributes;
    };
    static constexpr quintptr kLinkRow = 0;

    QVariant linkData(const LinkRow& link, int column, int role) const;
    QString typeName(RefType type) const;

    std::vector<LinkRow> links_;
};

}  // namespace rootline::ui
