#include "span_details/span_links_model.h"

#include <QFont>

#include "logging.h"
#include "span_details/detail_roles.h"

namespace rootline::ui {

namespace {

// Enough of a trace id to tell traces apart at a glance; the tooltip has it whole.
constexpr qsizetype kShortTraceId = 8;

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

SpanLinksModel::SpanLinksModel(QObject* parent) : QAbstractItemModel(parent) {}

QString SpanLinksModel::typeName(RefType type) const {
    switch (type) {
        case RefType::ChildOf:
            return tr("child of");
        case RefType::FollowsFrom:
            return tr("follows from");
        case RefType::Link:
            return tr("link");
    }
    return {};
}

void SpanLinksModel::setSpan(const Trace& trace, uint32_t span) {
    beginResetModel();
    links_.clear();
    for (const Link& link : trace.linksOf(span)) {
        LinkRow row;
        row.type = typeName(link.type);
        row.span = link.target;
        const QString spanId = QString::fromStdString(toHex(link.spanId));
        const QString traceId = QString::fromStdString(toHex(link.traceId));
        if (link.target >= 0) {
            const size_t t = size_t(link.target);
            row.target = tr("%1: %2 (span %3)")
                             .arg(qs(trace.serviceOf(t)), qs(trace.nameOf(t)),
                                  QString::fromStdString(trace.spanIdText(t)));
            row.tooltip = tr("Go to span %1 in this trace").arg(spanId);
        } else if (link.traceId == trace.id) {
            row.target = tr("span %1, not in this trace").arg(spanId);
            row.tooltip = tr("Span %1 of this trace was not in the file").arg(spanId);
        } else {
            row.target = tr("span %1 in trace %2…, not in this trace")
                             .arg(spanId, traceId.left(kShortTraceId));
            row.tooltip = tr("Span %1 of trace %2").arg(spanId, traceId);
        }
        row.attributes = attributeRows(*trace.dict, link.attrs);
        links_.push_back(std::move(row));
    }
    endResetModel();
    qCDebug(lcModel) << "span links:" << links_.size();
}

void SpanLinksModel::clear() {
    beginResetModel();
    links_.clear();
    endResetModel();
}

int32_t SpanLinksModel::target(int row) const {
    return row >= 0 && row < linkCount() ? links_[size_t(row)].span : -1;
}

QModelIndex SpanLinksModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return row < linkCount() ? createIndex(row, column, kLinkRow) : QModelIndex();
    if (parent.internalId() != kLinkRow || parent.column() != 0) return {};
    if (row >= int(links_[size_t(parent.row())].attributes.size())) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SpanLinksModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kLinkRow) return {};
    return createIndex(int(child.internalId() - 1), 0, kLinkRow);
}

int SpanLinksModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return linkCount();
    if (parent.internalId() != kLinkRow || parent.column() != 0) return 0;
    return int(links_[size_t(parent.row())].attributes.size());
}

int SpanLinksModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant SpanLinksModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kLinkRow)
        return linkData(links_[size_t(index.row())], index.column(), role);
    const AttributeRow& a = links_[index.internalId() - 1].attributes[size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return index.column() == TypeOrKeyColumn ? a.key : a.value;
        case Qt::ToolTipRole:
            return index.column() == TypeOrKeyColumn ? QVariant() : QVariant(valueTooltip(a.value));
        case DetailRoles::Key:
            return a.key;
        case DetailRoles::Value:
            return a.value;
        case DetailRoles::TargetSpan:
            return -1;
        default:
            return {};
    }
}

QVariant SpanLinksModel::linkData(const LinkRow& link, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return column == TypeOrKeyColumn ? link.type : link.target;
        case Qt::ToolTipRole:
            return link.tooltip;
        case Qt::FontRole: {
            if (column != TargetOrValueColumn || link.span >= 0) return {};
            QFont font;
            font.setItalic(true);  // names a span the user cannot go to
            return font;
        }
        case DetailRoles::TargetSpan:
            return int(link.span);
        case DetailRoles::IsLink:
            return column == TargetOrValueColumn && link.span >= 0;
        case DetailRoles::CopyHeader:
            return link.type + QLatin1Char(' ') + link.target;
        default:
            return {};
    }
}

QVariant SpanLinksModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TypeOrKeyColumn:
            return tr("Type");
        case TargetOrValueColumn:
            return tr("Span");
        default:
            return {};
    }
}

Qt::ItemFlags SpanLinksModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    if (index.internalId() == kLinkRow) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace rootline::ui
