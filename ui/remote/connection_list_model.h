#pragma once
// The list on the left of Settings › Connections…: one row per remote::Connection, showing its
// name and kind. The dialog's form edits the selected row through setConnection().

#include <QAbstractListModel>

#include "remote/connection.h"

namespace rootline::ui {

// "Jaeger", "Tempo", "Loki", "Prometheus".
QString sourceKindLabel(remote::SourceKind kind);

class ConnectionListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, NameRole };

    explicit ConnectionListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    const remote::ConnectionList& list() const { return list_; }
    void setList(remote::ConnectionList list);
    const remote::Connection& at(int row) const { return list_.connections.at(size_t(row)); }
    void setConnection(int row, remote::Connection c);
    // Appends `c` and returns its row.
    int append(remote::Connection c);
    void remove(int row);

    // `base` when no connection has that name, else "base 2", "base 3", …
    QString uniqueName(const QString& base) const;

private:
    remote::ConnectionList list_;
};

}  // namespace rootline::ui
