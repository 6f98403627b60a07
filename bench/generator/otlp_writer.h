#pragma once
// Writing spec OTLP/JSON ({"resourceSpans":[…]}), compact, as an OpenTelemetry Collector
// exports it: spans grouped by resource (a service's replica), then by scope.

#include <ostream>

#include "generator/call_tree.h"
#include "generator/span_describer.h"

namespace rootline::bench::generator {

// Throws std::runtime_error when the stream fails.
void writeOtlp(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer);

}  // namespace rootline::bench::generator
