#pragma once
// rootline_faultgen: a seeded generator of fault-injected traces, to score the suspect ranker.
//
// Each case is one trace of an online shop (15–300 spans, 1–3 instances per service, healthy
// background work: cache hits, reads, N+1 queries, parallel fan-outs, message consumers) with
// one fault of a known kind injected, written as Jaeger v1 API JSON and as OTLP/JSON. The
// spans where the fault originates — the label — are known by construction and given by their
// 16-hex span ids. About a third of the cases also carry noise (clock skew, handled 404s,
// orphan spans). `no_fault` cases are healthy controls without a label.
//
// No Qt, no rootline_core: the output is JSON text, so the same cases can be written to disk
// (rootline-faultgen) or loaded in memory (the ranking bench and test). The same seed gives
// the same bytes on every machine: the randomness is integer-only (rng.h).

#include <cstdint>
#include <string>
#include <vector>

namespace rootline::faults {

struct FaultCase {
    std::string id;                        // "<kind>-<nn>", e.g. "db_error-03"
    std::string kind;                      // one of faultKinds() or kControlKind
    std::string traceIdHex;                // 32 lowercase hex digits
    std::vector<std::string> rootSpanIds;  // 16 lowercase hex digits each; empty for controls
    std::string jaegerJson;
    std::string otlpJson;
    std::string note;                // one line: what happened
    std::vector<std::string> noise;  // "benign_404", "clock_skew", "orphan_spans"
    size_t spanCount = 0;            // exported spans
};

constexpr const char* kControlKind = "no_fault";

// The fault kinds, in a stable order (the ids are part of the bench's output).
const std::vector<std::string>& faultKinds();

// `casesPerKind` cases of every fault kind, then half as many (at least one) no_fault
// controls. Throws std::logic_error if a generated case breaks its own invariants (a label
// that was not exported, a duplicate id): that is a bug in the generator, never in the input.
std::vector<FaultCase> generateFaultCases(uint64_t seed, int casesPerKind);

// One case on its own (the same bytes as in the full set).
FaultCase generateFaultCase(uint64_t seed, const std::string& kind, int index);

// labels.json: [{"case", "kind", "trace_id", "root_span_ids", "noise", "note"}, …]
std::string labelsJson(const std::vector<FaultCase>& cases);

}  // namespace rootline::faults
