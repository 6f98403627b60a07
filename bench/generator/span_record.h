#pragma once
// The compact record kept per generated span (structure, timing, outcome). Only this is held
// in memory; everything textual is derived from the span's index when it is written.

#include <cstddef>
#include <cstdint>

#include "generator/languages.h"

namespace rootline::bench::generator {

// No parent: the root of a trace.
constexpr uint32_t kNone = UINT32_MAX;

// What a span is; decides its name, attributes, scope and place in the tree.
enum class Type : uint8_t {
    HttpServer,
    GrpcServer,
    Consumer,
    HttpClient,
    GrpcClient,
    External,
    Producer,
    Db,
    Cache,
    Internal,
};

// The instrumentation library that records a span of this type.
inline Category categoryOf(Type t) {
    switch (t) {
        case Type::HttpServer:
            return kHttpServer;
        case Type::GrpcServer:
            return kGrpcServer;
        case Type::HttpClient:
        case Type::External:
            return kHttpClient;
        case Type::GrpcClient:
            return kGrpcClient;
        case Type::Consumer:
        case Type::Producer:
            return kMessaging;
        case Type::Db:
            return kDb;
        case Type::Cache:
            return kCache;
        case Type::Internal:
            return kInternal;
    }
    return kInternal;
}

// One span as generated; everything textual is derived from the index when it is written.
struct GenSpan {
    int64_t start = 0;     // ns since the epoch (relative to the parent while laying out)
    int64_t duration = 0;  // ns
    uint32_t parent = kNone;
    uint32_t trace = 0;
    uint8_t service = 0;
    uint8_t instance = 0;
    Type type = Type::Internal;
    uint8_t target = 0;  // service called by a client or producer span
    uint16_t op = 0;     // endpoint, query, command or internal operation
    uint16_t code = 0;   // HTTP status or gRPC status code
    bool error = false;
};

// The replica (service * 2 + instance) that records the span: a Jaeger process, an OTLP
// resource.
inline size_t resourceOf(const GenSpan& g) {
    return g.service * 2u + g.instance;
}

}  // namespace rootline::bench::generator
