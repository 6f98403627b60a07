#include "trace_generator.h"

#include "generator/call_tree.h"
#include "generator/jaeger_writer.h"
#include "generator/otlp_writer.h"
#include "generator/span_describer.h"

// The generator, stage by stage (files in generator/):
//   1. randomness that is the same on every machine: seeded_random.h
//   2. the catalogue of services, endpoints, databases and scopes: languages,
//      service_catalogue
//   3. the tree, one compact record per span (structure, timing, outcome): span_record.h,
//      call_tree
//   4. describing a span, its name, attributes and events derived from (seed, index):
//      span_describer, span_attributes, span_description.h, error_texts, placeholders,
//      status_codes
//   5. the JSON writers for Jaeger and OTLP: json_out.h, jaeger_writer, otlp_writer
// text_format.h (numbers appended to strings) serves stages 4 and 5.

namespace rootline::bench {

void writeTrace(std::ostream& out, const GeneratorOptions& options) {
    const generator::GeneratedSpans generated = generator::generateSpans(options);
    generator::SpanDescriber describer(options, generated.spans);
    if (options.format == GeneratorOptions::Format::Jaeger)
        generator::writeJaeger(out, generated, describer);
    else
        generator::writeOtlp(out, generated, describer);
}

std::optional<GeneratorOptions::Format> parseFormat(std::string_view name) {
    if (name == "jaeger") return GeneratorOptions::Format::Jaeger;
    if (name == "otlp") return GeneratorOptions::Format::Otlp;
    return std::nullopt;
}

const char* formatName(GeneratorOptions::Format format) {
    return format == GeneratorOptions::Format::Jaeger ? "jaeger" : "otlp";
}

}  // namespace rootline::bench
