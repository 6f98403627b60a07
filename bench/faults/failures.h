#pragma once
// How failures look in telemetry, and how they travel up a trace.
//
// An origin fails with an exception (or a protocol error); each ancestor then fails the way its
// instrumentation reports it: inside one process the same exception bubbles up (frameworks
// record it again on the server span), across a process boundary the caller only sees the
// response — an HTTP status or a gRPC code — and its client library raises its own exception.
// Status follows the OpenTelemetry rules: HTTP servers are errors on 5xx only, HTTP clients on
// ≥ 400; gRPC servers only on UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE
// and DATA_LOSS, gRPC clients on any code but OK. Status messages and exception events are
// set as each language's instrumentation sets them: not always.

#include <string>
#include <string_view>

#include "builder.h"

namespace rootline::faults {

struct ExceptionInfo {
    std::string type;
    std::string message;
    std::string stack;  // empty where the language records none (Go, Rust)
};

// Realistic application exceptions by category: "null" (a missing value dereferenced),
// "state" (an invariant broken), "parse" (a payload that does not decode).
ExceptionInfo appException(Rng& rng, Lang lang, const ServiceDef& service, std::string_view frame,
                           std::string_view category);
// The database's own error for "deadlock", "unique", "refused" (connection refused) or
// "missing_column" on the service's database, with its SQLSTATE / server code.
ExceptionInfo dbException(Rng& rng, Lang lang, const ServiceDef& service, std::string_view category,
                          std::string& responseCode);
// A client timeout as the language's HTTP client reports it.
ExceptionInfo timeoutException(Lang lang, std::string_view url, int64_t timeoutMs);
std::string stackTrace(Lang lang, const ServiceDef& service, std::string_view type,
                       std::string_view message, std::string_view frame);

// Records an "exception" event on the span (exception.type, .message, .stacktrace).
void recordException(Span& span, const ExceptionInfo& e, int64_t beforeEndNs);
// Marks the span failed by this exception, with the status message its language's
// instrumentation would set (sometimes none) and, as it would, the exception event.
void failWithException(Builder& b, int span, const ExceptionInfo& e, bool recordEvent);
// The server span answers with an error code (HTTP status or gRPC code) and description.
void failServer(Builder& b, int server, int httpStatus, int grpcCode,
                const std::string& description);

// The failure travels from `origin` to the root (or to `stopBefore`, an async boundary: the
// consumer's chain stops at the consumer). Each ancestor fails as described above, and the
// steps an ancestor had not started yet are skipped (most code does not go on after an
// exception; a few callers do run their remaining steps).
void propagateFailure(Builder& b, int origin, int stopBefore = -1);

bool grpcServerError(int code);
std::string_view grpcCodeName(int code);
std::string_view httpReason(int status);

}  // namespace rootline::faults
