#pragma once
// What differs between the languages the simulated services are written in: the SDK's
// resource attributes, the instrumentation library (scope) that records each category of span,
// the user agent of the HTTP client, and the errors its clients throw.

#include <array>
#include <cstddef>
#include <cstdint>

namespace rootline::bench::generator {

enum class Lang : uint8_t { Node, Java, Go, Python, DotNet, Cpp, Rust };
// Which instrumentation library (scope) records a span.
enum Category : uint8_t {
    kHttpServer,
    kHttpClient,
    kGrpcServer,
    kGrpcClient,
    kDb,
    kCache,
    kMessaging,
    kInternal,
    kCategories
};

struct LangInfo {
    const char* sdkLanguage;
    const char* runtimeName;  // empty: the SDK does not report one
    const char* runtimeVersion;
    std::array<const char*, kCategories> scopes;  // nullptr: the service's own name
    const char* userAgent;                        // of its HTTP client
    bool threads;                                 // reports thread.id / thread.name
    const char* httpError;                        // what its HTTP client throws on a 4xx
    const char* grpcError;                        // what its gRPC client throws
};

const LangInfo& langInfo(Lang lang);

}  // namespace rootline::bench::generator
