#pragma once
// Log lines of a trace as a table (time, level, service, span, message): the Logs panel shows
// every line through a filter, the span details the selected span's. The lines are shared, never
// copied: a model reset swaps one pointer.

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "logs/log_line.h"
#include "model/trace.h"

namespace rootline::ui {

class LogLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, ServiceColumn, SpanColumn, MessageColumn, ColumnCount };
    enum Role {
        SpanRole = Qt::UserRole + 1,  // qint64: the line's span in the trace, -1 for none
        LevelRole,                    // int: logs::LogLevel
        SourceRole,                   // int: logs::LogSource
        TimeRole,                     // qint64: Unix ns
    };

    explicit LogLinesModel(QObject* parent = nullptr);

    // `trace` names the spans (may be null: the span column shows ids); `lines` in time order.
    void setLines(std::shared_ptr<const Trace> trace,
                  std::shared_ptr<const std::vector<logs::LogLine>> lines);
    void clear();
    const logs::LogLine& lineAt(int row) const { return (*lines_)[size_t(row)]; }
    int lineCount() const { return lines_ ? int(lines_->size()) : 0; }
    const std::shared_ptr<const Trace>& trace() const { return trace_; }
    // "checkout: POST /v1/checkout", or the span id when the trace does not have it.
    QString spanText(const logs::LogLine& line) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString timeText(int64_t ns) const;
    QString toolTip(const logs::LogLine& line) const;

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const std::vector<logs::LogLine>> lines_;
};

// The level as the panel shows it: "ERROR", "WARN", "INFO", "DEBUG", "" for Unknown.
QString logLevelText(logs::LogLevel level);
// Where a line came from, in words: "span event", "Loki", "OTLP log file".
QString logSourceText(logs::LogSource source);

}  // namespace rootline::ui
