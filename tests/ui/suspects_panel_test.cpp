// SuspectsPanel on its own (what it says before, without and after a ranking; clicks, Enter
// and the highlight that follows the waterfall) and wired into a trace tab on the demo trace:
// a click on a suspect selects its span in the waterfall, scrolls to it and shows it in the
// details with its rank and reasons; r in the waterfall moves the highlight in the list.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

#include "analysis/suspect_ranking.h"
#include "load_task.h"
#include "span_details/span_details_panel.h"
#include "span_details/suspect_summary.h"
#include "suspects/suspect_text.h"
#include "suspects/suspects_model.h"
#include "suspects/suspects_panel.h"
#include "suspects/trace_analysis_runner.h"
#include "suspects_test_support.h"
#include "trace_tab.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

QPoint centreOf(QTreeView* view, int row, int column = SuspectsModel::SpanColumn) {
    return view->visualRect(view->model()->index(row, column)).center();
}

std::shared_ptr<const LoadedFile> demoFile() {
    LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    if (!r.ok()) qFatal("demo trace did not load");
    return summarizeFile(std::move(r.file));
}

}  // namespace

class SuspectsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void saysWhatItIsDoing();
    void aClickOrEnterPicksTheSuspect();
    void theHighlightFollowsTheWaterfallSilently();
    void inATraceTabAClickSelectsTheSpanEverywhere();
};

void SuspectsPanelTest::saysWhatItIsDoing() {
    SuspectsPanel panel;
    QAbstractItemModelTester viewModel(panel.view()->model(), kQtTest);
    panel.resize(900, 220);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.placeholderText(), QStringLiteral("No trace"));

    const auto quiet = test::traceFromJson(test::quietTraceJson());
    panel.setTrace(quiet);
    QCOMPARE(panel.placeholderText(), QStringLiteral("Ranking suspects…"));
    panel.setRanking(std::make_shared<const Ranking>(rankSuspects(*quiet)));
    QCOMPARE(panel.placeholderText(),
             QStringLiteral("No suspects: no span failed and no span stands out"));
    QVERIFY(!panel.view()->isVisible());
    auto* title = panel.findChild<QLabel*>(QStringLiteral("suspectsTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Suspects"));

    const auto checkout = test::traceFromJson(test::kCheckoutJson);
    panel.setTrace(checkout);
    const auto ranking = std::make_shared<const Ranking>(rankSuspects(*checkout));
    panel.setRanking(ranking);
    QVERIFY(panel.placeholderText().isEmpty());
    QVERIFY(panel.view()->isVisible());
    QCOMPARE(panel.view()->model()->rowCount(), int(ranking->suspects.size()));
    QCOMPARE(title->text(), QStringLiteral("Suspects (%1)").arg(ranking->suspects.size()));
    // Sortable by clicking a header; the rank order is the default.
    QVERIFY(panel.view()->isSortingEnabled());
    QCOMPARE(panel.view()->header()->sortIndicatorSection(), int(SuspectsModel::RankColumn));
    // The keys that step through them are named, from the shortcut table.
    auto* keys = panel.findChild<QLabel*>(QStringLiteral("suspectsKeys"));
    QVERIFY(keys && keys->text().contains(QStringLiteral("R")));

    panel.setFailed(QStringLiteral("out of memory"));
    QCOMPARE(panel.placeholderText(), QStringLiteral("Could not rank the suspects: out of memory"));
    QCOMPARE(panel.view()->model()->rowCount(), 0);
}

void SuspectsPanelTest::aClickOrEnterPicksTheSuspect() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const Trace& t = *trace;
    // Three suspects, made by hand so there are rows to pick.
    auto r = std::make_shared<Ranking>();
    const uint32_t charge = test::spanNamed(t, "charge"), render = test::spanNamed(t, "render"),
                   query = test::spanNamed(t, "db.query");
    r->suspects = {{charge, 8, {{"a", "failed", 8}}, {}},
                   {render, 4, {{"b", "slow", 4}}, {}},
                   {query, 2, {{"c", "slower", 2}}, {}}};
    r->rankOfSpan.assign(t.spanCount(), 0);
    r->rankOfSpan[charge] = 1;
    r->rankOfSpan[render] = 2;
    r->rankOfSpan[query] = 3;
    SuspectsPanel panel;
    QAbstractItemModelTester viewModel(panel.view()->model(), kQtTest);
    panel.resize(900, 220);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setTrace(trace);
    panel.setRanking(r);
    QSignalSpy selected(&panel, &SuspectsPanel::spanSelected);
    QSignalSpy activated(&panel, &SuspectsPanel::spanActivated);
    QTreeView* view = panel.view();

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centreOf(view, 1));
    QVERIFY(selected.count() >= 1);
    QCOMPARE(selected.last().at(0).toUInt(), render);
    QCOMPARE(activated.count(), 0);

    selected.clear();
    QTest::keyClick(view, Qt::Key_Down);  // the arrow keys pick as well
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toUInt(), query);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.last().at(0).toUInt(), query);

    // Sorted by name, a row is still its own suspect.
    view->sortByColumn(SuspectsModel::SpanColumn, Qt::AscendingOrder);
    selected.clear();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centreOf(view, 0));  // "charge"
    QCOMPARE(selected.last().at(0).toUInt(), charge);
    // Clicking the current row again still asks (the waterfall may have moved on).
    selected.clear();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centreOf(view, 0));
    QCOMPARE(selected.count(), 1);
}

void SuspectsPanelTest::theHighlightFollowsTheWaterfallSilently() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const auto ranking = std::make_shared<const Ranking>(rankSuspects(*trace));
    QVERIFY(!ranking->suspects.empty());
    SuspectsPanel panel;
    panel.setTrace(trace);
    panel.setRanking(ranking);
    QSignalSpy selected(&panel, &SuspectsPanel::spanSelected);
    const uint32_t first = ranking->suspects[0].span;
    panel.setCurrentSpan(int32_t(first));
    const QModelIndex current = panel.view()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(SuspectsModel::SpanRole).toUInt(), first);
    QVERIFY(panel.view()->selectionModel()->isRowSelected(current.row(), QModelIndex()));
    // A span that is no suspect clears the highlight.
    int32_t innocent = -1;
    for (size_t s = 0; s < trace->spanCount(); ++s)
        if (ranking->rankOfSpan[s] == 0) innocent = int32_t(s);
    QVERIFY(innocent >= 0);
    panel.setCurrentSpan(innocent);
    QVERIFY(!panel.view()->currentIndex().isValid());
    QVERIFY(panel.view()->selectionModel()->selectedRows().isEmpty());
    panel.setCurrentSpan(-1);
    QCOMPARE(selected.count(), 0);  // none of it was the user's pick
}

void SuspectsPanelTest::inATraceTabAClickSelectsTheSpanEverywhere() {
    TraceTab tab(demoFile(), 0);
    tab.resize(1280, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QSignalSpy finished(&tab, &TraceTab::analysisFinished);
    QVERIFY(tab.isAnalyzing() || tab.analysis());
    if (!tab.analysis()) QVERIFY(finished.wait(20000));
    QVERIFY(!tab.isAnalyzing());
    const TraceAnalysis* analysis = tab.analysis();
    QVERIFY(analysis && analysis->ranking);
    const Ranking& ranking = *analysis->ranking;
    QVERIFY2(ranking.suspects.size() >= 3, "the demo incident has several suspects");
    QCOMPARE(tab.waterfall()->ranking(), analysis->ranking.get());
    QCOMPARE(tab.waterfall()->criticalPath(), analysis->criticalPath.get());

    // Scroll the waterfall to the top, then click suspect #3 (sorted by rank).
    tab.waterfall()->scrollToRow(0);
    QTreeView* list = tab.suspects()->view();
    QTRY_VERIFY(list->isVisible());
    const uint32_t third = ranking.suspects[2].span;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, centreOf(list, 2));
    WaterfallView* w = tab.waterfall();
    QCOMPARE(w->currentSpan(), int32_t(third));
    const int row = w->rows()->rowOf(third);
    QVERIFY(row >= w->firstVisibleRow() && row < w->firstVisibleRow() + w->visibleRowCount());
    QCOMPARE(tab.details()->span(), int32_t(third));
    QCOMPARE(
        tab.details()->suspectSummary()->title(),
        QStringLiteral("Suspect #3 — score %1").arg(suspectScoreText(ranking.suspects[2].score)));
    QVERIFY(tab.details()->suspectSummary()->reasons().contains(
        QString::fromStdString(ranking.suspects[2].reasons.front().text)));
    QCOMPARE(QApplication::focusWidget(), list);  // a click leaves the focus in the list

    // Enter hands the focus to the waterfall; r there goes to #4 and the list follows.
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), w);
    QTest::keyClick(w, Qt::Key_R);
    QCOMPARE(w->currentSpan(), int32_t(ranking.suspects[3 % ranking.suspects.size()].span));
    QCOMPARE(list->currentIndex().data(SuspectsModel::RankRole).toUInt(),
             quint32(3 % ranking.suspects.size() + 1));
    // A span that is no suspect shows no suspect section.
    w->setCurrentSpan(int32_t(tab.trace().roots[0]));
    if (ranking.rankOfSpan[tab.trace().roots[0]] == 0)
        QVERIFY(tab.details()->suspectSummary()->title().isEmpty());
}

QTEST_MAIN(SuspectsPanelTest)
#include "suspects_panel_test.moc"
