#include "signals/log_lines_model.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "colors.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

// The amber of warnings elsewhere in the window (legend, banners), readable on light and dark.
QColor warnTextColor() {
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128
               ? QColor(0xf0, 0xb0, 0x40)
               : QColor(0xa8, 0x50, 0x00);
}

// A message is shown on one row: its first line, the rest in the tooltip.
QString oneLine(const std::string& body) {
    QString text = QString::fromStdString(body);
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    if (newline >= 0) text = text.left(newline) + QStringLiteral(" …");
    return text;
}

}  // namespace

QString logLevelText(logs::LogLevel level) {
    switch (level) {
        case logs::LogLevel::Error:
            return QStringLiteral("ERROR");
        case logs::LogLevel::Warn:
            return QStringLiteral("WARN");
        case logs::LogLevel::Info:
            return QStringLiteral("INFO");
        case logs::LogLevel::Debug:
            return QStringLiteral("DEBUG");
        case logs::LogLevel::Unknown:
            break;
    }
    return {};
}

QString logSourceText(logs::LogSource source) {
    switch (source) {
        case logs::LogSource::SpanEvent:
            return LogLinesModel::tr("span event");
        case logs::LogSource::Loki:
            return LogLinesModel::tr("Loki");
        case logs::LogSource::OtlpFile:
            return LogLinesModel::tr("OTLP log file");
    }
    return {};
}

LogLinesModel::LogLinesModel(QObject* parent) : QAbstractTableModel(parent) {}

void LogLinesModel::setLines(std::shared_ptr<const Trace> trace,
                             std::shared_ptr<const std::vector<logs::LogLine>> lines) {
    beginResetModel();
    trace_ = std::move(trace);
    lines_ = std::move(lines);
    endResetModel();
}

void LogLinesModel::clear() {
    setLines(nullptr, nullptr);
}

int LogLinesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : lineCount();
}

int LogLinesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogLinesModel::spanText(const logs::LogLine& line) const {
    if (trace_ && line.span >= 0 && size_t(line.span) < trace_->spanCount()) {
        const auto i = size_t(line.span);
        const std::string_view service = trace_->serviceOf(i), name = trace_->nameOf(i);
        // "≈": tied by service and time, not by the line's own span id.
        return QStringLiteral("%1%2: %3")
            .arg(line.spanInferred ? QStringLiteral("≈ ") : QString(),
                 QString::fromUtf8(service.data(), qsizetype(service.size())),
                 QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
    return QString::fromStdString(line.spanId);
}

QString LogLinesModel::timeText(int64_t ns) const {
    // Wall-clock time as Loki and Grafana show it, to the millisecond; the offset into the
    // trace is in the tooltip.
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString LogLinesModel::toolTip(const logs::LogLine& line) const {
    QStringList parts;
    QString when = QDateTime::fromMSecsSinceEpoch(line.timeNs / 1'000'000)
                       .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (trace_) {
        const int64_t offset = line.timeNs - trace_->startNs;
        when += tr(" (%1%2 from the trace's start)")
                    .arg(offset < 0 ? QStringLiteral("−") : QStringLiteral("+"),
                         QString::fromStdString(formatDuration(offset < 0 ? -offset : offset)));
    }
    parts << when;
    parts << tr("From: %1").arg(logSourceText(line.source));
    if (line.spanInferred)
        parts << tr("Tied to its span by service and time: the line names no span");
    parts << QString::fromStdString(line.body);
    int shown = 0;
    for (const auto& [key, value] : line.fields) {
        if (++shown > 20) {
            parts << tr("… and %1 more fields").arg(int(line.fields.size()) - 20);
            break;
        }
        parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(key),
                                               QString::fromStdString(value));
    }
    return parts.join(QLatin1Char('\n'));
}

QVariant LogLinesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const logs::LogLine& line = lineAt(index.row());
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TimeColumn:
                    return timeText(line.timeNs);
                case LevelColumn:
                    return logLevelText(line.level);
                case ServiceColumn:
                    return QString::fromStdString(line.service);
                case SpanColumn:
                    return spanText(line);
                case MessageColumn:
                    return oneLine(line.body);
            }
            return {};
        case Qt::ToolTipRole:
            return toolTip(line);
        case Qt::ForegroundRole:
            if (index.column() != LevelColumn && index.column() != MessageColumn) return {};
            if (line.level == logs::LogLevel::Error) return QBrush(errorTextColor());
            if (line.level == logs::LogLevel::Warn) return QBrush(warnTextColor());
            return {};
        case Qt::FontRole:
            if (index.column() == TimeColumn) {
                QFont mono(QStringLiteral("monospace"));
                mono.setStyleHint(QFont::TypeWriter);
                return mono;
            }
            return {};
        case SpanRole:
            return qint64(line.span);
        case LevelRole:
            return int(line.level);
        case SourceRole:
            return int(line.source);
        case TimeRole:
            return qint64(line.timeNs);
    }
    return {};
}

QVariant LogLinesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case LevelColumn:
            return tr("Level");
        case ServiceColumn:
            return tr("Service");
        case SpanColumn:
            return tr("Span");
        case MessageColumn:
            return tr("Message");
    }
    return {};
}

}  // namespace rootline::ui
