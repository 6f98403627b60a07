#include "keyboard_shortcuts_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "shortcuts.h"

namespace rootline::ui {

KeyboardShortcutsDialog::KeyboardShortcutsDialog(QWidget* parent)
    : QDialog(parent), table_(new QTreeWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    table_->setColumnCount(2);
    table_->setHeaderLabels({tr("Action"), tr("Keys")});
    table_->setRootIsDecorated(false);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);

    QTreeWidgetItem* group = nullptr;
    const char* groupName = nullptr;
    for (const Shortcut& s : traceShortcuts()) {
        if (!groupName || qstrcmp(groupName, s.group) != 0) {
            groupName = s.group;
            group =
                new QTreeWidgetItem(table_, {QCoreApplication::translate("Shortcuts", s.group)});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        new QTreeWidgetItem(
            group, {QCoreApplication::translate("Shortcuts", s.description), shortcutText(s)});
    }
    auto* commands =
        new QTreeWidgetItem(table_, {QCoreApplication::translate("Shortcuts", commandsGroup())});
    QFont commandsFont = commands->font(0);
    commandsFont.setBold(true);
    commands->setFont(0, commandsFont);
    commands->setFirstColumnSpanned(true);
    for (const CommandShortcut& c : commandShortcuts())
        new QTreeWidgetItem(commands, {QCoreApplication::translate("Shortcuts", c.description),
                                       c.key.toString(QKeySequence::NativeText)});
    auto* mouse = new QTreeWidgetItem(table_, {tr("Mouse")});
    QFont bold = mouse->font(0);
    bold.setBold(true);
    mouse->setFont(0, bold);
    mouse->setFirstColumnSpanned(true);
    mouse->setExpanded(true);
    const QList<QPair<QString, QString>> mouseRows = {
        {tr("Select a span"), tr("Click")},
        {tr("Expand or collapse"), tr("Click the triangle, or double-click the name")},
        {tr("Zoom to a time range"), tr("Drag across the bars or the minimap")},
        {tr("Zoom to a span"), tr("Double-click its bar")},
        {tr("Zoom around the pointer"), tr("Ctrl+Wheel")},
        {tr("Pan in time"), tr("Shift+Wheel, or drag with the middle button")},
        {tr("Move the view"), tr("Drag the frame in the minimap")},
        {tr("Show the whole trace"), tr("Double-click the minimap")},
    };
    for (const auto& [what, how] : mouseRows)
        new QTreeWidgetItem(mouse, {what, how});
    table_->expandAll();
    table_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->header()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(620, 640);
}

}  // namespace rootline::ui
