#include "span_details/span_attributes_model.h"

#include <QFont>
#include <QLocale>

#include "logging.h"
#include "span_details/detail_roles.h"

namespace rootline::ui {

SpanAttributesModel::SpanAttributesModel(QObject* parent) : QAbstractItemModel(parent) {}

void SpanAttributesModel::setSpan(const Trace& trace, uint32_t span) {
    beginResetModel();
    groups_[SpanGroup].rows = attributeRows(*trace.dict, trace.attrs[span]);
    groups_[ResourceGroup].rows = attributeRows(*trace.dict, trace.resourceOf(span).attrs);
    applyFilter();
    endResetModel();
    qCDebug(lcModel) << "span attributes:" << groups_[SpanGroup].rows.size() << "span,"
                     << groups_[ResourceGroup].rows.size() << "resource";
}

void SpanAttributesModel::clear() {
    beginResetModel();
    for (GroupRows& g : groups_) {
        g.rows.clear();
        g.shown.clear();
    }
    endResetModel();
}

void SpanAttributesModel::setFilter(const QString& text) {
    if (text == filter_) return;
    beginResetModel();
    filter_ = text;
    applyFilter();
    endResetModel();
}

void SpanAttributesModel::applyFilter() {
    for (GroupRows& g : groups_) {
        g.shown.clear();
        g.shown.reserve(g.rows.size());
        for (size_t i = 0; i < g.rows.size(); ++i)
            if (attributeMatches(g.rows[i], filter_)) g.shown.push_back(int(i));
    }
}

int SpanAttributesModel::totalCount() const {
    return groupTotal(SpanGroup) + groupTotal(ResourceGroup);
}

int SpanAttributesModel::shownCount() const {
    return groupShown(SpanGroup) + groupShown(ResourceGroup);
}

QModelIndex SpanAttributesModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, column, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || parent.column() != 0) return {};
    const int group = parent.row();
    if (row >= groupShown(Group(group))) return {};
    return createIndex(row, column, quintptr(group + 1));
}

QModelIndex SpanAttributesModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kGroupRow) return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int SpanAttributesModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return GroupCount;
    if (parent.internalId() != kGroupRow || parent.column() != 0) return 0;
    return groupShown(Group(parent.row()));
}

int SpanAttributesModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant SpanAttributesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kGroupRow)
        return index.column() == 0 ? groupData(Group(index.row()), role) : QVariant();
    const GroupRows& g = groups_[index.internalId() - 1];
    return attributeData(g.rows[size_t(g.shown[size_t(index.row())])], index.column(), role);
}

QVariant SpanAttributesModel::groupData(Group group, int role) const {
    switch (role) {
        case Qt::DisplayRole: {
            const QString name = group == SpanGroup ? tr("Span") : tr("Resource");
            const int total = groupTotal(group);
            if (total == 0) return tr("%1: No attributes").arg(name);
            const QLocale locale;
            if (groupShown(group) == total) return tr("%1 (%2)").arg(name, locale.toString(total));
            return tr("%1 (%2 of %3)")
                .arg(name, locale.toString(groupShown(group)), locale.toString(total));
        }
        case Qt::ToolTipRole:
            return group == SpanGroup
                       ? tr("Attributes the instrumentation recorded on this span")
                       : tr("Attributes of the process that recorded this span (its resource)");
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            return {};
    }
}

QVariant SpanAttributesModel::attributeData(const AttributeRow& row, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return column == KeyColumn ? row.key : row.value;
        case Qt::ToolTipRole:
            return column == KeyColumn ? QVariant() : QVariant(valueTooltip(row.value));
        case DetailRoles::Key:
            return row.key;
        case DetailRoles::Value:
            return row.value;
        default:
            return {};
    }
}

QVariant SpanAttributesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case KeyColumn:
            return tr("Key");
        case ValueColumn:
            return tr("Value");
        default:
            return {};
    }
}

Qt::ItemFlags SpanAttributesModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    // Group rows are selectable too: Ctrl+C on one copies all of its (shown) attributes.
    if (index.internalId() == kGroupRow) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace rootline::ui
