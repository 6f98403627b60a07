#pragma once
// The events (Jaeger: logs) of one span as a tree: one row per event — time since the span's
// start and name — with the event's attributes as key | value rows under it.

#include <QAbstractItemModel>
#include <vector>

#include "model/trace.h"
#include "span_details/attribute_rows.h"

namespace rootline::ui {

class SpanEventsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TimeOrKeyColumn, NameOrValueColumn, ColumnCount };
    enum Role {
        // bool, on event rows: the event records an exception (shown in the exception box too).
        IsExceptionRole = Qt::UserRole + 1,
        OffsetNsRole,  // qlonglong, on event rows: time since the span's start
    };

    explicit SpanEventsModel(QObject* parent = nullptr);

    // Resets onto the events of span `span`; `exceptionEvents` are indices into
    // trace.eventsOf(span) that carry an exception, to be marked.
    void setSpan(const Trace& trace, uint32_t span, const std::vector<int>& exceptionEvents);
    void clear();

    int eventCount() const { return int(events_.size()); }
    // Event rows plus attribute rows: what expanding everything would show.
    int totalRows() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct EventRow {
        QString offset;   // "+12.3 ms"
        QString name;     // as recorded; may be empty
        QString tooltip;  // absolute time and offset from the trace's start
        int64_t offsetNs = 0;
        bool exception = false;
        std::vector<AttributeRow> attributes;
    };
    // internalId: 0 for an event row, event + 1 for an attribute row under it.
    static constexpr quintptr kEventRow = 0;

    QVariant eventData(const EventRow& event, int column, int role) const;
    QString copyHeader(const EventRow& event) const;

    std::vector<EventRow> events_;
};

// "+12.3 ms", "−850 ns" (an event before its span's start, as broken clocks produce), "+0".
QString signedOffset(int64_t ns);

}  // namespace rootline::ui
