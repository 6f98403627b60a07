#pragma once
// Contention: evidence that a span waited for a shared resource — a connection pool, a lock,
// a queue, a semaphore — or was turned away by an overloaded one (429, 503,
// RESOURCE_EXHAUSTED, "pool exhausted", "too many connections", "deadlock"…). Read from the
// span's name, its attribute keys (db.client.connection.pool.name, …wait_time…), its status
// message and its exception messages. Only the fact and its first piece of evidence are kept;
// the ranker decides whether it matters (a 1 ms "acquire connection" span is normal).

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/span_outcome.h"
#include "model/trace.h"

namespace rootline {

struct Contention {
    std::vector<uint8_t> present;  // per span
    // What showed it ("status 'connection pool exhausted'"), for spans with evidence only.
    std::unordered_map<uint32_t, std::string> evidence;
};

Contention findContention(const Trace& trace, const SpanOutcomes& outcomes);

// Whether `text` speaks of pools, locks, queues or overload (case-insensitive).
bool textSaysContention(std::string_view text);

}  // namespace rootline
