#!/usr/bin/env bash
# The performance harness behind `make bench` (docs/performance.md):
#   1. configures and builds the release preset (bench targets only, no tests);
#   2. generates 1,000,000-span Jaeger and OTLP files (seed 42) into build-release/bench-data/,
#      or reuses them when they are already there;
#   3. runs the import benchmark on them (5 repetitions; medians are what count, the machine
#      is shared) and the memory probe on each file, each probe in a process of its own;
#   4. runs the trace window benchmark on the Jaeger file at 1920×1080 (offscreen): open to
#      first paint, paint times over a scripted session, expand/collapse all, find, view memory;
#   5. runs the suspect ranking benchmark: AC@1/AC@3 on the fault-injected set (bench/faults,
#      seed 7, 10 cases per kind, Jaeger and OTLP), the labelled fixtures, and rankSuspects on
#      the 1M-span Jaeger file;
#   6. runs the tracepack benchmark: buildTracepack on the 1M-span Jaeger file with the ranking
#      precomputed (target < 200 ms), and rank + pack end to end.
#   7. prints the offline analyst's root-span accuracy on the fault-injected set (information).
# About 5 minutes on the 2-core reference machine when the build and the data are already there;
# 6–8 minutes from a fresh clone.
#
# Environment:
#   ROOTLINE_BENCH_SPANS   spans per file (default 1000000)
#   ROOTLINE_BENCH_REPS    benchmark repetitions (default 5)
# Exit status: 0 when everything ran and the memory, trace window, ranking and tracepack targets
# are met, 1 when one is missed (the figures are still printed), other non-zero values when
# something failed to run.
# The import/bare ratio target is reported as PASS/MISS but does not change the exit status.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

spans="${ROOTLINE_BENCH_SPANS:-1000000}"
reps="${ROOTLINE_BENCH_REPS:-5}"
seed=42
build="$root/build-release"
bin="$build/bin"
data="$build/bench-data"

echo "== build (release preset, bench targets) =="
cmake --preset release -DROOTLINE_BUILD_UI=ON -DROOTLINE_BUILD_TESTS=OFF \
    -DROOTLINE_BUILD_BENCH=ON >/dev/null
cmake --build --preset release --target rootline-gen rootline-bench-import rootline-memory-probe \
    rootline-bench-view rootline-bench-rank rootline-bench-tracepack rootline-bench-explain

echo "== data ($spans spans, seed $seed) =="
mkdir -p "$data"
declare -A files
for format in jaeger otlp; do
    file="$data/$format-$spans-seed$seed.json"
    if [ -s "$file" ]; then
        echo "reusing $file ($(stat -c %s "$file") bytes)"
    else
        # Write to a temporary name first: an interrupted run must not leave a truncated
        # file behind that the next run would reuse.
        "$bin/rootline-gen" --spans "$spans" --seed "$seed" --format "$format" -o "$file.tmp"
        mv "$file.tmp" "$file"
    fi
    files[$format]="$file"
done

echo "== import benchmark ($reps repetitions) =="
# One iteration per repetition is plenty for imports that take seconds; a low min time keeps
# the whole run short on two cores.
ROOTLINE_BENCH_FILE_JAEGER="${files[jaeger]}" ROOTLINE_BENCH_FILE_OTLP="${files[otlp]}" \
    "$bin/rootline-bench-import" --benchmark_repetitions="$reps" --benchmark_min_time=0.01 \
    --benchmark_counters_tabular=true

echo "== memory probe (one process per file) =="
status=0
for format in jaeger otlp; do
    echo "-- $format"
    "$bin/rootline-memory-probe" "${files[$format]}" || {
        code=$?
        [ "$code" -eq 1 ] || exit "$code"
        status=1
    }
done
if [ "$status" -ne 0 ]; then
    echo "memory: at least one target missed (see FAIL above)"
fi

echo "== trace window benchmark (1920x1080, offscreen) =="
QT_QPA_PLATFORM=offscreen ROOTLINE_BENCH_FILE="${files[jaeger]}" "$bin/rootline-bench-view" \
    --benchmark_counters_tabular=true || {
    code=$?
    [ "$code" -eq 1 ] || exit "$code"
    echo "trace window: at least one target missed (see MISS above)"
    status=1
}

echo "== suspect ranking benchmark (fault-injected set, labelled fixtures, $spans spans) =="
# Accuracy first (about a second), then rankSuspects on the Jaeger file generated above.
ROOTLINE_BENCH_FILE_JAEGER="${files[jaeger]}" ROOTLINE_BENCH_REPS="$reps" \
    "$bin/rootline-bench-rank" --benchmark_counters_tabular=true || {
    code=$?
    [ "$code" -eq 1 ] || exit "$code"
    echo "suspect ranking: at least one target missed (see MISS above)"
    status=1
}

echo "== tracepack benchmark ($spans spans, $reps repetitions) =="
ROOTLINE_BENCH_FILE_JAEGER="${files[jaeger]}" ROOTLINE_BENCH_REPS="$reps" \
    "$bin/rootline-bench-tracepack" --benchmark_counters_tabular=true || {
    code=$?
    [ "$code" -eq 1 ] || exit "$code"
    echo "tracepack: the 200 ms target was missed (see MISS above)"
    status=1
}

echo "== offline analyst accuracy (fault-injected set) =="
"$bin/rootline-bench-explain"
exit "$status"
