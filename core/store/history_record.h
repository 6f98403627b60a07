#pragma once
// The canonical bytes of an investigation-history record and the audit-chain hash over them.
//
// Canonical bytes: one JSON object, UTF-8, no whitespace, members sorted by key (nlohmann::json
// keeps object members in a std::map, and dump() without indent writes them in that order),
// integers in decimal, strings escaped by nlohmann::json (non-ASCII kept as UTF-8; a byte that is
// not valid UTF-8 becomes U+FFFD before anything is hashed). No floating-point numbers, so two
// writers can never format one value two ways. Members:
//   every record:   "v" (format, 1), "kind" ("investigation" | "resolution"), "seq" (the record
//                   number), "created_unix_ms"
//   investigation:  "trace_id", "source", "tracepack", "provider", "model", "endpoint",
//                   "request_metadata", "raw_response", "verdict_json", "error" (strings),
//                   "input_tokens", "output_tokens", "latency_ms", "hallucinations" (integers),
//                   "signature": {"service", "operation", "exception_type", "status"}
//   resolution:     "investigation_id", "note"
// These bytes are stored as they are (records.payload); a reader never re-encodes them to check
// a hash, so a later format only has to be canonical for the records it writes.
//
// Chain: hash = sha256Hex(prev_hash ‖ canonical bytes), where prev_hash is the previous record's
// hash as 64 lowercase hex digits (64 zeros for record 1) and ‖ is plain concatenation.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/investigation_history.h"

namespace rootline::store::record {

inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kInvestigation = "investigation";
inline constexpr std::string_view kResolution = "resolution";

// `createdUnixMs` must already be set; `seq` is the record number the bytes will be stored as.
std::string encode(const Investigation& inv, int64_t seq);
std::string encode(const Resolution& res, int64_t seq);

std::string chainHash(std::string_view prevHash, std::string_view canonical);

// The members every record has, and the ones the indexed columns copy; verify() compares them.
struct Envelope {
    std::string kind;
    int64_t seq = 0;
    int64_t createdUnixMs = 0;
    int64_t investigationId = 0;  // resolutions only
    std::string signatureKey;     // investigations only; "" for an empty signature
};

// nullopt when the bytes are not a record (not JSON, a member missing or of the wrong type).
std::optional<Envelope> readEnvelope(std::string_view bytes);
std::optional<Investigation> decodeInvestigation(std::string_view bytes);
std::optional<Resolution> decodeResolution(std::string_view bytes);

// What lists show of a verdict; nullopt when `verdictJson` is empty or not a JSON object.
struct VerdictGist {
    std::string hypothesis;
    double confidence = 0;
};
std::optional<VerdictGist> verdictGist(std::string_view verdictJson);

}  // namespace rootline::store::record
