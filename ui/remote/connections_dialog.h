#pragma once
// Settings › Connections…: the user's named connections to trace, log and metric servers
// (remote::Connection), edited in a list and a form, tested against the server, and saved to
// remote::connectionsPath() (mode 0600) on a worker.

#include <QDialog>

#include "remote/connection.h"

namespace rootline::ui {

class ConnectionsDialog : public QDialog {
    Q_OBJECT
public:
    // `path` empty: remote::connectionsPath() ($ROOTLINE_CONNECTIONS_FILE wins).
    explicit ConnectionsDialog(QWidget* parent = nullptr, QString path = QString());

signals:
    // After a successful save, with what was saved.
    void connectionsSaved(const rootline::remote::ConnectionList& list);

private:
    QString path_;
};

}  // namespace rootline::ui
