// ServiceLegendModel and its three-column view ServiceLegendColumns: rows, counts, colours and
// check states from a real fixture and generated traces (one service, 30 services, empty,
// broken), the model contract under QAbstractItemModelTester (Fatal) through every change, and
// the count of 1M spans timed.

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>
#include <set>

#include "colors.h"
#include "logging.h"
#include "service_colors.h"
#include "test_support.h"
#include "trace_view/service_legend_columns.h"
#include "trace_view/service_legend_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kGenAi = "jaeger/ui-genai-57spans-10svc-error.json";
const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

std::shared_ptr<const Trace> fixtureTrace(const char* relative) {
    return test::loadSnapshot(relative)->file->traces[0];
}

// A Jaeger trace whose span i belongs to service i % services; every 7th span is an error.
std::shared_ptr<const Trace> generatedTrace(int services, int spans) {
    const QByteArray tid = "00000000000000000000000000000def";
    QByteArray json = "{\"data\":[{\"traceID\":\"" + tid + "\",\"spans\":[";
    for (int i = 0; i < spans; ++i) {
        if (i) json += ',';
        json += "{\"traceID\":\"" + tid + "\",\"spanID\":\"" +
                QByteArray::number(i + 1, 16).rightJustified(16, '0') +
                "\",\"operationName\":\"op\",\"references\":[";
        if (i)
            json += "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + tid + "\",\"spanID\":\"" +
                    QByteArray("1").rightJustified(16, '0') + "\"}";
        json += "],\"startTime\":" + QByteArray::number(1600000000000000LL + i) +
                ",\"duration\":10,\"tags\":[";
        if (i % 7 == 6) json += "{\"key\":\"error\",\"type\":\"bool\",\"value\":true}";
        json += "],\"processID\":\"p" + QByteArray::number(i % services) + "\"}";
    }
    json += "],\"processes\":{";
    for (int s = 0; s < services; ++s) {
        if (s) json += ',';
        json += "\"p" + QByteArray::number(s) + "\":{\"serviceName\":\"service-" +
                QByteArray::number(s).rightJustified(2, '0') + "\"}";
    }
    json += "}}]}";
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "generated.json");
    if (!r.ok()) qFatal("generated trace did not load: %s", r.error.message.c_str());
    return r.file->traces[0];
}

// Only the columns the legend reads, for 1M spans without writing and parsing 280 MB of JSON.
std::shared_ptr<const Trace> columnsOnlyTrace(size_t spans, uint32_t services) {
    auto dict = std::make_shared<Dictionary>();
    auto t = std::make_shared<Trace>();
    for (uint32_t s = 0; s < services; ++s)
        t->services.push_back(dict->strings.intern("svc-" + std::to_string(s)));
    t->dict = dict;
    t->start.assign(spans, 0);
    t->service.resize(spans);
    t->status.assign(spans, StatusCode::Unset);
    for (size_t i = 0; i < spans; ++i) {
        t->service[i] = uint32_t(i % services);
        if (i % 1000 == 0) t->status[i] = StatusCode::Error;
    }
    return t;
}

QStringList names(const QAbstractItemModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data().toString();
    return out;
}

quint32 count(const ServiceLegendModel& m, int row, int role) {
    return m.index(row).data(role).toUInt();
}

int rowOf(const ServiceLegendModel& m, const QString& name) {
    return names(m).indexOf(name);
}

}  // namespace

class TraceViewServiceLegendModelTest : public QObject {
    Q_OBJECT
private slots:
    void emptyModel() {
        ServiceLegendModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        QSignalSpy changed(&model, &ServiceLegendModel::visibleServicesChanged);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.visibleServices().empty());
        QTest::ignoreMessage(QtWarningMsg, "service legend: no service 0");
        model.showOnly(0);  // nothing to show: ignored
        model.setAllVisible();
        QCOMPARE(changed.count(), 0);
        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void rowsCountsAndColoursOfTheGenAiTrace() {
        ServiceLegendModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = fixtureTrace(kGenAi);
        model.setTrace(trace);

        // Index order (first appearance), as the colours go.
        QCOMPARE(model.rowCount(), 10);
        for (int row = 0; row < 10; ++row) {
            QCOMPARE(model.index(row).data().toString(),
                     QString::fromUtf8(trace->str(trace->services[size_t(row)])));
            QCOMPARE(model.index(row).data(Qt::DecorationRole).value<QColor>(),
                     serviceColor(uint32_t(row), QGuiApplication::palette()));
            QCOMPARE(model.index(row).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                     Qt::Checked);
            QVERIFY(model.flags(model.index(row)) & Qt::ItemIsUserCheckable);
        }
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("api-edge"));
        // As `rootline-cli inspect` counts them.
        QCOMPARE(count(model, rowOf(model, "coding-agent"), ServiceLegendModel::SpanCountRole),
                 19u);
        QCOMPARE(count(model, rowOf(model, "api-edge"), ServiceLegendModel::SpanCountRole), 1u);
        quint32 spans = 0, errors = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            spans += count(model, row, ServiceLegendModel::SpanCountRole);
            errors += count(model, row, ServiceLegendModel::ErrorCountRole);
        }
        QCOMPARE(spans, 57u);
        QCOMPARE(errors, 1u);
        const int k8s = rowOf(model, "k8s-api");  // GET /api/v1/pods, HTTP 500
        QCOMPARE(count(model, k8s, ServiceLegendModel::ErrorCountRole), 1u);
        QCOMPARE(model.index(k8s).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("3 spans, 1 error"));
        QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("1 span, 0 errors"));
        QCOMPARE(model.visibleServices(), std::vector<uint8_t>(10, 1));
    }

    void checkStatesShowOnlyAndShowAll() {
        ServiceLegendModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        QSignalSpy changed(&model, &ServiceLegendModel::visibleServicesChanged);
        QSignalSpy data(&model, &QAbstractItemModel::dataChanged);
        model.setTrace(fixtureTrace(kGenAi));
        QCOMPARE(changed.count(), 0);  // all shown before and after

        // The user unchecks service 3.
        QVERIFY(model.setData(model.index(3), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(data.count(), 1);
        QCOMPARE(data.last().at(0).toModelIndex().row(), 3);
        QCOMPARE(data.last().at(2).value<QList<int>>(), QList<int>{Qt::CheckStateRole});
        std::vector<uint8_t> expected(10, 1);
        expected[3] = 0;
        QCOMPARE(model.visibleServices(), expected);
        QCOMPARE(model.index(3).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        // Unchecking it again changes nothing and says nothing.
        QVERIFY(model.setData(model.index(3), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        // Only check states are editable.
        const QString name = model.index(2).data().toString();
        QVERIFY(!model.setData(model.index(2), QStringLiteral("renamed"), Qt::EditRole));
        QCOMPARE(model.index(2).data().toString(), name);

        model.showOnly(5);
        QCOMPARE(changed.count(), 2);
        expected.assign(10, 0);
        expected[5] = 1;
        QCOMPARE(model.visibleServices(), expected);
        model.showOnly(5);
        QCOMPARE(changed.count(), 2);
        QTest::ignoreMessage(QtWarningMsg, "service legend: no service 10");
        QTest::ignoreMessage(QtWarningMsg, "service legend: no service -1");
        model.showOnly(10);  // out of range: ignored
        model.showOnly(-1);
        QCOMPARE(model.visibleServices(), expected);

        model.setAllVisible();
        QCOMPARE(changed.count(), 3);
        QCOMPARE(model.visibleServices(), std::vector<uint8_t>(10, 1));
        QVERIFY(model.allVisible());
        model.setAllVisible();
        QCOMPARE(changed.count(), 3);
    }

    void aNewTraceResetsTheFilterTheSameTraceKeepsIt() {
        ServiceLegendModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        QSignalSpy changed(&model, &ServiceLegendModel::visibleServicesChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto genai = fixtureTrace(kGenAi);
        model.setTrace(genai);
        model.showOnly(1);
        QCOMPARE(changed.count(), 1);

        model.setTrace(genai);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.visibleServices()[1], uint8_t(1));
        QCOMPARE(model.visibleServices()[0], uint8_t(0));

        // Broken input: a duplicate span id, two roots, warnings.
        model.setTrace(fixtureTrace(kEdgeCases));
        QCOMPARE(reset.count(), 2);
        QCOMPARE(changed.count(), 2);  // the old filter is gone
        QCOMPARE(names(model), (QStringList{"service-x", "service-y"}));
        QCOMPARE(count(model, 0, ServiceLegendModel::SpanCountRole), 2u);
        QCOMPARE(count(model, 1, ServiceLegendModel::SpanCountRole), 3u);
        QCOMPARE(count(model, 0, ServiceLegendModel::ErrorCountRole), 1u);
        QCOMPARE(model.visibleServices(), std::vector<uint8_t>(2, 1));

        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(changed.count(), 2);  // nothing was hidden
    }

    void oneService() {
        ServiceLegendModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        QSignalSpy changed(&model, &ServiceLegendModel::visibleServicesChanged);
        model.setTrace(generatedTrace(1, 20));
        QCOMPARE(names(model), QStringList{"service-00"});
        QCOMPARE(count(model, 0, ServiceLegendModel::SpanCountRole), 20u);
        QCOMPARE(count(model, 0, ServiceLegendModel::ErrorCountRole), 2u);  // spans 6 and 13
        model.showOnly(0);
        QCOMPARE(changed.count(), 0);
        QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.visibleServices(), std::vector<uint8_t>{0});
        QCOMPARE(changed.count(), 1);
    }

    void thirtyServicesThroughTheColumnsAndASortProxy() {
        ServiceLegendModel model;
        ServiceLegendColumns columns(&model);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&columns);
        proxy.setSortRole(ServiceLegendColumns::SortRole);
        QAbstractItemModelTester t1(&model, kFatal), t2(&columns, kFatal), t3(&proxy, kFatal);
        model.setTrace(generatedTrace(30, 300));
        QCOMPARE(columns.rowCount(), 30);
        QCOMPARE(columns.columnCount(), int(ServiceLegendColumns::ColumnCount));

        // Thirty colours, all different: past the palette's 20 they are darker.
        std::set<QRgb> colours;
        for (int row = 0; row < 30; ++row)
            colours.insert(model.index(row).data(Qt::DecorationRole).value<QColor>().rgb());
        QCOMPARE(colours.size(), size_t(30));

        // 300 spans over 30 services: 10 each; errors at i % 7 == 6.
        for (int row = 0; row < 30; ++row) {
            QCOMPARE(columns.index(row, ServiceLegendColumns::SpansColumn).data().toString(),
                     QStringLiteral("10"));
            int errors = 0;
            for (int i = row; i < 300; i += 30)
                errors += i % 7 == 6;
            QCOMPARE(columns.index(row, ServiceLegendColumns::ErrorsColumn).data().toInt(), errors);
            const QVariant fg =
                columns.index(row, ServiceLegendColumns::ErrorsColumn).data(Qt::ForegroundRole);
            // Red when there are errors, the quiet placeholder colour for a zero.
            QCOMPARE(fg.value<QColor>() == errorTextColor(), errors > 0);
            if (errors == 0)
                QCOMPARE(fg.value<QColor>(),
                         QGuiApplication::palette().color(QPalette::PlaceholderText));
        }
        QVERIFY(!(columns.flags(columns.index(0, ServiceLegendColumns::SpansColumn)) &
                  Qt::ItemIsUserCheckable));
        QCOMPARE(columns.headerData(ServiceLegendColumns::ErrorsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Errors"));

        // Sorted by errors, most first; the check box goes through the proxy and the columns.
        proxy.sort(ServiceLegendColumns::ErrorsColumn, Qt::DescendingOrder);
        const int topErrors = proxy.index(0, ServiceLegendColumns::ErrorsColumn)
                                  .data(ServiceLegendColumns::SortRole)
                                  .toInt();
        for (int row = 1; row < 30; ++row)
            QVERIFY(proxy.index(row, ServiceLegendColumns::ErrorsColumn)
                        .data(ServiceLegendColumns::SortRole)
                        .toInt() <= topErrors);
        const QModelIndex first = proxy.index(0, 0);
        const int service = proxy.mapToSource(first).row();
        QVERIFY(!first.data(Qt::ForegroundRole).isValid());
        QVERIFY(proxy.setData(first, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.visibleServices()[size_t(service)], uint8_t(0));
        QCOMPARE(first.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        // A hidden service is greyed, not only unchecked.
        const QColor quiet = QGuiApplication::palette().color(QPalette::PlaceholderText);
        QCOMPARE(first.data(Qt::ForegroundRole).value<QColor>(), quiet);
        QCOMPARE(first.siblingAtColumn(ServiceLegendColumns::SpansColumn)
                     .data(Qt::ForegroundRole)
                     .value<QColor>(),
                 quiet);
        // Errors stay red.
        QCOMPARE(first.siblingAtColumn(ServiceLegendColumns::ErrorsColumn)
                     .data(Qt::ForegroundRole)
                     .value<QColor>(),
                 errorTextColor());
        QCOMPARE(
            first.data(Qt::ToolTipRole).toString(),
            QStringLiteral("%1: 10 spans, %2 errors")
                .arg(first.data().toString())
                .arg(first.siblingAtColumn(ServiceLegendColumns::ErrorsColumn).data().toInt()));

        proxy.sort(ServiceLegendColumns::ServiceColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("service-29"));
        proxy.sort(-1);  // back to the order of first appearance
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("service-00"));

        model.showOnly(29);
        model.setAllVisible();
        model.setTrace(generatedTrace(2, 4));
        QCOMPARE(proxy.rowCount(), 2);
        model.setTrace(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void countsAMillionSpansQuickly() {
        const auto trace = columnsOnlyTrace(1000000, 30);
        ServiceLegendModel model;
        QElapsedTimer timer;
        timer.start();
        model.setTrace(trace);
        const qint64 ms = timer.elapsed();
        qCInfo(lcModel) << "service legend counted 1M spans in" << ms << "ms";
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(count(model, 0, ServiceLegendModel::SpanCountRole), 33334u);
        QCOMPARE(count(model, 29, ServiceLegendModel::SpanCountRole), 33333u);
        // Errors at every 1000th span, which is service 0, 10 or 20.
        QCOMPARE(count(model, 0, ServiceLegendModel::ErrorCountRole) +
                     count(model, 10, ServiceLegendModel::ErrorCountRole) +
                     count(model, 20, ServiceLegendModel::ErrorCountRole),
                 1000u);
        // The budget for the GUI thread is 20 ms; the check allows for a busy CI machine.
        QVERIFY2(ms < 100, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }
};

QTEST_MAIN(TraceViewServiceLegendModelTest)
#include "trace_view_service_legend_model_test.moc"
