#pragma once
// Writing Jaeger v1 API JSON ({"data":[…]}), compact, as the Jaeger query service returns it:
// one entry per trace with its spans and its processes (the replicas that recorded them).

#include <ostream>

#include "generator/call_tree.h"
#include "generator/span_describer.h"

namespace rootline::bench::generator {

// Throws std::runtime_error when the stream fails.
void writeJaeger(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer);

}  // namespace rootline::bench::generator
