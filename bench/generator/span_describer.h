#pragma once
// Describing a span: its name, attributes and events, derived from (seed, index) and the
// compact record, so that no span's text has to be kept. Same seed, same text.
//
// The per-kind names and attributes (HTTP, gRPC, messaging, database, cache, internal) are in
// span_attributes.cpp; the rest of the class is in span_describer.cpp.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "generator/seeded_random.h"
#include "generator/service_catalogue.h"
#include "generator/span_description.h"
#include "generator/span_record.h"
#include "trace_generator.h"

namespace rootline::bench::generator {

// Per-instance facts (both formats): the resource of a service's replica.
struct Instance {
    std::string host;  // k8s pod name, also host.name
    std::string ip;
    int64_t pid = 0;
    std::string version;
};

// Derives the textual content of each span from (seed, index) and the compact record.
class SpanDescriber {
public:
    SpanDescriber(const GeneratorOptions& options, const std::vector<GenSpan>& spans);

    const Service& service(size_t svc) const { return cat_.services[svc]; }
    const Instance& instance(size_t resource) const { return instances_[resource]; }

    uint64_t spanId(uint32_t i) const { return mix(seed_ + kSaltSpanId, i) | 1; }
    std::pair<uint64_t, uint64_t> traceId(uint32_t t) const {
        return {mix(seed_ + kSaltTraceId, 2 * t), mix(seed_ + kSaltTraceId, 2 * t + 1)};
    }

    // The resource attributes of replica `resource` (service * 2 + instance), service.name
    // included only when `withService` (Jaeger keeps it as the process's serviceName).
    void resource(size_t resource, bool withService, AttrList& out) const;

    void describe(uint32_t i, SpanDesc& d);

private:
    // The caller of a server span (its parent client), or a browser for the root.
    const GenSpan* caller(const GenSpan& g) const {
        return g.parent == kNone ? nullptr : &spans_[g.parent];
    }
    const std::string& ipOf(const GenSpan& g) const {
        return instances_[g.service * 2u + g.instance].ip;
    }
    // Both halves of a call draw the request's ids from the client's index, so url.full on
    // the client and url.path on the server name the same resource.
    Rng requestRng(uint32_t clientIndex) const {
        return Rng(mix(seed_ + kSaltRequest, clientIndex));
    }

    // One per kind of span (span_attributes.cpp): the name and the attributes.
    void httpServer(uint32_t i, const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);
    void httpClient(uint32_t i, const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);
    void grpcServer(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d);
    void grpcClient(uint32_t i, const GenSpan& g, const Service& s, SpanDesc& d);
    void messaging(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);
    void database(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);
    void cache(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);
    void internal(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);

    // Errors carry an exception event; about 10% of spans also log something ordinary: a cache
    // miss, a retry, a slow query, a line of application log.
    void addEvents(const GenSpan& g, const Service& s, Rng& rng, SpanDesc& d);

    uint64_t seed_;
    const std::vector<GenSpan>& spans_;
    const Catalog& cat_;
    std::vector<Instance> instances_;
    std::string message_;
};

}  // namespace rootline::bench::generator
