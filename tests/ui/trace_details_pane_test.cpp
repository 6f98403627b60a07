// TraceDetailsPane on its own: the header line, which sections show, the warnings listed from a
// worker when the summary holds only a few, stale worker results dropped, the file let go.

#include <QAbstractItemModelTester>
#include <QFontDatabase>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QThreadPool>
#include <QTreeView>
#include <QtTest>

#include "colors.h"
#include "elided_label.h"
#include "root_list_model.h"
#include "service_table_model.h"
#include "test_support.h"
#include "trace_details_pane.h"
#include "warning_list_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";
const char* const kTempo = "tempo/servicegraphs_trace-with-virtual-nodes.json";
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

template <typename T>
T* child(const QWidget& w, const char* name) {
    T* found = w.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

QString label(const QWidget& w, const char* name) {
    return child<QLabel>(w, name)->text();
}

QString lastRow(const QAbstractItemModel& m) {
    return m.index(m.rowCount() - 1, 0).data().toString();
}

}  // namespace

class TraceDetailsPaneTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void headerAndSectionsOfTheEdgeCases() {
        TraceDetailsPane pane;
        QAbstractItemModelTester t1(pane.servicesModel(), kQtTest),
            t2(pane.servicesProxy(), kQtTest), t3(pane.warningsModel(), kQtTest),
            t4(pane.rootsModel(), kQtTest);
        pane.resize(1200, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.showTrace(test::loadSnapshot(kEdgeCases), 0);

        QCOMPARE(pane.traceIndex(), 0);
        QCOMPARE(pane.traceId(), QStringLiteral("00000000000000000000000000000001"));
        auto* id = child<QLabel>(pane, "detailsTraceId");
        QVERIFY(id->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(id->font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));
        QCOMPARE(child<ElidedLabel>(pane, "detailsRoot")->text(),
                 QStringLiteral("Root: service-x: test-general-conversion (+1 more root)"));
        QCOMPARE(label(pane, "detailsStart"),
                 QStringLiteral("Start (UTC): 2017-01-26T21:46:31.639875Z"));
        QCOMPARE(label(pane, "detailsDuration"), QStringLiteral("Duration: 5 µs"));
        QCOMPARE(label(pane, "detailsSpans"), QStringLiteral("Spans: 5"));
        QCOMPARE(label(pane, "detailsDepth"), QStringLiteral("Depth: 3"));
        QCOMPARE(label(pane, "detailsErrors"), QStringLiteral("Errors: 1"));
        QCOMPARE(child<QLabel>(pane, "detailsErrors")->palette().color(QPalette::WindowText),
                 errorTextColor());

        QCOMPARE(label(pane, "servicesTitle"), QStringLiteral("Services (2)"));
        const QAbstractItemModel* services = child<QTreeView>(pane, "servicesView")->model();
        QCOMPARE(services->rowCount(), 2);
        QCOMPARE(services->index(0, ServiceTableModel::ServiceColumn).data().toString(),
                 QStringLiteral("service-y"));
        QCOMPARE(services->index(0, ServiceTableModel::SpansColumn).data().toString(),
                 QStringLiteral("3"));

        QCOMPARE(label(pane, "warningsTitle"), QStringLiteral("Warnings (5)"));
        QVERIFY(child<QTreeView>(pane, "warningsView")->isVisible());
        QVERIFY(!child<QLabel>(pane, "noWarnings")->isVisible());
        QCOMPARE(pane.warningsModel()->rowCount(), 5);
        QCOMPARE(pane.warningsModel()->index(0).data().toString(),
                 QStringLiteral("some trace warning"));
        QCOMPARE(lastRow(*pane.warningsModel()),
                 QStringLiteral("span 0000000000000005: some span warning"));

        QVERIFY(child<QWidget>(pane, "rootsSection")->isVisible());
        QCOMPARE(label(pane, "rootsTitle"), QStringLiteral("Roots (2)"));
        QCOMPARE(pane.rootsModel()->rowCount(), 2);
    }

    void aTraceWithOneRootAndNoWarnings() {
        TraceDetailsPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const auto file = test::loadSnapshot(kTempo);
        pane.showTrace(file, 1);
        QCOMPARE(pane.traceId(), QStringLiteral("ab4a390ad2fe3b8534404c9f7223a390"));
        QCOMPARE(child<ElidedLabel>(pane, "detailsRoot")->text(),
                 QStringLiteral("Root: internal-consumer: Consumed"));
        QCOMPARE(label(pane, "detailsErrors"), QStringLiteral("Errors: 0"));
        QVERIFY(child<QLabel>(pane, "detailsErrors")->palette().color(QPalette::WindowText) !=
                errorTextColor());
        QCOMPARE(label(pane, "warningsTitle"), QStringLiteral("Warnings (0)"));
        QVERIFY(child<QLabel>(pane, "noWarnings")->isVisible());
        QCOMPARE(label(pane, "noWarnings"), QStringLiteral("No warnings"));
        QVERIFY(!child<QTreeView>(pane, "warningsView")->isVisible());
        QVERIFY(!child<QWidget>(pane, "rootsSection")->isVisible());
        QCOMPARE(pane.servicesModel()->rowCount(), 1);

        pane.showTrace(file, 0);
        QCOMPARE(pane.traceId(), QStringLiteral("4290b5877a9930de79bb428365398ecc"));
        QCOMPARE(label(pane, "servicesTitle"), QStringLiteral("Services (2)"));
    }

    void manyWarningsAreListedFromAWorker() {
        TraceDetailsPane pane;
        QAbstractItemModelTester tester(pane.warningsModel(), kQtTest);
        pane.showTrace(test::orphanSnapshot(250), 0);
        // At once: what the load job's summary holds, with an exact count of the rest.
        QCOMPARE(label(pane, "warningsTitle"), QStringLiteral("Warnings (250)"));
        QCOMPARE(child<ElidedLabel>(pane, "detailsRoot")->text(),
                 QStringLiteral("Root: svc: op (+249 more roots)"));
        QVERIFY(pane.warningsModel()->rowCount() >= int(kSummaryWarnings) + 1);
        QVERIFY(lastRow(*pane.warningsModel()).startsWith(QStringLiteral("… and ")));
        // Then the first 200, and one row for the other 50.
        QTRY_COMPARE(pane.warningsModel()->rowCount(), int(TraceDetailsPane::kListedWarnings) + 1);
        QCOMPARE(lastRow(*pane.warningsModel()), QStringLiteral("… and 50 more"));
        QCOMPARE(pane.warningsModel()->index(199).data().toString(),
                 QStringLiteral("span 00000000000000c8: parent span 00000000000010c7 is not in "
                                "this trace; shown as an extra root"));
        QCOMPARE(pane.rootsModel()->rowCount(), 250);
        QVERIFY(pane.rootsModel()->index(0).data(RootListModel::OrphanRole).toBool());
    }

    void aStaleWorkerResultIsDropped() {
        TraceDetailsPane pane;
        pane.showTrace(test::orphanSnapshot(250), 0);
        pane.showTrace(test::loadSnapshot(kEdgeCases), 0);  // before the worker is done
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QCOMPARE(pane.warningsModel()->rowCount(), 5);
        QCOMPARE(pane.warningsModel()->totalCount(), size_t(5));
    }

    void clearLetsGoOfTheFile() {
        TraceDetailsPane pane;
        std::weak_ptr<const LoadedFile> weak;
        {
            auto file = test::loadSnapshot(kEdgeCases);
            weak = file;
            pane.showTrace(std::move(file), 0);
        }
        QVERIFY(!weak.expired());  // the pane's models read the summary in place
        pane.clear();
        QVERIFY(weak.expired());
        QCOMPARE(pane.traceIndex(), -1);
        QCOMPARE(pane.traceId(), QString());
        QCOMPARE(pane.servicesModel()->rowCount(), 0);
        QCOMPARE(pane.warningsModel()->rowCount(), 0);
        QCOMPARE(pane.rootsModel()->rowCount(), 0);
    }

    void anIndexOutOfRangeClears() {
        TraceDetailsPane pane;
        const auto file = test::loadSnapshot(kTempo);
        pane.showTrace(file, 0);
        pane.showTrace(file, 2);
        QCOMPARE(pane.traceIndex(), -1);
        pane.showTrace(nullptr, 0);
        QCOMPARE(pane.traceIndex(), -1);
    }
};

QTEST_MAIN(TraceDetailsPaneTest)
#include "trace_details_pane_test.moc"
