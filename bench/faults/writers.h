#pragma once
// The two encodings of one generated trace. Both write exactly the exported spans with the
// same ids, times (whole microseconds), attributes, events and links, as the servers send
// them: Jaeger v1 API JSON the way the OTLP→Jaeger translator maps OTLP (status as
// otel.status_code + error=true, events as logs, links as FOLLOWS_FROM references, resource
// attributes as process tags), and spec OTLP/JSON (hex ids, integer enums, 64-bit numbers as
// strings).

#include <cstdint>
#include <string>

#include "draft.h"

namespace rootline::faults {

// Jaeger returns spans in storage order, not by time or tree: the spans are shuffled with
// `orderSeed`.
std::string writeJaeger(const Draft& draft, uint64_t orderSeed);
std::string writeOtlp(const Draft& draft);

// Shared by both writers: a span's times with its host's clock skew applied.
int64_t writtenStart(const Draft& draft, const Span& span);
int64_t writtenEnd(const Draft& draft, const Span& span);
int64_t eventTime(const Draft& draft, const Span& span, const Event& event);

}  // namespace rootline::faults
