#include "generator/otlp_writer.h"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "generator/json_out.h"
#include "generator/span_description.h"

namespace rootline::bench::generator {

namespace {

class OtlpWriter {
public:
    OtlpWriter(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer)
        : out_(os), spans_(generated.spans), describer_(describer) {}

    void write() {
        // Spans grouped by replica (resource), then by scope, in generation order within each
        // group: what an OpenTelemetry Collector's batch looks like.
        constexpr size_t kScopes = kCategories;
        const size_t groups = kServiceCount * 2 * kScopes;
        std::vector<uint32_t> begin(groups + 1, 0);
        auto groupOf = [&](uint32_t i) {
            const GenSpan& g = spans_[i];
            return resourceOf(g) * kScopes +
                   describer_.service(g.service).scopeOf[categoryOf(g.type)];
        };
        for (uint32_t i = 0; i < spans_.size(); ++i)
            ++begin[groupOf(i) + 1];
        for (size_t k = 0; k < groups; ++k)
            begin[k + 1] += begin[k];
        std::vector<uint32_t> order(spans_.size());
        {
            std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
            for (uint32_t i = 0; i < spans_.size(); ++i)
                order[fill[groupOf(i)]++] = i;
        }
        out_.raw("{\"resourceSpans\":[");
        bool firstResource = true;
        for (size_t r = 0; r < kServiceCount * 2; ++r) {
            if (begin[r * kScopes] == begin[(r + 1) * kScopes]) continue;
            const Service& s = describer_.service(r / 2);
            out_.raw(firstResource ? "{\"resource\":{\"attributes\":"
                                   : ",{\"resource\":{\"attributes\":");
            firstResource = false;
            describer_.resource(r, true, resource_);
            attributes(resource_, 0, resource_.size());
            out_.raw("},\"scopeSpans\":[");
            bool firstScope = true;
            for (size_t sc = 0; sc < kScopes; ++sc) {
                const size_t k = r * kScopes + sc;
                if (begin[k] == begin[k + 1]) continue;
                out_.raw(firstScope ? "{\"scope\":{\"name\":" : ",{\"scope\":{\"name\":");
                firstScope = false;
                out_.quoted(s.scopeNames[sc]);
                out_.raw(",\"version\":");
                out_.quoted(s.scopeNames[sc] == s.name ? s.versions[r % 2]
                                                       : s.instrumentationVersion);
                out_.raw("},\"spans\":[");
                for (uint32_t j = begin[k]; j < begin[k + 1]; ++j) {
                    if (j != begin[k]) out_.raw(',');
                    span(order[j]);
                    out_.maybeFlush();
                }
                out_.raw("]}");
            }
            out_.raw("]}");
        }
        out_.raw("]}");
        out_.flush();
    }

private:
    void attributes(const AttrList& list, size_t from, size_t count) {
        out_.raw('[');
        for (size_t k = from; k < from + count; ++k) {
            const Attr& a = list[k];
            out_.raw(k != from ? ",{\"key\":" : "{\"key\":");
            out_.quoted(a.key);
            switch (a.kind) {
                case Attr::Str:
                    out_.raw(",\"value\":{\"stringValue\":");
                    out_.quoted(a.text);
                    break;
                case Attr::Int:
                    // 64-bit integers are strings in OTLP/JSON.
                    out_.raw(",\"value\":{\"intValue\":\"");
                    out_.integer(a.integer);
                    out_.raw('"');
                    break;
                case Attr::Bool:
                    out_.raw(a.flag ? ",\"value\":{\"boolValue\":true"
                                    : ",\"value\":{\"boolValue\":false");
                    break;
                case Attr::Double:
                    out_.raw(",\"value\":{\"doubleValue\":");
                    out_.raw(a.text);
                    break;
            }
            out_.raw("}}");
        }
        out_.raw(']');
    }

    void span(uint32_t i) {
        const GenSpan& g = spans_[i];
        describer_.describe(i, desc_);
        const auto [hi, lo] = describer_.traceId(g.trace);
        out_.raw("{\"traceId\":\"");
        out_.hex(hi, 16);
        out_.hex(lo, 16);
        out_.raw("\",\"spanId\":\"");
        out_.hex(describer_.spanId(i), 16);
        if (g.parent != kNone) {
            out_.raw("\",\"parentSpanId\":\"");
            out_.hex(describer_.spanId(g.parent), 16);
        }
        out_.raw("\",\"name\":");
        out_.quoted(desc_.name);
        out_.raw(",\"kind\":");
        out_.integer(desc_.kind);
        out_.raw(",\"startTimeUnixNano\":\"");
        out_.integer(g.start);
        out_.raw("\",\"endTimeUnixNano\":\"");
        out_.integer(g.start + g.duration);
        out_.raw("\",\"attributes\":");
        attributes(desc_.attrs, 0, desc_.attrs.size());
        if (!desc_.events.empty()) {
            out_.raw(",\"events\":[");
            for (size_t e = 0; e < desc_.events.size(); ++e) {
                const EventDesc& ev = desc_.events[e];
                out_.raw(e ? ",{\"timeUnixNano\":\"" : "{\"timeUnixNano\":\"");
                out_.integer(ev.timeNs);
                out_.raw("\",\"name\":");
                out_.quoted(ev.name);
                out_.raw(",\"attributes\":");
                attributes(desc_.eventAttrs, ev.firstAttr, ev.attrCount);
                out_.raw('}');
            }
            out_.raw(']');
        }
        if (desc_.error) {
            out_.raw(",\"status\":{\"code\":2,\"message\":");
            out_.quoted(desc_.statusMessage);
            out_.raw("}}");
        } else {
            out_.raw(",\"status\":{}}");
        }
    }

    JsonOut out_;
    const std::vector<GenSpan>& spans_;
    SpanDescriber& describer_;
    SpanDesc desc_;
    AttrList resource_;
};

}  // namespace

void writeOtlp(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer) {
    OtlpWriter(os, generated, describer).write();
}

}  // namespace rootline::bench::generator
