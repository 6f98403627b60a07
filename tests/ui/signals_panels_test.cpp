// The Logs and Metrics tabs' parts with lines and charts built in the test: the log table and
// its filters (with the model tester), the Logs panel (filters, click selects a span, selected
// span only, file lines), the span details' Logs tab, and the metric charts (series, the trace
// marked, exemplars that open their trace on a click, a failed chart in one line).

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <memory>

#include "formats/load.h"
#include "signals/log_filter_model.h"
#include "signals/log_lines_model.h"
#include "signals/logs_panel.h"
#include "signals/metric_chart_view.h"
#include "signals/metrics_panel.h"
#include "signals/source_bar.h"
#include "signals_test_support.h"
#include "span_details/span_details_panel.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const Trace> demoTrace() {
    LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    if (!r.ok() || r.file->traces.empty()) qFatal("cannot load the demo trace");
    return r.file->traces.front();
}

// Rows shown that came from Loki or a file: the span events (from the core) are left out, so
// the counts are the test's own.
int externalRows(const QAbstractItemModel* model) {
    int n = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(LogLinesModel::SourceRole).toInt() !=
            int(logs::LogSource::SpanEvent))
            ++n;
    return n;
}

std::shared_ptr<const std::vector<logs::LogLine>> shared(std::vector<logs::LogLine> lines) {
    return std::make_shared<const std::vector<logs::LogLine>>(std::move(lines));
}

}  // namespace

class SignalsPanelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { trace_ = demoTrace(); }

    void logLinesModelShowsTheColumnsAndPassesTheTester() {
        LogLinesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setLines(trace_, shared(demoLokiLines(*trace_)));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(LogLinesModel::ColumnCount));
        const QModelIndex error = model.index(3, LogLinesModel::LevelColumn);
        QCOMPARE(error.data().toString(), u"ERROR"_s);
        QCOMPARE(error.data(LogLinesModel::LevelRole).toInt(), int(logs::LogLevel::Error));
        QCOMPARE(model.index(3, LogLinesModel::ServiceColumn).data().toString(), u"checkout"_s);
        QCOMPARE(model.index(3, LogLinesModel::SpanColumn).data().toString(),
                 u"checkout: PaymentClient.authorizeWithRetry"_s);
        QCOMPARE(model.index(3, 0).data(LogLinesModel::SpanRole).toLongLong(),
                 qint64(spanIndex(*trace_, kRetrySpanId)));
        // Tied by time, not id: the span column says so.
        QVERIFY(model.index(4, LogLinesModel::SpanColumn).data().toString().startsWith(u"≈ "_s));
        QVERIFY(model.index(0, LogLinesModel::SpanColumn).data().toString().isEmpty());
        QVERIFY(model.index(3, LogLinesModel::MessageColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"Loki"_s));
        QCOMPARE(model.headerData(LogLinesModel::MessageColumn, Qt::Horizontal, Qt::DisplayRole)
                     .toString(),
                 u"Message"_s);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterModelNarrowsByLevelServiceTextAndSpan() {
        LogLinesModel lines;
        LogFilterModel filter;
        filter.setLinesModel(&lines);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        lines.setLines(trace_, shared(demoLokiLines(*trace_)));
        QCOMPARE(filter.rowCount(), 6);
        filter.setMinimumLevel(logs::LogLevel::Warn);
        QCOMPARE(filter.rowCount(), 3);
        filter.setMinimumLevel(logs::LogLevel::Error);
        QCOMPARE(filter.rowCount(), 2);
        filter.setService(u"checkout"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setMinimumLevel(logs::LogLevel::Unknown);
        filter.setText(u"deadline"_s);  // case-insensitive
        QCOMPARE(filter.rowCount(), 2);
        filter.setText(QString());
        filter.setSpan(spanIndex(*trace_, kRetrySpanId));
        QCOMPARE(filter.rowCount(), 2);
        filter.setService(QString());
        filter.setSpan(-1);
        filter.setText(u"authorizeWithRetry"_s);  // the span's name counts as text
        QCOMPARE(filter.rowCount(), 2);
    }

    void logsPanelShowsFileLinesFiltersAndSelectsSpans() {
        LogsPanel panel;
        panel.resize(900, 300);
        panel.setTrace(trace_);
        panel.setConnections({});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // No Loki connection: the status line says how to get one.
        QTRY_VERIFY(panel.sourceBar()->statusText().contains(u"Loki connection"_s));
        QVERIFY(!panel.sourceBar()->refreshButton()->isVisible());

        QSignalSpy changed(&panel, &LogsPanel::linesChanged);
        auto fromFile = demoLokiLines(*trace_);
        for (logs::LogLine& l : fromFile)
            l.source = logs::LogSource::OtlpFile;
        const int spanEvents = panel.lineCount();
        panel.addFileLines(u"app-logs.json"_s, fromFile);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(panel.lineCount(), spanEvents + 6);
        QCOMPARE(int(panel.externalLines()->size()), 6);
        QVERIFY(panel.sourceBar()->statusText().contains(u"app-logs.json: 6 lines"_s));
        // The same file again replaces its lines.
        panel.addFileLines(u"app-logs.json"_s, fromFile);
        QCOMPARE(int(panel.externalLines()->size()), 6);

        // The services of the lines are offered.
        QVERIFY(panel.serviceBox()->findText(u"api-gateway"_s) > 0);
        panel.levelBox()->setCurrentIndex(panel.levelBox()->findData(int(logs::LogLevel::Error)));
        QCOMPARE(externalRows(panel.filterModel()), 2);
        panel.levelBox()->setCurrentIndex(0);
        panel.textFilter()->setText(u"payment"_s);
        QTRY_COMPARE(externalRows(panel.filterModel()), 3);
        panel.textFilter()->clear();

        // A click on a line selects its span.
        QSignalSpy selected(&panel, &LogsPanel::spanSelected);
        const auto rowOf = [&](const QString& text) {
            for (int r = 0; r < panel.filterModel()->rowCount(); ++r)
                if (panel.filterModel()
                        ->index(r, LogLinesModel::MessageColumn)
                        .data()
                        .toString()
                        .startsWith(text))
                    return panel.filterModel()->index(r, LogLinesModel::MessageColumn);
            return QModelIndex();
        };
        const QModelIndex failed = rowOf(u"payment authorization failed"_s);
        QVERIFY(failed.isValid());
        const QRect rect = panel.view()->visualRect(failed);
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toUInt(), quint32(spanIndex(*trace_, kRetrySpanId)));

        // "Selected span only" follows the waterfall's selection.
        panel.setCurrentSpan(spanIndex(*trace_, kAuthorizeSpanId));
        panel.spanOnlyBox()->setChecked(true);
        const int authorizeLines = panel.filterModel()->rowCount();
        QVERIFY(authorizeLines >= 1);
        for (int r = 0; r < authorizeLines; ++r)
            QCOMPARE(panel.filterModel()->index(r, 0).data(LogLinesModel::SpanRole).toLongLong(),
                     qint64(spanIndex(*trace_, kAuthorizeSpanId)));
        panel.setCurrentSpan(spanIndex(*trace_, kRetrySpanId));
        QCOMPARE(externalRows(panel.filterModel()), 2);
        panel.spanOnlyBox()->setChecked(false);
        QCOMPARE(panel.filterModel()->rowCount(), panel.lineCount());
    }

    void spanDetailsShowTheSpansLogLines() {
        SpanDetailsPanel details;
        details.setTrace(trace_);
        details.setLogLines(shared(demoLokiLines(*trace_)));
        const int32_t retry = spanIndex(*trace_, kRetrySpanId);
        details.showSpan(retry);
        QCOMPARE(details.logsModel()->rowCount(), 2);
        QCOMPARE(details.tabs()->tabText(SpanDetailsPanel::LogsTab), u"Logs (2)"_s);
        QVERIFY(details.tabs()->isTabEnabled(SpanDetailsPanel::LogsTab));
        QVERIFY(details.logsView()->isColumnHidden(LogLinesModel::SpanColumn));
        // Lines arriving later (a Loki fetch) reach the span already shown.
        details.showSpan(spanIndex(*trace_, kAuthorizeSpanId));
        QCOMPARE(details.logsModel()->rowCount(), 1);
        details.setLogLines(nullptr);
        QCOMPARE(details.logsModel()->rowCount(), 0);
        QVERIFY(!details.tabs()->isTabEnabled(SpanDetailsPanel::LogsTab));
        QCOMPARE(details.tabs()->tabText(SpanDetailsPanel::LogsTab), u"Logs (0)"_s);
    }

    void metricsPanelWithoutConnectionsSaysHowToAddOne() {
        MetricsPanel panel;
        panel.setTrace(trace_);
        panel.setConnections({});
        QVERIFY(panel.showsEmptyState());
        QVERIFY(panel.emptyLabel()->text().contains(u"File › Connections…"_s));
        QSignalSpy manage(&panel, &MetricsPanel::manageConnectionsRequested);
        auto* add = panel.findChild<QPushButton*>(u"metricsAddConnection"_s);
        QVERIFY(add);
        add->click();
        QCOMPARE(manage.count(), 1);
    }

    void metricChartsDrawSeriesTheTraceAndClickableExemplars() {
        MetricsPanel panel;
        panel.resize(1200, 320);
        panel.setTrace(trace_);
        panel.showSnapshot(std::make_shared<const metrics::MetricSnapshot>(demoSnapshot()));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QList<MetricChartView*> charts = panel.charts();
        QCOMPARE(charts.size(), 3);
        MetricChartView* latency = charts.at(2);
        QCOMPARE(latency->seriesCount(), 2);
        QCOMPARE(latency->exemplarCount(), 3);
        QCOMPARE(latency->exemplarSeries()->count(), 3);
        QVERIFY(latency->traceBand());
        QCOMPARE(latency->traceBand()->name(), u"This trace"_s);
        QVERIFY(latency->errorText().isEmpty());

        // A click on an exemplar asks for its trace, through the snapshot's connection.
        QSignalSpy clicked(&panel, &MetricsPanel::exemplarClicked);
        QTRY_VERIFY(latency->exemplarPosition(1).x() > 0);
        QTest::qWait(50);
        QTest::mouseClick(latency->chartView()->viewport(), Qt::LeftButton, {},
                          latency->exemplarPosition(1));
        QTRY_COMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), u"prod prometheus"_s);
        QCOMPARE(clicked.at(0).at(1).toString(), QString::fromLatin1(kOtherTraceId));
        // Far from every exemplar, nothing.
        QVERIFY(latency->traceAt(QPointF(demoSnapshot().startSec * 1000, 50)).isEmpty());
    }

    void aFailedChartSaysSoInItsPlace() {
        metrics::MetricSnapshot s = demoSnapshot();
        s.charts[1].series.clear();
        s.charts[1].error = "bad_data: parse error at char 12: unexpected identifier";
        s.charts[2].exemplarError = "exemplars are not enabled on this server";
        MetricsPanel panel;
        panel.setTrace(trace_);
        panel.showSnapshot(std::make_shared<const metrics::MetricSnapshot>(s));
        QCOMPARE(panel.charts().size(), 3);
        QVERIFY(panel.charts().at(0)->errorText().isEmpty());
        QVERIFY(panel.charts().at(1)->errorText().contains(u"parse error"_s));
        QVERIFY(panel.charts().at(2)->errorText().contains(u"not enabled"_s));
        QCOMPARE(panel.charts().at(2)->seriesCount(), 2);  // the chart still shows
    }

    void valuesAreShownInTheirUnit() {
        QCOMPARE(formatMetricValue(0.43, u"s"_s), u"430 ms"_s);
        QCOMPARE(formatMetricValue(2.5, u"s"_s), u"2.5 s"_s);
        QCOMPARE(formatMetricValue(0.031, u"ratio"_s), u"3.1%"_s);
        QCOMPARE(formatMetricValue(12.5, u"req/s"_s), u"12.5 req/s"_s);
        QCOMPARE(formatMetricValue(std::nan(""), u"s"_s), u"NaN"_s);
        QCOMPARE(seriesName({{"service", "checkout"}}, u"x"_s), u"checkout"_s);
        QCOMPARE(seriesName({}, u"p95 latency"_s), u"p95 latency"_s);
        QCOMPARE(seriesName({{"a", "1"}, {"b", "2"}}, u"x"_s), u"a=1, b=2"_s);
    }

private:
    std::shared_ptr<const Trace> trace_;
};

QTEST_MAIN(SignalsPanelsTest)
#include "signals_panels_test.moc"
