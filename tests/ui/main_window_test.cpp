// MainWindow through the real load job: empty state, a loaded file, bad files and a cancelled
// load that keep what was shown, file warnings, drag and drop, menus, and the details pane that
// follows the current trace through the sort proxy.

#include <QAction>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QThreadPool>
#include <QTreeView>
#include <QtTest>

#include "empty_state_widget.h"
#include "load_progress_widget.h"
#include "main_window.h"
#include "message_banner.h"
#include "service_table_model.h"
#include "test_support.h"
#include "trace_details_pane.h"
#include "trace_list_model.h"
#include "warning_list_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kLinks = "jaeger/jaeger-otlp-links-events-errors.json";

template <typename T>
T* child(const QWidget& w, const char* name) {
    T* found = w.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

// Opens `path` and waits until the window shows the outcome.
LoadOutcome openAndWait(MainWindow& w, const QString& path, int timeoutMs = 20000) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(path);
    if (!settled.wait(timeoutMs)) qFatal("load of %s did not settle", qPrintable(path));
    return settled.at(0).at(0).value<LoadOutcome>();
}

QStringList visibleTraceIds(const MainWindow& w) {
    const QAbstractItemModel* m = child<QTreeView>(w, "traceList")->model();
    QStringList ids;
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, TraceListModel::TraceIdColumn).data().toString();
    return ids;
}

const char* const kTempo = "tempo/servicegraphs_trace-with-virtual-nodes.json";
const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";

// The trace id in the list's row `row` (in the list's current order).
QString listedId(const MainWindow& w, int row) {
    const QAbstractItemModel* m = child<QTreeView>(w, "traceList")->model();
    return m->index(row, TraceListModel::TraceIdColumn).data().toString();
}

const QStringList kLinksIds{"00000000000000010000000000000000", "00000000000000020000000000000000"};

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        large_ = test::writeLargeJaeger(tmp_, test::kLargeSpans);
        QVERIFY(!large_.isEmpty());
    }

    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void startsWithAnEmptyStateAndAHint() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("Rootline"));
        QVERIFY(child<EmptyStateWidget>(w, "emptyState")->isVisible());
        QVERIFY(!child<QTreeView>(w, "traceList")->isVisible());
        QCOMPARE(child<QLabel>(w, "emptyTitle")->text(), QStringLiteral("No trace loaded"));
        QVERIFY(child<QLabel>(w, "emptyHint")->text().contains(QStringLiteral("Ctrl+O")));
        QVERIFY(!child<MessageBanner>(w, "outcomeBanner")->isVisible());
        QVERIFY(!child<LoadProgressWidget>(w, "loadProgress")->isVisible());
        QCOMPARE(child<QLabel>(w, "statusSummary")->text(), QStringLiteral("No file loaded"));
    }

    void menusHaveTheirShortcuts() {
        MainWindow w;
        QCOMPARE(child<QAction>(w, "actionOpen")->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+O")));
        QCOMPARE(child<QAction>(w, "actionQuit")->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+Q")));
        QVERIFY(child<QAction>(w, "actionAbout"));
        QVERIFY(!child<QAction>(w, "actionCancelLoad")->isEnabled());
    }

    void showsTheTracesOfALoadedFile() {
        MainWindow w;
        w.show();
        const QString path = test::fixture(kLinks);
        const LoadOutcome out = openAndWait(w, path);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(w.windowTitle(),
                 QStringLiteral("Rootline — jaeger-otlp-links-events-errors.json"));
        QCOMPARE(w.shownFile(), path);
        QVERIFY(child<QTreeView>(w, "traceList")->isVisible());
        QVERIFY(!child<EmptyStateWidget>(w, "emptyState")->isVisible());
        QCOMPARE(visibleTraceIds(w), kLinksIds);
        const QAbstractItemModel* m = child<QTreeView>(w, "traceList")->model();
        QCOMPARE(m->index(0, TraceListModel::ErrorsColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(child<QLabel>(w, "statusSummary")->text(),
                 QStringLiteral("OTLP JSON · traces: 2 · spans: 4 · errors: 4"));
        QVERIFY(!child<MessageBanner>(w, "outcomeBanner")->isVisible());
        QVERIFY(!child<MessageBanner>(w, "warningsBanner")->isVisible());
        QVERIFY(!child<LoadProgressWidget>(w, "loadProgress")->isVisible());
    }

    void afterALoadTheFirstTraceIsSelectedAndDetailed() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* details = child<TraceDetailsPane>(w, "traceDetails");
        QVERIFY(!details->isVisible());  // nothing to detail in the empty state
        QVERIFY(openAndWait(w, test::fixture(kEdgeCases)).ok());
        QCOMPARE(w.traceTabCount(), 1);  // one trace: opened at once
        w.tabs()->setCurrentIndex(0);    // the list is still there
        QVERIFY(details->isVisible());
        auto* view = child<QTreeView>(w, "traceList");
        QCOMPARE(view->selectionModel()->selectedRows(),
                 QModelIndexList{view->model()->index(0, 0)});
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(details->traceId(), QStringLiteral("00000000000000000000000000000001"));
        QCOMPARE(child<QLabel>(w, "warningsTitle")->text(), QStringLiteral("Warnings (5)"));
        QCOMPARE(details->warningsModel()->rowCount(), 5);
        QCOMPARE(details->servicesModel()->rowCount(), 2);
        QVERIFY(child<QWidget>(w, "rootsSection")->isVisible());
        // The list keeps most of the height.
        auto* split = child<QSplitter>(w, "traceSplitter");
        QVERIFY2(
            split->sizes().at(0) > split->sizes().at(1),
            qPrintable(
                QStringLiteral("%1 / %2").arg(split->sizes().at(0)).arg(split->sizes().at(1))));
    }

    void theDetailsDoNotWidenTheWindow() {
        // A QLabel is as wide as its text: a header of single-line labels once made 1,000 px the
        // window's minimum width. The header now wraps and cuts the root instead.
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kEdgeCases)).ok());
        w.tabs()->setCurrentIndex(0);
        QVERIFY2(w.minimumSizeHint().width() <= 640,
                 qPrintable(QString::number(w.minimumSizeHint().width())));
        w.resize(640, 600);
        auto* root = child<QWidget>(w, "detailsRoot");
        auto* errors = child<QLabel>(w, "detailsErrors");
        QTRY_VERIFY(root->isVisible() && errors->isVisible());
        QVERIFY(errors->y() > root->y());  // wrapped onto a line of its own
        const QWidget* details = child<TraceDetailsPane>(w, "traceDetails");
        QVERIFY(errors->mapTo(details, QPoint(errors->width(), 0)).x() <= details->width());
    }

    void detailsFollowTheCurrentRowThroughTheSort() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, test::fixture(kTempo)).ok());
        auto* view = child<QTreeView>(w, "traceList");
        auto* details = child<TraceDetailsPane>(w, "traceDetails");
        const QString first = QStringLiteral("4290b5877a9930de79bb428365398ecc");   // 2 spans
        const QString second = QStringLiteral("ab4a390ad2fe3b8534404c9f7223a390");  // 1 span
        QCOMPARE(listedId(w, 0), first);  // sorted by start
        QCOMPARE(details->traceId(), first);

        // The keyboard moves the current row; the pane follows.
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(details->traceId(), second);
        QCOMPARE(details->traceIndex(), 1);
        QCOMPARE(details->servicesModel()->rowCount(), 1);

        // Re-sorting moves the row, not the current trace: the pane keeps showing it.
        view->sortByColumn(TraceListModel::SpansColumn, Qt::AscendingOrder);
        QCOMPARE(listedId(w, 0), second);
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(details->traceId(), second);

        // Row 1 of the sorted list is trace 0 of the file.
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(listedId(w, 1), first);
        QCOMPARE(details->traceId(), first);
        QCOMPARE(details->traceIndex(), 0);
        QCOMPARE(details->servicesModel()->rowCount(), 2);

        // A click selects too.
        const QRect row0 = view->visualRect(view->model()->index(0, TraceListModel::SpansColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row0.center());
        QCOMPARE(details->traceId(), second);
    }

    void aFailedLoadKeepsTheDetails() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kTempo)).ok());
        auto* view = child<QTreeView>(w, "traceList");
        QTest::keyClick(view, Qt::Key_Down);
        auto* details = child<TraceDetailsPane>(w, "traceDetails");
        QCOMPARE(details->traceId(), QStringLiteral("ab4a390ad2fe3b8534404c9f7223a390"));

        QVERIFY(!openAndWait(w, test::fixture("otlp/logs.json")).ok());
        QVERIFY(details->isVisible());
        QCOMPARE(details->traceId(), QStringLiteral("ab4a390ad2fe3b8534404c9f7223a390"));
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(details->servicesModel()->rowCount(), 1);

        // A successful load shows its own first trace.
        QVERIFY(openAndWait(w, test::fixture(kEdgeCases)).ok());
        QCOMPARE(details->traceId(), QStringLiteral("00000000000000000000000000000001"));
    }

    void aFileWithoutTracesClearsTheDetails() {
        const QString empty = test::writeFile(tmp_, QStringLiteral("none.json"), "{\"data\":[]}");
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kEdgeCases)).ok());
        QVERIFY(openAndWait(w, empty).ok());
        auto* details = child<TraceDetailsPane>(w, "traceDetails");
        QVERIFY(!details->isVisible());
        QCOMPARE(details->traceIndex(), -1);
        QCOMPARE(details->warningsModel()->rowCount(), 0);
    }

    void badFileShowsOneLineAndKeepsTheTraces_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << test::writeFile(tmp_, QStringLiteral("broken.json"),
                                                     "this is not JSON")
                                  << "broken.json: not JSON";
        QTest::newRow("OTLP logs") << test::fixture("otlp/logs.json")
                                   << "logs.json: not a trace: this is an OTLP logs file";
    }

    void badFileShowsOneLineAndKeepsTheTraces() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());

        const LoadOutcome out = openAndWait(w, path);
        QVERIFY(!out.ok());
        auto* banner = child<MessageBanner>(w, "outcomeBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().startsWith(expected), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QStringLiteral("(byte ")), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(QLatin1Char('\n')));
        // Nothing the user had is lost.
        QCOMPARE(visibleTraceIds(w), kLinksIds);
        QCOMPARE(w.shownFile(), test::fixture(kLinks));
        QCOMPARE(w.windowTitle(),
                 QStringLiteral("Rootline — jaeger-otlp-links-events-errors.json"));
        QVERIFY(child<QLabel>(w, "statusSummary")->text().contains(QStringLiteral("spans: 4")));

        // The next successful load clears the error.
        QVERIFY(openAndWait(w, test::fixture("tempo/servicegraphs_trace-with-virtual-nodes.json"))
                    .ok());
        QVERIFY(!banner->isVisible());
        QCOMPARE(visibleTraceIds(w).size(), 2);
        QVERIFY(!visibleTraceIds(w).contains(kLinksIds.front()));
    }

    void badFileWithNothingShownKeepsTheEmptyState() {
        MainWindow w;
        w.show();
        QVERIFY(!openAndWait(w, test::fixture("otlp/logs.json")).ok());
        QVERIFY(child<MessageBanner>(w, "outcomeBanner")->isVisible());
        QVERIFY(child<EmptyStateWidget>(w, "emptyState")->isVisible());
        QCOMPARE(w.windowTitle(), QStringLiteral("Rootline"));
    }

    void cancellingASlowLoadKeepsTheTraces() {
        const QString large = large_;
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, test::fixture(kLinks)).ok());

        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.openFile(large);
        QVERIFY(w.isLoading());
        auto* progress = child<LoadProgressWidget>(w, "loadProgress");
        auto* cancel = child<QPushButton>(w, "loadCancelButton");
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isEnabled());
        QVERIFY(child<QAction>(w, "actionCancelLoad")->isEnabled());
        // While loading, the previous traces stay on screen.
        QCOMPARE(visibleTraceIds(w), kLinksIds);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!cancel->isEnabled());  // "Cancelling…" until the worker stops

        QVERIFY(settled.wait(20000));
        const LoadOutcome out = settled.at(0).at(0).value<LoadOutcome>();
        QVERIFY(out.cancelled);
        QVERIFY(!w.isLoading());
        QVERIFY(!progress->isVisible());
        auto* banner = child<MessageBanner>(w, "outcomeBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Information);
        QCOMPARE(banner->text(), QStringLiteral("Loading large.json was cancelled; still showing "
                                                "jaeger-otlp-links-events-errors.json."));
        QCOMPARE(visibleTraceIds(w), kLinksIds);
        QCOMPARE(w.windowTitle(),
                 QStringLiteral("Rootline — jaeger-otlp-links-events-errors.json"));
    }

    void escapeCancelsToo() {
        const QString large = large_;
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.openFile(large);
        child<QAction>(w, "actionCancelLoad")->trigger();
        QVERIFY(settled.wait(20000));
        QVERIFY(settled.at(0).at(0).value<LoadOutcome>().cancelled);
        QVERIFY(child<EmptyStateWidget>(w, "emptyState")->isVisible());
        QCOMPARE(child<MessageBanner>(w, "outcomeBanner")->text(),
                 QStringLiteral("Loading large.json was cancelled."));
    }

    void progressBarMovesDuringALongLoad() {
        const QString large = large_;
        MainWindow w;
        w.show();
        auto* progress = child<LoadProgressWidget>(w, "loadProgress");
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        int maxSeen = -1;
        QTimer poll;
        connect(&poll, &QTimer::timeout, [&] { maxSeen = std::max(maxSeen, progress->value()); });
        poll.start(5);
        w.openFile(large);
        QVERIFY(settled.wait(60000));
        QVERIFY(settled.at(0).at(0).value<LoadOutcome>().ok());
        QVERIFY2(maxSeen > 0, qPrintable(QString::number(maxSeen)));
        QCOMPARE(visibleTraceIds(w), QStringList{"0af7651916cd43dd8448eb211c80319c"});
        QVERIFY(child<QLabel>(w, "statusSummary")
                    ->text()
                    .contains(QStringLiteral("spans: ") + QLocale().toString(test::kLargeSpans)));
    }

    void fileWarningsAreVisible() {
        // Cut a valid file in the middle of its second trace: the first trace still loads, and
        // the damage becomes a file-level warning.
        QFile src(test::fixture(kLinks));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray whole = src.readAll();
        const QString truncated = test::writeFile(tmp_, QStringLiteral("truncated.json"),
                                                  whole.left(whole.size() * 3 / 4));
        MainWindow w;
        w.show();
        const LoadOutcome out = openAndWait(w, truncated);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY(!out.loaded->file->warnings.empty());
        auto* banner = child<MessageBanner>(w, "warningsBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
        QVERIFY2(banner->text().startsWith(QStringLiteral("truncated.json: ")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QString::fromStdString(out.loaded->file->warnings[0])),
                 qPrintable(banner->text()));
    }

    void fileWithoutTracesSaysSo() {
        const QString empty = test::writeFile(tmp_, QStringLiteral("empty.json"), "{\"data\":[]}");
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, empty).ok());
        QVERIFY(child<EmptyStateWidget>(w, "emptyState")->isVisible());
        QCOMPARE(child<QLabel>(w, "emptyTitle")->text(),
                 QStringLiteral("empty.json holds no traces"));
        QVERIFY(child<MessageBanner>(w, "warningsBanner")->isVisible());
        QCOMPARE(w.windowTitle(), QStringLiteral("Rootline — empty.json"));
    }

    void droppingAFileOpensIt() {
        MainWindow w;
        w.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(test::fixture(kLinks))});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());

        QSignalSpy settled(&w, &MainWindow::loadSettled);
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(settled.wait(20000));
        QCOMPARE(visibleTraceIds(w), kLinksIds);
    }

    void dragOfSomethingElseIsRefused() {
        MainWindow w;
        QMimeData mime;
        mime.setText(QStringLiteral("just text"));
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void newerOpenReplacesARunningOne() {
        const QString large = large_;
        MainWindow w;
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.openFile(large);
        w.openFile(test::fixture(kLinks));
        QVERIFY(settled.wait(20000));
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(settled.count(), 1);
        QCOMPARE(visibleTraceIds(w), kLinksIds);
        QVERIFY(!child<MessageBanner>(w, "outcomeBanner")->isVisible());
    }

private:
    QTemporaryDir tmp_;
    QString large_;
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
