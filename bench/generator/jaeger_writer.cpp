#include "generator/jaeger_writer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "generator/json_out.h"
#include "generator/span_description.h"

namespace rootline::bench::generator {

namespace {

// The span.kind tag for an OTLP span kind (SpanDesc::kind).
const char* jaegerKind(int kind) {
    static const char* names[] = {"unspecified", "internal", "server",
                                  "client",      "producer", "consumer"};
    return names[kind];
}

class JaegerWriter {
public:
    JaegerWriter(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer)
        : out_(os),
          spans_(generated.spans),
          traceBegin_(generated.traceBegin),
          describer_(describer) {}

    void write() {
        out_.raw("{\"data\":[");
        std::array<int, kServiceCount * 2> processOf{};
        std::vector<size_t> processes;
        for (size_t t = 0; t + 1 < traceBegin_.size(); ++t) {
            // Jaeger numbers the processes of each trace p1, p2… in order of appearance.
            processOf.fill(0);
            processes.clear();
            for (uint32_t i = traceBegin_[t]; i < traceBegin_[t + 1]; ++i) {
                const size_t r = resourceOf(spans_[i]);
                if (!processOf[r]) {
                    processes.push_back(r);
                    processOf[r] = static_cast<int>(processes.size());
                }
            }
            const auto [hi, lo] = describer_.traceId(static_cast<uint32_t>(t));
            out_.raw(t ? ",{\"traceID\":\"" : "{\"traceID\":\"");
            out_.hex(hi, 16);
            out_.hex(lo, 16);
            out_.raw("\",\"spans\":[");
            for (uint32_t i = traceBegin_[t]; i < traceBegin_[t + 1]; ++i) {
                if (i != traceBegin_[t]) out_.raw(',');
                span(i, hi, lo, processOf[resourceOf(spans_[i])]);
                out_.maybeFlush();
            }
            out_.raw("],\"processes\":{");
            for (size_t p = 0; p < processes.size(); ++p) {
                out_.raw(p ? ",\"p" : "\"p");
                out_.integer(static_cast<int64_t>(p + 1));
                out_.raw("\":{\"serviceName\":");
                out_.quoted(describer_.service(processes[p] / 2).name);
                out_.raw(",\"tags\":");
                describer_.resource(processes[p], false, resource_);
                tags(resource_, 0, resource_.size());
                out_.raw('}');
            }
            out_.raw("},\"warnings\":null}");
        }
        out_.raw("],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
        out_.flush();
    }

private:
    void tag(const char* key, const Attr& a) {
        out_.raw("{\"key\":");
        out_.quoted(key);
        switch (a.kind) {
            case Attr::Str:
                out_.raw(",\"type\":\"string\",\"value\":");
                out_.quoted(a.text);
                break;
            case Attr::Int:
                out_.raw(",\"type\":\"int64\",\"value\":");
                out_.integer(a.integer);
                break;
            case Attr::Bool:
                out_.raw(a.flag ? ",\"type\":\"bool\",\"value\":true"
                                : ",\"type\":\"bool\",\"value\":false");
                break;
            case Attr::Double:
                out_.raw(",\"type\":\"float64\",\"value\":");
                out_.raw(a.text);
                break;
        }
        out_.raw('}');
    }

    void tags(const AttrList& list, size_t from, size_t count, bool open = true) {
        if (open) out_.raw('[');
        for (size_t k = from; k < from + count; ++k) {
            if (k != from || !open) out_.raw(',');
            tag(list[k].key, list[k]);
        }
        if (open) out_.raw(']');
    }

    void stringTag(const char* key, std::string_view value) {
        out_.raw("{\"key\":\"");
        out_.raw(key);
        out_.raw("\",\"type\":\"string\",\"value\":");
        out_.quoted(value);
        out_.raw('}');
    }

    // As Jaeger shows a span that came in over OTLP: scope, kind and status become tags,
    // events become logs whose first field is "event".
    void span(uint32_t i, uint64_t hi, uint64_t lo, int process) {
        const GenSpan& g = spans_[i];
        const Service& s = describer_.service(g.service);
        describer_.describe(i, desc_);
        out_.raw("{\"traceID\":\"");
        out_.hex(hi, 16);
        out_.hex(lo, 16);
        out_.raw("\",\"spanID\":\"");
        out_.hex(describer_.spanId(i), 16);
        out_.raw("\",\"operationName\":");
        out_.quoted(desc_.name);
        if (g.parent == kNone) {
            out_.raw(",\"references\":[]");
        } else {
            out_.raw(g.type == Type::Consumer ? ",\"references\":[{\"refType\":\"FOLLOWS_FROM\""
                                              : ",\"references\":[{\"refType\":\"CHILD_OF\"");
            out_.raw(",\"traceID\":\"");
            out_.hex(hi, 16);
            out_.hex(lo, 16);
            out_.raw("\",\"spanID\":\"");
            out_.hex(describer_.spanId(g.parent), 16);
            out_.raw("\"}]");
        }
        // Microseconds, rounded down at both ends so a child stays inside its parent.
        const int64_t startUs = g.start / 1000;
        out_.raw(",\"startTime\":");
        out_.integer(startUs);
        out_.raw(",\"duration\":");
        out_.integer((g.start + g.duration) / 1000 - startUs);
        out_.raw(",\"tags\":[");
        // Old SDKs exported through collectors that still said "library".
        const bool library = !s.newSemconv;
        stringTag(library ? "otel.library.name" : "otel.scope.name", s.scopeNames[desc_.scope]);
        out_.raw(',');
        stringTag(library ? "otel.library.version" : "otel.scope.version",
                  s.scopeNames[desc_.scope] == s.name ? s.versions[g.instance]
                                                      : s.instrumentationVersion);
        tags(desc_.attrs, 0, desc_.attrs.size(), false);
        out_.raw(',');
        stringTag("span.kind", jaegerKind(desc_.kind));
        if (desc_.error) {
            out_.raw(",{\"key\":\"error\",\"type\":\"bool\",\"value\":true},");
            stringTag("otel.status_code", "ERROR");
            if (!desc_.statusMessage.empty()) {
                out_.raw(',');
                stringTag("otel.status_description", desc_.statusMessage);
            }
        }
        out_.raw("],\"logs\":[");
        for (size_t e = 0; e < desc_.events.size(); ++e) {
            const EventDesc& ev = desc_.events[e];
            out_.raw(e ? ",{\"timestamp\":" : "{\"timestamp\":");
            out_.integer(ev.timeNs / 1000);
            out_.raw(",\"fields\":[");
            stringTag("event", ev.name);
            tags(desc_.eventAttrs, ev.firstAttr, ev.attrCount, false);
            out_.raw("]}");
        }
        out_.raw("],\"processID\":\"p");
        out_.integer(process);
        out_.raw("\",\"warnings\":null}");
    }

    JsonOut out_;
    const std::vector<GenSpan>& spans_;
    const std::vector<uint32_t>& traceBegin_;
    SpanDescriber& describer_;
    SpanDesc desc_;
    AttrList resource_;
};

}  // namespace

void writeJaeger(std::ostream& os, const GeneratedSpans& generated, SpanDescriber& describer) {
    JaegerWriter(os, generated, describer).write();
}

}  // namespace rootline::bench::generator
