#pragma once
// Jaeger v1 JSON (the /api/traces responses Jaeger UI reads and exports): trace objects with a
// `processes` map, spans with typed tags, logs and references, and every shape seen in files
// users have: {data:[…]}, {data:{…}}, a bare trace, an array of traces, spans with an embedded
// `process`, one span per line.

#include "formats/json_scalar.h"
#include "formats/read_context.h"

namespace rootline {

// A Jaeger v1 trace object: traceID, spans (scanner placeholders or inline spans), processes,
// warnings.
void readJaegerTraceObject(json::Element trace, ReadContext& ctx);
// The {data, errors, total, limit, offset} envelope of Jaeger's HTTP API.
void readJaegerEnvelope(json::Element envelope, ReadContext& ctx);
// One span. `group` supplies the trace id and process map of the enclosing trace object; null
// for standalone spans (arrays of spans, JSON Lines), which carry an embedded `process`, and
// for spans read before the skeleton, which name their `deferredGroup` instead.
void readJaegerSpan(json::Element span, ReadContext& ctx, const GroupContext* group,
                    uint32_t deferredGroup = PendingSpan::kNoGroup);

}  // namespace rootline
