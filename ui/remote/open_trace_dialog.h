#pragma once
// File › Open Trace ID… (Ctrl+L): a trace id (16 or 32 hex digits, or base64 as Tempo prints
// it) and the connection to ask. The id is checked as it is typed; OK is enabled only for one
// that can be asked for.

#include <QDialog>

#include "remote/connection.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rootline::ui {

class OpenTraceDialog : public QDialog {
    Q_OBJECT
public:
    // `connections`: the trace sources among them are offered, `preferred` first when present.
    OpenTraceDialog(const remote::ConnectionList& connections, const QString& preferred,
                    QWidget* parent = nullptr);

    QLineEdit* idEdit() const { return id_; }
    QComboBox* connectionBox() const { return connection_; }
    QLabel* messageLabel() const { return message_; }
    bool canAccept() const;

    // The chosen connection's name and the id as 32 lowercase hex (valid once canAccept()).
    QString connectionName() const;
    QString traceId() const { return normalized_; }

signals:
    void manageConnectionsRequested();

private:
    void check();

    QComboBox* connection_;
    QLineEdit* id_;
    QLabel* message_;
    QDialogButtonBox* buttons_;
    QString normalized_;
};

}  // namespace rootline::ui
