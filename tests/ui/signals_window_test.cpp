// The Logs and Metrics tabs in the trace window, as a new user meets them: without connections
// (span events, an empty state that says what to do), with Loki and Prometheus servers on
// loopback that speak the real APIs (lines under the right spans, charts with exemplars that
// open their traces, the tracepack carrying both), and with servers that refuse, fail or are
// slow (one line in the panel, a window that keeps working, Cancel and Refresh). Saves the
// docs' screenshots when ROOTLINE_SAVE_WIDGET_PNG names a folder.

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <memory>

#include "explain_test_support.h"
#include "formats/load.h"
#include "loopback_http_server.h"
#include "main_window.h"
#include "message_banner.h"
#include "remote/connections_dialog.h"
#include "signals/log_lines_model.h"
#include "signals/logs_panel.h"
#include "signals/metric_chart_view.h"
#include "signals/metrics_panel.h"
#include "signals/source_bar.h"
#include "signals_test_support.h"
#include "span_details/span_details_panel.h"
#include "suspects/suspects_panel.h"
#include "trace_tab.h"
#include "tracepack/tracepack_export_dialog.h"
#include "tracepack/tracepack_export_runner.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;
using namespace Qt::StringLiterals;
using rootline::test::CapturedRequest;
using rootline::test::LoopbackHttpServer;
using rootline::test::ScriptedReply;
namespace fixtures = rootline::ui::test;

namespace {

const std::string kDemoId = fixtures::kDemoTraceId;

remote::Connection connectionTo(const std::string& name, remote::SourceKind kind,
                                const std::string& url) {
    remote::Connection c = remote::defaultConnection(kind);
    c.name = name;
    c.baseUrl = url;
    c.timeout = std::chrono::milliseconds(5000);
    return c;
}

// Saves the connections where the window reads them and waits until it has read them.
void useConnections(MainWindow& w, std::initializer_list<remote::Connection> cs) {
    remote::ConnectionList list;
    list.connections.assign(cs.begin(), cs.end());
    std::string error;
    if (!remote::saveConnections(remote::connectionsPath(), list, error))
        qFatal("cannot save the connections: %s", error.c_str());
    w.reloadConnections();
    QTRY_VERIFY_WITH_TIMEOUT(w.connections().connections.size() == list.connections.size(), 10000);
}

// Jaeger ≥ 2.19 serving the demo incident through api_v3 (OTLP wrapped in "result"); any other
// trace is not found.
void serveJaeger(LoopbackHttpServer& server) {
    QFile demo(QStringLiteral(ROOTLINE_DEMO_TRACE));
    if (!demo.open(QIODevice::ReadOnly)) qFatal("no demo trace");
    const std::string body = "{\"result\":" + demo.readAll().toStdString() + "}";
    server.setHandler([body](const CapturedRequest& r) {
        ScriptedReply reply;
        if (r.target.rfind("/api/v3/traces/" + kDemoId, 0) == 0) {
            reply.body = body;
        } else if (r.target.rfind("/api/v3/traces/", 0) == 0) {
            reply.status = 404;
            reply.body = R"({"error":{"httpCode":404,"message":"No traces found"}})";
        } else {
            reply.status = 404;
            reply.body = "404 page not found\n";
        }
        return reply;
    });
}

std::string ns(int64_t offsetMs) {
    return std::to_string(fixtures::kDemoStartNs + offsetMs * 1'000'000);
}

// Loki 3.x with categorize-labels: checkout's lines carry trace and span ids as structured
// metadata; the gateway's line names the trace in its text only (logfmt).
std::string lokiStreams() {
    const std::string meta =
        R"({"structuredMetadata":{"trace_id":")" + kDemoId + R"(","span_id":")";
    return R"({"status":"success","data":{"resultType":"streams","encodingFlags":["categorize-labels"],"result":[)"
           R"({"stream":{"service_name":"checkout","detected_level":"error"},"values":[)"
           R"([")" +
           ns(2400) + R"(","payment authorization failed after 2 attempts: DEADLINE_EXCEEDED",)" +
           meta + fixtures::kRetrySpanId +
           R"("}}]]},)"
           R"({"stream":{"service_name":"checkout","detected_level":"warn"},"values":[)"
           R"([")" +
           ns(2153) + R"(","payment authorize attempt 1 failed: DEADLINE_EXCEEDED; retrying",)" +
           meta + fixtures::kAuthorizeSpanId +
           R"("}}]]},)"
           R"({"stream":{"service_name":"api-gateway","detected_level":"error"},"values":[)"
           R"([")" +
           ns(2402) + R"(","level=error msg=\"upstream checkout returned 502\" trace_id=)" +
           kDemoId +
           R"(",{}]]})"
           R"(]},"stats":{}})";
}

// Prometheus: every range query answers a curve over the hour around the trace with a spike at
// it; exemplars point at the demo trace and at another one.
ScriptedReply prometheusReply(const CapturedRequest& r) {
    ScriptedReply reply;
    reply.headers = {{"Content-Type", "application/json"}};
    const double t0 = double(fixtures::kDemoStartNs) / 1e9;
    if (r.target.rfind("/api/v1/query_range", 0) == 0) {
        std::string values;
        for (int i = -60; i <= 60; ++i) {
            const double t = t0 + i * 30;
            const double v = (i >= -2 && i <= 4) ? 2.1 : 0.12 + 0.01 * (i % 5);
            values += (values.empty() ? "" : ",") + std::string("[") + std::to_string(t) + ",\"" +
                      std::to_string(v) + "\"]";
        }
        reply.body =
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":"checkout"},"values":[)" +
            values + "]}]}}";
    } else if (r.target.rfind("/api/v1/query_exemplars", 0) == 0) {
        reply.body =
            R"({"status":"success","data":[{"seriesLabels":{"__name__":"traces_spanmetrics_latency_bucket","service":"checkout"},"exemplars":[)"
            R"({"labels":{"traceID":")" +
            kDemoId + R"("},"value":"2.41","timestamp":)" + std::to_string(t0 + 1) +
            R"(},{"labels":{"traceID":")" + std::string(fixtures::kOtherTraceId) +
            R"("},"value":"0.43","timestamp":)" + std::to_string(t0 - 900) + R"(}]}]})";
    } else {
        reply.status = 404;
        reply.body = "404 page not found\n";
    }
    return reply;
}

bool anyRequestStartsWith(const LoopbackHttpServer& server, const std::string& prefix) {
    for (const CapturedRequest& r : server.requests())  // a copy: never a reference into it
        if (r.target.rfind(prefix, 0) == 0) return true;
    return false;
}

TraceTab* openDemoFrom(MainWindow& w, const QString& connection) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openRemoteTrace(connection, QString::fromStdString(kDemoId));
    if (!settled.wait(20000)) qFatal("the demo did not load");
    TraceTab* tab = w.currentTraceTab();
    if (!tab) qFatal("no trace tab");
    return tab;
}

void saveScreenshot(QWidget& w, const char* name) {
    const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
    if (dir.isEmpty()) return;
    const QString path = QString::fromLocal8Bit(dir) + u'/' + QLatin1String(name);
    QVERIFY2(w.grab().save(path), qPrintable(path));
}

}  // namespace

class SignalsWindowTest : public QObject {
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

    void withoutConnectionsTheTabsSayWhatToDo() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        TraceTab* tab = ui::test::openDemo(w);
        QTabWidget* bottom = tab->bottomTabs();
        QCOMPARE(bottom->count(), 4);
        QVERIFY(!bottom->isTabVisible(3));  // Agent: only for traces of AI agents
        QCOMPARE(bottom->currentWidget(), static_cast<QWidget*>(tab->suspects()));
        QVERIFY(bottom->tabText(1).startsWith(u"Logs ("_s));
        QTRY_VERIFY(tab->logsPanel()->sourceBar()->statusText().contains(u"Loki connection"_s));
        QVERIFY(tab->metricsPanel()->showsEmptyState());

        // The View menu's keys bring the tabs forward.
        w.findChild<QAction*>(u"actionShowMetrics"_s)->trigger();
        QCOMPARE(bottom->currentWidget(), static_cast<QWidget*>(tab->metricsPanel()));
        w.findChild<QAction*>(u"actionShowLogs"_s)->trigger();
        QCOMPARE(bottom->currentWidget(), static_cast<QWidget*>(tab->logsPanel()));

        // An exemplar with nowhere to open it: one clear line.
        w.openExemplarTrace(u"prod prometheus"_s, QString::fromLatin1(fixtures::kOtherTraceId),
                            QString());
        auto* banner = w.findChild<MessageBanner*>(u"outcomeBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"no Jaeger or Tempo connection"_s));
    }

    void openLogsFileReportsADamagedFileInOneLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken-logs.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":)");
        f.close();
        MainWindow w;
        w.show();
        ui::test::openDemo(w);
        w.openLogsFile(path);
        auto* banner = w.findChild<MessageBanner*>(u"outcomeBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QVERIFY(banner->text().contains(u"broken-logs.json"_s));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    }

    void theTracepackCarriesTheTabsLogsAndMetrics() {
        // What the export dialog and Explain hand the builder (written by the core).
        const std::shared_ptr<const Trace> trace = [] {
            LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
            return r.file->traces.front();
        }();
        TracepackRequest request;
        request.trace = trace;
        request.extraLogs =
            std::make_shared<const std::vector<logs::LogLine>>(fixtures::demoLokiLines(*trace));
        request.metrics = std::make_shared<const metrics::MetricSnapshot>(fixtures::demoSnapshot());
        const PackOptions options = packOptionsFor(request, TokenKey{}, nullptr);
        QCOMPARE(options.extraLogs.size(), size_t(6));
        QCOMPARE(options.extraLogs[3].body, request.extraLogs->at(3).body);
        QCOMPARE(options.metrics.charts.size(), size_t(3));
        QCOMPARE(options.metrics.connection, std::string("prod prometheus"));
        TracepackRequest none;
        none.trace = trace;
        QVERIFY(packOptionsFor(none, TokenKey{}, nullptr).extraLogs.empty());

        // The tab hands its panels' contents to the export dialog.
        MainWindow w;
        w.show();
        TraceTab* tab = ui::test::openDemo(w);
        tab->logsPanel()->addFileLines(u"app-logs.json"_s, fixtures::demoLokiLines(*trace));
        tab->metricsPanel()->showSnapshot(request.metrics);
        TracepackExportDialog* dialog = tab->exportTracepack(env_->path() + u"/vault.json"_s);
        QVERIFY(dialog);
        QSignalSpy shown(dialog, &TracepackExportDialog::packShown);
        QVERIFY(shown.wait(20000));
        dialog->close();
    }

    // The docs' screenshots: the demo incident with its logs under the failing payment call,
    // and the latency around it with exemplars. Lines and charts are built in the test, so the
    // pictures do not depend on a server.
    void screenshotsOfTheLogsAndMetricsTabs() {
        MainWindow w;
        w.resize(1366, 860);
        w.show();
        TraceTab* tab = ui::test::openDemo(w);
        tab->logsPanel()->addFileLines(u"app-logs.json"_s, fixtures::demoLokiLines(tab->trace()));
        tab->waterfall()->setCurrentSpan(fixtures::spanIndex(tab->trace(), fixtures::kRetrySpanId));
        tab->details()->tabs()->setCurrentIndex(SpanDetailsPanel::LogsTab);
        tab->showLogs();
        QCOMPARE(tab->details()->logsModel()->rowCount(), 2);
        QTest::qWait(300);
        saveScreenshot(w, "screenshot-logs.png");

        tab->metricsPanel()->showSnapshot(
            std::make_shared<const metrics::MetricSnapshot>(fixtures::demoSnapshot()));
        tab->showMetrics();
        QTest::qWait(300);
        QCOMPARE(tab->metricsPanel()->charts().size(), 3);
        QVERIFY(tab->metricsPanel()->charts().at(2)->exemplarPosition(0).x() > 0);
        saveScreenshot(w, "screenshot-metrics.png");
    }

    // End to end, against servers that speak the real APIs: the trace from Jaeger, its logs
    // from Loki under the right spans, and the pack carrying them.
    void lokiLinesGoUnderTheirSpans() {
        LoopbackHttpServer jaeger, loki;
        serveJaeger(jaeger);
        loki.setHandler([](const CapturedRequest& r) {
            ScriptedReply reply;
            if (r.target.rfind("/loki/api/v1/query_range", 0) == 0)
                reply.body = lokiStreams();
            else
                reply = {.status = 404, .body = "404 page not found\n"};
            return reply;
        });
        MainWindow w;
        w.resize(1366, 860);
        w.show();
        useConnections(w, {connectionTo("prod jaeger", remote::SourceKind::Jaeger, jaeger.url()),
                           connectionTo("prod loki", remote::SourceKind::Loki, loki.url())});
        TraceTab* tab = openDemoFrom(w, u"prod jaeger"_s);
        LogsPanel* logs = tab->logsPanel();
        if (logs->isFetching()) {
            QSignalSpy fetched(logs, &LogsPanel::fetchFinished);
            QVERIFY(fetched.wait(15000));
        }
        QVERIFY2(!logs->externalLines()->empty(), qPrintable(logs->sourceBar()->statusText()));
        QVERIFY(anyRequestStartsWith(loki, "/loki/api/v1/query_range"));
        for (const CapturedRequest& r : loki.requests())
            QVERIFY(r.target.find(kDemoId) != std::string::npos);  // the trace id is asked for

        // Each line under its span: by span id, and the gateway's by service and time.
        const int32_t retry = fixtures::spanIndex(tab->trace(), fixtures::kRetrySpanId);
        const int32_t authorize = fixtures::spanIndex(tab->trace(), fixtures::kAuthorizeSpanId);
        int tied = 0;
        for (const logs::LogLine& line : *logs->externalLines()) {
            if (line.body.find("failed after 2 attempts") != std::string::npos) {
                QCOMPARE(line.span, int64_t(retry));
                ++tied;
            }
            if (line.body.find("attempt 1 failed") != std::string::npos) {
                QCOMPARE(line.span, int64_t(authorize));
                ++tied;
            }
            if (line.service == "api-gateway") {
                QVERIFY(line.span >= 0);
                QCOMPARE(std::string(tab->trace().serviceOf(size_t(line.span))),
                         std::string("api-gateway"));
            }
        }
        QCOMPARE(tied, 2);
        tab->waterfall()->setCurrentSpan(retry);
        QCOMPARE(tab->details()->logsModel()->rowCount(), 1);
        tab->showLogs();
        QTest::qWait(200);

        // The pack carries the lines.
        TracepackExportDialog* dialog = tab->exportTracepack(env_->path() + u"/vault.json"_s);
        QSignalSpy shown(dialog, &TracepackExportDialog::packShown);
        QVERIFY(shown.wait(20000));
        QVERIFY(dialog->packBytes().contains("\"loki\""));
        dialog->close();
    }

    // Prometheus charts of the trace's services with exemplars; a click on another trace's
    // exemplar fetches it from the Jaeger the shown trace came from; the pack carries the charts.
    void prometheusChartsHaveExemplarsThatOpenTheirTraces() {
        LoopbackHttpServer jaeger, prometheus;
        serveJaeger(jaeger);
        prometheus.setHandler(prometheusReply);
        MainWindow w;
        w.resize(1366, 860);
        w.show();
        useConnections(
            w, {connectionTo("prod jaeger", remote::SourceKind::Jaeger, jaeger.url()),
                connectionTo("prod prometheus", remote::SourceKind::Prometheus, prometheus.url())});
        TraceTab* tab = openDemoFrom(w, u"prod jaeger"_s);
        QCOMPARE(tab->remoteOrigin(), u"prod jaeger"_s);
        MetricsPanel* metrics = tab->metricsPanel();
        if (metrics->isFetching()) {
            QSignalSpy fetched(metrics, &MetricsPanel::fetchFinished);
            QVERIFY(fetched.wait(15000));
        }
        QVERIFY2(metrics->snapshot(), qPrintable(metrics->sourceBar()->statusText()));
        QCOMPARE(metrics->charts().size(), 3);  // the default charts
        QVERIFY(anyRequestStartsWith(prometheus, "/api/v1/query_range"));
        QVERIFY(anyRequestStartsWith(prometheus, "/api/v1/query_exemplars"));
        QVERIFY(metrics->sourceBar()->statusText().startsWith(
            u"Prometheus 'prod prometheus': 3 charts"_s));
        MetricChartView* withExemplars = nullptr;
        for (MetricChartView* chart : metrics->charts())
            if (chart->exemplarCount() > 0) withExemplars = chart;
        QVERIFY(withExemplars);
        QVERIFY(withExemplars->seriesCount() > 0);
        tab->waterfall()->setCurrentSpan(fixtures::spanIndex(tab->trace(), fixtures::kRetrySpanId));
        tab->showMetrics();
        QTest::qWait(300);

        // The pack carries the charts.
        TracepackExportDialog* dialog = tab->exportTracepack(env_->path() + u"/vault.json"_s);
        QSignalSpy shown(dialog, &TracepackExportDialog::packShown);
        QVERIFY(shown.wait(20000));
        QVERIFY(dialog->packBytes().contains("\"metrics\""));
        dialog->close();

        // A click on the other trace's exemplar fetches it from the trace's own Jaeger.
        int other = -1;
        for (int i = 0; i < withExemplars->exemplarCount(); ++i)
            if (withExemplars->traceAt(withExemplars->exemplarSeries()->at(i)) ==
                QLatin1String(fixtures::kOtherTraceId))
                other = i;
        QVERIFY(other >= 0);
        const size_t before = jaeger.requests().size();
        QTest::mouseClick(withExemplars->chartView()->viewport(), Qt::LeftButton, {},
                          withExemplars->exemplarPosition(other));
        QVERIFY(jaeger.waitForRequests(before + 1, std::chrono::seconds(10)));
        QVERIFY(
            anyRequestStartsWith(jaeger, "/api/v3/traces/" + std::string(fixtures::kOtherTraceId)));
    }

    // Faults as one line in the panel, whatever was shown staying: refused, 500, and a slow
    // server while the window keeps answering, with Cancel and Refresh.
    void faultsShowInOneLineAndTheWindowStaysResponsive() {
        LoopbackHttpServer failing, slow;
        failing.setHandler([](const CapturedRequest&) {
            return ScriptedReply{.status = 500, .body = "internal server error\n"};
        });
        slow.setHandler([](const CapturedRequest&) {
            return ScriptedReply{.status = 200, .body = "{}", .delay = std::chrono::seconds(8)};
        });
        const std::string refused =
            "http://127.0.0.1:" + std::to_string(rootline::test::unusedLoopbackPort());
        MainWindow w;
        w.show();
        TraceTab* tab = ui::test::openDemo(w);
        useConnections(w, {connectionTo("logs", remote::SourceKind::Loki, refused),
                           connectionTo("metrics", remote::SourceKind::Prometheus, failing.url())});
        LogsPanel* logs = tab->logsPanel();
        MetricsPanel* metrics = tab->metricsPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!logs->isFetching() && !metrics->isFetching(), 20000);
        QVERIFY(logs->sourceBar()->statusText().startsWith(u"Loki 'logs': "_s));
        QVERIFY(!logs->sourceBar()->statusText().contains(u'\n'));
        QVERIFY(metrics->sourceBar()->statusText().startsWith(u"Prometheus 'metrics': "_s));
        QVERIFY(logs->sourceBar()->refreshButton()->isEnabled());

        // Slow: the window keeps working, Cancel stops the wait, Refresh asks again.
        useConnections(w, {connectionTo("metrics", remote::SourceKind::Prometheus, slow.url())});
        QTRY_VERIFY_WITH_TIMEOUT(metrics->isFetching(), 5000);
        tab->showMetrics();
        QVERIFY(metrics->sourceBar()->cancelButton()->isVisible());
        QVERIFY(slow.waitForRequests(1, std::chrono::seconds(5)));
        QElapsedTimer tick;
        for (int i = 0; i < 10; ++i) {
            tick.start();
            QTest::qWait(20);
            QVERIFY2(tick.elapsed() < 500, "the event loop stalled while the server was slow");
        }
        tab->waterfall()->setCurrentSpan(1);  // the window still answers the user
        QCOMPARE(tab->waterfall()->currentSpan(), 1);
        metrics->sourceBar()->cancelButton()->click();
        QVERIFY(!metrics->isFetching());
        QVERIFY(metrics->sourceBar()->statusText().contains(u"cancelled"_s));
        metrics->sourceBar()->refreshButton()->click();
        QVERIFY(metrics->isFetching());
        QVERIFY(slow.waitForRequests(2, std::chrono::seconds(5)));
        // The tab closes mid-fetch: nothing is left to crash.
        w.findChild<QAction*>(u"actionCloseTab"_s)->trigger();
        QTRY_COMPARE(w.traceTabCount(), 0);
        QTest::qWait(100);
    }

private:
    std::unique_ptr<ui::test::IsolatedEnvironment> env_;
};

QTEST_MAIN(SignalsWindowTest)
#include "signals_window_test.moc"
