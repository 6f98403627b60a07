#pragma once
// How long rankSuspects takes on a 1,000,000-span trace: the Jaeger file named by
// ROOTLINE_BENCH_FILE_JAEGER (scripts/run-bench.sh passes the one it generated), or 1M spans
// generated in memory with the benchmarks' seeded generator (bench/trace_generator.h, seed
// 42). Loading is not timed; each repetition ranks the same trace once (Google Benchmark,
// real time), and the median is what counts, the machine being shared.

#include <string>
#include <vector>

namespace rootline::faults {

struct RankTiming {
    std::string source;  // the file, or "generated in memory"
    size_t spans = 0;
    std::vector<double> seconds;  // one per repetition
    double median = 0;
    std::string error;
};

// `reps` repetitions. Google Benchmark must be initialised (benchmark::Initialize) before.
RankTiming timeRankingOnLargeTrace(int reps);

}  // namespace rootline::faults
