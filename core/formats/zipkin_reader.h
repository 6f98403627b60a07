#pragma once
// Zipkin v2 JSON: an array of spans with localEndpoint/remoteEndpoint, string tags and
// annotations, times in microseconds. Zipkin's shared client/server ids are split later by the
// trace index (see kSharedServer).

#include "formats/json_scalar.h"
#include "formats/read_context.h"

namespace rootline {

void readZipkinSpan(json::Element span, ReadContext& ctx,
                    uint32_t deferredGroup = PendingSpan::kNoGroup);

}  // namespace rootline
