// The Search Traces panel, Open Trace ID and the window's remote fetch, against Jaeger and Tempo
// servers on loopback that answer with the real responses in ../shared/fixtures: results in the
// table and the plot, completion, faults as one line with the results kept, a window that keeps
// working while the server is slow, Cancel, and the cached copy when the server is gone.

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <memory>

#include "explain_test_support.h"
#include "loopback_http_server.h"
#include "main_window.h"
#include "message_banner.h"
#include "recent_files.h"
#include "remote/open_trace_dialog.h"
#include "remote/remote_fetch.h"
#include "remote/results_plot.h"
#include "remote/search_panel.h"
#include "remote/search_results_model.h"
#include "trace_tab.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

std::string fixture(const char* relative) {
    QFile f(QStringLiteral(ROOTLINE_FIXTURES_DIR "/") + QLatin1String(relative));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", relative);
    return f.readAll().toStdString();
}

constexpr const char* kV3TraceId = "00000000000000000000000000000001";

// A Jaeger ≥ 2.19: api_v3 traces, trace summaries, services, operations.
void serveJaeger(rootline::test::LoopbackHttpServer& server, std::chrono::milliseconds delay = {}) {
    server.setHandler([delay](const rootline::test::CapturedRequest& r) {
        rootline::test::ScriptedReply reply;
        reply.delay = delay;
        reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
        if (r.target.rfind("/api/v3/traces/", 0) == 0) {
            if (r.target.find(kV3TraceId) != std::string::npos) {
                reply.body = fixture("jaeger/apiv3-GetTrace.json");
            } else {
                reply.status = 404;
                reply.body = R"({"error":{"httpCode":404,"message":"No traces found"}})";
            }
        } else if (r.target.rfind("/api/v3/trace-summaries", 0) == 0) {
            reply.body = fixture("jaeger/apiv3-FindTraceSummaries.json");
        } else if (r.target.rfind("/api/v3/services", 0) == 0) {
            reply.body = fixture("jaeger/apiv3-GetServices.json");
        } else if (r.target.rfind("/api/v3/operations", 0) == 0) {
            reply.body = fixture("jaeger/apiv3-GetOperations.json");
        } else {
            reply.status = 404;
            reply.body = "404 page not found\n";
        }
        return reply;
    });
}

remote::Connection connectionTo(const std::string& name, remote::SourceKind kind,
                                const std::string& url) {
    remote::Connection c = remote::defaultConnection(kind);
    c.name = name;
    c.baseUrl = url;
    c.timeout = std::chrono::milliseconds(5000);
    return c;
}

remote::ConnectionList listOf(std::initializer_list<remote::Connection> cs) {
    remote::ConnectionList list;
    list.connections.assign(cs.begin(), cs.end());
    return list;
}

// Saves the connections where the window reads them ($ROOTLINE_CONNECTIONS_FILE), as the
// Connections dialog would, and waits until the window has read them.
void useConnections(MainWindow& w, const remote::ConnectionList& list) {
    std::string error;
    if (!remote::saveConnections(remote::connectionsPath(), list, error))
        qFatal("cannot save the connections: %s", error.c_str());
    w.reloadConnections();
    QTRY_VERIFY_WITH_TIMEOUT(w.connections().connections.size() == list.connections.size(), 10000);
}

}  // namespace

class RemoteSearchTest : public QObject {
    Q_OBJECT

private slots:
    void init() {
        env_ = std::make_unique<ui::test::IsolatedEnvironment>();
        qputenv("ROOTLINE_REMOTE_CACHE",
                (env_->path() + QStringLiteral("/remote-traces.sqlite3")).toUtf8());
        qputenv("ROOTLINE_CONNECTIONS_FILE",
                (env_->path() + QStringLiteral("/connections.json")).toUtf8());
    }
    void cleanup() {
        qunsetenv("ROOTLINE_REMOTE_CACHE");
        qunsetenv("ROOTLINE_CONNECTIONS_FILE");
        env_.reset();
    }

    void resultsModelPassesTheTester() {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        remote::TraceSummary a{"0af7651916cd43dd8448eb211c80319c",
                               "frontend",
                               "GET /",
                               1'000'000,
                               2'500,
                               12,
                               0,
                               {"frontend"}};
        remote::TraceSummary b{"00000000000000000000000000000001",
                               "api",
                               "POST /pay",
                               2'000'000,
                               1'200'000,
                               -1,
                               3,
                               {"api", "db"}};
        model.setResults({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, SearchResultsModel::Spans).data().toString(), QStringLiteral("?"));
        QCOMPARE(model.index(1, SearchResultsModel::Root).data().toString(),
                 QStringLiteral("api: POST /pay"));
        QCOMPARE(model.index(0, SearchResultsModel::Duration).data().toString(),
                 QStringLiteral("2.5 ms"));
        model.setResults({});
        QCOMPARE(model.rowCount(), 0);
    }

    void jaegerSearchFillsTheTableAndThePlot() {
        rootline::test::LoopbackHttpServer jaeger;
        serveJaeger(jaeger);
        SearchPanel panel;
        QSignalSpy loaded(&panel, &SearchPanel::completionsLoaded);
        panel.setConnections(
            listOf({connectionTo("local jaeger", remote::SourceKind::Jaeger, jaeger.url(""))}));
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel.serviceBox()->count() > 0);
        QSignalSpy finished(&panel, &SearchPanel::searchFinished);
        panel.search();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        const int rows = panel.resultsModel()->rowCount();
        QVERIFY(rows > 0);
        int withErrors = 0;
        for (const remote::TraceSummary& s : panel.resultsModel()->results())
            withErrors += s.errorCount > 0;
        QCOMPARE(panel.plot()->errorPointCount(), withErrors);
        QCOMPARE(panel.plot()->okPointCount() + panel.plot()->errorPointCount(), rows);
        // Enter on a row asks to open that trace from that connection.
        QSignalSpy open(&panel, &SearchPanel::openTraceRequested);
        const QModelIndex first = panel.resultsView()->model()->index(0, 0);
        emit panel.resultsView()->activated(first);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.last().at(0).toString(), QStringLiteral("local jaeger"));
        QCOMPARE(open.last().at(1).toString().size(), 32);
    }

    void aFailedSearchKeepsTheResultsAndSaysWhyInOneLine() {
        rootline::test::LoopbackHttpServer jaeger;
        serveJaeger(jaeger);
        SearchPanel panel;
        QSignalSpy loaded(&panel, &SearchPanel::completionsLoaded);
        panel.setConnections(
            listOf({connectionTo("local jaeger", remote::SourceKind::Jaeger, jaeger.url(""))}));
        QVERIFY(loaded.wait(10000));
        QSignalSpy finished(&panel, &SearchPanel::searchFinished);
        panel.search();
        QVERIFY(finished.wait(10000));
        const int rows = panel.resultsModel()->rowCount();
        QVERIFY(rows > 0);
        jaeger.setHandler([](const rootline::test::CapturedRequest&) {
            return rootline::test::ScriptedReply{
                .status = 500,
                .headers = {{"Content-Type", "text/plain; charset=utf-8"}},
                .body = R"({"error":{"httpCode":500,"message":"storage is down"}})"};
        });
        panel.search();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(panel.resultsModel()->rowCount(), rows);
        QVERIFY(!panel.banner()->isHidden());
        QVERIFY2(panel.banner()->text().contains(QStringLiteral("storage is down")),
                 qPrintable(panel.banner()->text()));
        QVERIFY(!panel.banner()->text().contains(u'\n'));
    }

    void aSlowServerNeverFreezesThePanelAndCancelStopsIt() {
        rootline::test::LoopbackHttpServer jaeger;
        serveJaeger(jaeger);
        SearchPanel panel;
        QSignalSpy loaded(&panel, &SearchPanel::completionsLoaded);
        panel.setConnections(
            listOf({connectionTo("local jaeger", remote::SourceKind::Jaeger, jaeger.url(""))}));
        QVERIFY(loaded.wait(10000));
        serveJaeger(jaeger, std::chrono::milliseconds(4000));
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&] { ++ticks; });
        timer.start(20);
        QSignalSpy finished(&panel, &SearchPanel::searchFinished);
        QElapsedTimer clock;
        clock.start();
        panel.search();
        QVERIFY(panel.isBusy());
        QVERIFY(!panel.searchButton()->isEnabled());
        QTest::qWait(300);
        QVERIFY2(ticks >= 5, "the event loop stalled while the server was slow");
        panel.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(!panel.isBusy());
        QVERIFY(panel.searchButton()->isEnabled());
    }

    void tempoCompletesTagNamesAndValues() {
        rootline::test::LoopbackHttpServer tempo;
        tempo.setHandler([](const rootline::test::CapturedRequest& r) {
            rootline::test::ScriptedReply reply;
            if (r.target.rfind("/api/v2/search/tags", 0) == 0)
                reply.body = R"({"scopes":[{"name":"resource","tags":["service.name"]},)"
                             R"({"name":"span","tags":["http.method"]},)"
                             R"({"name":"intrinsic","tags":["duration","name","status"]}]})";
            else if (r.target.rfind("/api/v2/search/tag/", 0) == 0)
                reply.body = fixture("tempo/api_v2_search_tag_values.docs-example.json");
            else if (r.target.rfind("/api/search?", 0) == 0)
                reply.body = fixture("tempo/api_search_traceql.docs-example.json");
            else
                reply = {.status = 404, .body = "404 page not found\n"};
            return reply;
        });
        SearchPanel panel;
        panel.show();
        QSignalSpy loaded(&panel, &SearchPanel::completionsLoaded);
        panel.setConnections(
            listOf({connectionTo("local tempo", remote::SourceKind::Tempo, tempo.url(""))}));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.forms()->currentIndex(), 1);
        QLineEdit* edit = panel.traceQlEdit();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("{ resource.serv"));
        QTRY_VERIFY(panel.traceQlCompleter()->completionCount() > 0);
        QCOMPARE(panel.traceQlCompleter()->currentCompletion(),
                 QStringLiteral("resource.service.name"));
        QTest::keyClicks(edit, QStringLiteral("ice.name = "));
        // The values of the tag come from the v2 endpoint, quoted as TraceQL wants strings.
        QTRY_VERIFY_WITH_TIMEOUT(panel.traceQlCompleter()->completionCount() > 0, 10000);
        QVERIFY(panel.traceQlCompleter()->currentCompletion().startsWith(u'"'));
        QSignalSpy finished(&panel, &SearchPanel::searchFinished);
        edit->setText(QStringLiteral("{ status = error }"));
        panel.search();
        QVERIFY(finished.wait(10000));
        QVERIFY(panel.resultsModel()->rowCount() > 0);
        QVERIFY(tempo.requests().back().target.find("q=%7B%20status%20%3D%20error%20%7D") !=
                std::string::npos);
    }

    void openTraceIdAcceptsHexAndBase64Only() {
        OpenTraceDialog dialog(
            listOf({connectionTo("t", remote::SourceKind::Tempo, "http://127.0.0.1:1")}),
            QString());
        dialog.idEdit()->setText(QStringLiteral("W47/95gDgQPSabYzgT/HAA=="));
        QVERIFY(dialog.canAccept());
        QCOMPARE(dialog.traceId(), QStringLiteral("5b8efff798038103d269b633813fc700"));
        dialog.idEdit()->setText(QStringLiteral("  4BF92F3577B34DA6  "));
        QVERIFY(dialog.canAccept());
        QCOMPARE(dialog.traceId(), QStringLiteral("00000000000000004bf92f3577b34da6"));
        dialog.idEdit()->setText(QStringLiteral("not a trace id"));
        QVERIFY(!dialog.canAccept());
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
        OpenTraceDialog none(remote::ConnectionList{}, QString());
        none.idEdit()->setText(QStringLiteral("4bf92f3577b34da6"));
        QVERIFY(!none.canAccept());
    }

    void theWindowOpensARemoteTraceAndReopensItOfflineFromTheCache() {
        MainWindow w;
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionOpenTraceId"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_L));
        auto jaeger = std::make_unique<rootline::test::LoopbackHttpServer>();
        serveJaeger(*jaeger);
        useConnections(
            w, listOf({connectionTo("local jaeger", remote::SourceKind::Jaeger, jaeger->url(""))}));
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.openRemoteTrace(QStringLiteral("local jaeger"), QLatin1String(kV3TraceId));
        QVERIFY(w.isFetching());
        QVERIFY(settled.wait(20000));
        QVERIFY(settled.last().at(0).value<LoadOutcome>().ok());
        QVERIFY(w.currentTraceTab());
        QVERIFY(w.recentFiles()->files().isEmpty());  // a temporary file is no recent file

        // The network goes: the same trace opens from the cache, and the window says so.
        jaeger.reset();
        w.openRemoteTrace(QStringLiteral("local jaeger"), QLatin1String(kV3TraceId));
        QVERIFY(settled.wait(20000));
        QVERIFY(settled.last().at(0).value<LoadOutcome>().ok());
        auto* banner = w.findChild<MessageBanner*>(QStringLiteral("outcomeBanner"));
        QVERIFY(banner);
        QTRY_VERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QStringLiteral("copy fetched")),
                 qPrintable(banner->text()));

        // A trace that was never fetched: one clear line, and what was shown stays.
        const int tabs = w.traceTabCount();
        QSignalSpy fetchDone(w.findChild<RemoteFetch*>(), &RemoteFetch::finished);
        w.openRemoteTrace(QStringLiteral("local jaeger"),
                          QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(fetchDone.wait(20000));
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QStringLiteral("127.0.0.1")), qPrintable(banner->text()));
        QCOMPARE(w.traceTabCount(), tabs);
    }

    void cancelStopsAFetchAtOnce() {
        MainWindow w;
        rootline::test::LoopbackHttpServer jaeger;
        serveJaeger(jaeger, std::chrono::milliseconds(5000));
        useConnections(w,
                       listOf({connectionTo("slow", remote::SourceKind::Jaeger, jaeger.url(""))}));
        QSignalSpy fetchDone(w.findChild<RemoteFetch*>(), &RemoteFetch::finished);
        w.openRemoteTrace(QStringLiteral("slow"), QLatin1String(kV3TraceId));
        QTest::qWait(200);
        QElapsedTimer clock;
        clock.start();
        w.cancelLoad();
        QCOMPARE(fetchDone.count(), 1);
        QVERIFY(!w.isFetching());
        QVERIFY(clock.elapsed() < 500);
        auto* banner = w.findChild<MessageBanner*>(QStringLiteral("outcomeBanner"));
        QVERIFY(banner->text().contains(QStringLiteral("cancelled")));
    }

    // The window as a user sees it after a search and a click: the docs' screenshot, saved when
    // ROOTLINE_SAVE_WIDGET_PNG names a folder. Forty traces of the last hour (seeded), one of
    // them the demo incident, served as api_v3 wraps OTLP.
    void screenshotOfASearchAndTheTraceItOpened() {
        const QString demoId = QStringLiteral("5f0c2e8a9d4b4c71a3e6b19d2f8a7c40");
        QFile demo(QStringLiteral(ROOTLINE_DEMO_TRACE));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        const std::string demoBody = "{\"result\":" + demo.readAll().toStdString() + "}";
        const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
        std::string summaries = R"({"summaries":[)";
        const char* ops[] = {"POST /api/checkout", "GET /api/cart", "GET /api/products",
                             "POST /api/login"};
        uint32_t seed = 7;
        auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 8; };
        for (int i = 0; i < 40; ++i) {
            const bool incident = i == 0;
            const qint64 start = nowNs - qint64(next() % 3400) * 1000000000LL;
            const qint64 ms = incident ? 2412 : 40 + qint64(next() % 900);
            const int errors = incident ? 7 : (next() % 6 == 0 ? 1 + int(next() % 3) : 0);
            QString id = demoId;
            if (!incident) {
                id.clear();
                for (int part = 0; part < 4; ++part)
                    id += QStringLiteral("%1").arg((next() << 8) ^ next(), 8, 16, QLatin1Char('0'));
            }
            summaries +=
                (i ? "," : "") +
                QStringLiteral(
                    R"({"traceId":"%1","rootServiceName":"frontend","rootOperationName":"%2",)"
                    R"("minStartTimeUnixNano":"%3","maxEndTimeUnixNano":"%4","spanCount":%5,)"
                    R"("errorSpanCount":%6,"services":[{"name":"frontend"},{"name":"checkout"}]})")
                    .arg(id, QLatin1String(ops[incident ? 0 : next() % 4]))
                    .arg(start)
                    .arg(start + ms * 1000000)
                    .arg(incident ? 70 : 8 + int(next() % 60))
                    .arg(errors)
                    .toStdString();
        }
        summaries += "]}";
        rootline::test::LoopbackHttpServer jaeger;
        jaeger.setHandler([&](const rootline::test::CapturedRequest& r) {
            rootline::test::ScriptedReply reply;
            if (r.target.rfind("/api/v3/traces/" + demoId.toStdString(), 0) == 0)
                reply.body = demoBody;
            else if (r.target.rfind("/api/v3/trace-summaries", 0) == 0)
                reply.body = summaries;
            else if (r.target.rfind("/api/v3/services", 0) == 0)
                reply.body = R"({"services":["checkout","frontend","payment"]})";
            else if (r.target.rfind("/api/v3/operations", 0) == 0)
                reply.body =
                    R"({"operations":[{"name":"POST /api/checkout","spanKind":"server"}]})";
            else
                reply = {.status = 404, .body = "404 page not found\n"};
            return reply;
        });
        MainWindow w;
        w.resize(1366, 860);
        useConnections(
            w, listOf({connectionTo("prod jaeger", remote::SourceKind::Jaeger, jaeger.url(""))}));
        w.searchDock()->show();
        w.show();
        SearchPanel* panel = w.searchPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->serviceBox()->count() == 3, 10000);
        panel->serviceBox()->setCurrentText(QStringLiteral("frontend"));
        QSignalSpy finished(panel, &SearchPanel::searchFinished);
        panel->search();
        QVERIFY(finished.wait(10000));
        QCOMPARE(panel->resultsModel()->rowCount(), 40);
        QVERIFY(panel->plot()->errorPointCount() > 1);
        QVERIFY(panel->plot()->okPointCount() > 10);
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        w.openRemoteTrace(QStringLiteral("prod jaeger"), demoId);
        QVERIFY(settled.wait(20000));
        QVERIFY(settled.last().at(0).value<LoadOutcome>().ok());
        QVERIFY(w.currentTraceTab());
        QTest::qWait(500);  // the analysis paints its marks
        const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dir.isEmpty()) {
            const QString path =
                QString::fromLocal8Bit(dir) + QStringLiteral("/screenshot-remote-search.png");
            QVERIFY2(w.grab().save(path), qPrintable(path));
        }
    }

private:
    std::unique_ptr<ui::test::IsolatedEnvironment> env_;
};

QTEST_MAIN(RemoteSearchTest)
#include "remote_search_test.moc"
