// rootline-bench-rank: how well and how fast the suspect ranker finds root causes.
//
// 1. Accuracy on the fault-injected set (bench/faults): ROOTLINE_RANK_PER_KIND cases per kind
//    (default 10) from ROOTLINE_RANK_SEED (default 7), each loaded as Jaeger and as OTLP and
//    ranked with the default options. AC@1, AC@3 and Avg@3 overall, per kind and per format;
//    one line per miss with the label and the top three suspects and their reason codes.
//    no_fault controls have no label: for them, how often the top suspect scores as high as a
//    typical real root cause (information only).
// 2. Accuracy on the labelled real fixtures of bench/rank/fixture_labels.json (or the file named
//    by ROOTLINE_RANK_FIXTURE_LABELS; fixtures from ROOTLINE_FIXTURES_DIR, default
//    ../shared/fixtures beside the checkout), information only.
// 3. Speed: rankSuspects on a 1M-span trace (rank_timing.h), median of ROOTLINE_BENCH_REPS
//    repetitions (default 5). ROOTLINE_RANK_SKIP_TIMING=1 skips it.
//
// Targets: AC@1 ≥ 0.95 and AC@3 = 1.0 over the generated set (both formats), ranking 1M spans
// in < 1 s. Exit status 1 when one is missed (every figure is printed first), 2 on bad usage.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "fault_cases.h"
#include "fixture_scores.h"
#include "rank_eval.h"
#include "rank_timing.h"

namespace {

using namespace rootline::faults;

constexpr double kAc1Target = 0.95;
constexpr double kAc3Target = 1.0;
constexpr double kSecondsTarget = 1.0;

long envNumber(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end || n < 0) {
        std::cerr << "rootline-bench-rank: " << name << "=" << v << " is not a number\n";
        std::exit(2);
    }
    return n;
}

std::string fixed(double v, int digits = 2) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

void printRow(const std::string& name, const Tally& all, const Tally& jaeger, const Tally& otlp) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "  %-22s %5d  %5.2f  %5.2f  %5.2f   %5.2f  %5.2f   %5.2f  %5.2f\n", name.c_str(),
                  all.cases, all.ac(1), all.ac(3), all.avg3(), jaeger.ac(1), jaeger.ac(3),
                  otlp.ac(1), otlp.ac(3));
    std::cout << line;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    const uint64_t seed = static_cast<uint64_t>(envNumber("ROOTLINE_RANK_SEED", 7));
    const int perKind = static_cast<int>(envNumber("ROOTLINE_RANK_PER_KIND", 10));
    const int reps = static_cast<int>(std::max(1L, envNumber("ROOTLINE_BENCH_REPS", 5)));
    if (perKind < 1) {
        std::cerr << "rootline-bench-rank: ROOTLINE_RANK_PER_KIND must be at least 1\n";
        return 2;
    }

    // ---- 1. the generated set ----
    std::vector<FaultCase> cases;
    try {
        cases = generateFaultCases(seed, perKind);
    } catch (const std::exception& e) {
        std::cerr << "rootline-bench-rank: " << e.what() << "\n";
        return 2;
    }
    std::map<std::string, Tally> byKind, byKindJaeger, byKindOtlp;
    Tally all, allJaeger, allOtlp;
    std::vector<CaseResult> misses;
    std::vector<double> faultTopScores, controlTopScores;
    std::vector<std::string> controlLines;
    for (const FaultCase& c : cases) {
        for (const CaseResult& r : scoreCase(c)) {
            const double top = r.top.empty() ? 0 : r.top[0].score;
            if (c.kind == kControlKind) {
                controlTopScores.push_back(top);
                controlLines.push_back(r.id + " " + r.format + ": " +
                                       (r.top.empty() ? std::string("no suspect")
                                                      : "top " + r.top[0].service + " '" +
                                                            r.top[0].name + "' " + fixed(top)));
                continue;
            }
            faultTopScores.push_back(top);
            all.add(r);
            byKind[c.kind].add(r);
            (r.format == "jaeger" ? allJaeger : allOtlp).add(r);
            (r.format == "jaeger" ? byKindJaeger : byKindOtlp)[c.kind].add(r);
            if (r.hitRank != 1) misses.push_back(r);
        }
    }
    std::cout << "=== Suspect ranking on the fault-injected set (seed " << seed << ", " << perKind
              << " cases per kind, Jaeger and OTLP) ===\n";
    std::cout << "  kind                   cases   AC@1   AC@3  Avg@3   Jaeger@1 @3   OTLP@1 @3\n";
    for (const std::string& kind : faultKinds())
        printRow(kind, byKind[kind], byKindJaeger[kind], byKindOtlp[kind]);
    printRow("overall", all, allJaeger, allOtlp);
    std::cout << "\n--- misses at rank 1 (" << misses.size() << ") ---\n";
    for (const CaseResult& r : misses)
        std::cout << "  " << describeMiss(r) << "\n";

    const double typical = median(faultTopScores);
    const long highControls = std::count_if(controlTopScores.begin(), controlTopScores.end(),
                                            [&](double s) { return s >= typical; });
    std::cout << "\n--- no_fault controls (information only) ---\n";
    std::cout << "  " << highControls << " of " << controlTopScores.size()
              << " control traces have a top suspect scoring at least the median top score on "
                 "fault cases ("
              << fixed(typical) << ")\n";
    for (const std::string& line : controlLines)
        std::cout << "  " << line << "\n";

    // ---- 2. labelled fixtures ----
    const std::string repo = ROOTLINE_REPO_DIR;
    const char* fixturesEnv = std::getenv("ROOTLINE_FIXTURES_DIR");
    const std::string fixturesDir =
        fixturesEnv && *fixturesEnv ? fixturesEnv : repo + "/../shared/fixtures";
    const char* labelsEnv = std::getenv("ROOTLINE_RANK_FIXTURE_LABELS");  // another labels file
    const FixtureScores fixtures = scoreFixtures(
        labelsEnv && *labelsEnv ? labelsEnv : repo + "/bench/rank/fixture_labels.json",
        fixturesDir);
    std::cout << "\n=== Labelled fixtures (information only) ===\n  " << fixtures.status << "\n";
    Tally fixtureTally;
    for (const CaseResult& r : fixtures.results) {
        fixtureTally.add(r);
        std::cout << "  " << (r.hitRank == 1 ? "hit   " : "MISS  ") << describeMiss(r) << "\n";
    }
    if (fixtureTally.cases)
        std::cout << "  fixtures: AC@1 " << fixed(fixtureTally.ac(1)) << ", AC@3 "
                  << fixed(fixtureTally.ac(3)) << ", Avg@3 " << fixed(fixtureTally.avg3())
                  << " over " << fixtureTally.cases << "\n";

    // ---- 3. speed ----
    RankTiming timing;
    const bool timed = envNumber("ROOTLINE_RANK_SKIP_TIMING", 0) == 0;
    if (timed) {
        std::cout << "\n=== rankSuspects on a large trace (" << reps << " repetitions) ===\n"
                  << std::flush;
        timing = timeRankingOnLargeTrace(reps);
    }

    // ---- targets ----
    bool pass = true;
    const auto verdict = [&](bool ok) {
        pass = pass && ok;
        return ok ? "PASS" : "MISS";
    };
    std::cout << "\n=== Targets ===\n";
    std::cout << "  AC@1 overall " << fixed(all.ac(1), 3) << " (target >= " << fixed(kAc1Target)
              << "): " << verdict(all.ac(1) >= kAc1Target) << "\n";
    std::cout << "  AC@3 overall " << fixed(all.ac(3), 3) << " (target = " << fixed(kAc3Target)
              << "): " << verdict(all.ac(3) >= kAc3Target) << "\n";
    if (!timed) {
        std::cout << "  rank 1M spans: skipped (ROOTLINE_RANK_SKIP_TIMING)\n";
    } else if (!timing.error.empty()) {
        std::cout << "  rank 1M spans: " << timing.error << ": " << verdict(false) << "\n";
    } else {
        std::cout << "  rank " << timing.spans << " spans (" << timing.source << "): median "
                  << fixed(timing.median * 1e3, 1) << " ms over " << timing.seconds.size()
                  << " repetitions (target < " << fixed(kSecondsTarget * 1e3, 0)
                  << " ms): " << verdict(timing.median < kSecondsTarget) << "\n";
    }
    benchmark::Shutdown();
    return pass ? 0 : 1;
}
