// Explain This Error against an OpenAI-compatible server on the loopback (tests/support): a slow
// answer is cancelled while the window keeps running and nothing is recorded; closing the tab
// cancels too; a valid verdict shows with the server's token counts; span ids the model made up
// are removed and the panel warns; a refused key is one line in the panel.

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QtTest>
#include <chrono>
#include <memory>

#include "explain/explain_runner.h"
#include "explain/verdict_panel.h"
#include "explain_test_support.h"
#include "history/history_jobs.h"
#include "loopback_http_server.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;
using rootline::test::LoopbackHttpServer;
using rootline::test::ScriptedReply;

class ExplainProviderTest : public QObject {
    Q_OBJECT
    std::unique_ptr<IsolatedEnvironment> env_;

    bool waitForRequest(const LoopbackHttpServer& server) {
        return QTest::qWaitFor([&server] { return !server.requests().empty(); }, 20000);
    }

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

    void cancellingASlowRunKeepsTheWindowResponsive() {
        LoopbackHttpServer server;
        server.enqueue({.body = chatCompletion(verdictNaming(kDemoRootSpanId, kDemoRootSpanId)),
                        .delay = std::chrono::seconds(20)});
        useOpenAiAt(server.url("/v1"));
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        VerdictPanel* panel = tab->verdictPanel();
        QVERIFY(waitForRequest(server));
        QVERIFY(panel->isRunning());
        QTRY_VERIFY(panel->progressText().startsWith(QStringLiteral("Asking openai (m)…")));

        // The GUI thread keeps serving events while the model thinks.
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(20);
        QTest::qWait(1200);
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
        // The seconds count up.
        QVERIFY2(!panel->progressText().endsWith(QStringLiteral(" 0 s")),
                 qPrintable(panel->progressText()));

        QElapsedTimer cancelled;
        cancelled.start();
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(!panel->isRunning());
        QVERIFY2(panel->messageText().contains(QStringLiteral("Cancelled")),
                 qPrintable(panel->messageText()));
        // The call gave up at once rather than waiting out the 20 s answer.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QVERIFY(cancelled.elapsed() < 5000);
        QTest::qWait(50);  // a stale result, had there been one, would arrive now
        QVERIFY(panel->messageText().contains(QStringLiteral("Cancelled")));
        QCOMPARE(listHistory(QString()).rows.size(), size_t(0));
    }

    void closingTheTabCancels() {
        LoopbackHttpServer server;
        server.enqueue({.body = chatCompletion(verdictNaming(kDemoRootSpanId, kDemoRootSpanId)),
                        .delay = std::chrono::seconds(20)});
        useOpenAiAt(server.url("/v1"));
        MainWindow w;
        w.show();
        openDemo(w);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(waitForRequest(server));
        emit w.tabs()->tabCloseRequested(w.tabs()->currentIndex());
        QTRY_COMPARE(w.traceTabCount(), 0);
        QTest::qWait(50);  // the tab's deferred deletion, which cancels the call
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(listHistory(QString()).rows.size(), size_t(0));
    }

    void aVerdictFromTheServerShowsWithItsCost() {
        LoopbackHttpServer server;
        server.enqueue({.body = chatCompletion(verdictNaming(kDemoRootSpanId, kDemoRootSpanId))});
        useOpenAiAt(server.url("/v1"));
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        VerdictPanel* panel = tab->verdictPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
        QVERIFY2(panel->display().ok, qPrintable(panel->messageText()));
        QCOMPARE(panel->display().inputTokens, int64_t(100));
        QCOMPARE(panel->display().outputTokens, int64_t(20));
        QVERIFY2(panel->footerLabel()->text().contains(QStringLiteral("tokens: 100 in, 20 out")),
                 qPrintable(panel->footerLabel()->text()));
        QCOMPARE(panel->rootSpanLinks().size(), 1);
        QVERIFY(panel->rootSpanLinks()[0]->text().contains(QString::fromUtf8(kDemoRootSpanName)));
        QVERIFY(panel->hallucinationText().isEmpty());
        QCOMPARE(panel->hypothesisLabel()->text(), QStringLiteral("The risk query was cancelled."));
        // The key went in the header, and never into the history.
        QCOMPARE(server.requests().size(), size_t(1));
        QCOMPARE(server.requests()[0].header("authorization"),
                 std::string("Bearer sk-test-0123456789"));
        const HistoryRecord record = readInvestigation(QString(), panel->display().recordId);
        QVERIFY(record.record);
        QVERIFY(record.record->requestMetadata.find("sk-test") == std::string::npos);
    }

    void madeUpSpanIdsAreRemovedAndWarnedAbout() {
        LoopbackHttpServer server;
        server.enqueue(
            {.body = chatCompletion(verdictNaming("deadbeefdeadbeef", kDemoRootSpanId))});
        useOpenAiAt(server.url("/v1"));
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        VerdictPanel* panel = tab->verdictPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
        QVERIFY2(panel->display().ok, qPrintable(panel->messageText()));
        QCOMPARE(panel->display().hallucinations, 1);
        const QString warning = panel->hallucinationText();
        QVERIFY2(warning.contains(QStringLiteral("The model named 1 span ids not in this trace")),
                 qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("deadbeefdeadbeef")));
        QVERIFY(panel->rootSpanLinks().isEmpty());   // removed
        QCOMPARE(panel->evidenceLinks().size(), 1);  // the real span stays
    }

    void aRefusedKeyIsOneLineAndTheAppKeepsWorking() {
        LoopbackHttpServer server;
        server.enqueue({.status = 401, .body = R"({"error":{"message":"bad key"}})"});
        useOpenAiAt(server.url("/v1"));
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier);
        VerdictPanel* panel = tab->verdictPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
        QVERIFY(!panel->display().ok);
        QVERIFY(!panel->messageText().isEmpty());
        QVERIFY(!panel->messageText().contains(QStringLiteral("sk-test")));
        // Still usable: the tab moves on.
        tab->perform(TraceAction::NextError);
        QVERIFY(tab->waterfall()->currentSpan() >= 0);
    }
};

QTEST_MAIN(ExplainProviderTest)
#include "explain_provider_test.moc"
