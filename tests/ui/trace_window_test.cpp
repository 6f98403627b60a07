// The trace window as a user drives it, through the real load job: a file of one trace opens in
// a tab at once, a file of several goes through the list, a trace opened again shows its tab;
// the list tab stays; Close Trace; File › Open Recent; the window's size and the tab layout
// kept across sessions; Help › Keyboard Shortcuts; and one trace tab's parts wired together on
// the demo trace (selection → details, next error → exception, the find filter, the service
// filter, jumps from the details). Expected values are computed from the loaded trace, never
// copied from what the window shows.

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QSplitterHandle>
#include <QTabBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>
#include <functional>

#include "keyboard_shortcuts_dialog.h"
#include "main_window.h"
#include "message_banner.h"
#include "recent_files.h"
#include "shortcuts.h"
#include "span_details/detail_roles.h"
#include "span_details/detail_tree_view.h"
#include "span_details/span_attributes_model.h"
#include "span_details/span_details_panel.h"
#include "span_details/span_links_model.h"
#include "test_support.h"
#include "trace_list_model.h"
#include "trace_tab.h"
#include "trace_view/find_bar.h"
#include "trace_view/service_legend.h"
#include "trace_view/service_legend_columns.h"
#include "trace_view/trace_header.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;
const char* const kLinks = "jaeger/jaeger-otlp-links-events-errors.json";  // 2 traces
const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";     // 1 trace

QString demoPath() {
    return QStringLiteral(ROOTLINE_DEMO_TRACE);
}

QString absolute(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

template <typename T>
T* child(const QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

// Opens `path` and waits until the window shows the outcome.
LoadOutcome openAndWait(MainWindow& w, const QString& path) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(path);
    if (!settled.wait(20000)) qFatal("load of %s did not settle", qPrintable(path));
    return settled.at(0).at(0).value<LoadOutcome>();
}

void showAndActivate(MainWindow& w) {
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) qFatal("window not exposed");
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w)) qFatal("window not active");
}

QString traceIdOf(const Trace& t) {
    return QString::fromStdString(t.traceIdText());
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The trace's spans in tree order (roots by start, children by start): the waterfall's rows
// when everything is expanded and nothing filtered.
std::vector<uint32_t> treeOrder(const Trace& t) {
    std::vector<uint32_t> out;
    std::function<void(uint32_t)> walk = [&](uint32_t span) {
        out.push_back(span);
        for (uint32_t c : t.childrenOf(span))
            walk(c);
    };
    for (uint32_t r : t.roots)
        walk(r);
    return out;
}

std::vector<uint32_t> shownRows(const WaterfallView& view) {
    return view.rows()->rows();
}

// `keep` (one byte per span, nonzero = kept) plus every ancestor of a kept span: what a filter
// leaves in the tree.
std::vector<uint8_t> withAncestors(const Trace& t, std::vector<uint8_t> keep) {
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (!keep[i]) continue;
        for (int32_t p = t.parent[i]; p >= 0 && !keep[size_t(p)]; p = t.parent[size_t(p)])
            keep[size_t(p)] = 1;
    }
    return keep;
}

struct Hidden {
    uint32_t spans = 0;
    uint32_t errors = 0;
};

Hidden hiddenBy(const Trace& t, const std::vector<uint8_t>& kept) {
    Hidden h;
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (!kept[i]) {
            ++h.spans;
            h.errors += t.isError(i) ? 1 : 0;
        }
    return h;
}

int32_t spanWithId(const Trace& t, const char* hex) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.spanIdText(i) == hex) return int32_t(i);
    return -1;
}

// The value of attribute `key` of one event, as text; empty when it has none.
QString eventAttribute(const Trace& t, const Event& e, std::string_view key) {
    for (PairId p : t.dict->attrs.set(e.attrs)) {
        const Attribute& a = t.dict->attrs.pair(p);
        if (t.str(a.key) == key)
            return QString::fromStdString(valueToString(a.value, t.dict->strings, t.dict->attrs));
    }
    return {};
}

const Event* exceptionEvent(const Trace& t, uint32_t span) {
    for (const Event& e : t.eventsOf(span))
        if (t.str(e.name) == "exception") return &e;
    return nullptr;
}

// A new tab gets its real size from posted layout events: true once the waterfall has it.
bool laidOut(const TraceTab* tab) {
    return QTest::qWaitFor([tab] { return tab && tab->waterfall()->viewport()->width() > 400; });
}

// The waterfall | right-column splitter (a direct child of the tab) and the details | legend
// splitter inside it. They have no object names; the tab's structure finds them.
QSplitter* mainSplitter(const TraceTab& tab) {
    const auto found = tab.findChildren<QSplitter*>(QString(), Qt::FindDirectChildrenOnly);
    if (found.size() != 1 || found[0]->orientation() != Qt::Horizontal)
        qFatal("trace tab: expected one horizontal splitter, found %d", int(found.size()));
    return found[0];
}

QSplitter* rightSplitter(const TraceTab& tab) {
    QSplitter* main = mainSplitter(tab);
    auto* right = qobject_cast<QSplitter*>(main->widget(1));
    if (!right || right->orientation() != Qt::Vertical) qFatal("trace tab: no right splitter");
    return right;
}

// Drags splitter handle `index` by `delta` px as the mouse does.
void dragHandle(QSplitter* split, int index, int delta) {
    QSplitterHandle* handle = split->handle(index);
    const QPoint from = handle->rect().center();
    const QPoint to =
        split->orientation() == Qt::Horizontal ? from + QPoint(delta, 0) : from + QPoint(0, delta);
    QMouseEvent press(QEvent::MouseButtonPress, from, handle->mapToGlobal(from), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(handle, &press);
    QMouseEvent move(QEvent::MouseMove, to, handle->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(handle, &move);
    QMouseEvent release(QEvent::MouseButtonRelease, to, handle->mapToGlobal(to), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(handle, &release);
}

// Runs `onDialog` on the keyboard shortcuts dialog as soon as it shows, then closes it, so a
// modal exec() never hangs the test. Gives up (and reports nothing) after `timeoutMs`.
class DialogWatcher : public QObject {
public:
    DialogWatcher(QWidget* owner, std::function<void(KeyboardShortcutsDialog*)> onDialog,
                  int timeoutMs = 3000)
        : owner_(owner), onDialog_(std::move(onDialog)) {
        timer_.setInterval(10);
        QObject::connect(&timer_, &QTimer::timeout, this, [this, timeoutMs] {
            elapsed_ += 10;
            auto* dialog = owner_->findChild<KeyboardShortcutsDialog*>();
            if (dialog && dialog->isVisible()) {
                ++opened;
                wasModal = dialog->isModal();
                onDialog_(dialog);
                dialog->reject();
            }
            if (elapsed_ >= timeoutMs) timer_.stop();
        });
        timer_.start();
    }
    int opened = 0;
    bool wasModal = false;

private:
    QWidget* owner_;
    std::function<void(KeyboardShortcutsDialog*)> onDialog_;
    QTimer timer_;
    int elapsed_ = 0;
};

}  // namespace

class TraceWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }
    // Every case starts with no recent files and no saved layout.
    void init() { QSettings().clear(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
    }

    // ---------------------------------------------------------------- tabs

    void aFileOfOneTraceOpensItInATabAtOnce() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.traceTabCount(), 0);
        QVERIFY(!child<QAction>(w, "actionCloseTab")->isEnabled());

        const LoadOutcome out = openAndWait(w, demoPath());
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.loaded->file->traces.size(), size_t(1));
        QCOMPARE(w.traceTabCount(), 1);
        QCOMPARE(w.tabs()->count(), 2);  // the list and the trace
        TraceTab* tab = w.currentTraceTab();
        QVERIFY(tab);
        QCOMPARE(w.tabs()->currentWidget(), tab);
        QCOMPARE(tab->file(), out.loaded.get());
        QCOMPARE(tab->traceIndex(), 0);
        QCOMPARE(&tab->trace(), out.loaded->file->traces[0].get());
        QCOMPARE(tab->waterfall()->trace(), &tab->trace());
        QVERIFY(tab->isVisible());
        QVERIFY(child<QAction>(w, "actionCloseTab")->isEnabled());

        // The tab says what the trace is: its root's service and operation, and in the tooltip
        // the file and the trace id.
        const Trace& t = tab->trace();
        QCOMPARE(t.roots.size(), size_t(1));
        const QString service = qs(t.serviceOf(t.roots[0]));
        const QString operation = qs(t.nameOf(t.roots[0]));
        const int at = w.tabs()->indexOf(tab);
        const QString text = w.tabs()->tabText(at);
        QVERIFY2(text.contains(service) && text.contains(operation), qPrintable(text));
        const QString tip = w.tabs()->tabToolTip(at);
        QVERIFY2(tip.contains(traceIdOf(t)), qPrintable(tip));
        QVERIFY2(tip.contains(QFileInfo(demoPath()).fileName()), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(qulonglong(t.spanCount()))), qPrintable(tip));
    }

    void aFileOfSeveralTracesListsThemAndARowOpensItsTrace() {
        MainWindow w;
        QAbstractItemModelTester proxyTester(w.traceList()->model(), kQtTest);
        QAbstractItemModelTester sourceTester(w.traceModel(), kQtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const LoadOutcome out = openAndWait(w, test::fixture(kLinks));
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto& traces = out.loaded->file->traces;
        QCOMPARE(traces.size(), size_t(2));

        // Nothing to open on its own: the list shows, with no trace tab.
        QCOMPARE(w.traceTabCount(), 0);
        QCOMPARE(w.tabs()->currentIndex(), 0);
        QVERIFY(w.traceList()->isVisible());
        QVERIFY(!w.currentTraceTab());
        QVERIFY(!child<QAction>(w, "actionCloseTab")->isEnabled());
        const auto viewActions = child<QMenu>(w, "menuView")->actions();
        for (QAction* a : viewActions)
            if (!a->isSeparator()) QVERIFY2(!a->isEnabled(), qPrintable(a->text()));

        // Enter on the second row opens the trace that row lists.
        QTreeView* list = w.traceList();
        const QAbstractItemModel* m = list->model();
        const QModelIndex second = m->index(1, 0);
        const QString secondId = m->index(1, TraceListModel::TraceIdColumn).data().toString();
        list->setCurrentIndex(second);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(w.traceTabCount(), 1);
        TraceTab* tabOfSecond = w.currentTraceTab();
        QVERIFY(tabOfSecond);
        QCOMPARE(traceIdOf(tabOfSecond->trace()), secondId);
        QCOMPARE(&tabOfSecond->trace(), traces[size_t(tabOfSecond->traceIndex())].get());
        QVERIFY(tabOfSecond->isVisible());
        for (QAction* a : viewActions)
            if (!a->isSeparator()) QVERIFY2(a->isEnabled(), qPrintable(a->text()));
        const QString tip = w.tabs()->tabToolTip(w.tabs()->indexOf(tabOfSecond));
        QVERIFY2(tip.contains(secondId), qPrintable(tip));

        // The same row again shows the same tab, not a second one.
        w.tabs()->setCurrentIndex(0);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(w.traceTabCount(), 1);
        QCOMPARE(w.currentTraceTab(), tabOfSecond);

        // The other row (activated as a double-click does) opens a tab of its own.
        w.tabs()->setCurrentIndex(0);
        const QString firstId = m->index(0, TraceListModel::TraceIdColumn).data().toString();
        QVERIFY(firstId != secondId);
        emit list->activated(m->index(0, TraceListModel::RootColumn));
        QCOMPARE(w.traceTabCount(), 2);
        TraceTab* tabOfFirst = w.currentTraceTab();
        QVERIFY(tabOfFirst && tabOfFirst != tabOfSecond);
        QCOMPARE(traceIdOf(tabOfFirst->trace()), firstId);

        // And back: the second row's tab becomes current again.
        emit list->activated(second);
        QCOMPARE(w.traceTabCount(), 2);
        QCOMPARE(w.currentTraceTab(), tabOfSecond);
        QCOMPARE(w.openTrace(tabOfFirst->traceIndex()), tabOfFirst);
        QCOMPARE(w.traceTabCount(), 2);

        // Out of range: nothing opens.
        QVERIFY(!w.openTrace(-1));
        QVERIFY(!w.openTrace(int(traces.size())));
        QCOMPARE(w.traceTabCount(), 2);
    }

    void openingTheSameFileAgainReloadsItsTabInPlace() {
        // File › Open Recent on the file already shown is a reload: the trace's tab shows the
        // new data where it was, with no twin beside it.
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());
        TraceTab* second = w.openTrace(1);
        TraceTab* first = w.openTrace(0);
        QVERIFY(first && second);
        QCOMPARE(w.traceTabCount(), 2);
        const int firstAt = w.tabs()->indexOf(first);
        const QString firstId = traceIdOf(first->trace());
        QPointer<TraceTab> oldFirst(first), oldSecond(second);

        const LoadOutcome again = openAndWait(w, test::fixture(kLinks));
        QVERIFY(again.ok());
        TraceTab* reloaded = w.openTrace(0);
        QVERIFY(reloaded && reloaded != first);
        QCOMPARE(reloaded->file(), again.loaded.get());
        QCOMPARE(traceIdOf(reloaded->trace()), firstId);
        QCOMPARE(w.tabs()->indexOf(reloaded), firstAt);
        QCOMPARE(w.currentTraceTab(), reloaded);
        QCOMPARE(w.traceTabCount(), 2);  // the other trace keeps its (older) tab
        QTRY_VERIFY(oldFirst.isNull());  // the replaced tab is gone
        QVERIFY(!oldSecond.isNull());
        QCOMPARE(w.openTrace(0), reloaded);  // and is not opened twice
        QCOMPARE(w.traceTabCount(), 2);
    }

    void theTracesTabCannotBeClosed() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());
        QWidget* listPage = w.tabs()->widget(0);
        QVERIFY(listPage->isAncestorOf(w.traceList()));
        QVERIFY(w.openTrace(0));
        QTabBar* bar = w.tabs()->tabBar();
        QVERIFY(!bar->tabButton(0, QTabBar::RightSide));
        QVERIFY(!bar->tabButton(0, QTabBar::LeftSide));
        QVERIFY(bar->tabButton(1, QTabBar::RightSide) || bar->tabButton(1, QTabBar::LeftSide));

        // Neither a close request (middle click, a style's close button) nor Close Trace closes
        // it.
        emit w.tabs()->tabCloseRequested(0);
        QCOMPARE(w.tabs()->count(), 2);
        QCOMPARE(w.tabs()->widget(0), listPage);
        w.tabs()->setCurrentIndex(0);
        auto* close = child<QAction>(w, "actionCloseTab");
        QVERIFY(!close->isEnabled());
        QTest::keySequence(&w, close->shortcut());
        close->trigger();  // disabled: does nothing
        QCOMPARE(w.tabs()->count(), 2);
        QCOMPARE(w.tabs()->indexOf(listPage), 0);
        QCOMPARE(w.traceTabCount(), 1);
    }

    void closeTraceClosesTheCurrentTab() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());
        QPointer<TraceTab> first = w.openTrace(0);
        QPointer<TraceTab> second = w.openTrace(1);
        QVERIFY(first && second);
        QCOMPARE(w.currentTraceTab(), second.data());
        auto* close = child<QAction>(w, "actionCloseTab");
        // The platform's Close key: Ctrl+W on Linux desktops (the offscreen platform of the
        // tests follows the Windows key scheme, where the first Close key is Ctrl+F4).
        // Every platform binding of Close, not only the first (Ctrl+W and Ctrl+F4 on X11).
        QCOMPARE(close->shortcuts(), QKeySequence::keyBindings(QKeySequence::Close));
        QVERIFY(close->isEnabled());

        // The key closes the current trace, and its tab goes away for good.
        QTest::keySequence(&w, close->shortcut());
        QCOMPARE(w.traceTabCount(), 1);
        QCOMPARE(w.tabs()->indexOf(second), -1);
        QTRY_VERIFY(second.isNull());
        QVERIFY(first);

        // The close button on a tab closes that tab, whichever is current.
        w.tabs()->setCurrentIndex(0);
        const int at = w.tabs()->indexOf(first);
        QTabBar* bar = w.tabs()->tabBar();
        QWidget* button = bar->tabButton(at, QTabBar::RightSide);
        if (!button) button = bar->tabButton(at, QTabBar::LeftSide);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(w.traceTabCount(), 0);
        QTRY_VERIFY(first.isNull());
        QCOMPARE(w.tabs()->count(), 1);
        QCOMPARE(w.tabs()->currentIndex(), 0);
        QVERIFY(!close->isEnabled());

        // Reopened after closing: a new tab again.
        QVERIFY(w.openTrace(1));
        QCOMPARE(w.traceTabCount(), 1);
        QVERIFY(close->isEnabled());
        close->trigger();
        QCOMPARE(w.traceTabCount(), 0);
    }

    // ---------------------------------------------------------------- recent files

    void aLoadedFileComesFirstInOpenRecent() {
        MainWindow w;
        w.show();
        QVERIFY(w.recentFiles()->files().isEmpty());
        const QString links = absolute(test::fixture(kLinks));
        const QString demo = absolute(demoPath());
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());
        QCOMPARE(w.recentFiles()->files(), QStringList{links});
        QVERIFY(openAndWait(w, demoPath()).ok());
        QCOMPARE(w.recentFiles()->files(), (QStringList{demo, links}));

        // The menu lists them in that order, by file name, the path in the tooltip.
        QMenu* menu = child<QMenu>(w, "menuRecent");
        QList<QAction*> entries;
        for (QAction* a : menu->actions())
            if (!a->isSeparator() && !a->toolTip().isEmpty() &&
                QFileInfo(a->toolTip()).isAbsolute())
                entries << a;
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0]->toolTip(), demo);
        QVERIFY2(entries[0]->text().contains(QFileInfo(demo).fileName()),
                 qPrintable(entries[0]->text()));
        QCOMPARE(entries[1]->toolTip(), links);

        // Opening one of them again moves it to the front, once.
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());
        QCOMPARE(w.recentFiles()->files(), (QStringList{links, demo}));

        // The menu entry opens its file.
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        QAction* demoEntry = nullptr;
        for (QAction* a : menu->actions())
            if (a->toolTip() == demo) demoEntry = a;
        QVERIFY(demoEntry);
        demoEntry->trigger();
        QVERIFY(settled.wait(20000));
        QCOMPARE(settled.at(0).at(0).value<LoadOutcome>().path, demo);
        QCOMPARE(w.shownFile(), demo);
        QCOMPARE(w.recentFiles()->files().first(), demo);
    }

    void aFileThatFailedToLoadIsNotRemembered() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, demoPath()).ok());
        const QStringList before = w.recentFiles()->files();
        const QString broken =
            test::writeFile(tmp_, QStringLiteral("broken.json"), "this is not JSON");
        QVERIFY(!openAndWait(w, broken).ok());
        QVERIFY(!openAndWait(w, test::fixture("otlp/logs.json")).ok());
        QVERIFY(!openAndWait(w, tmp_.filePath(QStringLiteral("missing.json"))).ok());
        QCOMPARE(w.recentFiles()->files(), before);
        QCOMPARE(RecentFiles().files(), before);  // nor in the settings
    }

    void recentFilesKeepTheTenNewestWithoutDuplicates() {
        RecentFiles recent;
        QSignalSpy changed(&recent, &RecentFiles::changed);
        QStringList added;
        for (int i = 0; i < 12; ++i) {
            added.prepend(tmp_.filePath(QStringLiteral("trace-%1.json").arg(i)));
            recent.add(added.front());
        }
        QCOMPARE(changed.count(), 12);
        QCOMPARE(RecentFiles::kMaxFiles, 10);
        QCOMPARE(recent.files(), added.mid(0, 10));  // newest first; the two oldest dropped

        // A file already listed moves to the front instead of appearing twice.
        const QString again = added[6];
        recent.add(again);
        QCOMPARE(recent.files().size(), 10);
        QCOMPARE(recent.files().first(), again);
        QCOMPARE(recent.files().count(again), 1);
        QStringList expected = added.mid(0, 10);
        expected.removeAll(again);
        expected.prepend(again);
        QCOMPARE(recent.files(), expected);

        // A relative path is remembered as an absolute one, and once.
        const QString relative = QStringLiteral("relative-trace.json");
        recent.add(relative);
        recent.add(QDir::current().absoluteFilePath(relative));
        QCOMPARE(recent.files().first(), QDir::current().absoluteFilePath(relative));
        QCOMPARE(recent.files().count(QDir::current().absoluteFilePath(relative)), 1);
        QCOMPARE(recent.files().size(), 10);
        expected.prepend(QDir::current().absoluteFilePath(relative));
        expected.removeLast();
        QCOMPARE(recent.files(), expected);

        // The list survives a restart: a new window reads it and lists it in its menu.
        MainWindow w;
        QCOMPARE(w.recentFiles()->files(), expected);
        QStringList inMenu;
        for (QAction* a : child<QMenu>(w, "menuRecent")->actions())
            if (!a->isSeparator() && !a->toolTip().isEmpty() &&
                QFileInfo(a->toolTip()).isAbsolute())
                inMenu << a->toolTip();
        QCOMPARE(inMenu, expected);
    }

    void clearTheListEmptiesOpenRecent() {
        {
            RecentFiles seed;
            seed.add(demoPath());
            seed.add(test::fixture(kLinks));
        }
        MainWindow w;
        QCOMPARE(w.recentFiles()->files().size(), 2);
        QMenu* menu = child<QMenu>(w, "menuRecent");
        QAction* clear = nullptr;
        for (QAction* a : menu->actions())
            if (a->text() == QStringLiteral("Clear the List")) clear = a;
        QVERIFY(clear);
        QVERIFY(clear->isEnabled());
        clear->trigger();
        QVERIFY(w.recentFiles()->files().isEmpty());
        QVERIFY(RecentFiles().files().isEmpty());  // and in the settings
        // Only the (now disabled) Clear action is left.
        const QList<QAction*> left = menu->actions();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0]->text(), QStringLiteral("Clear the List"));
        QVERIFY(!left[0]->isEnabled());
    }

    void aRecentFileThatIsGoneIsRemovedAndSaysSo() {
        const QString gone = tmp_.filePath(QStringLiteral("deleted-since.json"));
        QVERIFY(!QFile::exists(gone));
        {
            RecentFiles seed;
            seed.add(demoPath());
            seed.add(gone);
        }
        MainWindow w;
        w.show();
        QCOMPARE(w.recentFiles()->files().first(), absolute(gone));
        QAction* entry = nullptr;
        for (QAction* a : child<QMenu>(w, "menuRecent")->actions())
            if (a->toolTip() == absolute(gone)) entry = a;
        QVERIFY(entry);
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        entry->trigger();
        QCOMPARE(w.recentFiles()->files(), QStringList{absolute(demoPath())});
        QCOMPARE(RecentFiles().files(), QStringList{absolute(demoPath())});
        auto* banner = child<MessageBanner>(w, "outcomeBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(absolute(gone)), qPrintable(banner->text()));
        QVERIFY(!w.isLoading());
        QCOMPARE(settled.count(), 0);
    }

    // ---------------------------------------------------------------- layout across sessions

    void theTabLayoutRoundTrips() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        QVERIFY(laidOut(tab));
        QSplitter* main = mainSplitter(*tab);
        QSplitter* right = rightSplitter(*tab);
        const QList<int> mainSizes = main->sizes();
        const QList<int> rightSizes = right->sizes();
        const int tree = tab->waterfall()->treeColumnWidth();
        QVERIFY(mainSizes[0] > 0 && mainSizes[1] > 0 && rightSizes[0] > 0 && rightSizes[1] > 0);
        const QByteArray saved = tab->saveLayout();
        QVERIFY(!saved.isEmpty());

        const int total = mainSizes[0] + mainSizes[1];
        tab->waterfall()->setTreeColumnWidth(tree - 60);
        QCOMPARE(tab->waterfall()->treeColumnWidth(), tree - 60);
        main->setSizes({total / 3, total - total / 3});
        const int rightTotal = rightSizes[0] + rightSizes[1];
        right->setSizes({rightTotal / 2, rightTotal - rightTotal / 2});
        QVERIFY(main->sizes() != mainSizes);
        QVERIFY(right->sizes() != rightSizes);
        QVERIFY(tab->waterfall()->treeColumnWidth() != tree);
        QVERIFY(tab->saveLayout() != saved);

        tab->restoreLayout(saved);
        QCOMPARE(main->sizes(), mainSizes);
        QCOMPARE(right->sizes(), rightSizes);
        QCOMPARE(tab->waterfall()->treeColumnWidth(), tree);

        // Settings from elsewhere (another version, garbage) change nothing.
        tab->restoreLayout(QByteArray("not a layout"));
        tab->restoreLayout({});
        QCOMPARE(main->sizes(), mainSizes);
        QCOMPARE(tab->waterfall()->treeColumnWidth(), tree);
    }

    void sizeAndTabLayoutSurviveARestart() {
        const QSize size(1000, 700);
        QList<int> mainSizes, rightSizes;
        int tree = 0;
        {
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(openAndWait(w, demoPath()).ok());
            TraceTab* tab = w.currentTraceTab();
            QVERIFY(laidOut(tab));
            QSplitter* main = mainSplitter(*tab);
            QSplitter* right = rightSplitter(*tab);
            const QList<int> before = main->sizes();
            const int total = before[0] + before[1];
            main->setSizes({total * 3 / 4, total - total * 3 / 4});
            const int rightTotal = right->sizes()[0] + right->sizes()[1];
            right->setSizes({rightTotal * 3 / 5, rightTotal - rightTotal * 3 / 5});
            const int treeBefore = tab->waterfall()->treeColumnWidth();
            tab->waterfall()->setTreeColumnWidth(treeBefore + 50);
            QVERIFY(main->sizes() != before);
            QCOMPARE(tab->waterfall()->treeColumnWidth(), treeBefore + 50);
            mainSizes = main->sizes();
            rightSizes = right->sizes();
            tree = tab->waterfall()->treeColumnWidth();
            w.saveSettings();
        }

        MainWindow w;
        QVERIFY(w.size() != size);  // the default until the settings are read
        w.restoreSettings();
        QCOMPARE(w.size(), size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), size);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        QVERIFY(laidOut(tab));
        QTRY_COMPARE(mainSplitter(*tab)->sizes(), mainSizes);
        QTRY_COMPARE(rightSplitter(*tab)->sizes(), rightSizes);
        QCOMPARE(tab->waterfall()->treeColumnWidth(), tree);
    }

    void draggedDividersAreRememberedForTheNextTab() {
        // No explicit save: a dragged divider is saved as it happens, so the next tab (or the
        // next session, even after a crash) gets it.
        QList<int> dragged;
        int tree = 0;
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(openAndWait(w, demoPath()).ok());
            TraceTab* tab = w.currentTraceTab();
            QVERIFY(laidOut(tab));
            QSignalSpy layout(tab, &TraceTab::layoutChanged);
            QSplitter* main = mainSplitter(*tab);
            const QList<int> before = main->sizes();
            dragHandle(main, 1, -120);
            QVERIFY(layout.count() > 0);
            dragged = main->sizes();
            QVERIFY2(dragged[0] < before[0] - 60,
                     qPrintable(QStringLiteral("%1 → %2").arg(before[0]).arg(dragged[0])));

            // The divider between the span names and the bars, as the mouse drags it.
            WaterfallView* view = tab->waterfall();
            const int x = view->treeColumnWidth() + WaterfallGeometry::kDivider / 2;
            const int y = view->rowRect(1).center().y();
            layout.clear();
            QTest::mousePress(view->viewport(), Qt::LeftButton, {}, QPoint(x, y));
            QTest::mouseMove(view->viewport(), QPoint(x - 90, y));
            QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(x - 90, y));
            QVERIFY(layout.count() > 0);
            tree = view->treeColumnWidth();
            QCOMPARE(tree, x - 90 - WaterfallGeometry::kDivider / 2);

            // A second tab in the same window takes the layout.
            const LoadOutcome other = openAndWait(w, test::fixture(kEdgeCases));
            QVERIFY(other.ok());
            TraceTab* second = w.currentTraceTab();
            QVERIFY(second && second != tab);
            QVERIFY(laidOut(second));
            QTRY_COMPARE(mainSplitter(*second)->sizes(), dragged);
            QCOMPARE(second->waterfall()->treeColumnWidth(), tree);
            w.hide();  // not closed: closeEvent would save anyway
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        QVERIFY(laidOut(tab));
        QTRY_COMPARE(mainSplitter(*tab)->sizes(), dragged);
        QCOMPARE(tab->waterfall()->treeColumnWidth(), tree);
    }

    // ---------------------------------------------------------------- keyboard shortcuts help

    void f1ListsEveryKeyboardShortcut() {
        MainWindow w;
        showAndActivate(w);
        auto* action = child<QAction>(w, "actionKeyboardShortcuts");
        QVERIFY(action->shortcuts().contains(QKeySequence(Qt::Key_F1)));
        QVERIFY(action->isEnabled());

        QStringList missing;
        int keyboardRows = -1;
        DialogWatcher watcher(&w, [&](KeyboardShortcutsDialog* dialog) {
            QTreeWidget* table = dialog->table();
            QStringList keyboardGroups;
            for (const Shortcut& s : traceShortcuts()) {
                const QString group = QCoreApplication::translate("Shortcuts", s.group);
                if (!keyboardGroups.contains(group)) keyboardGroups << group;
            }
            // action → keys, as the dialog lists them under the keyboard groups (the mouse
            // section below repeats some actions with the mouse's gestures).
            QHash<QString, QString> keysOf;
            keyboardRows = 0;
            for (int g = 0; g < table->topLevelItemCount(); ++g) {
                const QTreeWidgetItem* group = table->topLevelItem(g);
                if (!keyboardGroups.removeOne(group->text(0))) continue;
                keyboardRows += group->childCount();
                for (int r = 0; r < group->childCount(); ++r)
                    keysOf.insert(group->child(r)->text(0), group->child(r)->text(1));
            }
            for (const QString& group : keyboardGroups)
                missing << QStringLiteral("group ") + group;
            for (const Shortcut& s : traceShortcuts()) {
                const QString description = QCoreApplication::translate("Shortcuts", s.description);
                if (!keysOf.contains(description)) {
                    missing << description;
                    continue;
                }
                for (const QKeySequence& k : s.keys)
                    if (!keysOf[description].contains(k.toString(QKeySequence::NativeText)))
                        missing << description + QStringLiteral(": ") +
                                       k.toString(QKeySequence::NativeText);
            }
        });
        QTest::keyClick(&w, Qt::Key_F1);
        QTRY_COMPARE(watcher.opened, 1);
        QVERIFY(watcher.wasModal);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("; "))));
        QCOMPARE(keyboardRows, int(traceShortcuts().size()));
        QVERIFY(keyboardRows > 0);

        // The menu entry opens the same dialog.
        action->trigger();
        QTRY_COMPARE(watcher.opened, 2);
    }

    void typingAQuestionMarkInFindDoesNotOpenTheHelp() {
        // "?" opens the help window-wide, but not while one types a query.
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        auto* edit = child<QLineEdit>(*w.currentTraceTab(), "findEdit");
        edit->setFocus();
        QTRY_VERIFY(edit->hasFocus());
        DialogWatcher watcher(
            &w, [](KeyboardShortcutsDialog*) {}, 500);
        QTest::keyClicks(edit, QStringLiteral("a?b"));
        QCOMPARE(edit->text(), QStringLiteral("a?b"));
        QTest::qWait(100);
        QCOMPARE(watcher.opened, 0);
    }

    // ---------------------------------------------------------------- one trace tab, wired

    void selectingASpanShowsItsDetails() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        WaterfallView* view = tab->waterfall();
        SpanDetailsPanel* details = tab->details();
        const std::vector<uint32_t> order = treeOrder(tab->trace());
        QCOMPARE(shownRows(*view), order);  // all expanded at first
        QCOMPARE(view->currentSpan(), int32_t(order[0]));
        QCOMPARE(details->span(), view->currentSpan());
        QCOMPARE(details->trace().get(), &tab->trace());

        // A click on a row's bar selects it; the details follow.
        const int row = 5;
        const QPoint at(view->treeColumnWidth() + 20, view->rowRect(row).center().y());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(view->currentSpan(), int32_t(order[size_t(row)]));
        QCOMPARE(details->span(), view->currentSpan());
        QVERIFY(details->attributesModel()->rowCount() > 0);

        // And the keys.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentSpan(), int32_t(order[size_t(row + 1)]));
        QCOMPARE(details->span(), view->currentSpan());
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(view->currentSpan(), int32_t(order.back()));
        QCOMPARE(details->span(), int32_t(order.back()));
    }

    void nextErrorWalksTheErrorsAndShowsTheException() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        const Trace& t = tab->trace();
        WaterfallView* view = tab->waterfall();
        SpanDetailsPanel* details = tab->details();
        const std::vector<uint32_t> order = treeOrder(t);
        std::vector<uint32_t> errors;
        for (uint32_t s : order)
            if (t.isError(s)) errors.push_back(s);
        QCOMPARE(size_t(t.errorCount), errors.size());
        QVERIFY(errors.size() > 3);
        QCOMPARE(view->currentSpan(), int32_t(order[0]));

        // Every error in tree order, one step at a time; an exception event shows its
        // exception.
        const uint32_t startErrors = t.isError(order[0]) ? 1 : 0;  // the root is current
        int exceptionsSeen = 0;
        for (size_t i = startErrors; i < errors.size(); ++i) {
            QVERIFY(tab->perform(TraceAction::NextError));
            QCOMPARE(view->currentSpan(), int32_t(errors[i]));
            QCOMPARE(details->span(), int32_t(errors[i]));
            if (const Event* e = exceptionEvent(t, errors[i])) {
                const QString type = eventAttribute(t, *e, "exception.type");
                const QString text = details->exceptionText();
                QVERIFY2(!text.isEmpty(), qPrintable(qs(t.nameOf(errors[i]))));
                if (!type.isEmpty()) QVERIFY2(text.contains(type), qPrintable(text));
                ++exceptionsSeen;
            }
        }
        QVERIFY(exceptionsSeen > 0);

        // F8 works wherever the focus is: from the root (an error) to the next error.
        view->setCurrentSpan(int32_t(order[0]));
        child<QLineEdit>(*tab, "findEdit")->setFocus();
        QTest::keyClick(&w, Qt::Key_F8);
        QCOMPARE(view->currentSpan(), int32_t(errors[startErrors]));
        QTest::keyClick(&w, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(view->currentSpan(), int32_t(errors[0]));

        // The header's error count leads to an error with no failing span below it, whose
        // details name its exception when it has one.
        emit tab->header()->errorsClicked();
        const int32_t landed = view->currentSpan();
        QVERIFY(landed >= 0 && t.isError(size_t(landed)));
        std::function<bool(uint32_t)> failsBelow = [&](uint32_t s) {
            for (uint32_t c : t.childrenOf(s))
                if (t.isError(c) || failsBelow(c)) return true;
            return false;
        };
        QVERIFY(!failsBelow(uint32_t(landed)));
        QCOMPARE(details->span(), landed);
        if (exceptionEvent(t, uint32_t(landed))) QVERIFY(!details->exceptionText().isEmpty());
    }

    void theFindFilterHidesWhatDoesNotMatch() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        const Trace& t = tab->trace();
        WaterfallView* view = tab->waterfall();
        const size_t allRows = view->rows()->rowCount();
        QCOMPARE(allRows, t.spanCount());
        auto* edit = child<QLineEdit>(*tab, "findEdit");
        auto* filter = child<QToolButton>(*tab, "findFilter");
        auto* hiddenLabel = child<QLabel>(*tab, "findHidden");
        auto* count = child<QLabel>(*tab, "findCount");

        QVERIFY(!hiddenLabel->isVisible());
        QTest::mouseClick(filter, Qt::LeftButton);
        QVERIFY(tab->findBar()->filterMode());
        QVERIFY(hiddenLabel->isVisible());
        QCOMPARE(view->rows()->rowCount(), allRows);  // no query: nothing to hide

        QSignalSpy matches(tab->findBar(), &FindBar::matchesChanged);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("inventory"));
        QTRY_VERIFY_WITH_TIMEOUT(!matches.isEmpty(), 5000);
        const auto m = matches.last().at(0).value<std::shared_ptr<const std::vector<uint8_t>>>();
        QVERIFY(m);
        QCOMPARE(m->size(), t.spanCount());
        // Sanity of the search itself: every inventory span matches.
        const QString inventory = QStringLiteral("inventory");
        size_t inventorySpans = 0, matched = 0;
        for (size_t i = 0; i < t.spanCount(); ++i) {
            matched += (*m)[i] ? 1 : 0;
            if (qs(t.serviceOf(i)) == inventory) {
                ++inventorySpans;
                QVERIFY((*m)[i]);
            }
        }
        QVERIFY(inventorySpans > 0);

        std::vector<uint8_t> keep(t.spanCount(), 0);
        for (size_t i = 0; i < t.spanCount(); ++i)
            keep[i] = (*m)[i] ? 1 : 0;
        keep = withAncestors(t, keep);
        const Hidden hidden = hiddenBy(t, keep);
        QVERIFY(hidden.spans > 0 && hidden.errors > 0);  // the case is worth testing
        QCOMPARE(view->rows()->rowCount(), allRows - hidden.spans);
        for (uint32_t s : shownRows(*view))
            QVERIFY(keep[s]);
        QCOMPARE(view->hiddenSpans(), hidden.spans);
        QCOMPARE(view->hiddenErrors(), hidden.errors);
        const QString text = hiddenLabel->text();
        QVERIFY2(text.contains(QLocale().toString(hidden.spans)), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(hidden.errors)), qPrintable(text));
        QVERIFY2(count->text().contains(QLocale().toString(qulonglong(matched))),
                 qPrintable(count->text()));
        // The selection moved onto a match (the first after it, as a browser's find does).
        QVERIFY(view->currentSpan() >= 0 && (*m)[size_t(view->currentSpan())]);
        QCOMPARE(tab->details()->span(), view->currentSpan());

        // Clearing the query shows every row again.
        QTest::mouseClick(child<QToolButton>(*tab, "findClear"), Qt::LeftButton);
        QCOMPARE(edit->text(), QString());
        QTRY_COMPARE(view->rows()->rowCount(), allRows);
        QCOMPARE(shownRows(*view), treeOrder(t));
        QCOMPARE(view->hiddenSpans(), 0u);
        QVERIFY2(!hiddenLabel->text().contains(QLocale().toString(hidden.spans)),
                 qPrintable(hiddenLabel->text()));

        // Filter off, query back: the matches are marked, nothing hidden.
        QTest::mouseClick(filter, Qt::LeftButton);
        QVERIFY(!tab->findBar()->filterMode());
        matches.clear();
        QTest::keyClicks(edit, QStringLiteral("inventory"));
        QTRY_VERIFY_WITH_TIMEOUT(!matches.isEmpty(), 5000);
        QCOMPARE(view->rows()->rowCount(), allRows);
        QCOMPARE(view->matchCount(), matched);
        QVERIFY(!hiddenLabel->isVisible());
    }

    void uncheckingAServiceHidesItsSpans() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        const Trace& t = tab->trace();
        WaterfallView* view = tab->waterfall();
        auto* legendView = child<QTreeView>(*tab->legend(), "legendView");
        QAbstractItemModel* legend = legendView->model();
        QAbstractItemModelTester tester(legend, kQtTest);
        QCOMPARE(legend->rowCount(), int(t.services.size()));
        const size_t allRows = view->rows()->rowCount();

        // "payment" as the user sees it in the legend.
        const QString payment = QStringLiteral("payment");
        QModelIndex row;
        for (int r = 0; r < legend->rowCount(); ++r)
            if (legend->index(r, ServiceLegendColumns::ServiceColumn).data() == payment)
                row = legend->index(r, ServiceLegendColumns::ServiceColumn);
        QVERIFY(row.isValid());
        QCOMPARE(row.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        // What the delegate does on a click on the check box.
        QVERIFY(legend->setData(row, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(row.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);

        std::vector<uint8_t> keep(t.spanCount(), 0);
        size_t paymentSpans = 0;
        for (size_t i = 0; i < t.spanCount(); ++i) {
            keep[i] = qs(t.serviceOf(i)) == payment ? 0 : 1;
            paymentSpans += keep[i] ? 0 : 1;
        }
        keep = withAncestors(t, keep);
        const Hidden hidden = hiddenBy(t, keep);
        QVERIFY(paymentSpans > 0 && hidden.spans > 0);
        QCOMPARE(view->rows()->rowCount(), allRows - hidden.spans);
        // A payment span stays only as the path to another service's span.
        for (uint32_t s : shownRows(*view)) {
            QVERIFY(keep[s]);
            if (qs(t.serviceOf(s)) == payment) QVERIFY(view->rows()->isContext(s));
        }
        QCOMPARE(view->hiddenSpans(), hidden.spans);
        QCOMPARE(view->hiddenErrors(), hidden.errors);
        auto* hiddenLabel = child<QLabel>(*tab, "findHidden");
        QVERIFY(hiddenLabel->isVisible());
        QVERIFY2(hiddenLabel->text().contains(QLocale().toString(hidden.spans)),
                 qPrintable(hiddenLabel->text()));
        if (hidden.errors > 0)
            QVERIFY2(hiddenLabel->text().contains(QLocale().toString(hidden.errors)),
                     qPrintable(hiddenLabel->text()));
        const QString title = child<QLabel>(*tab->legend(), "legendTitle")->text();
        QVERIFY2(title.contains(QString::number(t.services.size() - 1)) &&
                     title.contains(QString::number(t.services.size())),
                 qPrintable(title));
        // The selection is never a hidden span.
        QVERIFY(view->currentSpan() < 0 || keep[size_t(view->currentSpan())]);
        QCOMPARE(tab->details()->span(), view->currentSpan());

        // Checked again: every span is back.
        QVERIFY(legend->setData(row, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(view->rows()->rowCount(), allRows);
        QCOMPARE(view->hiddenSpans(), 0u);
        QVERIFY(!hiddenLabel->isVisible());
    }

    void linksAndTheParentInTheDetailsMoveTheSelection() {
        MainWindow w;
        showAndActivate(w);
        QVERIFY(openAndWait(w, demoPath()).ok());
        TraceTab* tab = w.currentTraceTab();
        const Trace& t = tab->trace();
        WaterfallView* view = tab->waterfall();
        SpanDetailsPanel* details = tab->details();

        // The demo's one link: email's consumer span links to the producer span.
        int32_t consumer = -1;
        for (size_t i = 0; i < t.spanCount(); ++i)
            if (!t.linksOf(i).empty()) consumer = int32_t(i);
        QVERIFY(consumer >= 0);
        const int32_t target = t.linksOf(size_t(consumer))[0].target;
        QVERIFY(target >= 0);
        QCOMPARE(target, spanWithId(t, "2d9e9026348f7697"));

        view->setCurrentSpan(consumer);
        QCOMPARE(details->span(), consumer);
        QModelIndex link;
        SpanLinksModel* links = details->linksModel();
        QAbstractItemModel* linksModel = details->linksView()->model();
        for (int r = 0; r < linksModel->rowCount() && !link.isValid(); ++r)
            for (int c = 0; c < linksModel->columnCount(); ++c) {
                const QModelIndex i = linksModel->index(r, c);
                if (i.data(DetailRoles::IsLink).toBool()) {
                    link = i;
                    break;
                }
            }
        QVERIFY(links->rowCount() > 0);
        QVERIFY(link.isValid());
        QCOMPARE(link.data(DetailRoles::TargetSpan).toInt(), target);
        emit details->linksView()->clicked(link);  // as a click on the link does
        QCOMPARE(view->currentSpan(), target);
        QCOMPARE(details->span(), target);

        // The parent link in the header goes up one span.
        int32_t leaf = -1;
        for (uint32_t s : treeOrder(t))
            if (t.depth[s] >= 3 && t.childrenOf(s).empty()) leaf = int32_t(s);
        QVERIFY(leaf >= 0);
        view->setCurrentSpan(leaf);
        auto* parentLabel = child<QLabel>(*details, "spanParent");
        emit parentLabel->linkActivated(QStringLiteral("parent"));
        QCOMPARE(view->currentSpan(), t.parent[size_t(leaf)]);
        QCOMPARE(details->span(), t.parent[size_t(leaf)]);

        // A jump to a span that is collapsed away reveals it.
        view->perform(TraceAction::CollapseAll);
        QVERIFY(view->rows()->rowOf(uint32_t(leaf)) < 0);
        emit details->jumpToSpan(quint32(leaf));
        QCOMPARE(view->currentSpan(), leaf);
        QVERIFY(view->rows()->rowOf(uint32_t(leaf)) >= 0);
        QCOMPARE(details->span(), leaf);
    }

private:
    QTemporaryDir tmp_;
};

QTEST_MAIN(TraceWindowTest)
#include "trace_window_test.moc"
