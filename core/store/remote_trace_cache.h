#pragma once
// Remote traces opened recently, kept in a local SQLite file so they reopen when the server is
// out of reach (~/.local/share/Rootline/rootline/remote-traces.sqlite3, or
// $ROOTLINE_REMOTE_CACHE). Only the response bodies and where they came from are kept: never a
// credential, a header or a query string.
//
// Bounded: at most `maxEntries` traces and `maxBytes` of bodies; the least recently opened go
// first. A body larger than `maxBytes / 4` is not cached (put() says so).
//
// Threads and processes as for the investigation history: one object per thread; several
// objects (the app and rootline-cli) may share the file.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rootline::store {

struct CachedTrace {
    std::string sourceKey;       // what identifies the server: "<kind> <scheme://host:port/path>"
    std::string traceId;         // 32 lowercase hex
    std::string connectionName;  // the user's name for the connection when it was fetched
    std::string api;             // which API answered (remote::FetchedTrace::api)
    int64_t fetchedUnixMs = 0;
    int64_t openedUnixMs = 0;  // last time it was opened (from the server or from here)
    std::string body;          // empty in recent()
    int64_t bodyBytes = 0;
};

struct CacheLimits {
    int maxEntries = 50;
    int64_t maxBytes = 1024LL * 1024 * 1024;  // 1 GiB
};

class RemoteTraceCache {
public:
    // Opens or creates the file (and its folder). Null with a one-line error naming the file.
    static std::unique_ptr<RemoteTraceCache> open(const std::string& path, std::string& error,
                                                  CacheLimits limits = {});
    ~RemoteTraceCache();
    RemoteTraceCache(const RemoteTraceCache&) = delete;
    RemoteTraceCache& operator=(const RemoteTraceCache&) = delete;

    // Stores (or replaces) a trace and evicts beyond the limits. False with an error.
    bool put(const CachedTrace& trace, std::string& error);
    // The stored trace, marking it opened now; nullopt when absent.
    std::optional<CachedTrace> get(const std::string& sourceKey, const std::string& traceId);
    // Newest opened first, without bodies.
    std::vector<CachedTrace> recent(int limit = 50);
    bool remove(const std::string& sourceKey, const std::string& traceId);

private:
    struct Impl;
    explicit RemoteTraceCache(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

std::string remoteTraceCachePath();

}  // namespace rootline::store
