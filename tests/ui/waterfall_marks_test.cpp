// The waterfall's marks of the analysis: rank badges on the suspects' rows (tree and bars), the
// critical path through the bars and its toggle, and r / Shift+R (F7) stepping through the
// suspects by rank. The ranking and the path are made by hand here, so what is tested is the
// drawing and the keys, not the ranker.

#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

#include "colors.h"
#include "formats/load.h"
#include "shortcuts.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

std::shared_ptr<const Trace> traceFromJson(const QByteArray& json) {
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "inline.json");
    if (!r.ok() || r.file->traces.empty()) qFatal("inline trace did not load");
    return r.file->traces[0];
}

uint32_t spanNamed(const Trace& t, std::string_view name) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.nameOf(i) == name) return uint32_t(i);
    qFatal("no span named %s", std::string(name).c_str());
}

// Counts pixels of `color` (within a small tolerance) inside `area` of the picture.
int pixelsLike(const QImage& image, const QRect& area, const QColor& color, int tolerance = 12) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < tolerance &&
                std::abs(c.green() - color.green()) < tolerance &&
                std::abs(c.blue() - color.blue()) < tolerance)
                ++n;
        }
    return n;
}

// root(front) → a(back, error) → a1 ; root → b(back) → b1 ; c(front) at the end. Wide bars,
// so a critical section has room for many pixels.
const QByteArray kTrace = R"({"traceID":"1","spans":[
  {"spanID":"1","operationName":"root","startTime":1000,"duration":1000,"processID":"p1"},
  {"spanID":"2","parentSpanID":"1","operationName":"a","startTime":1050,"duration":500,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}]},
  {"spanID":"3","parentSpanID":"1","operationName":"b","startTime":1600,"duration":300,
   "processID":"p2"},
  {"spanID":"4","parentSpanID":"2","operationName":"a1","startTime":1060,"duration":50,
   "processID":"p2"},
  {"spanID":"5","parentSpanID":"3","operationName":"b1","startTime":1610,"duration":50,
   "processID":"p2"},
  {"spanID":"6","parentSpanID":"1","operationName":"c","startTime":1920,"duration":60,
   "processID":"p1"}],
  "processes":{"p1":{"serviceName":"front"},"p2":{"serviceName":"back"}}})";

struct Fixture {
    Fixture() {
        trace = traceFromJson(kTrace);
        const Trace& t = *trace;
        a = spanNamed(t, "a");
        b = spanNamed(t, "b");
        b1 = spanNamed(t, "b1");
        root = spanNamed(t, "root");
        // #1 a; #2 b, standing for b1 too.
        auto r = std::make_shared<Ranking>();
        r->suspects = {{a, 9.5, {{"error_origin", "failed", 9.5}}, {}},
                       {b, 3.0, {{"self_time_outlier", "slow", 3.0}}, {b1}}};
        r->rankOfSpan.assign(t.spanCount(), 0);
        r->rankOfSpan[a] = 1;
        r->rankOfSpan[b] = 2;
        r->rankOfSpan[b1] = 2;
        ranking = r;
        // a is critical in its second half; b over all of it.
        auto p = std::make_shared<CriticalPath>();
        const int64_t aMid = t.start[a] + t.duration[a] / 2;
        p->sections = {{a, aMid, t.end(a)}, {b, t.start[b], t.end(b)}};
        std::sort(p->sections.begin(), p->sections.end(),
                  [](const CriticalSection& x, const CriticalSection& y) {
                      return std::tie(x.span, x.startNs) < std::tie(y.span, y.startNs);
                  });
        p->criticalNs.assign(t.spanCount(), 0);
        p->criticalNs[a] = t.end(a) - aMid;
        p->criticalNs[b] = t.duration[b];
        path = p;

        auto* layout = new QVBoxLayout(&window);
        view = new WaterfallView;
        layout->addWidget(view);
        window.resize(1200, 500);
        view->setTrace(trace);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window)) qFatal("window not exposed");
        view->setFocus();
    }

    QImage picture() { return view->viewport()->grab().toImage(); }
    QRect rowOf(uint32_t span) const { return view->rowRect(view->rows()->rowOf(span)); }
    // x of time `ns` (absolute) in the viewport.
    int xOf(int64_t ns) const {
        const WaterfallFrame f = view->frame();
        return int(f.geometry.barsLeft() + view->scale().toX(double(ns - trace->startNs)));
    }
    QRect treeMarks(uint32_t span) const {
        const QRect row = rowOf(span);
        return {view->treeColumnWidth() - 90, row.top(), 90, row.height()};
    }
    QRect bars(uint32_t span) const {
        const QRect row = rowOf(span);
        const int left = view->treeColumnWidth() + WaterfallGeometry::kDivider;
        return {left, row.top(), row.width() - left, row.height()};
    }

    std::shared_ptr<const Trace> trace;
    std::shared_ptr<const Ranking> ranking;
    std::shared_ptr<const CriticalPath> path;
    uint32_t a = 0, b = 0, b1 = 0, root = 0;
    QWidget window;
    WaterfallView* view = nullptr;
};

}  // namespace

class WaterfallMarksTest : public QObject {
    Q_OBJECT
private slots:
    void suspectsCarryTheirRankBadge();
    void theCriticalPathIsDrawnAndToggles();
    void rStepsThroughTheSuspectsByRank();
    void analysisOfAnotherTraceIsIgnored();
};

void WaterfallMarksTest::suspectsCarryTheirRankBadge() {
    Fixture f;
    const QColor violet = suspectBadgeColor(f.view->palette());
    QCOMPARE(pixelsLike(f.picture(), f.view->viewport()->rect(), violet), 0);  // not ranked yet

    f.view->setAnalysis(f.ranking, f.path);
    const QImage shot = f.picture();
    for (uint32_t suspect : {f.a, f.b, f.b1}) {  // b1 is folded into #2 and shows its rank
        QVERIFY2(pixelsLike(shot, f.treeMarks(suspect), violet) > 40,
                 qPrintable(QString::fromUtf8(f.trace->nameOf(suspect))));
        QVERIFY(pixelsLike(shot, f.bars(suspect), violet) > 40);
    }
    for (const char* other : {"root", "a1", "c"}) {
        const uint32_t s = spanNamed(*f.trace, other);
        QCOMPARE(pixelsLike(shot, f.treeMarks(s), violet), 0);
        QCOMPARE(pixelsLike(shot, f.bars(s), violet), 0);
    }
    // The badge does not push the error marker out: a keeps both.
    QVERIFY(pixelsLike(shot, f.treeMarks(f.a), errorTextColor(f.view->palette())) > 10);

    // A dark theme: the lighter violet, still there.
    QPalette dark(QColor(0x31, 0x36, 0x3b));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    f.view->setPalette(dark);
    const QImage darkShot = f.picture();
    QVERIFY(suspectBadgeColor(dark) != violet);
    QVERIFY(pixelsLike(darkShot, f.treeMarks(f.a), suspectBadgeColor(dark)) > 40);
}

void WaterfallMarksTest::theCriticalPathIsDrawnAndToggles() {
    Fixture f;
    f.view->setAnalysis(f.ranking, f.path);
    QVERIFY(f.view->criticalPathShown());  // on by default
    const Trace& t = *f.trace;
    const QRect rowA = f.rowOf(f.a);
    const int y = rowA.center().y();
    // In a's critical half, and in its first half that is not critical.
    const int critical = f.xOf(t.start[f.a] + t.duration[f.a] * 3 / 4);
    const int notCritical = f.xOf(t.start[f.a] + t.duration[f.a] / 4);

    QImage on = f.picture();
    QVERIFY2(on.pixelColor(critical, y).lightness() < 60,
             qPrintable(on.pixelColor(critical, y).name()));
    const QColor barColour = on.pixelColor(notCritical, y);
    QVERIFY(barColour.lightness() > 80);  // the service colour, no strip
    // The strip is in the middle of the bar: above it, the bar's own colour.
    QCOMPARE(on.pixelColor(critical, rowA.top() + rowA.height() / 2 - 3), barColour);

    QSignalSpy toggled(f.view, &WaterfallView::criticalPathShownChanged);
    QTest::keyClick(f.view, Qt::Key_C);  // the key from the shortcut table
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled.at(0).at(0).toBool(), false);
    QVERIFY(!f.view->criticalPathShown());
    const QImage off = f.picture();
    QCOMPARE(off.pixelColor(critical, y), barColour);
    QVERIFY(on.copy(f.bars(f.b)) != off.copy(f.bars(f.b)));       // b's strip is gone as well
    QCOMPARE(off.copy(f.bars(f.root)), on.copy(f.bars(f.root)));  // off the path: unchanged

    f.view->setCriticalPathShown(true);
    QCOMPARE(toggled.count(), 2);
    QCOMPARE(f.picture().pixelColor(critical, y), on.pixelColor(critical, y));
    f.view->setCriticalPathShown(true);  // no change, no signal
    QCOMPARE(toggled.count(), 2);
}

void WaterfallMarksTest::rStepsThroughTheSuspectsByRank() {
    Fixture f;
    QCOMPARE(f.view->currentSpan(), int32_t(f.root));
    QTest::keyClick(f.view, Qt::Key_R);  // nothing ranked yet: nothing happens
    QCOMPARE(f.view->currentSpan(), int32_t(f.root));

    f.view->setAnalysis(f.ranking, f.path);
    QTest::keyClick(f.view, Qt::Key_R);  // from no suspect: #1
    QCOMPARE(f.view->currentSpan(), int32_t(f.a));
    QTest::keyClick(f.view, Qt::Key_R);
    QCOMPARE(f.view->currentSpan(), int32_t(f.b));
    QTest::keyClick(f.view, Qt::Key_R);  // wraps to #1
    QCOMPARE(f.view->currentSpan(), int32_t(f.a));
    QTest::keyClick(f.view, Qt::Key_R, Qt::ShiftModifier);  // back, wrapping to the last
    QCOMPARE(f.view->currentSpan(), int32_t(f.b));
    QTest::keyClick(f.view, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(f.view->currentSpan(), int32_t(f.a));
    f.view->setCurrentSpan(int32_t(f.b1));  // folded into #2: next is #3, i.e. #1 again
    QTest::keyClick(f.view, Qt::Key_F7);
    QCOMPARE(f.view->currentSpan(), int32_t(f.a));

    // Collapsed away: revealed (the selection went up to the root, no suspect: #1 again).
    // Hidden by a filter: skipped.
    f.view->perform(TraceAction::CollapseAll);
    QCOMPARE(f.view->currentSpan(), int32_t(f.root));
    QTest::keyClick(f.view, Qt::Key_R);
    QCOMPARE(f.view->currentSpan(), int32_t(f.a));
    QVERIFY(f.view->rows()->rowOf(f.a) >= 0);
    f.view->setVisibleServices({1, 0});  // "back" hidden: both suspects are
    const int32_t before = f.view->currentSpan();
    QTest::keyClick(f.view, Qt::Key_R);
    QCOMPARE(f.view->currentSpan(), before);
}

void WaterfallMarksTest::analysisOfAnotherTraceIsIgnored() {
    Fixture f;
    auto wrong = std::make_shared<Ranking>(*f.ranking);
    wrong->rankOfSpan.resize(3);
    auto wrongPath = std::make_shared<CriticalPath>(*f.path);
    wrongPath->criticalNs.resize(2);
    f.view->setAnalysis(wrong, wrongPath);
    QVERIFY(!f.view->ranking());
    QVERIFY(!f.view->criticalPath());
    f.view->setAnalysis(f.ranking, f.path);
    QVERIFY(f.view->ranking());
    // A new trace forgets the old one's analysis.
    f.view->setTrace(traceFromJson(kTrace));
    QVERIFY(!f.view->ranking());
    QVERIFY(!f.view->criticalPath());
}

QTEST_MAIN(WaterfallMarksTest)
#include "waterfall_marks_test.moc"
