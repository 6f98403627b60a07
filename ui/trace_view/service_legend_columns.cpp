#include "trace_view/service_legend_columns.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include "colors.h"
#include "trace_view/service_legend_model.h"

namespace rootline::ui {

namespace {

// The name too: the list cuts long names, and the numbers have no header to explain them.
QString tooltip(const QModelIndex& service) {
    return ServiceLegendColumns::tr("%1: %2").arg(service.data(Qt::DisplayRole).toString(),
                                                  service.data(Qt::ToolTipRole).toString());
}

}  // namespace

ServiceLegendColumns::ServiceLegendColumns(ServiceLegendModel* source, QObject* parent)
    : QAbstractTableModel(parent), source_(source) {
    // The list model changes in two ways only: a reset (new trace) and check states.
    connect(source_, &QAbstractItemModel::modelAboutToBeReset, this,
            &ServiceLegendColumns::beginResetModel);
    connect(source_, &QAbstractItemModel::modelReset, this, &ServiceLegendColumns::endResetModel);
    connect(source_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight,
                   const QList<int>& roles) {
                emit dataChanged(index(topLeft.row(), ServiceColumn),
                                 index(bottomRight.row(), ColumnCount - 1), roles);
            });
}

int ServiceLegendColumns::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : source_->rowCount();
}

int ServiceLegendColumns::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceLegendColumns::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QModelIndex service = source_->index(index.row());
    // A hidden service's row is greyed as well as unchecked: some styles draw an empty check
    // box on a dark palette almost invisibly.
    const bool hidden = service.data(Qt::CheckStateRole).value<Qt::CheckState>() != Qt::Checked;
    const QColor quiet = QGuiApplication::palette().color(QPalette::PlaceholderText);
    if (index.column() == ServiceColumn) {
        if (role == SortRole) return service.data(Qt::DisplayRole).toString().toCaseFolded();
        if (role == Qt::ForegroundRole) return hidden ? QVariant(quiet) : QVariant();
        if (role == Qt::ToolTipRole) return tooltip(service);
        return service.data(role);
    }
    const int countRole = index.column() == SpansColumn ? ServiceLegendModel::SpanCountRole
                                                        : ServiceLegendModel::ErrorCountRole;
    const quint32 count = service.data(countRole).toUInt();
    switch (role) {
        case Qt::DisplayRole:
            return QLocale().toString(count);
        case SortRole:
            return count;
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            // Red errors stand out; a zero stays quiet, so the eye finds the failing services.
            if (index.column() == ErrorsColumn && count > 0) return errorTextColor();
            if (index.column() == ErrorsColumn || hidden) return quiet;
            return {};
        case Qt::ToolTipRole:
            return tooltip(service);
        default:
            return {};
    }
}

bool ServiceLegendColumns::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != ServiceColumn)
        return false;
    return source_->setData(source_->index(index.row()), value, role);
}

Qt::ItemFlags ServiceLegendColumns::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags flags = source_->flags(source_->index(index.row()));
    if (index.column() != ServiceColumn) flags.setFlag(Qt::ItemIsUserCheckable, false);
    return flags;
}

QVariant ServiceLegendColumns::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case ServiceColumn:
                return tr("Service");
            case SpansColumn:
                return tr("Spans");
            case ErrorsColumn:
                return tr("Errors");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section != ServiceColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

}  // namespace rootline::ui
