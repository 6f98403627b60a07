#include "remote/connections_dialog.h"

namespace rootline::ui {

ConnectionsDialog::ConnectionsDialog(QWidget* parent, QString path)
    : QDialog(parent), path_(std::move(path)) {}

}  // namespace rootline::ui
