#include "shortcuts.h"

#include <QKeyEvent>
#include <vector>

namespace rootline::ui {

namespace {

const char* const kRows = QT_TRANSLATE_NOOP("Shortcuts", "Moving around");
const char* const kTree = QT_TRANSLATE_NOOP("Shortcuts", "Expanding and collapsing");
const char* const kTime = QT_TRANSLATE_NOOP("Shortcuts", "Time axis");
const char* const kFind = QT_TRANSLATE_NOOP("Shortcuts", "Errors and find");
const char* const kSuspects = QT_TRANSLATE_NOOP("Shortcuts", "Suspects and the critical path");

QList<QKeySequence> keys(std::initializer_list<const char*> portable) {
    QList<QKeySequence> out;
    for (const char* k : portable)
        out.append(QKeySequence(QString::fromLatin1(k), QKeySequence::PortableText));
    return out;
}

const std::vector<Shortcut>& table() {
    using A = TraceAction;
    static const std::vector<Shortcut> shortcuts = {
        {A::NextSpan, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Next span"), keys({"Down", "F"})},
        {A::PreviousSpan, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Previous span"),
         keys({"Up", "B"})},
        {A::FirstSpan, kRows, QT_TRANSLATE_NOOP("Shortcuts", "First span"), keys({"Home"})},
        {A::LastSpan, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Last span"), keys({"End"})},
        {A::PageDown, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Page down"), keys({"PgDown"})},
        {A::PageUp, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Page up"), keys({"PgUp"})},
        {A::ScrollDown, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Scroll down"), keys({"S"})},
        {A::ScrollUp, kRows, QT_TRANSLATE_NOOP("Shortcuts", "Scroll up"), keys({"W"})},

        {A::CollapseOrParent, kTree,
         QT_TRANSLATE_NOOP("Shortcuts", "Collapse the span, or go to its parent"), keys({"Left"})},
        {A::ExpandOrChild, kTree,
         QT_TRANSLATE_NOOP("Shortcuts", "Expand the span, or go to its first child"),
         keys({"Right"})},
        {A::ToggleSpan, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Expand or collapse the span"),
         keys({"Space", "Return"})},
        {A::ExpandSubtree, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Expand everything below"),
         keys({"Shift+Right", "*"})},
        {A::CollapseSubtree, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Collapse everything below"),
         keys({"Shift+Left", "/"})},
        {A::ExpandAll, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Expand all"), keys({"["})},
        {A::CollapseAll, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Collapse all"), keys({"]"})},
        {A::ExpandOneLevel, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Expand one level"), keys({"O"})},
        {A::CollapseOneLevel, kTree, QT_TRANSLATE_NOOP("Shortcuts", "Collapse one level"),
         keys({"P"})},

        {A::PanLeft, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Pan to earlier times"), keys({"A"})},
        {A::PanRight, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Pan to later times"), keys({"D"})},
        {A::PanLeftLarge, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Pan far to earlier times"),
         keys({"Shift+A"})},
        {A::PanRightLarge, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Pan far to later times"),
         keys({"Shift+D"})},
        {A::ZoomIn, kTime,
         QT_TRANSLATE_NOOP("Shortcuts", "Zoom in (also Ctrl+wheel, or drag across the bars)"),
         keys({"+", "="})},
        {A::ZoomOut, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Zoom out"), keys({"-"})},
        {A::ZoomToSpan, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Zoom to the selected span"),
         keys({"Z"})},
        {A::ResetZoom, kTime, QT_TRANSLATE_NOOP("Shortcuts", "Show the whole trace"), keys({"0"})},

        {A::NextError, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Next error"), keys({"E", "F8"})},
        {A::PreviousError, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Previous error"),
         keys({"Shift+E", "Shift+F8"})},
        {A::NextMatch, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Next match"), keys({"N", "F3"})},
        {A::PreviousMatch, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Previous match"),
         keys({"Shift+N", "Shift+F3"})},
        {A::Find, kFind,
         QT_TRANSLATE_NOOP("Shortcuts", "Find spans (names, services, attributes, ids)"),
         keys({"Ctrl+F", "Ctrl+B"}), true},
        {A::ClearFind, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Clear the search"), keys({"Esc"})},
        {A::CopySpanId, kFind, QT_TRANSLATE_NOOP("Shortcuts", "Copy the span id"),
         keys({"Ctrl+C"})},

        {A::NextSuspect, kSuspects, QT_TRANSLATE_NOOP("Shortcuts", "Next suspect (by rank)"),
         keys({"R", "F7"})},
        {A::PreviousSuspect, kSuspects, QT_TRANSLATE_NOOP("Shortcuts", "Previous suspect"),
         keys({"Shift+R", "Shift+F7"})},
        {A::ToggleCriticalPath, kSuspects, QT_TRANSLATE_NOOP("Shortcuts", "Show the critical path"),
         keys({"C"})},
    };
    return shortcuts;
}

bool isSymbolKey(int key) {
    // Printable, not a letter or digit: the layout decides whether Shift is needed.
    return key >= Qt::Key_Space && key <= Qt::Key_AsciiTilde &&
           !(key >= Qt::Key_A && key <= Qt::Key_Z) && !(key >= Qt::Key_0 && key <= Qt::Key_9);
}

}  // namespace

std::span<const Shortcut> traceShortcuts() {
    return table();
}

const Shortcut& shortcutFor(TraceAction action) {
    for (const Shortcut& s : table())
        if (s.action == action) return s;
    static const Shortcut none{TraceAction::None, "", "", {}};
    return none;
}

TraceAction waterfallActionFor(const QKeyEvent& event) {
    const int key = event.key();
    Qt::KeyboardModifiers mods = event.modifiers() & ~Qt::KeypadModifier;
    if (isSymbolKey(key) && key != Qt::Key_Space) mods &= ~Qt::ShiftModifier;
    const QKeySequence pressed(QKeyCombination(mods, static_cast<Qt::Key>(key)));
    for (const Shortcut& s : table()) {
        if (s.windowWide) continue;
        for (const QKeySequence& k : s.keys)
            if (k == pressed) return s.action;
    }
    return TraceAction::None;
}

QList<QKeySequence> windowKeys(const Shortcut& shortcut) {
    QList<QKeySequence> out;
    for (const QKeySequence& k : shortcut.keys) {
        if (k.isEmpty()) continue;
        const QKeyCombination c = k[0];
        const bool modified =
            c.keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
        const bool function = c.key() >= Qt::Key_F1 && c.key() <= Qt::Key_F35;
        if (modified || function) out.append(k);
    }
    return out;
}

const char* commandsGroup() {
    return QT_TRANSLATE_NOOP("Shortcuts", "Investigating");
}

std::span<const CommandShortcut> commandShortcuts() {
    using C = WindowCommand;
    // Ctrl+E explains (the command used most); exporting the pack moved to Ctrl+Shift+E.
    static const std::vector<CommandShortcut> commands = {
        {C::ExplainError, QT_TRANSLATE_NOOP("Shortcuts", "Explain this error (ask the model)"),
         QKeySequence(Qt::CTRL | Qt::Key_E)},
        {C::ExportTracepack, QT_TRANSLATE_NOOP("Shortcuts", "Export a tracepack of the trace"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {C::ModelSettings, QT_TRANSLATE_NOOP("Shortcuts", "Model settings"),
         QKeySequence(Qt::CTRL | Qt::Key_Comma)},
        // Ctrl+L as a browser's address bar: where an id from a log line is pasted.
        {C::OpenTraceId, QT_TRANSLATE_NOOP("Shortcuts", "Open a trace by id from Jaeger or Tempo"),
         QKeySequence(Qt::CTRL | Qt::Key_L)},
        {C::SearchTraces, QT_TRANSLATE_NOOP("Shortcuts", "Search traces on Jaeger or Tempo"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        // Beside Ctrl+L: the logs and metrics of the trace in front.
        {C::ShowLogs, QT_TRANSLATE_NOOP("Shortcuts", "Show the trace's logs"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        {C::ShowMetrics, QT_TRANSLATE_NOOP("Shortcuts", "Show the metrics around the trace"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        {C::OpenLogsFile,
         QT_TRANSLATE_NOOP("Shortcuts", "Open an OTLP log file for the trace in front"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
    };
    return commands;
}

QKeySequence commandKey(WindowCommand command) {
    for (const CommandShortcut& c : commandShortcuts())
        if (c.command == command) return c.key;
    return {};
}

QString shortcutText(const Shortcut& shortcut) {
    QStringList parts;
    for (const QKeySequence& k : shortcut.keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(QStringLiteral(", "));
}

}  // namespace rootline::ui
