// The Agent tab as a new user meets it on the GenAI fixtures: shown and brought forward for an
// agent's trace (hidden for any other), "What happened" naming the state-changing actions, the
// steps with their tools, messages off until asked for, a click on a step selecting its span.
// Saves docs/screenshot-agent.png when ROOTLINE_SAVE_WIDGET_PNG names a folder.

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTimer>
#include <QTreeView>
#include <QtTest>
#include <functional>

#include "agent/agent_panel.h"
#include "agent/agent_run.h"
#include "agent/agent_steps_model.h"
#include "main_window.h"
#include "test_support.h"
#include "trace_tab.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

constexpr const char* kWeather = "genai/otel-js-openai-weather-agent.trace.otlp.json";
constexpr const char* kJaegerGenAi = "jaeger/ui-genai-57spans-10svc-error.json";
constexpr const char* kStrace = "genai/agent-strace-v0.32.0-session.otlp.json";

// Opens `path` in `w` and waits until its agent run is read.
TraceTab* openAndRead(MainWindow& w, const QString& path) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(path);
    if (!settled.wait(20000)) qFatal("%s did not load", qPrintable(path));
    TraceTab* tab = w.currentTraceTab();
    if (!tab) qFatal("no trace tab");
    if (!QTest::qWaitFor([tab] { return tab->agentPanel()->run() != nullptr; }, 20000))
        qFatal("the agent run was not read");
    return tab;
}

// The first step of `kind` in the run, or -1.
int firstStep(const AgentRun& run, GenAiKind kind) {
    for (size_t i = 0; i < run.steps.size(); ++i)
        if (run.steps[i].kind == kind) return int(i);
    return -1;
}

}  // namespace

class AgentViewTest : public QObject {
    Q_OBJECT
private slots:
    void init() { QSettings().clear(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
    }

    void theModelIsAValidTree_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("weather") << QString::fromLatin1(kWeather);
        QTest::newRow("jaeger") << QString::fromLatin1(kJaegerGenAi);
        QTest::newRow("strace") << QString::fromLatin1(kStrace);
    }
    void theModelIsAValidTree() {
        QFETCH(QString, file);
        auto loaded = ui::test::loadSnapshot(file.toUtf8().constData());
        const Trace& trace = *loaded->file->traces.at(0);
        auto run = std::make_shared<const AgentRun>(analyzeAgentRun(trace, PriceTable::builtIn()));
        QVERIFY(run->isAgentTrace);
        AgentStepsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(run);
        // Every step is in the tree once, under its invocation.
        int rows = 0;
        std::function<void(const QModelIndex&)> count = [&](const QModelIndex& parent) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                ++rows;
                count(model.index(r, 0, parent));
            }
        };
        count({});
        QCOMPARE(rows, int(run->steps.size()));
        for (size_t i = 0; i < run->steps.size(); ++i) {
            const QModelIndex index = model.indexOfStep(i);
            QCOMPARE(model.stepAt(index), int(i));
            QCOMPARE(model.data(index.siblingAtColumn(AgentStepsModel::Step)).toInt(), int(i) + 1);
            const int32_t parent = run->steps[i].parentStep;
            if (parent >= 0) QCOMPARE(model.stepAt(model.parent(index)), int(parent));
        }
        model.setRun(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void theAgentTabIsShownForAgentTraces_data() { theModelIsAValidTree_data(); }
    void theAgentTabIsShownForAgentTraces() {
        QFETCH(QString, file);
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        TraceTab* tab = openAndRead(w, ui::test::fixture(file.toUtf8().constData()));
        QTRY_VERIFY(tab->isAgentTabShown());
        QCOMPARE(tab->bottomTabs()->currentWidget(), tab->agentPanel());
        const AgentRun& run = *tab->agentPanel()->run();
        QVERIFY(!run.steps.empty());
        QVERIFY(
            tab->agentPanel()->whatHappened()->text().contains(QStringLiteral("What happened")));
        QVERIFY(tab->agentPanel()->totals()->text().contains(QStringLiteral("run")));
        qInfo() << file << run.steps.size() << "steps," << run.whatHappened.changes.size()
                << "changes";
        for (const std::string& line : run.whatHappened.lines)
            qInfo() << "  " << line.c_str();
    }

    void theAgentTabIsHiddenForOtherTraces() {
        MainWindow w;
        w.show();
        TraceTab* tab = openAndRead(w, QStringLiteral(ROOTLINE_DEMO_TRACE));
        QVERIFY(!tab->agentPanel()->run()->isAgentTrace);
        QVERIFY(!tab->isAgentTabShown());
        QVERIFY(tab->bottomTabs()->currentWidget() != tab->agentPanel());
    }

    void stepsMessagesAndClicks() {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        TraceTab* tab = openAndRead(w, ui::test::fixture(kWeather));
        AgentPanel* panel = tab->agentPanel();
        const AgentRun& run = *panel->run();
        const int tool = firstStep(run, GenAiKind::ToolCall);
        QVERIFY(tool >= 0);
        const QModelIndex toolIndex = panel->model()->indexOfStep(size_t(tool));
        QCOMPARE(panel->model()->data(toolIndex.siblingAtColumn(AgentStepsModel::Name)).toString(),
                 QString::fromStdString(run.steps[size_t(tool)].toolName));
        QVERIFY(!run.steps[size_t(tool)].toolName.empty());

        // A click on the tool step selects its span in the waterfall and shows its details.
        QTreeView* view = panel->stepsView();
        view->scrollTo(toolIndex);
        const QRect rect = view->visualRect(toolIndex.siblingAtColumn(AgentStepsModel::Name));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(tab->waterfall()->currentSpan(), int32_t(run.steps[size_t(tool)].span));
        QVERIFY(panel->details()->toPlainText().contains(
            QString::fromStdString(run.steps[size_t(tool)].toolName)));

        // Messages: off until asked for.
        const int model = firstStep(run, GenAiKind::ModelCall);
        QVERIFY(model >= 0);
        view->setCurrentIndex(panel->model()->indexOfStep(size_t(model)));
        QVERIFY(!panel->messages()->isVisible());
        QVERIFY(!panel->showMessages()->isChecked());
        QVERIFY(panel->messages()->toPlainText().isEmpty());
        panel->showMessages()->click();
        QVERIFY(panel->messages()->isVisible());
        QVERIFY(!panel->messages()->toPlainText().isEmpty());
        panel->showMessages()->click();
        QVERIFY(!panel->messages()->isVisible());
    }

    void editedPricesAreSavedAndUsed() {
        const QString path = QString::fromStdString(PriceTable::userFilePath());
        QFile::remove(path);
        MainWindow w;
        w.show();
        TraceTab* tab = openAndRead(w, ui::test::fixture(kStrace));
        AgentPanel* panel = tab->agentPanel();
        const double before = panel->run()->total.costUsd;
        QVERIFY(before > 0);
        bool edited = false;
        QTimer::singleShot(0, panel, [panel, &edited] {
            auto* dialog = panel->findChild<QDialog*>(QStringLiteral("agentPricesDialog"));
            QVERIFY(dialog);
            auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("agentPricesTable"));
            QVERIFY(table);
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("claude-sonnet-4-5")));
            table->setItem(row, 1, new QTableWidgetItem(QStringLiteral("1000")));
            table->setItem(row, 2, new QTableWidgetItem(QStringLiteral("1000")));
            edited = true;
            dialog->accept();
        });
        panel->editPricesButton()->click();
        QVERIFY(edited);
        // Saved on a worker, then the run is read again with the new prices.
        QTRY_VERIFY_WITH_TIMEOUT(panel->run()->total.costUsd > before * 10, 10000);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("claude-sonnet-4-5"));
        saved.close();
        QFile::remove(path);
    }

    void whatHappenedNamesTheStateChange() {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        TraceTab* tab = openAndRead(w, ui::test::fixture(kStrace));
        const AgentRun& run = *tab->agentPanel()->run();
        QVERIFY(!run.whatHappened.changes.empty());
        const StateChange& change = run.whatHappened.changes.front();
        const QString text = tab->agentPanel()->whatHappened()->text();
        QVERIFY2(text.contains(QString::fromStdString(change.action).toHtmlEscaped()),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("state-changing")));
        // The first state change is selected, its decision and what it touched on view.
        QCOMPARE(tab->agentPanel()->model()->stepAt(tab->agentPanel()->stepsView()->currentIndex()),
                 int(change.step));
        const QString details = tab->agentPanel()->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Why:")), qPrintable(details));
        QVERIFY(!change.touched.empty());
        QVERIFY2(details.contains(QStringLiteral("Touched:")) &&
                     details.contains(QString::fromStdString(change.touched.front().name)),
                 qPrintable(details));

        const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (dir.isEmpty()) return;
        QTest::qWait(200);
        const QString path = QString::fromLocal8Bit(dir) + QStringLiteral("/screenshot-agent.png");
        QVERIFY2(w.grab().save(path), qPrintable(path));
    }
};

QTEST_MAIN(AgentViewTest)
#include "agent_view_test.moc"
