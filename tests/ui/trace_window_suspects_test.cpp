// The trace window's suspects and critical path as a user meets them, through the real load job
// on the demo trace: View › Show the critical path changes what the waterfall paints, is kept
// across sessions and follows the c key; View › Next/Previous suspect (F7) walk the ranking; a
// ranking weights file in the config folder is used, and a bad one is named in the banner.

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QThreadPool>
#include <QtTest>
#include <algorithm>
#include <optional>

#include "analysis/suspect_ranking.h"
#include "main_window.h"
#include "message_banner.h"
#include "span_details/span_details_panel.h"
#include "suspects/ranking_weights_file.h"
#include "suspects/suspects_panel.h"
#include "suspects/trace_analysis_runner.h"
#include "trace_tab.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

template <typename T>
T* child(const QObject& parent, const char* name) {
    T* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

// Opens the demo trace and waits for its tab's analysis.
TraceTab* openDemo(MainWindow& w) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(QStringLiteral(ROOTLINE_DEMO_TRACE));
    if (!settled.wait(20000)) qFatal("the demo did not load");
    TraceTab* tab = w.currentTraceTab();
    if (!tab) qFatal("no trace tab");
    if (!tab->analysis()) {
        QSignalSpy finished(tab, &TraceTab::analysisFinished);
        if (!finished.wait(20000)) qFatal("the analysis did not finish");
    }
    if (!QTest::qWaitFor([tab] { return tab->waterfall()->viewport()->width() > 400; }))
        qFatal("the tab was not laid out");
    return tab;
}

// A point on the waterfall where the critical path runs through a bar on screen: the middle of
// the widest critical section among the visible rows.
std::optional<QPoint> pointOnCriticalPath(const TraceTab& tab) {
    const WaterfallView* w = tab.waterfall();
    const CriticalPath* path = w->criticalPath();
    const Trace& t = tab.trace();
    const WaterfallFrame f = w->frame();
    std::optional<QPoint> best;
    double widest = 3;  // pixels: narrower sections are hard to hit
    for (int row = w->firstVisibleRow(); row < w->firstVisibleRow() + w->visibleRowCount(); ++row) {
        if (row >= int(w->rows()->rowCount())) break;
        const uint32_t span = w->rows()->spanAt(size_t(row));
        for (const CriticalSection& c : path->sectionsOf(span)) {
            const double x0 = f.geometry.barsLeft() + w->scale().toX(double(c.startNs - t.startNs));
            const double x1 = f.geometry.barsLeft() + w->scale().toX(double(c.endNs - t.startNs));
            if (x1 - x0 > widest) {
                widest = x1 - x0;
                best = QPoint(int((x0 + x1) / 2), w->rowRect(row).center().y());
            }
        }
    }
    return best;
}

}  // namespace

class TraceWindowSuspectsTest : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QSettings().clear();
        QFile::remove(rankingWeightsPath());
    }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
        QFile::remove(rankingWeightsPath());
    }

    void theCriticalPathToggleChangesThePictureAndIsKept() {
        {
            MainWindow w;
            w.show();
            TraceTab* tab = openDemo(w);
            auto* action = child<QAction>(w, "actionCriticalPath");
            QVERIFY(action->isCheckable());
            QVERIFY(action->isChecked());  // on by default
            QVERIFY(child<QMenu>(w, "menuView")->actions().contains(action));
            QVERIFY(action->isEnabled());
            QVERIFY(tab->waterfall()->criticalPathShown());

            // The span the root waits for longest, scrolled into view: the widest strip.
            const CriticalPath& path = *tab->waterfall()->criticalPath();
            const auto longest = std::max_element(path.criticalNs.begin(), path.criticalNs.end());
            QVERIFY(*longest > 0);
            tab->waterfall()->setCurrentSpan(int32_t(longest - path.criticalNs.begin()));
            const std::optional<QPoint> at = pointOnCriticalPath(*tab);
            QVERIFY2(at, "no critical section on screen");
            auto pixel = [&] {
                return tab->waterfall()->viewport()->grab().toImage().pixelColor(*at);
            };
            const QColor on = pixel();
            QVERIFY2(on.lightness() < 70, qPrintable(on.name()));  // the dark strip

            action->trigger();
            QVERIFY(!tab->waterfall()->criticalPathShown());
            const QColor off = pixel();
            QVERIFY2(off != on && off.lightness() > on.lightness() + 40, qPrintable(off.name()));
            QCOMPARE(QSettings().value(QStringLiteral("traceTab/criticalPath")).toBool(), false);

            // The key in the waterfall is the same toggle: the menu follows, and it is kept.
            tab->waterfall()->setFocus();
            QTest::keyClick(tab->waterfall(), Qt::Key_C);
            QVERIFY(action->isChecked());
            QCOMPARE(pixel(), on);
            QCOMPARE(QSettings().value(QStringLiteral("traceTab/criticalPath")).toBool(), true);
            QTest::keyClick(tab->waterfall(), Qt::Key_C);
            QVERIFY(!action->isChecked());
        }
        // The next session starts with it off, and so does its first tab.
        MainWindow w;
        w.restoreSettings();
        QVERIFY(!child<QAction>(w, "actionCriticalPath")->isChecked());
        w.show();
        TraceTab* tab = openDemo(w);
        QVERIFY(!tab->waterfall()->criticalPathShown());
    }

    void theSuspectsSplitterIsPartOfTheSavedLayout() {
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        // The waterfall above the suspects: a vertical splitter in the tab's left column. The
        // suspects are the first tab of the bottom area (Suspects | Logs | Metrics).
        QWidget* bottom = tab->bottomTabs();
        QVERIFY(bottom->isAncestorOf(tab->suspects()));
        QCOMPARE(tab->bottomTabs()->currentWidget(), static_cast<QWidget*>(tab->suspects()));
        auto* left = qobject_cast<QSplitter*>(bottom->parentWidget());
        QVERIFY(left && left->orientation() == Qt::Vertical);
        QCOMPARE(left->indexOf(bottom), 1);
        QVERIFY(left->widget(0)->isAncestorOf(tab->waterfall()));
        const QList<int> sizes = left->sizes();
        QVERIFY(sizes[0] > sizes[1] && sizes[1] > 80);  // the waterfall first, five suspects
        const QByteArray saved = tab->saveLayout();
        const int total = sizes[0] + sizes[1];
        left->setSizes({total / 2, total - total / 2});
        QVERIFY(left->sizes() != sizes);
        tab->restoreLayout(saved);
        QCOMPARE(left->sizes(), sizes);
    }

    void viewMenuWalksTheSuspectsByRank() {
        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        const Ranking& ranking = *tab->analysis()->ranking;
        QVERIFY(ranking.suspects.size() >= 2);
        QAction* next = nullptr;
        QAction* previous = nullptr;
        for (QAction* a : child<QMenu>(w, "menuView")->actions()) {
            if (a->text() == QStringLiteral("Next suspect (by rank)")) next = a;
            if (a->text() == QStringLiteral("Previous suspect")) previous = a;
        }
        QVERIFY(next && previous);
        QCOMPARE(next->shortcuts(), QList<QKeySequence>{QKeySequence(Qt::Key_F7)});
        QCOMPARE(previous->shortcuts(), QList<QKeySequence>{QKeySequence(Qt::SHIFT | Qt::Key_F7)});
        tab->waterfall()->setCurrentSpan(-1);
        next->trigger();
        QCOMPARE(tab->waterfall()->currentSpan(), int32_t(ranking.suspects[0].span));
        next->trigger();
        QCOMPARE(tab->waterfall()->currentSpan(), int32_t(ranking.suspects[1].span));
        previous->trigger();
        QCOMPARE(tab->waterfall()->currentSpan(), int32_t(ranking.suspects[0].span));
        QCOMPARE(tab->details()->span(), int32_t(ranking.suspects[0].span));
    }

    void aGoodWeightsFileIsUsed() {
        const Ranking standard = [] {
            MainWindow w;
            w.show();
            return *openDemo(w)->analysis()->ranking;
        }();
        const uint32_t top = standard.suspects[0].span;
        const RankingWeights defaults = RankingWeights::defaults();
        QVERIFY(QDir().mkpath(QFileInfo(rankingWeightsPath()).path()));
        QFile file(rankingWeightsPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"error_origin\": " + QByteArray::number(defaults.errorOrigin * 3) + "}");
        file.close();

        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        QVERIFY(!child<MessageBanner>(w, "outcomeBanner")->isVisible());
        const Ranking& custom = *tab->analysis()->ranking;
        double before = 0, after = 0;
        for (const Suspect& s : standard.suspects)
            if (s.span == top) before = s.score;
        for (const Suspect& s : custom.suspects)
            if (s.span == top) after = s.score;
        QVERIFY2(after != before, qPrintable(QStringLiteral("%1 = %2").arg(before).arg(after)));
    }

    void aBadWeightsFileIsNamedInTheBanner() {
        QVERIFY(QDir().mkpath(QFileInfo(rankingWeightsPath()).path()));
        QFile file(rankingWeightsPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"error_origin\": 5, \"blame_the_network\": 100}");
        file.close();

        MainWindow w;
        w.show();
        TraceTab* tab = openDemo(w);
        auto* banner = child<MessageBanner>(w, "outcomeBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
        const QString text = banner->text();
        QVERIFY2(text.contains(QStringLiteral("ranking-weights.json")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("blame_the_network")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("default weights")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\n')));
        // The defaults are used: the same ranking as without the file.
        const Ranking direct = rankSuspects(tab->trace());
        QCOMPARE(tab->analysis()->ranking->suspects.size(), direct.suspects.size());
        QCOMPARE(tab->analysis()->ranking->suspects[0].score, direct.suspects[0].score);
    }
};

QTEST_MAIN(TraceWindowSuspectsTest)
#include "trace_window_suspects_test.moc"
