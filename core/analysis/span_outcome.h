#pragma once
// What each span says about its own outcome, read once per trace for every signal to share:
// declared or inferred error status, HTTP and gRPC codes, exception events, whether the
// failure reads as a timeout or as a rejection of the caller's input, and retry counters.
//
// A span "failed" when its status is Error, when it recorded an exception (instrumentations that
// never set a status still record the exception), or when it is a server span that answered
// with an HTTP 4xx/5xx or a non-OK gRPC code (OpenTelemetry leaves a server's 4xx and some gRPC
// codes unset, but the failure its client records started there).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/trace.h"

namespace rootline {

struct SpanOutcomes {
    std::vector<int32_t> httpStatus;       // 0 when the span has none
    std::vector<int32_t> grpcStatus;       // -1 when the span has none
    std::vector<int32_t> resendCount;      // http.request.resend_count, 0 when absent
    std::vector<uint16_t> exceptionCount;  // events named "exception"
    std::vector<uint8_t> failed;
    std::vector<uint8_t> timeout;     // status, code or exception says deadline/timeout
    std::vector<uint8_t> rejection;   // a 4xx-class answer: the caller's request was refused
    std::vector<uint8_t> overloaded;  // 429, 503, RESOURCE_EXHAUSTED, UNAVAILABLE
    // Who a client or producer span calls: the service of its first child in another service,
    // else its server.address / peer.service, else 0. "GET" to two services is two operations.
    std::vector<uint64_t> callee;

    // The first exception's "type: message", or the status message, or "".
    std::string failureText(const Trace& trace, size_t span) const;
};

SpanOutcomes readSpanOutcomes(const Trace& trace);

// Two spans are calls of the same operation: same name, kind and callee.
inline bool sameOperation(const Trace& t, const SpanOutcomes& o, size_t a, size_t b) {
    return t.name[a] == t.name[b] && t.kind[a] == t.kind[b] && o.callee[a] == o.callee[b];
}

// Case-insensitive: "timeout", "timed out", "deadline exceeded", "DeadlineExceeded", …
bool textSaysTimeout(std::string_view text);

}  // namespace rootline
