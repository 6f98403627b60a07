// Opening a remote trace: the server first, the cache only when the server cannot answer.

#include "remote/remote_open.h"

#include <chrono>
#include <ctime>

#include "remote/trace_url.h"

namespace rootline::remote {

namespace {

int64_t nowUnixMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2026-11-21 14:03 (UTC)": the same for everyone who reads the message, whatever their zone.
std::string utcMinute(int64_t unixMs) {
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm tm{};
    ::gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M (UTC)", &tm);
    return buf;
}

// Only the server being out of reach lets the cached copy stand in; any answer it did give
// (not found, refused credentials, a bad query) is what the user has to see.
const char* outOfReach(RemoteErrorKind kind) {
    switch (kind) {
        case RemoteErrorKind::Network:
            return "cannot be reached";
        case RemoteErrorKind::Server:
            return "is failing";
        case RemoteErrorKind::RateLimited:
            return "is refusing requests for now";
        default:
            return nullptr;
    }
}

}  // namespace

std::string cacheKey(const Connection& c) {
    // validateConnection refuses credentials, queries and fragments in the URL; they are cut
    // here too, so that no unchecked connection can put a password into the cache file.
    std::string url = c.baseUrl.substr(0, c.baseUrl.find_first_of("?#"));
    const size_t hostStart = url.find("://");
    if (hostStart != std::string::npos) {
        const size_t pathStart = url.find('/', hostStart + 3);
        const size_t at = url.rfind('@', pathStart == std::string::npos ? url.size() : pathStart);
        if (at != std::string::npos && at > hostStart) url.erase(hostStart + 3, at - hostStart - 2);
    }
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return std::string(sourceKindName(c.kind)) + " " + url;
}

OpenedRemoteTrace openRemoteTrace(TraceSource& source, const std::string& traceId,
                                  store::RemoteTraceCache* cache, const std::atomic<bool>* cancel) {
    OpenedRemoteTrace out;
    const Connection& conn = source.connection();
    std::string why;
    const std::optional<std::string> id = normalizeTraceIdInput(traceId, why);
    if (!id) {
        out.error = {RemoteErrorKind::BadRequest, why};
        return out;
    }
    out.traceId = *id;
    out.sourceName = conn.name + ": " + id->substr(0, 8) + "…";

    Remote<FetchedTrace> fetched = source.fetchTrace(*id, cancel);
    if (fetched.ok()) {
        out.warnings = std::move(fetched.value.warnings);
        if (!cache) {
            out.body = std::move(fetched.value.body);
            return out;
        }
        store::CachedTrace row;
        row.sourceKey = cacheKey(conn);
        row.traceId = *id;
        row.connectionName = conn.name;
        row.api = fetched.value.api;
        row.fetchedUnixMs = row.openedUnixMs = nowUnixMs();
        row.body = std::move(fetched.value.body);  // moved in and back out: bodies can be large
        if (!cache->put(row, why)) out.warnings.push_back("not kept for offline use: " + why);
        out.body = std::move(row.body);
        return out;
    }

    const char* state = outOfReach(fetched.error.kind);
    std::optional<store::CachedTrace> copy;
    if (state && cache) copy = cache->get(cacheKey(conn), *id);
    if (!copy) {
        out.error = std::move(fetched.error);
        return out;
    }
    out.body = std::move(copy->body);
    out.fromCache = true;
    out.cachedUnixMs = copy->fetchedUnixMs;
    out.warnings.push_back(conn.endpoint() + " " + state + " (" + fetched.error.message +
                           "); showing the copy fetched " + utcMinute(copy->fetchedUnixMs));
    return out;
}

}  // namespace rootline::remote
