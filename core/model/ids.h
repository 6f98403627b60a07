#pragma once
// Trace and span identifiers held as integers.
//
// Producers print ids in many ways: Jaeger v1 drops the high half when it is zero and, before
// 2019, leading zeros too; Tempo's trace-by-id API sends base64; OTLP sends hex in either case;
// a few old producers send opaque strings such as "span-1". Rootline parses all of them into a
// 128-bit trace id and a 64-bit span id so they compare as numbers, and keeps the original text
// only for ids that were not numbers at all.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rootline {

struct TraceId {
    uint64_t hi = 0;
    uint64_t lo = 0;
    bool isZero() const { return hi == 0 && lo == 0; }
    friend bool operator==(const TraceId&, const TraceId&) = default;
    friend auto operator<=>(const TraceId&, const TraceId&) = default;
};

using SpanId = uint64_t;

// How an id was written by its producer.
enum class IdEncoding : uint8_t { Empty, Hex, Base64, Opaque };

struct ParsedTraceId {
    TraceId id;
    IdEncoding encoding = IdEncoding::Empty;
};
struct ParsedSpanId {
    SpanId id = 0;
    IdEncoding encoding = IdEncoding::Empty;
};

// Hex (any case, up to 32 digits, short ids left-padded), else base64 (standard or URL-safe,
// padded or not) that decodes to exactly 16 bytes, else an opaque string hashed to 128 bits.
ParsedTraceId parseTraceId(std::string_view text);
// Hex up to 16 digits, else base64 of exactly 8 bytes, else an opaque string hashed to 64 bits.
ParsedSpanId parseSpanId(std::string_view text);

// Strict parsers for user input ("Open trace id"): nullopt unless the text is hex or base64.
std::optional<TraceId> parseTraceIdStrict(std::string_view text);

std::string toHex(const TraceId& id);  // always 32 lowercase hex digits
std::string toHex(SpanId id);          // always 16 lowercase hex digits

struct TraceIdHash {
    size_t operator()(const TraceId& t) const {
        return static_cast<size_t>(t.lo * 0x9E3779B97F4A7C15ULL ^ t.hi);
    }
};

}  // namespace rootline
