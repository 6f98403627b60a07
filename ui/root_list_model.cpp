#include "root_list_model.h"

namespace rootline::ui {

RootListModel::RootListModel(QObject* parent) : QAbstractListModel(parent) {}

void RootListModel::setSummary(std::shared_ptr<const TraceSummary> summary) {
    beginResetModel();
    summary_ = std::move(summary);
    endResetModel();
}

void RootListModel::setOrphanIcon(const QIcon& icon) {
    orphanIcon_ = icon;
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

int RootListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !summary_) return 0;
    return int(summary_->roots.size());
}

QVariant RootListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RootSpanInfo& root = summary_->roots[size_t(index.row())];
    const QString service = QString::fromStdString(root.service);
    const QString name = QString::fromStdString(root.name);
    const QString spanId = QString::fromStdString(root.spanId);
    switch (role) {
        case Qt::DisplayRole:
            return root.orphan ? tr("%1: %2 (span %3, parent missing)").arg(service, name, spanId)
                               : tr("%1: %2 (span %3)").arg(service, name, spanId);
        case Qt::ToolTipRole:
            return root.orphan
                       ? tr("Span %1 names a parent span that is not in this trace").arg(spanId)
                       : tr("Span %1 has no parent").arg(spanId);
        case Qt::DecorationRole:
            return root.orphan && !orphanIcon_.isNull() ? QVariant(orphanIcon_) : QVariant();
        case SpanRole:
            return int(root.span);
        case OrphanRole:
            return root.orphan;
        default:
            return {};
    }
}

}  // namespace rootline::ui
