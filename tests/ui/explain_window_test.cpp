// Investigate › Explain This Error (Ctrl+E) on the demo trace with the offline analyst (the
// default provider): the Verdict panel names the root span as a link that selects it, the run
// is recorded in the history, a window opened later lists it and shows it again without asking
// a model (also when its trace is not open: the stored tracepack opens), and a resolution note
// is kept. ROOTLINE_SAVE_WIDGET_PNG=dir saves a picture of the window with the verdict.

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QtTest>
#include <memory>

#include "explain/explain_runner.h"
#include "explain/verdict_panel.h"
#include "explain_test_support.h"
#include "history/history_jobs.h"
#include "history/history_model.h"
#include "history/history_panel.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;

namespace {

int32_t spanIndexOf(const Trace& t, const std::string& id) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.spanIdText(i) == id) return int32_t(i);
    return -1;
}

VerdictPanel* explainAndWait(MainWindow& w, TraceTab* tab) {
    // Shortcuts go to the active window (under Xvfb too, where nothing activates it for us).
    w.activateWindow();
    if (!QTest::qWaitForWindowActive(&w)) qFatal("the window did not become active");
    QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
    VerdictPanel* panel = tab->verdictPanel();
    if (!panel->isVisible()) qFatal("Ctrl+E did not open the Verdict panel");
    if (!QTest::qWaitFor([panel] { return !panel->isRunning(); }, 30000))
        qFatal("the explanation did not finish");
    return panel;
}

QPushButton* linkNamed(const QList<QPushButton*>& links, const char* name) {
    for (QPushButton* b : links)
        if (b->text().contains(QString::fromUtf8(name))) return b;
    return nullptr;
}

}  // namespace

class ExplainWindowTest : public QObject {
    Q_OBJECT
    std::unique_ptr<IsolatedEnvironment> env_;

private slots:
    void init() {
        env_ = std::make_unique<IsolatedEnvironment>();
        QSettings().clear();
    }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        env_.reset();
        QSettings().clear();
    }

    void theActionsAndTheirKeys() {
        MainWindow w;
        auto* explain = w.findChild<QAction*>(QStringLiteral("actionExplain"));
        QVERIFY(explain);
        QCOMPARE(explain->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(!explain->isEnabled());  // no trace open
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionExportTracepack"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionModelSettings"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Comma));
        QVERIFY(w.findChild<QAction*>(QStringLiteral("actionHistory")));
    }

    // On a span below which another failure starts, the verdict is about that failure.
    void explainsTheFailureBelowTheSelectedSpan() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        TraceTab* tab = openDemo(w);
        const int32_t recommendations = spanIndexOf(tab->trace(), "c84ca18ab9bb174a");
        QVERIFY(recommendations >= 0);
        tab->waterfall()->setCurrentSpan(recommendations);
        VerdictPanel* panel = explainAndWait(w, tab);
        QVERIFY2(panel->display().ok, qPrintable(panel->messageText()));
        QCOMPARE(panel->display().verdict.rootSpans.at(0), std::string("9105d3f4bbe5aa4a"));
        QVERIFY(panel->subjectText().contains(QStringLiteral("GET /v1/recommendations")));
    }

    void explainsTheDemoOfflineAndLinksTheRootSpan() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        TraceTab* tab = openDemo(w);
        QVERIFY(w.findChild<QAction*>(QStringLiteral("actionExplain"))->isEnabled());
        QVERIFY(tab->explainButton()->isVisible());
        // On the entry span, the question is the whole request's failure.
        tab->waterfall()->setCurrentSpan(int32_t(tab->trace().roots.at(0)));
        const int32_t selected = tab->waterfall()->currentSpan();
        VerdictPanel* panel = explainAndWait(w, tab);
        QVERIFY2(panel->display().ok, qPrintable(panel->messageText()));
        // The header names the span the user was on.
        const std::string_view selectedName = tab->trace().nameOf(size_t(selected));
        QVERIFY2(panel->subjectText().contains(
                     QString::fromUtf8(selectedName.data(), qsizetype(selectedName.size()))),
                 qPrintable(panel->subjectText()));

        QPushButton* root = linkNamed(panel->rootSpanLinks(), kDemoRootSpanName);
        QVERIFY(root);
        QVERIFY(root->isVisible());
        QVERIFY(root->isEnabled());
        QVERIFY(!panel->hypothesisLabel()->text().isEmpty());
        QVERIFY(!panel->evidenceLinks().isEmpty());
        const double confidence = panel->display().verdict.confidence;
        QCOMPARE(panel->confidenceBar()->value(), int(confidence * 100 + 0.5));
        QVERIFY(panel->footerLabel()->text().contains(QStringLiteral("offline")));
        QVERIFY(panel->footerLabel()->text().contains(QStringLiteral("model calls: 1")));
        QVERIFY(panel->hallucinationText().isEmpty());

        // The link selects its span, as a click in the Suspects panel does.
        tab->waterfall()->setCurrentSpan(int32_t(tab->trace().roots[0]));
        QTest::mouseClick(root, Qt::LeftButton);
        const int32_t current = tab->waterfall()->currentSpan();
        QVERIFY(current >= 0);
        QCOMPARE(tab->trace().spanIdText(size_t(current)), std::string(kDemoRootSpanId));
        QCOMPARE(std::string(tab->trace().nameOf(size_t(current))), std::string(kDemoRootSpanName));

        // Recorded once, for this trace.
        const HistoryList history = listHistory(QString());
        QVERIFY2(history.error.isEmpty(), qPrintable(history.error));
        QCOMPARE(history.rows.size(), size_t(1));
        QCOMPARE(history.rows[0].traceId, tab->trace().traceIdText());
        QCOMPARE(history.rows[0].id, panel->display().recordId);

        const QByteArray dirPng = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dirPng.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(w.grab().save(QDir(QString::fromLocal8Bit(dirPng))
                                      .filePath(QStringLiteral("explain-verdict.png"))));
        }

        // A resolution note goes to the history, for this investigation.
        QVERIFY(!panel->saveNoteButton()->isEnabled());
        panel->noteEdit()->setText(QStringLiteral("Raised the risk query's statement timeout"));
        QVERIFY(panel->saveNoteButton()->isEnabled());
        QSignalSpy saved(panel, &VerdictPanel::noteSaved);
        QTest::mouseClick(panel->saveNoteButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        const HistoryRecord record = readInvestigation(QString(), panel->display().recordId);
        QCOMPARE(record.resolutions.size(), size_t(1));
        QCOMPARE(record.resolutions[0].note,
                 std::string("Raised the risk query's statement timeout"));

        // Explained again, the pack carries that note as a past fix: "Seen before".
        panel = explainAndWait(w, tab);
        QVERIFY(panel->display().ok);
        QCOMPARE(panel->display().pastFixes.size(), size_t(1));
        QVERIFY(panel->seenBeforeLabel()->isVisible());
        QVERIFY(panel->seenBeforeLabel()->text().contains(QStringLiteral("statement timeout")));
        QCOMPARE(listHistory(QString()).rows.size(), size_t(2));
    }

    void aLaterWindowListsAndReopensIt() {
        qint64 id = 0;
        {
            MainWindow first;
            first.show();
            TraceTab* tab = openDemo(first);
            VerdictPanel* panel = explainAndWait(first, tab);
            QVERIFY(panel->display().ok);
            id = panel->display().recordId;
        }
        QVERIFY(id > 0);
        // "Restart": a new window reads the history from the file.
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QAction* historyAction = w.findChild<QAction*>(QStringLiteral("actionHistory"));
        historyAction->trigger();
        QVERIFY(w.historyDock()->isVisible());
        HistoryPanel* history = w.historyPanel();
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 1, 10000);
        QCOMPARE(history->model()->idAt(0), id);
        QVERIFY(history->model()
                    ->index(0, HistoryModel::ModelColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("offline/")));

        // Enter on the row, with the trace open: its verdict again, read-only.
        TraceTab* tab = openDemo(w);
        QTableView* view = history->view();
        view->setCurrentIndex(history->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        VerdictPanel* panel = tab->verdictPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->display().fromHistory, 10000);
        QVERIFY(!tab->explainRunner()->isRunning());
        QVERIFY(panel->footerLabel()->text().contains(QStringLiteral("no model was asked")));
        QPushButton* root = linkNamed(panel->rootSpanLinks(), kDemoRootSpanName);
        QVERIFY(root && root->isEnabled());
        QCOMPARE(listHistory(QString()).rows.size(), size_t(1));  // nothing new recorded

        // Verify the audit chain.
        QSignalSpy verified(history, &HistoryPanel::verified);
        QTest::mouseClick(history->verifyButton(), Qt::LeftButton);
        QVERIFY(verified.wait(10000));
        QVERIFY2(history->chainLabel()->text().contains(QStringLiteral("intact")),
                 qPrintable(history->chainLabel()->text()));
    }

    void aPastVerdictWhoseTraceIsNotOpenOpensItsPack() {
        qint64 id = 0;
        {
            MainWindow first;
            first.show();
            VerdictPanel* panel = explainAndWait(first, openDemo(first));
            id = panel->display().recordId;
        }
        MainWindow w;
        w.show();
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.reopenInvestigation(id, true);
        QVERIFY(settled.wait(20000));
        TraceTab* tab = w.currentTraceTab();
        QVERIFY(tab);
        QVERIFY(tab->trace().tracepack);  // the stored pack, opened like any trace
        VerdictPanel* panel = tab->verdictPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->display().fromHistory, 10000);
        QPushButton* root = linkNamed(panel->rootSpanLinks(), kDemoRootSpanName);
        QVERIFY(root && root->isEnabled());
        QTest::mouseClick(root, Qt::LeftButton);
        QCOMPARE(tab->trace().spanIdText(size_t(tab->waterfall()->currentSpan())),
                 std::string(kDemoRootSpanId));
    }

    void explainingWorksWithoutAHistory() {
        // A history that cannot be opened: the verdict still shows, with a warning.
        qputenv("ROOTLINE_HISTORY_DB", QByteArrayLiteral("/dev/null/history.sqlite3"));
        MainWindow w;
        w.show();
        VerdictPanel* panel = explainAndWait(w, openDemo(w));
        QVERIFY(panel->display().ok);
        QCOMPARE(panel->display().recordId, int64_t(0));
        QVERIFY2(panel->messageText().contains(QStringLiteral("Not recorded")),
                 qPrintable(panel->messageText()));
        QVERIFY(!panel->noteEdit()->isEnabled());
        w.findChild<QAction*>(QStringLiteral("actionHistory"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!w.historyPanel()->isLoading(), 10000);
        QVERIFY2(w.historyPanel()->statusLabel()->text().contains(QStringLiteral("cannot")),
                 qPrintable(w.historyPanel()->statusLabel()->text()));
    }
};

QTEST_MAIN(ExplainWindowTest)
#include "explain_window_test.moc"
