// FindBar with real traces: what typing emits (checked against searchSpans itself), the
// debounce, Enter searching at once and then stepping, a stale search never reaching the
// waterfall (on a generated 300k-span trace, where a search takes long enough to be overtaken),
// the busy hint, Esc, the filter toggle and the hidden-counts label.

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QtTest>

#include "colors.h"
#include "logging.h"
#include "test_support.h"
#include "trace_view/find_bar.h"
#include "trace_view/span_search_runner.h"
#include "view/span_search.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kGenAi = "jaeger/ui-genai-57spans-10svc-error.json";
const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";

using Matches = std::shared_ptr<const std::vector<uint8_t>>;

std::shared_ptr<const Trace> fixtureTrace(const char* relative) {
    return test::loadSnapshot(relative)->file->traces[0];
}

std::vector<uint8_t> expectedMatches(const Trace& trace, const char* query) {
    return searchSpans(trace, parseSearchQuery(query));
}

quint32 ones(const std::vector<uint8_t>& v) {
    return quint32(std::count(v.begin(), v.end(), uint8_t(1)));
}

template <typename T>
T* child(const QWidget& w, const char* name) {
    T* found = w.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

QLineEdit* edit(const FindBar& bar) {
    return child<QLineEdit>(bar, "findEdit");
}

QString countText(const FindBar& bar) {
    return child<QLabel>(bar, "findCount")->text();
}

QLabel* hidden(const FindBar& bar) {
    return child<QLabel>(bar, "findHidden");
}

SpanSearchRunner* runner(const FindBar& bar) {
    auto* found = bar.findChild<SpanSearchRunner*>();
    if (!found) qFatal("no search runner");
    return found;
}

Matches matchesOf(const QSignalSpy& spy, int i) {
    return spy.at(i).at(0).value<Matches>();
}

// Every term needs each span's id as text (a hex term): slow enough on 300k spans to be
// overtaken by a newer query.
const char* const kSlowQuery = "0000 0000 0000 0000 0000 0000 0000 0000 0000 0000";
const char* const kSlowQueryOp7 = "op7 0000 0000 0000 0000 0000 0000 0000 0000 0000";

}  // namespace

class TraceViewFindBarTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::shared_ptr<const Trace> large_;

    // The 300k-span trace, written and loaded once for the tests that need slow searches.
    const std::shared_ptr<const Trace>& large() {
        if (!large_) {
            const QString path = test::writeLargeJaeger(dir_, test::kLargeSpans);
            LoadResult r = loadTraceFile(path.toStdString());
            if (!r.ok()) qFatal("large trace did not load: %s", r.error.message.c_str());
            large_ = r.file->traces[0];
        }
        return large_;
    }

private slots:
    void initTestCase() {
        // Thousands separators, so the test sees that numbers go through QLocale.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void typingEmitsTheMatchesOfSearchSpans() {
        const auto trace = fixtureTrace(kGenAi);
        FindBar bar;
        bar.setTrace(trace);
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QVERIFY(edit(bar)->placeholderText().contains(QStringLiteral("key=value")));

        for (const char* query : {"GET", "http.response.status_code=500", "\"POST /api/graphql\"",
                                  "coding-agent tool"}) {
            edit(bar)->clear();
            spy.clear();
            QTest::keyClicks(edit(bar), QString::fromUtf8(query));
            QTRY_COMPARE(spy.count(), 1);
            const std::vector<uint8_t> expected = expectedMatches(*trace, query);
            QVERIFY2(ones(expected) > 0, query);  // a query that matches nothing proves little
            QVERIFY(matchesOf(spy, 0));
            QCOMPARE(*matchesOf(spy, 0), expected);
            QCOMPARE(spy.at(0).at(1).value<quint32>(), ones(expected));
            QCOMPARE(countText(bar), ones(expected) == 1
                                         ? QStringLiteral("1 match")
                                         : QStringLiteral("%1 matches").arg(ones(expected)));
            QCOMPARE(bar.query(), QString::fromUtf8(query));
        }
        // The HTTP 500 is one span.
        QCOMPARE(ones(expectedMatches(*trace, "http.response.status_code=500")), 1u);
    }

    void rapidTypingIsOneSearch() {
        const auto trace = fixtureTrace(kGenAi);
        FindBar bar;
        bar.setTrace(trace);
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        // A fast typist: the event loop runs between the keys, so a search per key would start.
        QTest::keyClicks(edit(bar), QStringLiteral("coding-agent"), Qt::NoModifier, 20);
        // Nothing searched yet: the debounce is waiting for the typing to stop.
        QCOMPARE(spy.count(), 0);
        QVERIFY(!bar.isSearching());
        QTRY_COMPARE(spy.count(), 1);
        QTest::qWait(FindBar::kDebounceMs * 2);
        QCOMPARE(spy.count(), 1);
        // Every search started either reports or is dropped: one search in all.
        QCOMPARE(runner(bar)->droppedResults(), quint64(0));
        QCOMPARE(*matchesOf(spy, 0), expectedMatches(*trace, "coding-agent"));
        QCOMPARE(spy.at(0).at(1).value<quint32>(), 19u);

        // A trailing space parses to the same terms: not searched again.
        QTest::keyClick(edit(bar), Qt::Key_Space);
        QTest::qWait(FindBar::kDebounceMs * 2);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!bar.isSearching());
    }

    void enterSearchesAtOnceThenSteps() {
        const auto trace = fixtureTrace(kGenAi);
        FindBar bar;
        bar.setTrace(trace);
        bar.show();
        bar.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&bar));
        QStringList order;
        connect(&bar, &FindBar::matchesChanged, &bar, [&] { order << "matches"; });
        connect(&bar, &FindBar::nextRequested, &bar, [&] { order << "next"; });
        connect(&bar, &FindBar::previousRequested, &bar, [&] { order << "previous"; });

        QTest::keyClicks(edit(bar), QStringLiteral("agent"));
        QTest::keyClick(edit(bar), Qt::Key_Return);
        // No waiting for the debounce: the search runs, and the step waits for its results.
        QVERIFY(bar.isSearching());
        QTRY_COMPARE(order, (QStringList{"matches", "next"}));

        QTest::keyClick(edit(bar), Qt::Key_Enter);
        QTest::keyClick(edit(bar), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(order.mid(2), (QStringList{"next", "previous"}));
        QTest::mouseClick(child<QToolButton>(bar, "findNext"), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(bar, "findPrevious"), Qt::LeftButton);
        QCOMPARE(order.mid(4), (QStringList{"next", "previous"}));
        // F3 is the window's: it steps wherever the focus is.
        QTest::keyClick(&bar, Qt::Key_F3);
        QTest::keyClick(&bar, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(order.mid(6), (QStringList{"next", "previous"}));
        QCOMPARE(order.count(QStringLiteral("matches")), 1);

        bar.setCurrentMatch(3);
        const quint32 n = ones(expectedMatches(*trace, "agent"));
        QCOMPARE(countText(bar), QStringLiteral("3 of %1").arg(n));
        bar.setCurrentMatch(0);
        QCOMPARE(countText(bar), QStringLiteral("%1 matches").arg(n));
    }

    void f3StepsOnlyTheVisibleTabsBar() {
        // Two trace tabs in one window: the hidden tab's F3 must neither fire nor make the
        // shortcut ambiguous.
        const auto trace = fixtureTrace(kGenAi);
        QWidget window;
        auto* shown = new FindBar(&window);
        auto* other = new FindBar(&window);
        for (FindBar* bar : {shown, other}) {
            bar->setTrace(trace);
            QSignalSpy spy(bar, &FindBar::matchesChanged);
            edit(*bar)->setText(QStringLiteral("agent"));
            QTRY_COMPARE(spy.count(), 1);
        }
        other->hide();
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy shownNext(shown, &FindBar::nextRequested);
        QSignalSpy otherNext(other, &FindBar::nextRequested);
        QTest::keyClick(&window, Qt::Key_F3);
        QCOMPARE(shownNext.count(), 1);
        QCOMPARE(otherNext.count(), 0);
    }

    void noMatches() {
        FindBar bar;
        bar.setTrace(fixtureTrace(kGenAi));
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QSignalSpy next(&bar, &FindBar::nextRequested);
        QTest::keyClicks(edit(bar), QStringLiteral("no-such-thing-anywhere"));
        QTest::keyClick(edit(bar), Qt::Key_Return);
        QTRY_COMPARE(spy.count(), 1);
        QVERIFY(matchesOf(spy, 0));  // a result, with no 1 in it
        QCOMPARE(spy.at(0).at(1).value<quint32>(), 0u);
        QCOMPARE(countText(bar), QStringLiteral("No matches"));
        const QColor colour =
            child<QLabel>(bar, "findCount")->palette().color(QPalette::WindowText);
        QVERIFY(colour != bar.palette().color(QPalette::WindowText));
        QVERIFY(colour != errorTextColor());  // a warning, not an error
        QVERIFY(!child<QToolButton>(bar, "findNext")->isEnabled());
        QVERIFY(!child<QToolButton>(bar, "findPrevious")->isEnabled());
        QCOMPARE(next.count(), 0);
    }

    void escClearsAndEmitsCleared() {
        FindBar bar;
        bar.setTrace(fixtureTrace(kGenAi));
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QSignalSpy cleared(&bar, &FindBar::cleared);
        QTest::keyClicks(edit(bar), QStringLiteral("mcp"));
        QTRY_COMPARE(spy.count(), 1);
        QTest::keyClick(edit(bar), Qt::Key_Escape);
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(bar.query(), QString());
        // At once, not after the debounce: the waterfall drops its highlights with the text.
        QCOMPARE(spy.count(), 2);
        QVERIFY(!matchesOf(spy, 1));
        QCOMPARE(spy.at(1).at(1).value<quint32>(), 0u);
        QCOMPARE(countText(bar), QString());
        QTest::qWait(FindBar::kDebounceMs * 2);
        QCOMPARE(spy.count(), 2);
        // Esc on an empty query still hands the focus back.
        QTest::keyClick(edit(bar), Qt::Key_Escape);
        QCOMPARE(cleared.count(), 2);
        QCOMPARE(spy.count(), 2);
    }

    void theClearButtonClearsWithoutLeaving() {
        FindBar bar;
        bar.setTrace(fixtureTrace(kGenAi));
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QSignalSpy cleared(&bar, &FindBar::cleared);
        auto* clear = child<QToolButton>(bar, "findClear");
        QVERIFY(!clear->isEnabled());
        QTest::keyClicks(edit(bar), QStringLiteral("mcp"));
        QVERIFY(clear->isEnabled());
        QTRY_COMPARE(spy.count(), 1);
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(bar.query(), QString());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!matchesOf(spy, 1));
        QCOMPARE(cleared.count(), 0);
    }

    void filterToggleAndHiddenCounts() {
        FindBar bar;
        QSignalSpy filter(&bar, &FindBar::filterModeChanged);
        QVERIFY(!bar.filterMode());
        QVERIFY(!hidden(bar)->isVisibleTo(&bar));

        QTest::mouseClick(child<QToolButton>(bar, "findFilter"), Qt::LeftButton);
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.last().at(0).toBool(), true);
        QVERIFY(bar.filterMode());
        QVERIFY(hidden(bar)->isVisibleTo(&bar));
        QCOMPARE(hidden(bar)->text(), QStringLiteral("No spans hidden"));

        bar.setHiddenCounts(1204, 3);
        QCOMPARE(hidden(bar)->text(), QStringLiteral("1,204 spans hidden (3 errors)"));
        QCOMPARE(hidden(bar)->palette().color(QPalette::WindowText), errorTextColor());
        bar.setHiddenCounts(1, 1);
        QCOMPARE(hidden(bar)->text(), QStringLiteral("1 span hidden (1 error)"));
        bar.setHiddenCounts(7, 1);
        QCOMPARE(hidden(bar)->text(), QStringLiteral("7 spans hidden (1 error)"));
        bar.setHiddenCounts(1, 0);
        QCOMPARE(hidden(bar)->text(), QStringLiteral("1 span hidden"));
        QVERIFY(hidden(bar)->palette().color(QPalette::WindowText) != errorTextColor());

        // Filter off: the service filter may still hide spans, and that shows.
        QTest::mouseClick(child<QToolButton>(bar, "findFilter"), Qt::LeftButton);
        QCOMPARE(filter.count(), 2);
        QCOMPARE(filter.last().at(0).toBool(), false);
        QVERIFY(hidden(bar)->isVisibleTo(&bar));
        bar.setHiddenCounts(0, 0);
        QVERIFY(!hidden(bar)->isVisibleTo(&bar));
        bar.setHiddenCounts(25, 0);
        QVERIFY(hidden(bar)->isVisibleTo(&bar));
        QCOMPARE(hidden(bar)->text(), QStringLiteral("25 spans hidden"));
        bar.setHiddenCounts(0, 0);
        QVERIFY(!hidden(bar)->isVisibleTo(&bar));
    }

    void setTraceKeepsTheQuery() {
        const auto genai = fixtureTrace(kGenAi);
        FindBar bar;
        bar.setTrace(genai);
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QTest::keyClicks(edit(bar), QStringLiteral("service"));
        QTRY_COMPARE(spy.count(), 1);

        // The same trace again: nothing happens.
        bar.setTrace(genai);
        QTest::qWait(FindBar::kDebounceMs * 2);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(bar.query(), QStringLiteral("service"));

        // Another trace: the old results go at once, the same query runs on the new spans.
        const auto edge = fixtureTrace(kEdgeCases);
        bar.setTrace(edge);
        QCOMPARE(spy.count(), 2);
        QVERIFY(!matchesOf(spy, 1));
        QTRY_COMPARE(spy.count(), 3);
        QCOMPARE(*matchesOf(spy, 2), expectedMatches(*edge, "service"));
        QCOMPARE(matchesOf(spy, 2)->size(), edge->spanCount());
        QCOMPARE(bar.query(), QStringLiteral("service"));

        bar.setTrace(nullptr);
        QCOMPARE(spy.count(), 4);
        QVERIFY(!matchesOf(spy, 3));
        QTest::qWait(FindBar::kDebounceMs * 2);
        QCOMPARE(spy.count(), 4);
    }

    void activateFocusesAndSelects() {
        FindBar bar;
        bar.show();
        bar.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&bar));
        edit(bar)->setText(QStringLiteral("checkout"));
        edit(bar)->deselect();
        edit(bar)->clearFocus();
        bar.activate();
        QVERIFY(edit(bar)->hasFocus());
        QCOMPARE(edit(bar)->selectedText(), QStringLiteral("checkout"));
    }

    void aStaleSearchNeverEmits() {
        const auto& trace = large();
        {
            QElapsedTimer timer;
            timer.start();
            const auto v = expectedMatches(*trace, kSlowQuery);
            qCInfo(lcWindow) << "slow query on" << trace->spanCount() << "spans:" << timer.elapsed()
                             << "ms," << ones(v) << "matches";
        }
        FindBar bar;
        bar.setTrace(trace);
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QSignalSpy next(&bar, &FindBar::nextRequested);

        edit(bar)->setText(QString::fromLatin1(kSlowQuery));
        QTest::keyClick(edit(bar), Qt::Key_Return);
        QVERIFY(bar.isSearching());
        // The user refines the query while the first search runs.
        edit(bar)->setText(QString::fromLatin1(kSlowQueryOp7));
        QTest::keyClick(edit(bar), Qt::Key_Return);
        QVERIFY(bar.isSearching());

        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 20000);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1);
        QVERIFY(!bar.isSearching());
        // The first search did come back, and was thrown away.
        QCOMPARE(runner(bar)->droppedResults(), quint64(1));
        const std::vector<uint8_t> expected = expectedMatches(*trace, kSlowQueryOp7);
        QCOMPARE(ones(expected), quint32(test::kLargeSpans / 50));
        QCOMPARE(spy.at(0).at(1).value<quint32>(), ones(expected));
        QVERIFY(*matchesOf(spy, 0) == expected);
        // Both Enters asked for the next match; it is taken once, on the newest results.
        QCOMPARE(next.count(), 1);
    }

    void busyHintWhileSearchingALargeTrace() {
        const auto& trace = large();
        FindBar bar;
        bar.setTrace(trace);
        QSignalSpy spy(&bar, &FindBar::matchesChanged);
        QStringList seen;
        QTest::keyClicks(edit(bar), QString::fromLatin1(kSlowQuery));
        QTest::keyClick(edit(bar), Qt::Key_Return);
        while (spy.isEmpty() && seen.size() < 2000) {
            QTest::qWait(5);
            if (seen.isEmpty() || seen.last() != countText(bar)) seen << countText(bar);
        }
        QVERIFY2(seen.contains(QStringLiteral("Searching…")), qPrintable(seen.join('|')));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(countText(bar),
                 QStringLiteral("%1 matches").arg(QLocale().toString(quint32(test::kLargeSpans))));
    }
};

QTEST_MAIN(TraceViewFindBarTest)
#include "trace_view_find_bar_test.moc"
