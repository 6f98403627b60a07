#include "rank_timing.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include "analysis/suspect_ranking.h"
#include "formats/load.h"
#include "trace_generator.h"

namespace rootline::faults {

namespace {

constexpr size_t kSpans = 1000000;

// Keeps the real time of every repetition and passes everything on to the reporter that
// --benchmark_format / --benchmark_color chose (the console table, JSON, CSV).
class CollectingReporter : public benchmark::BenchmarkReporter {
public:
    explicit CollectingReporter(benchmark::BenchmarkReporter* inner) : inner_(inner) {}
    std::vector<double> seconds;

    bool ReportContext(const Context& context) override { return inner_->ReportContext(context); }
    void Finalize() override { inner_->Finalize(); }
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs)
            if (!r.error_occurred && r.run_type == Run::RT_Iteration)
                seconds.push_back(r.GetAdjustedRealTime() /
                                  benchmark::GetTimeUnitMultiplier(r.time_unit));
        inner_->ReportRuns(runs);
    }

private:
    std::unique_ptr<benchmark::BenchmarkReporter> inner_;
};

LoadResult loadLargeTrace(std::string& source) {
    if (const char* file = std::getenv("ROOTLINE_BENCH_FILE_JAEGER"); file && *file) {
        source = file;
        return loadTraceFile(file);
    }
    source = "1,000,000 Jaeger spans generated in memory (seed 42)";
    std::cerr << "generating " << source << "…\n";
    bench::GeneratorOptions options;
    options.spans = kSpans;
    options.format = bench::GeneratorOptions::Format::Jaeger;
    std::ostringstream text;
    bench::writeTrace(text, options);
    return loadTraceText(text.str(), "generated.json");
}

}  // namespace

RankTiming timeRankingOnLargeTrace(int reps) {
    RankTiming t;
    const LoadResult loaded = loadLargeTrace(t.source);
    if (!loaded.ok()) {
        t.error = describeLoadError(t.source, loaded.error);
        return t;
    }
    // The largest trace of the file (the benchmark files hold one).
    const Trace* trace = nullptr;
    for (const auto& tr : loaded.file->traces)
        if (!trace || tr->spanCount() > trace->spanCount()) trace = tr.get();
    if (!trace) {
        t.error = t.source + " holds no trace";
        return t;
    }
    t.spans = trace->spanCount();
    benchmark::RegisterBenchmark("BM_RankSuspects",
                                 [trace](benchmark::State& state) {
                                     for (auto _ : state) {
                                         Ranking r = rankSuspects(*trace);
                                         benchmark::DoNotOptimize(r.suspects.data());
                                     }
                                     state.counters["spans"] =
                                         static_cast<double>(trace->spanCount());
                                 })
        ->Iterations(1)
        ->Repetitions(reps)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    CollectingReporter reporter(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&reporter);
    t.seconds = reporter.seconds;
    if (t.seconds.empty()) {
        t.error = "the benchmark did not run (filtered out?)";
        return t;
    }
    std::vector<double> sorted = t.seconds;
    std::sort(sorted.begin(), sorted.end());
    const size_t n = sorted.size();
    t.median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return t;
}

}  // namespace rootline::faults
