#pragma once
// The tree: lays out every trace as compact records (structure, timing, outcome) before
// anything is written. Shaped like real requests through the shop: client/server pairs across
// services, Kafka hops, queries and cache calls as leaves, at most 10 levels deep.

#include <cstdint>
#include <vector>

#include "generator/span_record.h"
#include "trace_generator.h"

namespace rootline::bench::generator {

struct GeneratedSpans {
    std::vector<GenSpan> spans;  // all traces, each in pre-order (parents before children)
    // Trace t is spans[traceBegin[t], traceBegin[t + 1]); one entry more than there are traces.
    std::vector<uint32_t> traceBegin;
};

// Generates the trees of all traces. Trace t gets spans/traces spans (the first ones one more
// when it does not divide) and starts a few seconds after the previous one. Throws
// std::invalid_argument for impossible options.
GeneratedSpans generateSpans(const GeneratorOptions& options);

}  // namespace rootline::bench::generator
