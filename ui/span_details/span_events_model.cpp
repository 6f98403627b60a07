#include "span_details/span_events_model.h"

#include <QFont>
#include <algorithm>

#include "colors.h"
#include "logging.h"
#include "span_details/detail_roles.h"
#include "util/format.h"

namespace rootline::ui {

QString signedOffset(int64_t ns) {
    if (ns < 0) return QString::fromStdString(formatDuration(ns));  // keeps its own "-"
    return QLatin1Char('+') + QString::fromStdString(formatDuration(ns));
}

SpanEventsModel::SpanEventsModel(QObject* parent) : QAbstractItemModel(parent) {}

void SpanEventsModel::setSpan(const Trace& trace, uint32_t span,
                              const std::vector<int>& exceptionEvents) {
    beginResetModel();
    events_.clear();
    const std::span<const Event> events = trace.eventsOf(span);
    events_.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        EventRow row;
        // Saturating: broken input can put an event centuries away from its span.
        int64_t fromSpan = 0, fromTrace = 0;
        if (__builtin_sub_overflow(e.timeNs, trace.start[span], &fromSpan)) fromSpan = INT64_MAX;
        if (__builtin_sub_overflow(e.timeNs, trace.startNs, &fromTrace)) fromTrace = INT64_MAX;
        row.offsetNs = fromSpan;
        row.offset = signedOffset(fromSpan);
        const std::string_view name = trace.str(e.name);
        row.name = QString::fromUtf8(name.data(), qsizetype(name.size()));
        row.tooltip = tr("%1 (UTC)\n%2 from the span's start, %3 from the trace's start")
                          .arg(QString::fromStdString(formatTimestamp(e.timeNs)), row.offset,
                               signedOffset(fromTrace));
        row.exception = std::find(exceptionEvents.begin(), exceptionEvents.end(), int(i)) !=
                        exceptionEvents.end();
        row.attributes = attributeRows(*trace.dict, e.attrs);
        events_.push_back(std::move(row));
    }
    endResetModel();
    qCDebug(lcModel) << "span events:" << events_.size();
}

void SpanEventsModel::clear() {
    beginResetModel();
    events_.clear();
    endResetModel();
}

int SpanEventsModel::totalRows() const {
    size_t n = events_.size();
    for (const EventRow& e : events_)
        n += e.attributes.size();
    return int(n);
}

QModelIndex SpanEventsModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) return {};
    if (!parent.isValid())
        return row < eventCount() ? createIndex(row, column, kEventRow) : QModelIndex();
    if (parent.internalId() != kEventRow || parent.column() != 0) return {};
    if (row >= int(events_[size_t(parent.row())].attributes.size())) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SpanEventsModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kEventRow) return {};
    return createIndex(int(child.internalId() - 1), 0, kEventRow);
}

int SpanEventsModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return eventCount();
    if (parent.internalId() != kEventRow || parent.column() != 0) return 0;
    return int(events_[size_t(parent.row())].attributes.size());
}

int SpanEventsModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString SpanEventsModel::copyHeader(const EventRow& event) const {
    return event.offset + QLatin1Char(' ') + (event.name.isEmpty() ? tr("(unnamed)") : event.name);
}

QVariant SpanEventsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kEventRow)
        return eventData(events_[size_t(index.row())], index.column(), role);
    const AttributeRow& a = events_[index.internalId() - 1].attributes[size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return index.column() == TimeOrKeyColumn ? a.key : a.value;
        case Qt::ToolTipRole:
            return index.column() == TimeOrKeyColumn ? QVariant() : QVariant(valueTooltip(a.value));
        case DetailRoles::Key:
            return a.key;
        case DetailRoles::Value:
            return a.value;
        default:
            return {};
    }
}

QVariant SpanEventsModel::eventData(const EventRow& event, int column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            if (column == TimeOrKeyColumn) return event.offset;
            return event.name.isEmpty() ? tr("(unnamed)") : event.name;
        case Qt::ToolTipRole:
            return event.tooltip;
        case Qt::FontRole: {
            QFont font;
            if (column == NameOrValueColumn) font.setBold(true);
            if (column == NameOrValueColumn && event.name.isEmpty()) font.setItalic(true);
            return font;
        }
        case Qt::ForegroundRole:
            return event.exception ? QVariant(errorTextColor()) : QVariant();
        case IsExceptionRole:
            return event.exception;
        case OffsetNsRole:
            return qlonglong(event.offsetNs);
        case DetailRoles::CopyHeader:
            return copyHeader(event);
        default:
            return {};
    }
}

QVariant SpanEventsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeOrKeyColumn:
            return tr("Time");
        case NameOrValueColumn:
            return tr("Event");
        default:
            return {};
    }
}

Qt::ItemFlags SpanEventsModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    if (index.internalId() == kEventRow) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace rootline::ui
