#pragma once
// Help › Keyboard Shortcuts: the shortcut table (shortcuts.h), grouped, as the keys are.

#include <QDialog>

class QTreeWidget;

namespace rootline::ui {

class KeyboardShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeyboardShortcutsDialog(QWidget* parent = nullptr);
    QTreeWidget* table() const { return table_; }

private:
    QTreeWidget* table_;
};

}  // namespace rootline::ui
