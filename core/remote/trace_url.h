#pragma once
// Trace URLs that commands accept wherever they take a FILE:
//   jaeger+http://localhost:16686/4bf92f3577b34da6a3ce929d0e0e4736
//   tempo+https://grafana.example/tempo/W47/95gDgQPSabYzgT/HAA==   (base64 ids may hold '/')
// The scheme names the kind; the id is the last path segment (for base64, the part after the
// base URL's path is found by trying the id as hex first, then the longest base64 tail).

#include <optional>
#include <string>
#include <string_view>

#include "remote/connection.h"

namespace rootline::remote {

struct TraceUrl {
    SourceKind kind = SourceKind::Jaeger;
    std::string baseUrl;  // http(s)://host[:port][/sub/path], no trailing '/'
    std::string traceId;  // 32 lowercase hex
};

bool looksLikeTraceUrl(std::string_view text);  // starts with jaeger+http or tempo+http
// nullopt with a one-line `error` for a malformed URL or an id that is not 16/32 hex or base64.
std::optional<TraceUrl> parseTraceUrl(std::string_view text, std::string& error);
std::string formatTraceUrl(const TraceUrl& url);

// What the user typed in "Open trace id": 1–32 hex digits or base64 (standard or URL-safe,
// padded or not) of 8 or 16 bytes, surrounding spaces ignored → 32 lowercase hex. nullopt with a
// one-line `error` otherwise.
std::optional<std::string> normalizeTraceIdInput(std::string_view text, std::string& error);

}  // namespace rootline::remote
