#pragma once
// Asynchronous failures: a consumer that failed while processing a message, reached from the
// request that produced it through a span link, a FOLLOWS_FROM reference or a
// producer→consumer parent. The producing request usually succeeded and never saw the
// failure, so a ranker that only follows the root's error chain misses it.

#include <cstdint>
#include <vector>

#include "model/trace.h"

namespace rootline {

// For each span: the producer-side span its asynchronous entry point hangs off, when `span` is
// such an entry point (a consumer or FOLLOWS_FROM child, or a root linked to a span of this
// trace); -1 otherwise.
std::vector<int32_t> findAsyncEntries(const Trace& trace);

}  // namespace rootline
