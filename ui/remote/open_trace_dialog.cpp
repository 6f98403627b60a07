#include "remote/open_trace_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "remote/trace_url.h"

namespace rootline::ui {

OpenTraceDialog::OpenTraceDialog(const remote::ConnectionList& connections,
                                 const QString& preferred, QWidget* parent)
    : QDialog(parent),
      connection_(new QComboBox(this)),
      id_(new QLineEdit(this)),
      message_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Open Trace ID"));
    for (const remote::Connection& c : connections.connections) {
        if (!remote::isTraceSource(c.kind)) continue;
        const QString name = QString::fromStdString(c.name);
        const QString label = QStringLiteral("%1 (%2)").arg(
            name, c.kind == remote::SourceKind::Jaeger ? QStringLiteral("Jaeger")
                                                       : QStringLiteral("Tempo"));
        if (name == preferred)
            connection_->insertItem(0, label, name);
        else
            connection_->addItem(label, name);
    }
    connection_->setCurrentIndex(0);
    id_->setPlaceholderText(tr("4bf92f3577b34da6a3ce929d0e0e4736, or base64"));
    id_->setMinimumWidth(380);
    id_->setClearButtonEnabled(true);
    message_->setWordWrap(true);

    auto* manage = buttons_->addButton(tr("Connections…"), QDialogButtonBox::ResetRole);
    connect(manage, &QPushButton::clicked, this, [this] {
        emit manageConnectionsRequested();
        reject();
    });

    auto* form = new QFormLayout;
    form->addRow(tr("&Trace ID:"), id_);
    form->addRow(tr("&From:"), connection_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(message_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept()) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(id_, &QLineEdit::textChanged, this, &OpenTraceDialog::check);
    check();
}

void OpenTraceDialog::check() {
    normalized_.clear();
    QString message;
    if (connection_->count() == 0) {
        message = tr("No Jaeger or Tempo connection yet: add one with Connections…");
    } else if (!id_->text().trimmed().isEmpty()) {
        std::string error;
        if (const auto id = remote::normalizeTraceIdInput(id_->text().toStdString(), error))
            normalized_ = QString::fromStdString(*id);
        else
            message = QString::fromStdString(error);
    }
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    buttons_->button(QDialogButtonBox::Open)->setEnabled(canAccept());
}

bool OpenTraceDialog::canAccept() const {
    return !normalized_.isEmpty() && connection_->count() > 0;
}

QString OpenTraceDialog::connectionName() const {
    return connection_->currentData().toString();
}

}  // namespace rootline::ui
