#include "remote/connection_list_model.h"

namespace rootline::ui {

QString sourceKindLabel(remote::SourceKind kind) {
    switch (kind) {
        case remote::SourceKind::Jaeger:
            return ConnectionListModel::tr("Jaeger");
        case remote::SourceKind::Tempo:
            return ConnectionListModel::tr("Tempo");
        case remote::SourceKind::Loki:
            return ConnectionListModel::tr("Loki");
        case remote::SourceKind::Prometheus:
            return ConnectionListModel::tr("Prometheus");
    }
    return {};
}

ConnectionListModel::ConnectionListModel(QObject* parent) : QAbstractListModel(parent) {}

int ConnectionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(list_.connections.size());
}

QVariant ConnectionListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const remote::Connection& c = at(index.row());
    const QString name = QString::fromStdString(c.name);
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1 (%2)").arg(name.isEmpty() ? tr("unnamed") : name,
                                     sourceKindLabel(c.kind));
        case Qt::ToolTipRole:
            // The endpoint only: a path or query may carry a token.
            return QString::fromStdString(c.endpoint());
        case KindRole:
            return int(c.kind);
        case NameRole:
            return name;
        default:
            return {};
    }
}

void ConnectionListModel::setList(remote::ConnectionList list) {
    beginResetModel();
    list_ = std::move(list);
    endResetModel();
}

void ConnectionListModel::setConnection(int row, remote::Connection c) {
    list_.connections.at(size_t(row)) = std::move(c);
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
}

int ConnectionListModel::append(remote::Connection c) {
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    list_.connections.push_back(std::move(c));
    endInsertRows();
    return row;
}

void ConnectionListModel::remove(int row) {
    beginRemoveRows(QModelIndex(), row, row);
    list_.connections.erase(list_.connections.begin() + row);
    endRemoveRows();
}

QString ConnectionListModel::uniqueName(const QString& base) const {
    QString name = base;
    for (int n = 2; list_.find(name.toStdString()); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

}  // namespace rootline::ui
