// The waterfall and its minimap: keyboard, mouse, filters, markers and paint, on the demo trace
// (70 spans, one incident) and on broken and degenerate traces.

#include <QScrollBar>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

#include "colors.h"
#include "formats/load.h"
#include "waterfall/trace_minimap.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

std::shared_ptr<const Trace> demoTrace() {
    LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    if (!r.ok() || r.file->traces.size() != 1) qFatal("demo trace did not load");
    return r.file->traces[0];
}

std::shared_ptr<const Trace> traceFromJson(const QByteArray& json) {
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "inline.json");
    if (!r.ok() || r.file->traces.empty()) qFatal("inline trace did not load");
    return r.file->traces[0];
}

int32_t spanNamed(const Trace& t, std::string_view name) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.nameOf(i) == name) return static_cast<int32_t>(i);
    return -1;
}

void savePicture(QWidget& w, const char* name) {
    const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
    if (!dir.isEmpty())
        w.grab().save(QString::fromUtf8(dir) + QLatin1Char('/') + QLatin1String(name));
}

// Counts pixels of `color` (within a small tolerance) inside `area` of the picture.
int pixelsLike(const QImage& image, const QRect& area, const QColor& color) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 12 && std::abs(c.green() - color.green()) < 12 &&
                std::abs(c.blue() - color.blue()) < 12)
                ++n;
        }
    return n;
}

// root(front) → a(back, error) → a1 ; root → b(back) → b1 (back, orphan-free) ; an orphan
// whose parent is missing; one span with a clock-skew warning (child before its parent).
const QByteArray kSmall = R"({"traceID":"1","spans":[
  {"spanID":"1","operationName":"root","startTime":1000,"duration":1000,"processID":"p1"},
  {"spanID":"2","parentSpanID":"1","operationName":"a","startTime":1100,"duration":300,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}]},
  {"spanID":"3","parentSpanID":"1","operationName":"b","startTime":1500,"duration":400,
   "processID":"p2"},
  {"spanID":"4","parentSpanID":"2","operationName":"a1","startTime":1110,"duration":50,
   "processID":"p2"},
  {"spanID":"5","parentSpanID":"3","operationName":"b1","startTime":1400,"duration":50,
   "processID":"p2"},
  {"spanID":"6","parentSpanID":"99","operationName":"lost","startTime":1950,"duration":50,
   "processID":"p1"}],
  "processes":{"p1":{"serviceName":"front"},"p2":{"serviceName":"back"}}})";

class Fixture {
public:
    explicit Fixture(std::shared_ptr<const Trace> trace, QSize size = {1200, 600}) {
        auto* layout = new QVBoxLayout(&window);
        view = new WaterfallView;
        minimap = new TraceMinimap(view);
        layout->addWidget(minimap);
        layout->addWidget(view, 1);
        window.resize(size);
        view->setTrace(std::move(trace));
        window.show();
        if (!QTest::qWaitForWindowExposed(&window)) qFatal("window not exposed");
        view->setFocus();
    }
    const Trace& trace() const { return *view->trace(); }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(view, k, m); }
    void key(char c, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(view, c, m); }
    QImage picture() { return view->viewport()->grab().toImage(); }

    QWidget window;
    WaterfallView* view = nullptr;
    TraceMinimap* minimap = nullptr;
};

}  // namespace

class WaterfallViewTest : public QObject {
    Q_OBJECT
private slots:
    void showsTheWholeTraceExpanded();
    void arrowKeysMoveAndFoldTheTree();
    void jaegerKeysFoldLevelsAndAll();
    void nextAndPreviousErrorRevealCollapsedSpans();
    void errorMarkerBubblesToCollapsedAncestor();
    void zoomAndPanByKeyboardWheelAndDrag();
    void dragSelectZoomsToTheRange();
    void clickOnExpanderTogglesAndRowSelects();
    void dividerDragResizesTheTreeColumn();
    void findMatchesHighlightNavigateAndFilter();
    void serviceFilterHidesAndCounts();
    void selectingAHiddenSpanRevealsItAndPansTime();
    void collapsingKeepsTheTopRowInPlace();
    void minimapFramesTheViewAndMovesIt();
    void degenerateTracesPaint();
    void paintsInItsFrameBudgetOnTheDemo();
};

void WaterfallViewTest::showsTheWholeTraceExpanded() {
    Fixture f(demoTrace(), {1400, 800});
    QCOMPARE(f.view->rows()->rowCount(), f.trace().spanCount());
    QVERIFY(f.view->scale().isWholeTrace());
    QCOMPARE(f.view->currentSpan(), static_cast<int32_t>(f.trace().roots[0]));
    QVERIFY(!f.view->horizontalScrollBar()->isVisible());  // nothing to pan at full view
    QVERIFY(f.view->verticalScrollBar()->maximum() > 0);   // 70 rows do not fit in 800 px
    savePicture(f.window, "waterfall-demo.png");
}

void WaterfallViewTest::arrowKeysMoveAndFoldTheTree() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    QSignalSpy current(f.view, &WaterfallView::currentSpanChanged);
    f.key(Qt::Key_Down);
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a"));
    QCOMPARE(current.count(), 1);
    f.key('f');  // Jaeger's next span
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a1"));
    f.key('b');
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a"));
    f.key(Qt::Key_Left);  // collapses a
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "a")));
    QCOMPARE(f.view->rows()->rowOf(spanNamed(t, "a1")), -1);
    f.key(Qt::Key_Left);  // a is collapsed: goes to its parent
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "root"));
    f.key(Qt::Key_Down);
    f.key(Qt::Key_Right);  // expands a again
    QVERIFY(!f.view->rows()->isCollapsed(spanNamed(t, "a")));
    f.key(Qt::Key_Right);  // expanded: goes to its first child
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a1"));
    f.key(Qt::Key_End);
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "lost"));
    f.key(Qt::Key_Home);
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "root"));
    f.key(Qt::Key_Space);                      // toggles root
    QCOMPARE(f.view->rows()->rowCount(), 2u);  // root and the orphan
    f.key(Qt::Key_Right, Qt::ShiftModifier);   // expands the whole subtree
    QCOMPARE(f.view->rows()->rowCount(), t.spanCount());
    f.key(Qt::Key_Left, Qt::ShiftModifier);  // collapses every node below root
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "a")));
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "root")));
}

void WaterfallViewTest::jaegerKeysFoldLevelsAndAll() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    QSignalSpy rows(f.view, &WaterfallView::rowsChanged);
    f.key(']');
    QCOMPARE(f.view->rows()->rowCount(), 2u);  // the roots
    QCOMPARE(rows.count(), 1);
    f.key('[');
    QCOMPARE(f.view->rows()->rowCount(), t.spanCount());
    f.key('p');  // collapses the deepest expanded level: a and b
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "a")));
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "b")));
    QVERIFY(!f.view->rows()->isCollapsed(spanNamed(t, "root")));
    f.key('p');
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "root")));
    f.key('o');
    QVERIFY(!f.view->rows()->isCollapsed(spanNamed(t, "root")));
    QVERIFY(f.view->rows()->isCollapsed(spanNamed(t, "a")));
    f.key('o');
    QCOMPARE(f.view->rows()->rowCount(), t.spanCount());
}

void WaterfallViewTest::nextAndPreviousErrorRevealCollapsedSpans() {
    Fixture f(demoTrace());
    const Trace& t = f.trace();
    QVERIFY(t.errorCount >= 2);
    f.key(']');
    f.key('e');
    const int32_t first = f.view->currentSpan();
    QVERIFY(first >= 0);
    QVERIFY(t.isError(static_cast<size_t>(first)));
    QVERIFY(f.view->rows()->rowOf(static_cast<uint32_t>(first)) >= 0);  // revealed
    const int row = f.view->rows()->rowOf(static_cast<uint32_t>(first));
    QVERIFY(row >= f.view->firstVisibleRow());
    QVERIFY(row < f.view->firstVisibleRow() + f.view->visibleRowCount());  // scrolled to it
    f.key('e');
    const int32_t second = f.view->currentSpan();
    QVERIFY(second != first && t.isError(static_cast<size_t>(second)));
    f.key('E', Qt::ShiftModifier);
    QCOMPARE(f.view->currentSpan(), first);
    f.key(Qt::Key_F8, Qt::ShiftModifier);  // wraps to the last error
    QVERIFY(t.isError(static_cast<size_t>(f.view->currentSpan())));
    QVERIFY(f.view->currentSpan() != first);
}

void WaterfallViewTest::errorMarkerBubblesToCollapsedAncestor() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    const uint32_t b = static_cast<uint32_t>(spanNamed(t, "b"));
    const uint32_t root = static_cast<uint32_t>(spanNamed(t, "root"));
    const QColor red = errorTextColor();
    const int tree = f.view->treeColumnWidth();
    auto markerPixels = [&](uint32_t span) {
        const QRect row = f.view->rowRect(f.view->rows()->rowOf(span));
        return pixelsLike(f.picture(), QRect(tree - 60, row.top(), 60, row.height()), red);
    };
    QCOMPARE(markerPixels(root), 0);  // expanded, no error of its own: no marker
    QVERIFY(markerPixels(static_cast<uint32_t>(spanNamed(t, "a"))) > 10);  // the error itself
    QCOMPARE(markerPixels(b), 0);
    f.key(']');
    QVERIFY(markerPixels(root) > 5);  // collapsed: the error below shows on it
    f.view->setCurrentSpan(static_cast<int32_t>(b));
    f.key(Qt::Key_Left);
    QCOMPARE(markerPixels(b), 0);  // nothing failed below b
}

void WaterfallViewTest::zoomAndPanByKeyboardWheelAndDrag() {
    Fixture f(demoTrace());
    const double whole = f.view->scale().viewDuration();
    f.key('+');
    QVERIFY(f.view->scale().viewDuration() < whole * 0.7);
    QVERIFY(f.view->horizontalScrollBar()->maximum() > 0);
    f.key('-');
    f.key('-');
    QVERIFY(f.view->scale().isWholeTrace());
    f.key('=');
    f.key('=');
    const double start = f.view->scale().viewStart();
    f.key('d');
    QVERIFY(f.view->scale().viewStart() > start);
    f.key('a');
    f.key('a');
    QVERIFY(f.view->scale().viewStart() < start || f.view->scale().viewStart() == 0);
    f.key('0');
    QVERIFY(f.view->scale().isWholeTrace());

    // Ctrl+wheel zooms around the pointer: the time under it stays under it.
    const QPoint at(f.view->scale().width() / 3 + WaterfallGeometry{}.barsLeft() +
                        f.view->treeColumnWidth() - WaterfallGeometry{}.treeWidth,
                    200);
    const double before =
        f.view->scale().toTime(at.x() - (f.view->treeColumnWidth() + WaterfallGeometry::kDivider +
                                         WaterfallGeometry::kBarsPadding));
    QWheelEvent wheel(at, f.view->viewport()->mapToGlobal(at), {}, {0, 240}, Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.view->viewport(), &wheel);
    QVERIFY(f.view->scale().viewDuration() < whole * 0.7);
    const double after =
        f.view->scale().toTime(at.x() - (f.view->treeColumnWidth() + WaterfallGeometry::kDivider +
                                         WaterfallGeometry::kBarsPadding));
    QVERIFY(std::abs(after - before) < whole * 1e-6);
    // Shift+wheel pans.
    const double s0 = f.view->scale().viewStart();
    QWheelEvent pan(at, f.view->viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton,
                    Qt::ShiftModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.view->viewport(), &pan);
    QVERIFY(f.view->scale().viewStart() > s0);
    // The horizontal scroll bar follows and drives the window.
    QScrollBar* h = f.view->horizontalScrollBar();
    h->setValue(h->maximum());
    QVERIFY(std::abs(f.view->scale().viewEnd() - f.view->scale().traceDuration()) <
            f.view->scale().viewDuration() * 1e-3);
}

void WaterfallViewTest::dragSelectZoomsToTheRange() {
    Fixture f(demoTrace());
    QWidget* vp = f.view->viewport();
    const int left =
        f.view->treeColumnWidth() + WaterfallGeometry::kDivider + WaterfallGeometry::kBarsPadding;
    const double t0 = f.view->scale().toTime(100), t1 = f.view->scale().toTime(300);
    QTest::mousePress(vp, Qt::LeftButton, {}, QPoint(left + 100, 200));
    QTest::mouseMove(vp, QPoint(left + 200, 200));
    QTest::mouseMove(vp, QPoint(left + 300, 210));
    QTest::mouseRelease(vp, Qt::LeftButton, {}, QPoint(left + 300, 210));
    QVERIFY(std::abs(f.view->scale().viewStart() - t0) < (t1 - t0) * 0.02);
    QVERIFY(std::abs(f.view->scale().viewEnd() - t1) < (t1 - t0) * 0.02);
    // A click without a drag selects the row instead of zooming.
    const double window = f.view->scale().viewDuration();
    const int row = f.view->rowAt(QPoint(left + 50, 120));
    QTest::mouseClick(vp, Qt::LeftButton, {}, QPoint(left + 50, 120));
    QCOMPARE(f.view->scale().viewDuration(), window);
    QCOMPARE(f.view->currentSpan(), static_cast<int32_t>(f.view->rows()->spanAt(size_t(row))));
}

void WaterfallViewTest::clickOnExpanderTogglesAndRowSelects() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    const uint32_t a = static_cast<uint32_t>(spanNamed(t, "a"));
    const QRect row = f.view->rowRect(f.view->rows()->rowOf(a));
    // The expander sits at the row's indentation (depth 1).
    const int indent = QFontMetrics(f.view->font()).horizontalAdvance(QLatin1Char('m')) + 4;
    const QPoint expander(4 + std::max(10, indent) + 6, row.center().y());
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, expander);
    QVERIFY(f.view->rows()->isCollapsed(a));
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, expander);
    QVERIFY(!f.view->rows()->isCollapsed(a));
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, QPoint(200, row.center().y()));
    QCOMPARE(f.view->currentSpan(), static_cast<int32_t>(a));
    QVERIFY(!f.view->rows()->isCollapsed(a));
    QTest::mouseDClick(f.view->viewport(), Qt::LeftButton, {}, QPoint(200, row.center().y()));
    QVERIFY(f.view->rows()->isCollapsed(a));
}

void WaterfallViewTest::dividerDragResizesTheTreeColumn() {
    Fixture f(traceFromJson(kSmall));
    const int x = f.view->treeColumnWidth() + WaterfallGeometry::kDivider / 2;
    QTest::mousePress(f.view->viewport(), Qt::LeftButton, {}, QPoint(x, 100));
    QTest::mouseMove(f.view->viewport(), QPoint(x + 120, 100));
    QTest::mouseRelease(f.view->viewport(), Qt::LeftButton, {}, QPoint(x + 120, 100));
    QCOMPARE(f.view->treeColumnWidth(), x + 120 - WaterfallGeometry::kDivider / 2);
    f.view->setTreeColumnWidth(5);  // clamped: the tree never vanishes
    QCOMPARE(f.view->treeColumnWidth(), 120);
    f.view->setTreeColumnWidth(100000);  // nor do the bars
    QVERIFY(f.view->treeColumnWidth() <= f.view->viewport()->width() - 160);
}

void WaterfallViewTest::findMatchesHighlightNavigateAndFilter() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    auto matches = std::make_shared<std::vector<uint8_t>>(t.spanCount(), 0);
    (*matches)[spanNamed(t, "a1")] = 1;
    (*matches)[spanNamed(t, "b1")] = 1;
    QSignalSpy ordinal(f.view, &WaterfallView::currentMatchChanged);
    QSignalSpy hidden(f.view, &WaterfallView::hiddenCountsChanged);
    f.key(']');
    f.view->setMatches(matches);
    QCOMPARE(f.view->matchCount(), 2u);
    f.key('n');
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a1"));  // revealed from the collapsed root
    QCOMPARE(ordinal.last().at(0).toInt(), 1);
    f.key(Qt::Key_F3);
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "b1"));
    QCOMPARE(ordinal.last().at(0).toInt(), 2);
    f.key('N', Qt::ShiftModifier);
    QCOMPARE(f.view->currentSpan(), spanNamed(t, "a1"));

    f.view->setFilterMode(true);
    // Kept: the matches and their ancestors (root, a, b); hidden: the orphan.
    QCOMPARE(f.view->rows()->rowCount(), 5u);
    QCOMPARE(f.view->hiddenSpans(), 1u);
    QCOMPARE(f.view->hiddenErrors(), 0u);
    QCOMPARE(hidden.last().at(0).toUInt(), 1u);
    f.view->setMatches(nullptr);  // the query was cleared: nothing filtered any more
    QCOMPARE(f.view->rows()->rowCount(), t.spanCount());
    QCOMPARE(f.view->hiddenSpans(), 0u);
    QSignalSpy clear(f.view, &WaterfallView::clearFindRequested);
    f.key(Qt::Key_Escape);
    QCOMPARE(clear.count(), 0);  // no search to clear
    f.view->setMatches(matches);
    f.key(Qt::Key_Escape);
    QCOMPARE(clear.count(), 1);
}

void WaterfallViewTest::serviceFilterHidesAndCounts() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    std::vector<uint8_t> visible(t.services.size(), 1);
    visible[t.service[spanNamed(t, "a")]] = 0;  // hide "back"
    f.view->setVisibleServices(visible);
    QCOMPARE(f.view->rows()->rowCount(), 2u);  // root and the orphan (both "front")
    QCOMPARE(f.view->hiddenSpans(), 4u);
    QCOMPARE(f.view->hiddenErrors(), 1u);
    f.key('e');  // the only error is hidden: nothing to jump to
    QVERIFY(!t.isError(static_cast<size_t>(std::max(0, f.view->currentSpan()))));
    f.view->setVisibleServices({});
    QCOMPARE(f.view->rows()->rowCount(), t.spanCount());
}

void WaterfallViewTest::selectingAHiddenSpanRevealsItAndPansTime() {
    Fixture f(traceFromJson(kSmall));
    const Trace& t = f.trace();
    f.key(']');
    f.view->zoomToRange(0, 100e3);              // the first 100 µs only (Jaeger times are µs)
    const int32_t lost = spanNamed(t, "lost");  // starts at +950 µs
    f.view->setCurrentSpan(spanNamed(t, "b1"));
    QVERIFY(f.view->rows()->rowOf(static_cast<uint32_t>(spanNamed(t, "b1"))) >= 0);
    QVERIFY(f.view->scale().viewEnd() >= 400e3 && f.view->scale().viewStart() <= 450e3);
    QCOMPARE(f.view->scale().viewDuration(), 100e3);  // panned, not zoomed
    f.view->setCurrentSpan(lost);
    QVERIFY(f.view->scale().viewEnd() >= 950e3);
}

void WaterfallViewTest::collapsingKeepsTheTopRowInPlace() {
    Fixture f(demoTrace(), {1000, 400});
    f.view->scrollToRow(30);
    const uint32_t top = f.view->rows()->spanAt(30);
    f.key(']');
    f.key('[');
    // Collapse-all moved the top row to its root; expand-all brings back the root at the top.
    QCOMPARE(f.view->firstVisibleRow(), f.view->rows()->rowOf(f.trace().roots[0]));
    f.view->scrollToRow(30);
    f.view->setCurrentSpan(static_cast<int32_t>(f.view->rows()->spanAt(40)));
    f.view->scrollToRow(30);
    f.key('o');  // nothing is collapsed: no change, no jump
    QCOMPARE(f.view->rows()->spanAt(size_t(f.view->firstVisibleRow())), top);
}

void WaterfallViewTest::minimapFramesTheViewAndMovesIt() {
    Fixture f(demoTrace(), {1200, 500});
    QApplication::processEvents();
    const QRectF whole = f.minimap->windowFrame();
    f.view->zoomToRange(0, f.view->scale().traceDuration() / 4);
    const QRectF zoomed = f.minimap->windowFrame();
    QVERIFY(zoomed.width() < whole.width() * 0.3);
    QVERIFY(zoomed.height() < f.minimap->height());  // not every row fits on screen
    // Drag the frame to the right: the view pans by the same share of the trace.
    const QPoint from = zoomed.center().toPoint();
    QTest::mousePress(f.minimap, Qt::LeftButton, {}, from);
    QTest::mouseMove(f.minimap, from + QPoint(20, 0));
    QTest::mouseMove(f.minimap, from + QPoint(int(whole.width() / 4), 0));
    QTest::mouseRelease(f.minimap, Qt::LeftButton, {}, from + QPoint(int(whole.width() / 4), 0));
    const double share = f.view->scale().viewStart() / f.view->scale().traceDuration();
    QVERIFY2(share > 0.2 && share < 0.3, qPrintable(QString::number(share)));
    // Double-click shows the whole trace again.
    QTest::mouseDClick(f.minimap, Qt::LeftButton, {}, from);
    QVERIFY(f.view->scale().isWholeTrace());
    // The picture is rebuilt on row changes, not on moves.
    const int builds = f.minimap->pictureBuilds();
    f.view->zoomToRange(0, 1000);
    f.minimap->repaint();
    QCOMPARE(f.minimap->pictureBuilds(), builds);
    f.key(']');
    f.minimap->repaint();
    QCOMPARE(f.minimap->pictureBuilds(), builds + 1);
    savePicture(f.window, "waterfall-minimap.png");
}

void WaterfallViewTest::degenerateTracesPaint() {
    // One zero-length span; a span with a negative duration; spans at the same instant.
    const QByteArray weird = R"({"traceID":"2","spans":[
      {"spanID":"1","operationName":"zero","startTime":5,"duration":0,"processID":"p1"},
      {"spanID":"2","parentSpanID":"1","operationName":"negative","startTime":5,"duration":-3,
       "processID":"p1"},
      {"spanID":"3","parentSpanID":"1","operationName":"same","startTime":5,"duration":0,
       "processID":"p1"}],"processes":{"p1":{"serviceName":"s"}}})";
    Fixture f(traceFromJson(weird));
    QCOMPARE(f.view->rows()->rowCount(), 3u);
    QVERIFY(!f.picture().isNull());
    f.key('+');
    f.key('z');
    f.key('d');
    QVERIFY(std::isfinite(f.view->scale().viewStart()));
    QVERIFY(!f.picture().isNull());
    // No trace at all, and a window too small for the bars.
    WaterfallView empty;
    empty.resize(50, 30);
    empty.show();
    QVERIFY(!empty.viewport()->grab().isNull());
    QVERIFY(!empty.perform(TraceAction::NextSpan));
    f.window.resize(200, 120);
    QApplication::processEvents();
    QVERIFY(!f.picture().isNull());
}

void WaterfallViewTest::paintsInItsFrameBudgetOnTheDemo() {
    // Not a timing assertion (bench/ measures speed): the paint statistics are kept, so the
    // benchmark and the slow-frame log have something to read.
    Fixture f(demoTrace());
    f.view->resetPaintStats();
    f.view->viewport()->repaint();
    QCOMPARE(f.view->paintStats().paints, 1u);
    QVERIFY(f.view->paintStats().lastNs > 0);
    QVERIFY(f.view->memoryBytes() > f.trace().spanCount() * 16);
}

QTEST_MAIN(WaterfallViewTest)
#include "waterfall_view_test.moc"
