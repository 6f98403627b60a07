#include "service_table_model.h"

#include <QLocale>

#include "colors.h"

namespace rootline::ui {

ServiceTableModel::ServiceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ServiceTableModel::setSummary(std::shared_ptr<const TraceSummary> summary) {
    beginResetModel();
    summary_ = std::move(summary);
    endResetModel();
}

int ServiceTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !summary_) return 0;
    return int(summary_->services.size());
}

int ServiceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceInfo& svc = summary_->services[size_t(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            if (column == ServiceColumn) return QString::fromStdString(svc.name);
            return QLocale().toString(column == SpansColumn ? svc.spans : svc.errors);
        case SortRole:
            if (column == ServiceColumn) return QString::fromStdString(svc.name);
            return qlonglong(column == SpansColumn ? svc.spans : svc.errors);
        case Qt::TextAlignmentRole:
            return QVariant::fromValue((column == ServiceColumn ? Qt::AlignLeft : Qt::AlignRight) |
                                       Qt::AlignVCenter);
        case Qt::ForegroundRole:
            if (column == ErrorsColumn && svc.errors > 0) return errorTextColor();
            return {};
        case Qt::ToolTipRole:
            if (column == ErrorsColumn && svc.errors > 0)
                return tr("Spans of %1 with error status: %2 of %3")
                    .arg(QString::fromStdString(svc.name))
                    .arg(svc.errors)
                    .arg(svc.spans);
            return {};
        default:
            return {};
    }
}

QVariant ServiceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case ServiceColumn:
                return tr("Service");
            case SpansColumn:
                return tr("Spans");
            case ErrorsColumn:
                return tr("Errors");
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == ServiceColumn ? Qt::AlignLeft : Qt::AlignRight) |
                                   Qt::AlignVCenter);
    return {};
}

}  // namespace rootline::ui
