#include "history/history_model.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

namespace rootline::ui {

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryModel::setRows(std::vector<store::InvestigationSummary> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

qint64 HistoryModel::idAt(int r) const {
    return r >= 0 && r < rowCount() ? rows_[size_t(r)].id : 0;
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::InvestigationSummary& s = rows_[size_t(index.row())];
    if (role == IdRole) return qint64(s.id);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
            case TimeColumn:
                return QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.createdUnixMs),
                                          QLocale::ShortFormat);
            case TraceColumn:
                return QString::fromStdString(s.traceId);
            case ModelColumn:
                return QStringLiteral("%1/%2").arg(QString::fromStdString(s.provider),
                                                   QString::fromStdString(s.model));
            case ConfidenceColumn:
                return s.hasVerdict ? QLocale().toString(s.confidence, 'f', 2) : QString();
            case HypothesisColumn:
                // A failed run has no hypothesis: its error says what went wrong instead.
                return s.hasVerdict ? QString::fromStdString(s.hypothesis)
                                    : tr("Failed: %1").arg(QString::fromStdString(s.error));
            case ResolutionColumn:
                return QString::fromStdString(s.resolution);
            default:
                return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == HypothesisColumn && !s.hasVerdict)
        return QBrush(QPalette().color(QPalette::PlaceholderText));
    if (role == Qt::TextAlignmentRole && index.column() == ConfidenceColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case TraceColumn:
            return tr("Trace");
        case ModelColumn:
            return tr("Provider/model");
        case ConfidenceColumn:
            return tr("Confidence");
        case HypothesisColumn:
            return tr("Hypothesis");
        case ResolutionColumn:
            return tr("Resolution");
        default:
            return {};
    }
}

}  // namespace rootline::ui
