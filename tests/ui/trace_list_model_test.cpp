// TraceListModel: row values from real fixtures, numeric sorting through the proxy, and the
// model contract checked by QAbstractItemModelTester across resets.

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "formats/load.h"
#include "load_task.h"
#include "test_support.h"
#include "trace_list_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

std::shared_ptr<const LoadedFile> loadFixture(const char* relative) {
    LoadResult r = loadTraceFile(test::fixture(relative).toStdString());
    if (!r.ok()) qFatal("cannot load fixture %s: %s", relative, r.error.message.c_str());
    return summarizeFile(std::move(r.file));
}

// Three traces whose durations sort differently as text ("12 ms" < "5 µs" < "900 ms") and as
// numbers (5 µs < 12 ms < 900 ms).
std::shared_ptr<const LoadedFile> threeTraces() {
    auto trace = [](const char* id, long long start, long long durationUs, int spans) {
        QByteArray json = "{\"traceID\":\"" + QByteArray(id) + "\",\"spans\":[";
        for (int i = 0; i < spans; ++i) {
            if (i) json += ',';
            json += "{\"traceID\":\"" + QByteArray(id) + "\",\"spanID\":\"" +
                    QByteArray::number(i + 1).rightJustified(16, '0') +
                    "\",\"operationName\":\"op\",\"references\":[" +
                    (i ? "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + QByteArray(id) +
                             "\",\"spanID\":\"0000000000000001\"}"
                       : QByteArray()) +
                    "],\"startTime\":" + QByteArray::number(start) +
                    ",\"duration\":" + QByteArray::number(durationUs) + ",\"processID\":\"p1\"}";
        }
        return json + "],\"processes\":{\"p1\":{\"serviceName\":\"svc\"}}}";
    };
    const QByteArray text = "{\"data\":[" + trace("00000000000000000000000000000001", 1000, 5, 3) +
                            "," + trace("00000000000000000000000000000002", 3000, 12000, 1) + "," +
                            trace("00000000000000000000000000000003", 2000, 900000, 2) + "]}";
    LoadResult r =
        loadTraceText(std::string_view(text.constData(), size_t(text.size())), "inline.json");
    if (!r.ok()) qFatal("inline trace did not load: %s", r.error.message.c_str());
    return summarizeFile(std::move(r.file));
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole) {
    return m.data(m.index(row, column), role).toString();
}

QStringList columnValues(const QAbstractItemModel& m, int column) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << cell(m, r, column);
    return out;
}

}  // namespace

class TraceListModelTest : public QObject {
    Q_OBJECT
private slots:
    void emptyModelHasHeadersButNoRows() {
        TraceListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(TraceListModel::ColumnCount));
        QCOMPARE(model.headerData(TraceListModel::TraceIdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Trace ID"));
        QCOMPARE(model.headerData(TraceListModel::ErrorsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Errors"));
        QVERIFY(model.traceAt(0) == nullptr);
    }

    void rowsOfJaegerLinksFixture() {
        TraceListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(loadFixture("jaeger/jaeger-otlp-links-events-errors.json"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, TraceListModel::TraceIdColumn),
                 QStringLiteral("00000000000000010000000000000000"));
        QCOMPARE(cell(model, 1, TraceListModel::TraceIdColumn),
                 QStringLiteral("00000000000000020000000000000000"));
        // Both spans of each trace are orphans, so each trace has two roots.
        QCOMPARE(cell(model, 0, TraceListModel::RootColumn),
                 QStringLiteral("service-x: test-general-conversion-2 (+1 more)"));
        QCOMPARE(cell(model, 0, TraceListModel::StartColumn),
                 QStringLiteral("2017-01-26T21:46:31.639875Z"));
        QCOMPARE(cell(model, 0, TraceListModel::DurationColumn), QStringLiteral("5 µs"));
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(cell(model, row, TraceListModel::SpansColumn), QStringLiteral("2"));
            QCOMPARE(cell(model, row, TraceListModel::ServicesColumn), QStringLiteral("1"));
            QCOMPARE(cell(model, row, TraceListModel::ErrorsColumn), QStringLiteral("2"));
            QCOMPARE(cell(model, row, TraceListModel::WarningsColumn), QStringLiteral("2"));
            QVERIFY(model.data(model.index(row, TraceListModel::ErrorsColumn), Qt::ForegroundRole)
                        .isValid());
        }
        QCOMPARE(model.traceAt(1)->spanCount(), size_t(2));
        QCOMPARE(model.data(model.index(1, 0), TraceListModel::TraceIndexRole).toInt(), 1);
    }

    void tooltipsExplainTheCells() {
        TraceListModel model;
        model.setSnapshot(loadFixture("jaeger/jaeger-otlp-links-events-errors.json"));
        const QString roots = cell(model, 0, TraceListModel::RootColumn, Qt::ToolTipRole);
        QVERIFY2(roots.contains(QStringLiteral("test-general-conversion-4 (span "
                                               "0000000000000004, orphan: its parent is missing)")),
                 qPrintable(roots));
        const QString warnings = cell(model, 0, TraceListModel::WarningsColumn, Qt::ToolTipRole);
        QVERIFY2(warnings.contains(QStringLiteral("parent span 0000000000000003 is not in this "
                                                  "trace")),
                 qPrintable(warnings));
        QCOMPARE(cell(model, 0, TraceListModel::ServicesColumn, Qt::ToolTipRole),
                 QStringLiteral("service-x — spans: 2, errors: 2"));
        QVERIFY(cell(model, 0, TraceListModel::ErrorsColumn, Qt::ToolTipRole)
                    .startsWith(QStringLiteral("Spans with error status: 2")));
    }

    void rowsOfTempoFixtureWithTwoTraces() {
        TraceListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(loadFixture("tempo/servicegraphs_trace-with-virtual-nodes.json"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, TraceListModel::TraceIdColumn),
                 QStringLiteral("4290b5877a9930de79bb428365398ecc"));
        QCOMPARE(cell(model, 0, TraceListModel::RootColumn),
                 QStringLiteral("mythical-server: requester"));
        QCOMPARE(cell(model, 0, TraceListModel::SpansColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 1, TraceListModel::TraceIdColumn),
                 QStringLiteral("ab4a390ad2fe3b8534404c9f7223a390"));
        QCOMPARE(cell(model, 1, TraceListModel::RootColumn),
                 QStringLiteral("internal-consumer: Consumed"));
        QCOMPARE(cell(model, 1, TraceListModel::SpansColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 1, TraceListModel::ErrorsColumn), QStringLiteral("0"));
        QVERIFY(!model.data(model.index(1, TraceListModel::ErrorsColumn), Qt::ForegroundRole)
                     .isValid());
    }

    void proxySortsByNumbersNotText() {
        TraceListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(TraceListModel::SortRole);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(threeTraces());
        QCOMPARE(columnValues(model, TraceListModel::DurationColumn),
                 (QStringList{"5 µs", "12 ms", "900 ms"}));

        proxy.sort(TraceListModel::DurationColumn, Qt::DescendingOrder);
        QCOMPARE(columnValues(proxy, TraceListModel::DurationColumn),
                 (QStringList{"900 ms", "12 ms", "5 µs"}));
        proxy.sort(TraceListModel::StartColumn, Qt::AscendingOrder);
        QCOMPARE(
            columnValues(proxy, TraceListModel::TraceIdColumn),
            (QStringList{"00000000000000000000000000000001", "00000000000000000000000000000003",
                         "00000000000000000000000000000002"}));
        proxy.sort(TraceListModel::SpansColumn, Qt::AscendingOrder);
        QCOMPARE(columnValues(proxy, TraceListModel::SpansColumn), (QStringList{"1", "2", "3"}));
    }

    void resetsOntoNewSnapshotsAndBackToEmpty() {
        TraceListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(TraceListModel::SortRole);
        proxy.sort(TraceListModel::SpansColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setSnapshot(threeTraces());
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(cell(proxy, 0, TraceListModel::SpansColumn), QStringLiteral("3"));
        model.setSnapshot(loadFixture("tempo/servicegraphs_trace-with-virtual-nodes.json"));
        QCOMPARE(proxy.rowCount(), 2);
        // The proxy keeps its sort across resets.
        QCOMPARE(cell(proxy, 0, TraceListModel::SpansColumn), QStringLiteral("2"));
        model.setSnapshot(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(resets.count(), 3);
    }
};

QTEST_MAIN(TraceListModelTest)
#include "trace_list_model_test.moc"
