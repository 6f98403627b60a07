#include "remote/search_results_model.h"

#include <QBrush>
#include <QDateTime>

#include "colors.h"
#include "util/format.h"

namespace rootline::ui {

SearchResultsModel::SearchResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SearchResultsModel::setResults(std::vector<remote::TraceSummary> results) {
    beginResetModel();
    results_ = std::move(results);
    endResetModel();
}

const remote::TraceSummary* SearchResultsModel::at(int row) const {
    return row >= 0 && row < static_cast<int>(results_.size()) ? &results_[row] : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(results_.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    const remote::TraceSummary* s = index.isValid() ? at(index.row()) : nullptr;
    if (!s) return {};
    if (role == TraceIdRole) return QString::fromStdString(s->traceId);
    const auto count = [](int64_t n) {
        return n < 0 ? QVariant(QStringLiteral("?")) : QVariant(qlonglong(n));
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Root:
                return QStringLiteral("%1: %2").arg(QString::fromStdString(s->rootService),
                                                    QString::fromStdString(s->rootOperation));
            case Start:
                return QDateTime::fromMSecsSinceEpoch(s->startUnixUs / 1000)
                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            case Duration:
                return QString::fromStdString(formatDuration(s->durationUs * 1000));
            case Spans:
                return count(s->spanCount);
            case Errors:
                return count(s->errorCount);
            case TraceIdColumn:
                return QString::fromStdString(s->traceId);
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
            case Root:
                return data(index, Qt::DisplayRole);
            case Start:
                return qlonglong(s->startUnixUs);
            case Duration:
                return qlonglong(s->durationUs);
            case Spans:
                return qlonglong(s->spanCount);
            case Errors:
                return qlonglong(s->errorCount);
            case TraceIdColumn:
                return QString::fromStdString(s->traceId);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Duration && index.column() <= Errors)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Errors && s->errorCount > 0)
        return QBrush(errorTextColor());
    if (role == Qt::ToolTipRole && !s->services.empty()) {
        QStringList names;
        for (const std::string& n : s->services)
            names << QString::fromStdString(n);
        return tr("Services: %1").arg(names.join(QStringLiteral(", ")));
    }
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Root:
            return tr("Root");
        case Start:
            return tr("Start");
        case Duration:
            return tr("Duration");
        case Spans:
            return tr("Spans");
        case Errors:
            return tr("Errors");
        case TraceIdColumn:
            return tr("Trace ID");
    }
    return {};
}

}  // namespace rootline::ui
