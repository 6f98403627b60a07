// The History panel's table model (checked by QAbstractItemModelTester through resets) and the
// panel over a real history file: newest first, failed runs say why, the audit chain verifies,
// and a history that cannot be opened is said in the panel.

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QThreadPool>
#include <QtTest>
#include <memory>

#include "explain_test_support.h"
#include "history/history_model.h"
#include "history/history_panel.h"
#include "store/investigation_history.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;

namespace {

store::InvestigationSummary summary(int64_t id, bool verdict) {
    store::InvestigationSummary s;
    s.id = id;
    s.createdUnixMs = 1700000000000 + id;
    s.traceId = "trace" + std::to_string(id);
    s.provider = "offline";
    s.model = "rootline-offline-analyst";
    s.hasVerdict = verdict;
    s.hypothesis = verdict ? "the database" : "";
    s.error = verdict ? "" : "openai: unreachable";
    s.confidence = 0.5;
    s.resolution = id == 1 ? "fixed the index" : "";
    return s;
}

int64_t appendRecord(store::InvestigationHistory& h, const std::string& traceId) {
    store::Investigation inv;
    inv.traceId = traceId;
    inv.provider = "offline";
    inv.model = "rootline-offline-analyst";
    inv.verdictJson = verdictNaming("0000000000000001", "0000000000000001");
    std::string error;
    const int64_t id = h.append(inv, error);
    if (!id) qFatal("append failed: %s", error.c_str());
    return id;
}

}  // namespace

class HistoryModelTest : public QObject {
    Q_OBJECT
    std::unique_ptr<IsolatedEnvironment> env_;

private slots:
    void init() { env_ = std::make_unique<IsolatedEnvironment>(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        env_.reset();
    }

    void theModelShowsEachColumn() {
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
        model.setRows({summary(2, false), summary(1, true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.idAt(0), qint64(2));
        QCOMPARE(model.index(1, 0).data(HistoryModel::IdRole).toLongLong(), 1);
        QCOMPARE(model.index(1, HistoryModel::TraceColumn).data().toString(),
                 QStringLiteral("trace1"));
        QCOMPARE(model.index(1, HistoryModel::ModelColumn).data().toString(),
                 QStringLiteral("offline/rootline-offline-analyst"));
        QCOMPARE(model.index(1, HistoryModel::HypothesisColumn).data().toString(),
                 QStringLiteral("the database"));
        QCOMPARE(model.index(1, HistoryModel::ResolutionColumn).data().toString(),
                 QStringLiteral("fixed the index"));
        QVERIFY(!model.index(1, HistoryModel::ConfidenceColumn).data().toString().isEmpty());
        // A failed run: its error where the hypothesis would be, no confidence.
        QVERIFY(model.index(0, HistoryModel::HypothesisColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("unreachable")));
        QVERIFY(model.index(0, HistoryModel::ConfidenceColumn).data().toString().isEmpty());
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(model.idAt(5), qint64(0));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void thePanelReadsTheFileLazilyNewestFirst() {
        {
            std::string error;
            auto h = store::InvestigationHistory::open(env_->historyPath().toStdString(), error);
            QVERIFY2(h, error.c_str());
            appendRecord(*h, "aaaa");
            appendRecord(*h, "bbbb");
        }
        HistoryPanel panel;
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::qWait(20);
        QCOMPARE(panel.model()->rowCount(), 0);  // not read before it shows
        QSignalSpy loaded(&panel, &HistoryPanel::loaded);
        panel.show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.model()->index(0, HistoryModel::TraceColumn).data().toString(),
                 QStringLiteral("bbbb"));
        QVERIFY(panel.statusLabel()->text().contains(env_->historyPath()));

        QSignalSpy verified(&panel, &HistoryPanel::verified);
        QTest::mouseClick(panel.verifyButton(), Qt::LeftButton);
        QVERIFY(verified.wait(10000));
        QVERIFY2(panel.chainLabel()->text().contains(QStringLiteral("intact")),
                 qPrintable(panel.chainLabel()->text()));

        QSignalSpy activated(&panel, &HistoryPanel::investigationActivated);
        emit panel.view()->activated(panel.model()->index(1, 0));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), panel.model()->idAt(1));
    }

    void aHistoryThatCannotBeOpenedIsSaid() {
        qputenv("ROOTLINE_HISTORY_DB", QByteArrayLiteral("/dev/null/history.sqlite3"));
        HistoryPanel panel;
        QSignalSpy loaded(&panel, &HistoryPanel::loaded);
        panel.show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.model()->rowCount(), 0);
        QVERIFY2(panel.statusLabel()->text().contains(QStringLiteral("cannot be opened")),
                 qPrintable(panel.statusLabel()->text()));
    }
};

QTEST_MAIN(HistoryModelTest)
#include "history_model_test.moc"
