#pragma once
// Every keyboard shortcut of the trace window, in one table: the waterfall maps key presses
// through it, the window installs its window-wide entries as actions, and Help › Keyboard
// shortcuts lists it. One table, so the help can never disagree with the keys.
//
// Keys follow Jaeger UI where that makes sense on a desktop (w/s scroll, f/b next/previous
// span, a/d pan, [ ] expand/collapse all, o/p one level). Where Jaeger's choice fights desktop
// habits, the desktop wins: ↑/↓ move the selection as in every tree view (Jaeger zooms with
// them), ←/→ collapse and expand, +/− zoom. Jaeger UI has no suspects; r/Shift+R step through
// them as e/Shift+E do through errors, with F7 beside F8 for the window-wide key, and c shows
// or hides the critical path.

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>
#include <span>

class QKeyEvent;

namespace rootline::ui {

enum class TraceAction {
    None,
    // moving around the rows
    NextSpan,
    PreviousSpan,
    FirstSpan,
    LastSpan,
    PageDown,
    PageUp,
    ScrollDown,
    ScrollUp,
    // the tree
    CollapseOrParent,
    ExpandOrChild,
    ToggleSpan,
    ExpandSubtree,
    CollapseSubtree,
    ExpandAll,
    CollapseAll,
    ExpandOneLevel,
    CollapseOneLevel,
    // time
    PanLeft,
    PanRight,
    PanLeftLarge,
    PanRightLarge,
    ZoomIn,
    ZoomOut,
    ZoomToSpan,
    ResetZoom,
    // errors and find
    NextError,
    PreviousError,
    NextMatch,
    PreviousMatch,
    Find,
    ClearFind,
    CopySpanId,
    // suspects and the critical path
    NextSuspect,
    PreviousSuspect,
    ToggleCriticalPath,
};

struct Shortcut {
    TraceAction action;
    const char* group;        // QT_TRANSLATE_NOOP("Shortcuts", …)
    const char* description;  // QT_TRANSLATE_NOOP("Shortcuts", …)
    QList<QKeySequence> keys;
    // Window-wide shortcuts work wherever the focus is in the trace window (they are actions);
    // the others act when the waterfall has the focus, so typing in a text field never pans.
    bool windowWide = false;
};

std::span<const Shortcut> traceShortcuts();
const Shortcut& shortcutFor(TraceAction action);
// The waterfall-scope action of a key press, or None. Shift is ignored on symbol keys, so "+"
// works whether the keyboard needs Shift for it or not.
TraceAction waterfallActionFor(const QKeyEvent& event);
// The keys of `shortcut` that are safe window-wide (with Ctrl/Alt/Meta, or function keys): the
// window's menu actions carry these, so F8 finds the next error wherever the focus is. Plain
// letters stay with the waterfall, so typing in a field never jumps.
QList<QKeySequence> windowKeys(const Shortcut& shortcut);
// "Ctrl+F, Ctrl+B" in the platform's native text.
QString shortcutText(const Shortcut& shortcut);

// The window's commands on a trace that are menu actions rather than waterfall keys (Explain
// This Error, Export Tracepack…, Model Settings…): the menus take their keys from here and
// Help › Keyboard Shortcuts lists them, so the two cannot disagree either.
enum class WindowCommand {
    ExplainError,
    ExportTracepack,
    ModelSettings,
    OpenTraceId,
    SearchTraces,
    ShowLogs,
    ShowMetrics,
    OpenLogsFile
};

struct CommandShortcut {
    WindowCommand command;
    const char* description;  // QT_TRANSLATE_NOOP("Shortcuts", …)
    QKeySequence key;
};

// The commands' group in the help, untranslated (QT_TRANSLATE_NOOP("Shortcuts", …)).
const char* commandsGroup();
std::span<const CommandShortcut> commandShortcuts();
QKeySequence commandKey(WindowCommand command);

}  // namespace rootline::ui
