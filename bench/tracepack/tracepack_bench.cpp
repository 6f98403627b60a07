// rootline-bench-tracepack: how long building a tracepack takes on a 1,000,000-span trace
// (issue 5: under 200 ms).
//
// The trace is the Jaeger file named by ROOTLINE_BENCH_FILE_JAEGER (scripts/run-bench.sh passes
// the one it generated), or 1M spans generated in memory with the benchmarks' seeded generator
// (bench/trace_generator.h, seed 42). Loading is not timed. Two benchmarks, each one iteration
// per repetition, real time:
//   BM_BuildTracepack  buildTracepack with the ranking computed once beforehand: the app has
//                      it already when the user clicks Export. This is the figure the target
//                      is about.
//   BM_RankAndPack     rankSuspects + buildTracepack, end to end (what `rootline-cli pack`
//                      does after loading).
// Counters: spans in the trace, spans and collapsed summaries in the pack, pack bytes.
// Repetitions: --benchmark_repetitions when given, else ROOTLINE_BENCH_REPS (default 5); the
// median is what counts, the machine being shared. Exit status 1 when the median of
// BM_BuildTracepack is 200 ms or more (every figure is printed first), 2 on bad usage or when
// the trace cannot be loaded or packed.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "formats/load.h"
#include "trace_generator.h"
#include "tracepack/tracepack_builder.h"

namespace {

using namespace rootline;

constexpr size_t kSpans = 1000000;
constexpr double kTargetSeconds = 0.200;

// Keeps the real time of every repetition, by benchmark, and passes everything on to the
// reporter that --benchmark_format chose.
class CollectingReporter : public benchmark::BenchmarkReporter {
public:
    explicit CollectingReporter(benchmark::BenchmarkReporter* inner) : inner_(inner) {}
    std::map<std::string, std::vector<double>> seconds;

    bool ReportContext(const Context& context) override { return inner_->ReportContext(context); }
    void Finalize() override { inner_->Finalize(); }
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs)
            if (!r.error_occurred && r.run_type == Run::RT_Iteration)
                seconds[r.run_name.function_name].push_back(
                    r.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(r.time_unit));
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

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void setCounters(benchmark::State& state, const Trace& trace, const PackResult& pack) {
    state.counters["spans"] = static_cast<double>(trace.spanCount());
    state.counters["spans_in_pack"] = static_cast<double>(pack.spansInPack);
    state.counters["summaries"] = static_cast<double>(pack.summariesInPack);
    state.counters["bytes"] = static_cast<double>(pack.bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
    bool repetitionsGiven = false;
    for (int i = 1; i < argc; ++i)
        repetitionsGiven =
            repetitionsGiven || std::strncmp(argv[i], "--benchmark_repetitions", 23) == 0;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    int reps = 5;
    if (const char* v = std::getenv("ROOTLINE_BENCH_REPS"); v && *v) {
        char* end = nullptr;
        const long n = std::strtol(v, &end, 10);
        if (*end || n < 1) {
            std::cerr << "rootline-bench-tracepack: ROOTLINE_BENCH_REPS=" << v
                      << " is not a positive number\n";
            return 2;
        }
        reps = static_cast<int>(n);
    }

    std::string source;
    const LoadResult loaded = loadLargeTrace(source);
    if (!loaded.ok()) {
        std::cerr << "rootline-bench-tracepack: " << describeLoadError(source, loaded.error)
                  << "\n";
        return 2;
    }
    // The largest trace of the file (the benchmark files hold one).
    const Trace* trace = nullptr;
    for (const auto& t : loaded.file->traces)
        if (!trace || t->spanCount() > trace->spanCount()) trace = t.get();
    if (!trace) {
        std::cerr << "rootline-bench-tracepack: " << source << " holds no trace\n";
        return 2;
    }
    std::cout << "=== buildTracepack on " << trace->spanCount() << " spans (" << source << ", "
              << trace->errorCount << " failed) ===\n"
              << std::flush;

    const Ranking ranking = rankSuspects(*trace);  // outside the timed loop
    PackOptions options;
    options.tokenKey = TokenKey{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
    options.source = "bench (Jaeger JSON)";
    {
        const PackResult probe = buildTracepack(*trace, ranking, options);
        if (!probe.ok()) {
            std::cerr << "rootline-bench-tracepack: no pack: " << probe.error << "\n";
            return 2;
        }
    }

    auto* build = benchmark::RegisterBenchmark("BM_BuildTracepack", [&](benchmark::State& state) {
        PackResult pack;
        for (auto _ : state) {
            pack = buildTracepack(*trace, ranking, options);
            benchmark::DoNotOptimize(pack.bytes.data());
        }
        setCounters(state, *trace, pack);
    });
    auto* endToEnd = benchmark::RegisterBenchmark("BM_RankAndPack", [&](benchmark::State& state) {
        PackResult pack;
        for (auto _ : state) {
            const Ranking r = rankSuspects(*trace);
            pack = buildTracepack(*trace, r, options);
            benchmark::DoNotOptimize(pack.bytes.data());
        }
        setCounters(state, *trace, pack);
    });
    for (auto* b : {build, endToEnd}) {
        b->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
        if (!repetitionsGiven) b->Repetitions(reps);
    }
    CollectingReporter reporter(benchmark::CreateDefaultDisplayReporter());
    benchmark::RunSpecifiedBenchmarks(&reporter);

    std::cout << "\n=== Targets ===\n";
    const auto& runs = reporter.seconds["BM_BuildTracepack"];
    const auto& rankRuns = reporter.seconds["BM_RankAndPack"];
    if (!rankRuns.empty()) {
        char line[160];
        std::snprintf(
            line, sizeof line,
            "  rank + pack %zu spans: median %.1f ms over %zu repetitions (information)\n",
            trace->spanCount(), median(rankRuns) * 1e3, rankRuns.size());
        std::cout << line;
    }
    int status = 0;
    if (runs.empty()) {
        std::cout << "  buildTracepack: did not run (filtered out?)\n";
    } else {
        const double m = median(runs);
        const bool pass = m < kTargetSeconds;
        char line[200];
        std::snprintf(line, sizeof line,
                      "  buildTracepack %zu spans: median %.1f ms over %zu repetitions (target < "
                      "%.0f ms): %s\n",
                      trace->spanCount(), m * 1e3, runs.size(), kTargetSeconds * 1e3,
                      pass ? "PASS" : "MISS");
        std::cout << line;
        if (!pass) status = 1;
    }
    benchmark::Shutdown();
    return status;
}
