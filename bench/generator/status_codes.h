#pragma once
// Names of status codes as the SDKs and servers spell them, and which ones are the server's
// fault.

#include <cstdint>
#include <iterator>

namespace rootline::bench::generator {

// gRPC codes that the semantic conventions count as a server-side failure.
inline bool isGrpcServerError(uint16_t code) {
    return code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;
}

// The name of a gRPC status code, as status messages spell it.
inline const char* grpcCodeName(uint16_t code) {
    static const char* names[] = {"OK",
                                  "CANCELLED",
                                  "UNKNOWN",
                                  "INVALID_ARGUMENT",
                                  "DEADLINE_EXCEEDED",
                                  "NOT_FOUND",
                                  "ALREADY_EXISTS",
                                  "PERMISSION_DENIED",
                                  "RESOURCE_EXHAUSTED",
                                  "FAILED_PRECONDITION",
                                  "ABORTED",
                                  "OUT_OF_RANGE",
                                  "UNIMPLEMENTED",
                                  "INTERNAL",
                                  "UNAVAILABLE",
                                  "DATA_LOSS",
                                  "UNAUTHENTICATED"};
    return code < std::size(names) ? names[code] : "UNKNOWN";
}

// The reason phrase of the HTTP statuses a client may be refused with.
inline const char* httpReason(uint16_t code) {
    switch (code) {
        case 400:
            return "Bad Request";
        case 402:
            return "Payment Required";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 429:
            return "Too Many Requests";
        default:
            return "Error";
    }
}

}  // namespace rootline::bench::generator
