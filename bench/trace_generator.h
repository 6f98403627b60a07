#pragma once
// A seeded generator of realistic trace files for the benchmarks (rootline-gen, the import
// benchmark) and for anyone who needs a big file to try the app on.
//
// What it writes is modelled on OpenTelemetry-instrumented microservices (a shop of 12
// services in Node, Java, Go, Python, .NET, C++ and Rust): HTTP and gRPC client/server pairs
// across services, SQL and MongoDB queries with literal values, Redis commands, Kafka
// producer/consumer hops, internal spans, retries and cache misses as events, and errors with
// exception events and stack traces. Both output formats carry the same spans, so Jaeger and
// OTLP imports of one seed can be compared.
//
// Why streaming: the 1M-span benchmark files are ~1 GB. Only a compact 40-byte record per span
// (tree, timing, outcome) is held; every attribute value and id is derived at write time from
// (seed, span index), so the JSON text never exists in memory as a whole.
//
// Same options → same bytes, on any machine: the generator uses its own integer random
// numbers and no floating-point library functions.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace rootline::bench {

struct GeneratorOptions {
    size_t spans = 0;  // in all traces together; at least 1
    uint64_t seed = 42;
    enum class Format { Jaeger, Otlp } format = Format::Jaeger;
    size_t traces = 1;  // the spans are split evenly over this many trace ids (≤ spans)
    double errorRate = 0.02;
};

// Writes one file: Jaeger v1 API JSON ({"data":[…]}) or spec OTLP/JSON ({"resourceSpans":[…]}),
// compact, as the servers send it. Throws std::invalid_argument for impossible options and
// std::runtime_error when the stream fails.
void writeTrace(std::ostream& out, const GeneratorOptions& options);

// "jaeger" / "otlp" (as on rootline-gen's command line).
std::optional<GeneratorOptions::Format> parseFormat(std::string_view name);
const char* formatName(GeneratorOptions::Format format);

}  // namespace rootline::bench
