// rootline-bench-view: the trace window on a large trace, as a user drives it, at 1920×1080.
//
//   BM_OpenToFirstPaint  File › Open to the waterfall's first paint (the whole app path: load
//                        job, summaries, tab, rows, minimap, paint), against a bare import of
//                        the same file. Target: ≤ import + 1 s, and < 7 s in all.
//   BM_PaintScripted     every waterfall paint over a scripted session — page scrolls, jumps,
//                        next-error, zoom in 20 steps, pan, zoom out, collapse/expand — p99
//                        ≤ 16 ms.
//   BM_CollapseAll / BM_ExpandAll   the action plus the repaint of waterfall and minimap,
//                        ≤ 200 ms.
//   BM_Find/<query>      the search the find bar runs, plus handing the matches to the view
//                        (highlight, or filter mode), ≤ 300 ms.
//   view memory          what the view keeps beyond the trace, per span: ≤ 64 bytes.
//
// Input: ROOTLINE_BENCH_FILE (a Jaeger or OTLP file, e.g. the 1M-span file `make bench`
// generates). The window runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise,
// so the raster painter is the one measured. Medians over repetitions; the summary at the end
// says PASS or MISS per target.

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>

#include "formats/load.h"
#include "main_window.h"
#include "trace_tab.h"
#include "view/span_search.h"
#include "view_bench_results.h"
#include "waterfall/trace_minimap.h"
#include "waterfall/waterfall_painter.h"
#include "waterfall/waterfall_view.h"

namespace {

using namespace rootline;
using namespace rootline::ui;
using rootline::bench::Results;

std::string gFile;
Results gResults;

double seconds(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

// A window showing the file's first trace, shared by the benchmarks after the first.
struct Session {
    MainWindow window;
    TraceTab* tab = nullptr;
    WaterfallView* view() const { return tab->waterfall(); }
};

bool waitFor(const std::function<bool()>& done, int timeoutMs = 120000) {
    QElapsedTimer t;
    t.start();
    // Sleep in the event loop as the app does in exec(); a timer wakes it to check `done`.
    // (Polling with processEvents(AllEvents, 5) spins: it took one of the two cores from the
    // loader's threads and made every open ~1 s slower than a user's.)
    QTimer tick;
    tick.start(10);
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Opens the file in a fresh 1920×1080 window and returns once the waterfall has painted.
std::unique_ptr<Session> openSession(double* elapsed) {
    auto s = std::make_unique<Session>();
    s->window.resize(1920, 1080);
    s->window.show();
    QApplication::processEvents();
    QElapsedTimer t;
    t.start();
    s->window.openFile(QString::fromStdString(gFile));
    const bool painted = waitFor([&] {
        s->tab = s->window.currentTraceTab();
        return s->tab && s->tab->waterfall()->paintStats().paints > 0;
    });
    if (elapsed) *elapsed = seconds(t);
    if (!painted) return nullptr;
    return s;
}

// Destroyed in main() before the QApplication, which its widgets need.
std::unique_ptr<Session> gShared;

Session& shared() {
    if (!gShared) gShared = openSession(nullptr);
    if (!gShared) {
        std::cerr << "rootline-bench-view: the trace did not open\n";
        std::exit(1);
    }
    return *gShared;
}

void BM_Import(benchmark::State& state) {
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        LoadResult r = loadTraceFile(gFile);
        const double s = seconds(t);
        if (!r.ok()) {
            state.SkipWithError("the file did not load");
            return;
        }
        state.SetIterationTime(s);
        gResults.add("import_s", s);
        state.counters["spans"] = static_cast<double>(r.file->spanCount());
    }
}

void BM_OpenToFirstPaint(benchmark::State& state) {
    for (auto _ : state) {
        double elapsed = 0;
        std::unique_ptr<Session> s = openSession(&elapsed);
        if (!s) {
            state.SkipWithError("no first paint within 2 minutes");
            return;
        }
        state.SetIterationTime(elapsed);
        gResults.add("open_s", elapsed);
    }
}

// One paint, as the screen would get it after an input.
double paint(WaterfallView* view) {
    view->viewport()->repaint();
    return static_cast<double>(view->paintStats().lastNs) / 1e6;
}

void BM_PaintScripted(benchmark::State& state) {
    Session& s = shared();
    WaterfallView* v = s.view();
    QScrollBar* bar = v->verticalScrollBar();
    std::mt19937_64 random(42);
    for (auto _ : state) {
        std::vector<double> ms;
        auto step = [&](auto&& action) {
            action();
            ms.push_back(paint(v));
        };
        v->perform(TraceAction::ExpandAll);
        v->resetZoom();
        bar->setValue(0);
        for (int i = 0; i < 100; ++i)  // page after page
            step([&] { bar->setValue(bar->value() + bar->pageStep()); });
        for (int i = 0; i < 50; ++i)  // jumps anywhere
            step([&] {
                bar->setValue(
                    static_cast<int>(random() % static_cast<uint64_t>(bar->maximum() + 1)));
            });
        for (int i = 0; i < 30; ++i)  // next error: reveal, scroll, pan
            step([&] { v->perform(TraceAction::NextError); });
        for (int i = 0; i < 20; ++i)  // zoom in around the selection
            step([&] { v->perform(TraceAction::ZoomIn); });
        for (int i = 0; i < 30; ++i)
            step([&] { v->perform(i % 2 ? TraceAction::PanRight : TraceAction::PanRightLarge); });
        for (int i = 0; i < 20; ++i)
            step([&] { v->perform(TraceAction::ZoomOut); });
        for (int i = 0; i < 30; ++i)  // walk the rows with the keyboard
            step([&] { v->perform(TraceAction::NextSpan); });
        step([&] { v->perform(TraceAction::CollapseOneLevel); });
        step([&] { v->perform(TraceAction::ExpandOneLevel); });
        step([&] { v->perform(TraceAction::LastSpan); });
        step([&] { v->perform(TraceAction::FirstSpan); });
        double total = 0;
        for (double m : ms) {
            gResults.add("paint_ms", m);
            total += m;
        }
        state.SetIterationTime(total / 1e3);
        state.counters["paints"] = static_cast<double>(ms.size());
    }
}

// Repaints without changing anything: the floor of a paint, and a check that the paint timer
// measures what a frame costs (the wall time of repaint() is reported beside it).
void BM_PaintStill(benchmark::State& state) {
    Session& s = shared();
    WaterfallView* v = s.view();
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        const double ms = paint(v);
        state.SetIterationTime(ms / 1e3);
        state.counters["wall_ms"] = static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
}

// The same frame painted into an image of our own: what the painter costs without the window.
void BM_PaintFrameToImage(benchmark::State& state) {
    Session& s = shared();
    const WaterfallFrame frame = s.view()->frame();
    QImage image(frame.geometry.width, frame.geometry.height, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        QPainter p(&image);
        paintWaterfall(p, frame);
        p.end();
        state.SetIterationTime(static_cast<double>(t.nsecsElapsed()) / 1e9);
    }
}

void foldAll(benchmark::State& state, TraceAction action, const char* key) {
    Session& s = shared();
    WaterfallView* v = s.view();
    for (auto _ : state) {
        // Start from the opposite state, untimed.
        v->perform(action == TraceAction::CollapseAll ? TraceAction::ExpandAll
                                                      : TraceAction::CollapseAll);
        s.tab->minimap()->repaint();
        QElapsedTimer t;
        t.start();
        v->perform(action);
        v->viewport()->repaint();
        s.tab->minimap()->repaint();  // rebuilds its picture of the rows
        const double elapsed = seconds(t);
        state.SetIterationTime(elapsed);
        gResults.add(key, elapsed * 1e3);
        state.counters["rows"] = static_cast<double>(v->rows()->rowCount());
    }
}

void BM_CollapseAll(benchmark::State& state) {
    foldAll(state, TraceAction::CollapseAll, "collapse_ms");
}

void BM_ExpandAll(benchmark::State& state) {
    foldAll(state, TraceAction::ExpandAll, "expand_ms");
}

void BM_Find(benchmark::State& state, std::string query, bool filter) {
    Session& s = shared();
    WaterfallView* v = s.view();
    v->perform(TraceAction::ExpandAll);
    for (auto _ : state) {
        v->setMatches(nullptr);
        v->setFilterMode(filter);
        QElapsedTimer t;
        t.start();
        auto matches = std::make_shared<const std::vector<uint8_t>>(
            searchSpans(*v->trace(), parseSearchQuery(query)));
        const double searchMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
        v->setMatches(matches);
        v->perform(TraceAction::NextMatch);
        v->viewport()->repaint();
        const double elapsed = seconds(t);
        state.SetIterationTime(elapsed);
        gResults.add("find_ms", elapsed * 1e3);
        state.counters["matches"] = static_cast<double>(v->matchCount());
        state.counters["search_ms"] = searchMs;
    }
    v->setFilterMode(false);
    v->setMatches(nullptr);
}

void reportMemory() {
    Session& s = shared();
    WaterfallView* v = s.view();
    const double spans = static_cast<double>(v->trace()->spanCount());
    // The find bar's match bytes and the minimap's picture belong to the view too.
    const QImage picture = s.tab->minimap()->grab().toImage();
    const double bytes = static_cast<double>(v->memoryBytes()) + spans /* matches */ +
                         static_cast<double>(picture.sizeInBytes());
    gResults.add("view_bytes_per_span", bytes / spans);
}

}  // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RootlineBench"));  // no user settings
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    const char* file = std::getenv("ROOTLINE_BENCH_FILE");
    if (!file || !*file) {
        std::cerr << "rootline-bench-view: set ROOTLINE_BENCH_FILE to a trace file\n";
        return 2;
    }
    gFile = file;

    auto manual = [](benchmark::internal::Benchmark* b, int reps) {
        b->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(reps);
    };
    manual(benchmark::RegisterBenchmark("BM_Import", BM_Import), 3);
    manual(benchmark::RegisterBenchmark("BM_OpenToFirstPaint", BM_OpenToFirstPaint), 3);
    manual(benchmark::RegisterBenchmark("BM_PaintScripted", BM_PaintScripted), 3);
    benchmark::RegisterBenchmark("BM_PaintStill", BM_PaintStill)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(std::getenv("ROOTLINE_BENCH_STILL_PAINTS")
                         ? std::atoi(std::getenv("ROOTLINE_BENCH_STILL_PAINTS"))
                         : 50);
    benchmark::RegisterBenchmark("BM_PaintFrameToImage", BM_PaintFrameToImage)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(std::getenv("ROOTLINE_BENCH_STILL_PAINTS")
                         ? std::atoi(std::getenv("ROOTLINE_BENCH_STILL_PAINTS"))
                         : 50);
    manual(benchmark::RegisterBenchmark("BM_CollapseAll", BM_CollapseAll), 5);
    manual(benchmark::RegisterBenchmark("BM_ExpandAll", BM_ExpandAll), 5);
    for (const auto& [name, query, filter] :
         std::initializer_list<std::tuple<const char*, const char*, bool>>{
             {"BM_Find/text", "checkout", false},
             {"BM_Find/key_value", "http.status_code=500", false},
             {"BM_Find/phrase_filter", "\"SELECT\" orders", true},
             {"BM_Find/no_match", "zzzz-nothing", false}})
        manual(benchmark::RegisterBenchmark(name, BM_Find, std::string(query), filter), 3);
    benchmark::RunSpecifiedBenchmarks();
    reportMemory();
    const bool met = gResults.printSummary(std::cout, gFile);
    gShared.reset();
    benchmark::Shutdown();
    return met ? 0 : 1;
}
