// The details pane's models — services, warnings, roots — with asserted rows from real fixtures
// and generated broken traces, and the model contract checked by QAbstractItemModelTester.

#include <QAbstractItemModelTester>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QtTest>

#include "colors.h"
#include "root_list_model.h"
#include "service_table_model.h"
#include "test_support.h"
#include "warning_list_model.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

std::shared_ptr<const TraceSummary> summaryOf(std::shared_ptr<const LoadedFile> file, int index) {
    return {file, &file->summaries[size_t(index)]};
}

QString cell(const QAbstractItemModel& m, int row, int column = 0, int role = Qt::DisplayRole) {
    return m.data(m.index(row, column), role).toString();
}

QStringList column(const QAbstractItemModel& m, int c, int role = Qt::DisplayRole) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << cell(m, r, c, role);
    return out;
}

QIcon someIcon() {
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::yellow);
    return QIcon(pixmap);
}

}  // namespace

class TraceDetailsModelsTest : public QObject {
    Q_OBJECT
private slots:
    void emptyModelsHaveNoRows() {
        ServiceTableModel services;
        WarningListModel warnings;
        RootListModel roots;
        QAbstractItemModelTester t1(&services, kQtTest), t2(&warnings, kQtTest),
            t3(&roots, kQtTest);
        QCOMPARE(services.rowCount(), 0);
        QCOMPARE(services.columnCount(), int(ServiceTableModel::ColumnCount));
        QCOMPARE(column(services, 0).size(), 0);
        QCOMPARE(services.headerData(ServiceTableModel::ServiceColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Service"));
        QCOMPARE(services.headerData(ServiceTableModel::ErrorsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Errors"));
        QCOMPARE(warnings.rowCount(), 0);
        QCOMPARE(roots.rowCount(), 0);
    }

    void servicesOfTheEdgeCases() {
        ServiceTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ServiceTableModel::SortRole);
        QAbstractItemModelTester t1(&model, kQtTest), t2(&proxy, kQtTest);
        model.setSummary(summaryOf(test::loadSnapshot(kEdgeCases), 0));

        // The summary's order: most spans first.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(column(model, ServiceTableModel::ServiceColumn),
                 (QStringList{"service-y", "service-x"}));
        QCOMPARE(column(model, ServiceTableModel::SpansColumn), (QStringList{"3", "2"}));
        QCOMPARE(column(model, ServiceTableModel::ErrorsColumn), (QStringList{"0", "1"}));
        QCOMPARE(model.data(model.index(1, ServiceTableModel::ErrorsColumn), Qt::ForegroundRole)
                     .value<QColor>(),
                 errorTextColor());
        QVERIFY(!model.data(model.index(0, ServiceTableModel::ErrorsColumn), Qt::ForegroundRole)
                     .isValid());
        QCOMPARE(cell(model, 1, ServiceTableModel::ErrorsColumn, Qt::ToolTipRole),
                 QStringLiteral("Spans of service-x with error status: 1 of 2"));

        // Sortable by every column, numbers as numbers.
        proxy.sort(ServiceTableModel::ServiceColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, ServiceTableModel::ServiceColumn),
                 (QStringList{"service-x", "service-y"}));
        proxy.sort(ServiceTableModel::SpansColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, ServiceTableModel::SpansColumn), (QStringList{"2", "3"}));
        proxy.sort(ServiceTableModel::ErrorsColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, ServiceTableModel::ServiceColumn),
                 (QStringList{"service-x", "service-y"}));

        model.setSummary(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void servicesSortAsNumbers() {
        // 250 spans of one service against 2 of the edge cases' services: "250" < "3" as text.
        ServiceTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ServiceTableModel::SortRole);
        model.setSummary(summaryOf(test::orphanSnapshot(250), 0));
        QCOMPARE(column(model, ServiceTableModel::SpansColumn), QStringList{"250"});
        QCOMPARE(
            model.data(model.index(0, ServiceTableModel::SpansColumn), ServiceTableModel::SortRole),
            QVariant(qlonglong(250)));
    }

    void warningsOfTheEdgeCases() {
        WarningListModel model;
        QAbstractItemModelTester tester(&model, kQtTest);
        model.setWarningIcon(someIcon());
        const auto summary = summaryOf(test::loadSnapshot(kEdgeCases), 0);
        model.setWarnings(summary->warnings, summary->warningCount);

        // Trace-level first, then span warnings with their span's id; no "more" row.
        QCOMPARE(column(model, 0),
                 (QStringList{
                     "some trace warning",
                     "span 0000000000000002: span id 0000000000000002 is used by 2 spans in this "
                     "trace",
                     "span 0000000000000002: span id 0000000000000002 is used by 2 spans in this "
                     "trace",
                     "span 0000000000000004: some span warning",
                     "span 0000000000000005: some span warning"}));
        QCOMPARE(column(model, 0, WarningListModel::CodeRole).mid(0, 3),
                 (QStringList{"trace", "duplicate_id", "duplicate_id"}));
        QCOMPARE(model.data(model.index(0), WarningListModel::SpanRole).toInt(), -1);
        QVERIFY(model.data(model.index(1), WarningListModel::SpanRole).toInt() >= 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY(!model.data(model.index(row), WarningListModel::IsMoreRole).toBool());
            QVERIFY(model.data(model.index(row), Qt::DecorationRole).value<QIcon>().isNull() ==
                    false);
            QVERIFY(model.flags(model.index(row)) & Qt::ItemIsSelectable);
        }
        QCOMPARE(model.listedCount(), size_t(5));
        QCOMPARE(model.totalCount(), size_t(5));
    }

    void cappedWarningsEndWithAMoreRow() {
        WarningListModel model;
        QAbstractItemModelTester tester(&model, kQtTest);
        const auto summary = summaryOf(test::orphanSnapshot(250), 0);
        // What the load job keeps per trace: a few warnings and the exact count.
        QCOMPARE(summary->warningCount, size_t(250));
        QCOMPARE(summary->warnings.size(), kSummaryWarnings);
        model.setWarnings(summary->warnings, summary->warningCount);

        QCOMPARE(model.rowCount(), int(kSummaryWarnings) + 1);
        const QModelIndex more = model.index(model.rowCount() - 1);
        QCOMPARE(more.data().toString(),
                 QStringLiteral("… and %1 more").arg(250 - int(kSummaryWarnings)));
        QVERIFY(more.data(WarningListModel::IsMoreRole).toBool());
        QVERIFY(!more.data(Qt::DecorationRole).isValid());
        QVERIFY(!(model.flags(more) & Qt::ItemIsSelectable));
        QCOMPARE(cell(model, 0),
                 QStringLiteral("span 0000000000000001: parent span 0000000000001000 is not in "
                                "this trace; shown as an extra root"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void rootsOfTheEdgeCases() {
        RootListModel model;
        QAbstractItemModelTester tester(&model, kQtTest);
        model.setOrphanIcon(someIcon());
        model.setSummary(summaryOf(test::loadSnapshot(kEdgeCases), 0));
        // Both roots carry the duplicated id; neither is an orphan.
        QCOMPARE(column(model, 0),
                 (QStringList{"service-x: test-general-conversion (span 0000000000000002)",
                              "service-x: some-operation (span 0000000000000002)"}));
        for (int row = 0; row < 2; ++row) {
            QVERIFY(!model.data(model.index(row), RootListModel::OrphanRole).toBool());
            QVERIFY(!model.data(model.index(row), Qt::DecorationRole).isValid());
        }
    }

    void orphanRootsAreMarked() {
        RootListModel model;
        QAbstractItemModelTester tester(&model, kQtTest);
        model.setOrphanIcon(someIcon());
        model.setSummary(summaryOf(test::orphanSnapshot(3), 0));
        QCOMPARE(column(model, 0),
                 (QStringList{"svc: op (span 0000000000000001, parent missing)",
                              "svc: op (span 0000000000000002, parent missing)",
                              "svc: op (span 0000000000000003, parent missing)"}));
        QVERIFY(model.data(model.index(0), RootListModel::OrphanRole).toBool());
        QVERIFY(model.data(model.index(0), Qt::DecorationRole).isValid());
        QCOMPARE(cell(model, 0, 0, Qt::ToolTipRole),
                 QStringLiteral("Span 0000000000000001 names a parent span that is not in this "
                                "trace"));
        model.setSummary(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TraceDetailsModelsTest)
#include "trace_details_models_test.moc"
