#pragma once
// OTLP JSON traces and the formats built on it: spec OTLP/JSON (hex ids, integer enums),
// legacy instrumentationLibrarySpans, snake_case keys, Grafana Tempo's trace-by-id responses
// (v1 {"batches"}, v2 {"trace", "status", "message"}, base64 ids, enum names) and Jaeger's
// api_v3 {"result": …} wrapper.

#include "formats/json_scalar.h"
#include "formats/read_context.h"

namespace rootline {

// Any object of the OTLP family; `label` names the format for messages ("OTLP JSON", …).
void readOtlpEnvelope(json::Element envelope, ReadContext& ctx, std::string label);
// One OTLP span, with the resource and scope of its group, or with the group's number when
// read before the skeleton (resolved later).
void readOtlpSpan(json::Element span, ReadContext& ctx, const GroupContext* group,
                  uint32_t deferredGroup = PendingSpan::kNoGroup);

}  // namespace rootline
