#pragma once
// Opening a remote trace the way the app and the CLI both do: ask the server; on success keep
// the body in the cache; when the server cannot be reached (network error, 5xx, 429) and the
// cache has the trace, use the cached copy and say so. A NotFound or an auth error is never
// papered over with a cached copy: the user has to know the server said no.

#include <atomic>
#include <string>
#include <vector>

#include "remote/trace_source.h"
#include "store/remote_trace_cache.h"

namespace rootline::remote {

struct OpenedRemoteTrace {
    std::string body;        // loadable by formats/load; empty on failure
    std::string traceId;     // 32 lowercase hex
    std::string sourceName;  // for titles and messages: "prod jaeger: 4bf92f35…"
    bool fromCache = false;
    int64_t cachedUnixMs = 0;           // when the cached copy was fetched
    std::vector<std::string> warnings;  // partial trace, offline copy, cache not written…
    RemoteError error;
    bool ok() const { return error.ok(); }
};

// What identifies a connection's server in the cache: kind and base URL without credentials.
std::string cacheKey(const Connection& c);

// `cache` may be null (no caching).
OpenedRemoteTrace openRemoteTrace(TraceSource& source, const std::string& traceId,
                                  store::RemoteTraceCache* cache, const std::atomic<bool>* cancel);

}  // namespace rootline::remote
