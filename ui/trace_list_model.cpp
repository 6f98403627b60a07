#include "trace_list_model.h"

#include <QColor>
#include <QFontDatabase>
#include <QLocale>
#include <QStringList>

#include "colors.h"
#include "logging.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

// Tooltips list at most this many services or roots; a trace can have hundreds.
constexpr size_t kTooltipItems = 12;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString rootText(const RootSpanInfo& root) {
    return QStringLiteral("%1: %2").arg(qs(root.service), qs(root.name));
}

}  // namespace

TraceListModel::TraceListModel(QObject* parent) : QAbstractTableModel(parent) {}

void TraceListModel::setSnapshot(std::shared_ptr<const LoadedFile> snapshot) {
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
    qCDebug(lcModel) << "trace list reset:" << rowCount() << "traces";
}

std::shared_ptr<const Trace> TraceListModel::traceAt(int row) const {
    if (row < 0 || row >= rowCount()) return nullptr;
    return snapshot_->file->traces[size_t(row)];
}

int TraceListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !snapshot_) return 0;
    return int(snapshot_->summaries.size());
}

int TraceListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceSummary& s = snapshot_->summaries[size_t(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return display(s, column);
        case SortRole:
            return sortKey(s, column);
        case Qt::ToolTipRole:
            return toolTip(s, column);
        case TraceIndexRole:
            return index.row();
        case Qt::TextAlignmentRole:
            if (column >= DurationColumn)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole:
            // Ids are read digit by digit and compared across rows: fixed width helps.
            if (column == TraceIdColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
            return {};
        case Qt::ForegroundRole:
            // The one thing a user scans the list for first; red like every trace viewer.
            if (column == ErrorsColumn && s.errorCount > 0) return errorTextColor();
            return {};
        default:
            return {};
    }
}

QVariant TraceListModel::display(const TraceSummary& s, int column) const {
    const QLocale locale;
    switch (column) {
        case TraceIdColumn:
            return qs(s.traceId);
        case RootColumn: {
            if (s.roots.empty()) return tr("(no root)");
            const QString first = rootText(s.roots.front());
            const int more = int(s.roots.size()) - 1;
            return more > 0 ? tr("%1 (+%2 more)").arg(first).arg(more) : first;
        }
        case StartColumn:
            return qs(formatTimestamp(s.startNs));
        case DurationColumn:
            return qs(formatDuration(s.durationNs));
        case SpansColumn:
            return locale.toString(qulonglong(s.spanCount));
        case ServicesColumn:
            return locale.toString(qulonglong(s.services.size()));
        case ErrorsColumn:
            return locale.toString(s.errorCount);
        case WarningsColumn:
            return locale.toString(qulonglong(s.warningCount));
        default:
            return {};
    }
}

QVariant TraceListModel::sortKey(const TraceSummary& s, int column) const {
    switch (column) {
        case TraceIdColumn:
            return qs(s.traceId);
        case RootColumn:
            return s.roots.empty() ? QString() : rootText(s.roots.front());
        case StartColumn:
            return qlonglong(s.startNs);
        case DurationColumn:
            return qlonglong(s.durationNs);
        case SpansColumn:
            return qlonglong(s.spanCount);
        case ServicesColumn:
            return qlonglong(s.services.size());
        case ErrorsColumn:
            return qlonglong(s.errorCount);
        case WarningsColumn:
            return qlonglong(s.warningCount);
        default:
            return {};
    }
}

QVariant TraceListModel::toolTip(const TraceSummary& s, int column) const {
    QStringList lines;
    switch (column) {
        case TraceIdColumn:
            lines << tr("Trace %1").arg(qs(s.traceId)) << tr("Depth in levels: %1").arg(s.depth)
                  << tr("Orphan spans (parent missing): %1").arg(s.orphanCount);
            break;
        case RootColumn:
            if (s.roots.empty()) return tr("This trace has no root span.");
            for (size_t i = 0; i < s.roots.size() && i < kTooltipItems; ++i) {
                const RootSpanInfo& r = s.roots[i];
                lines << (r.orphan ? tr("%1 (span %2, orphan: its parent is missing)")
                                   : tr("%1 (span %2)"))
                             .arg(rootText(r), qs(r.spanId));
            }
            if (s.roots.size() > kTooltipItems)
                lines << tr("… and %1 more").arg(s.roots.size() - kTooltipItems);
            break;
        case StartColumn:
            return tr("Earliest span start, UTC: %1").arg(qs(formatTimestamp(s.startNs)));
        case DurationColumn:
            return tr("From the earliest span start to the latest span end: %1 ns")
                .arg(QLocale().toString(qlonglong(s.durationNs)));
        case SpansColumn:
            return tr("Spans: %1, depth in levels: %2")
                .arg(QLocale().toString(qulonglong(s.spanCount)))
                .arg(s.depth);
        case ServicesColumn:
            for (size_t i = 0; i < s.services.size() && i < kTooltipItems; ++i) {
                const ServiceInfo& svc = s.services[i];
                lines << (svc.errors ? tr("%1 — spans: %2, errors: %3")
                                           .arg(qs(svc.name))
                                           .arg(svc.spans)
                                           .arg(svc.errors)
                                     : tr("%1 — spans: %2").arg(qs(svc.name)).arg(svc.spans));
            }
            if (s.services.size() > kTooltipItems)
                lines << tr("… and %1 more").arg(s.services.size() - kTooltipItems);
            break;
        case ErrorsColumn:
            lines << tr("Spans with error status: %1").arg(s.errorCount);
            if (s.inferredErrorCount)
                lines << tr("Of these, inferred from HTTP or gRPC status codes: %1")
                             .arg(s.inferredErrorCount);
            break;
        case WarningsColumn:
            if (s.warningCount == 0) return tr("No warnings");
            for (const WarningInfo& w : s.warnings)
                lines << (w.span >= 0 ? tr("span %1: %2").arg(qs(w.spanId), qs(w.text))
                                      : qs(w.text));
            if (s.warningCount > s.warnings.size())
                lines << tr("… and %1 more").arg(s.warningCount - s.warnings.size());
            break;
        default:
            return {};
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant TraceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case TraceIdColumn:
                return tr("Trace ID");
            case RootColumn:
                return tr("Root (service: operation)");
            case StartColumn:
                return tr("Start (UTC)");
            case DurationColumn:
                return tr("Duration");
            case SpansColumn:
                return tr("Spans");
            case ServicesColumn:
                return tr("Services");
            case ErrorsColumn:
                return tr("Errors");
            case WarningsColumn:
                return tr("Warnings");
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section >= DurationColumn ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case RootColumn:
                return tr("The first root span; traces with missing parents have several roots");
            case ErrorsColumn:
                return tr("Spans with error status, declared or inferred");
            case WarningsColumn:
                return tr("Problems found while loading: missing parents, clock skew, …");
            default:
                return {};
        }
    }
    return {};
}

}  // namespace rootline::ui
