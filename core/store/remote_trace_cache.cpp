// RemoteTraceCache: remote traces kept in a local SQLite file for when the server is out of
// reach. A cache, not a record: rows are replaced and evicted freely, and nothing in it is a
// credential (the API takes none).

#include "store/remote_trace_cache.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "store/sqlite_db.h"
#include "util/data_dir.h"

namespace rootline::store {

namespace {

constexpr const char* kWhat = "the remote-trace cache";
constexpr int kVersion = 1;
// PRAGMA application_id: "RTLC" in ASCII, so the history ("RTLH") or another program's database
// is named as such instead of being written into.
constexpr int kApplicationId = 0x52544c43;

// open_seq orders rows by when they were last opened, whatever the clock does: two opens in the
// same millisecond, or a clock set back, still leave the least recently opened first to go.
constexpr const char* kCreateV1 = R"sql(
CREATE TABLE traces (
  source_key TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  connection_name TEXT NOT NULL,
  api TEXT NOT NULL,
  fetched_ms INTEGER NOT NULL,
  opened_ms INTEGER NOT NULL,
  open_seq INTEGER NOT NULL,
  body BLOB NOT NULL,
  body_bytes INTEGER NOT NULL,
  PRIMARY KEY (source_key, trace_id)
);
CREATE INDEX traces_by_open ON traces (open_seq);
PRAGMA application_id = 1381256259;
PRAGMA user_version = 1;
)sql";
static_assert(kApplicationId == 1381256259 && kVersion == 1, "keep kCreateV1 in step");

constexpr const char* kNextSeq = "(SELECT coalesce(max(open_seq), 0) + 1 FROM traces)";

int64_t nowUnixMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool readInt(sql::Db& db, const char* sql, int64_t& value) {
    sql::Stmt s(db, sql);
    if (!s.step()) return false;
    value = s.int64(0);
    return true;
}

// Checks that the file is a cache (or empty), then creates the table in a new one. `error` is
// one line without the file name.
bool prepare(sql::Db& db, std::string& error) {
    int64_t appId = 0, version = 0, tables = 0;
    // The first statement reads the file header: a file that is not SQLite fails here.
    if (!readInt(db, "PRAGMA application_id", appId) ||
        !readInt(db, "PRAGMA user_version", version)) {
        error = "not a Rootline cache (" + db.lastError() + ")";
        return false;
    }
    if (appId != 0 && appId != kApplicationId) {
        error = "not a Rootline cache (another program's database)";
        return false;
    }
    if (version > kVersion) {
        error = "written by a newer Rootline (cache schema " + std::to_string(version) +
                "; this one reads up to " + std::to_string(kVersion) + ")";
        return false;
    }
    if (version == 0 && (!readInt(db, "SELECT count(*) FROM sqlite_master", tables) || tables)) {
        error = "not a Rootline cache (it holds other tables)";
        return false;
    }
    if (!db.exec("PRAGMA journal_mode = WAL", error)) {
        error = "cannot switch to write-ahead logging (" + error + ")";
        return false;
    }
    if (version == kVersion) return true;
    sql::WriteTransaction tx(db);
    // Another process may have set the file up while this one waited for the lock.
    if (!tx.begun() || !readInt(db, "PRAGMA user_version", version)) {
        error =
            "cannot set up the cache (" + (tx.error().empty() ? db.lastError() : tx.error()) + ")";
        return false;
    }
    if (version == kVersion) return tx.commit();
    std::string why;
    if (!db.exec(kCreateV1, why) || !tx.commit()) {
        error = "cannot set up the cache (" + (why.empty() ? tx.error() : why) + ")";
        return false;
    }
    return true;
}

bool isLowerHex32(const std::string& id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string sizeText(int64_t bytes) {
    if (bytes < 10 * 1024) return std::to_string(bytes) + " bytes";
    if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes / (1024 * 1024)) + " MB";
}

}  // namespace

struct RemoteTraceCache::Impl {
    std::unique_ptr<sql::Db> db;
    std::string path;
    CacheLimits limits;

    // Deletes the least recently opened rows beyond the limits. Inside the caller's transaction.
    bool evict() {
        sql::Stmt rows(*db, "SELECT rowid, body_bytes FROM traces ORDER BY open_seq DESC");
        std::vector<int64_t> doomed;
        int64_t count = 0, bytes = 0;
        while (rows.step()) {
            bytes += rows.int64(1);
            if (++count > limits.maxEntries || bytes > limits.maxBytes)
                doomed.push_back(rows.int64(0));
        }
        if (rows.failed()) return false;
        for (int64_t rowid : doomed) {
            sql::Stmt del(*db, "DELETE FROM traces WHERE rowid = ?1");
            del.bind(1, rowid).step();
            if (del.failed()) return false;
        }
        return true;
    }
};

RemoteTraceCache::RemoteTraceCache(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RemoteTraceCache::~RemoteTraceCache() = default;

std::unique_ptr<RemoteTraceCache> RemoteTraceCache::open(const std::string& path,
                                                         std::string& error, CacheLimits limits) {
    if (path.empty()) {
        error = "remote-trace cache: no data folder ($XDG_DATA_HOME and $HOME are unset)";
        return nullptr;
    }
    if (!sql::createPrivateFile(path, kWhat, error)) return nullptr;
    if (::access(path.c_str(), W_OK) != 0) {
        error = path + ": cannot write to " + kWhat + ": " + std::strerror(errno);
        return nullptr;
    }
    std::string why;
    auto impl = std::make_unique<Impl>();
    impl->db = sql::Db::open(path, sql::Db::Mode::ReadWrite, why);
    if (!impl->db) {
        error = path + ": cannot open " + kWhat + " (" + why + ")";
        return nullptr;
    }
    if (!prepare(*impl->db, why)) {
        error = path + ": " + why;
        return nullptr;
    }
    impl->path = path;
    impl->limits.maxEntries = std::max(1, limits.maxEntries);
    impl->limits.maxBytes = std::max<int64_t>(1, limits.maxBytes);
    return std::unique_ptr<RemoteTraceCache>(new RemoteTraceCache(std::move(impl)));
}

bool RemoteTraceCache::put(const CachedTrace& trace, std::string& error) {
    const std::string failed = impl_->path + ": cannot write to " + kWhat + ": ";
    if (trace.sourceKey.empty() || !isLowerHex32(trace.traceId)) {
        error = failed + "a cached trace needs a source and a 32-digit lowercase hex id";
        return false;
    }
    const auto size = static_cast<int64_t>(trace.body.size());
    if (size > impl_->limits.maxBytes / 4) {
        error = "the trace is " + sizeText(size) + ", more than a quarter of " + kWhat + "'s " +
                sizeText(impl_->limits.maxBytes) + " limit";
        return false;
    }
    const int64_t now = nowUnixMs();
    sql::Db& db = *impl_->db;
    sql::WriteTransaction tx(db);
    if (!tx.begun()) {
        error = failed + tx.error();
        return false;
    }
    sql::Stmt insert(db, (std::string("INSERT OR REPLACE INTO traces (source_key, trace_id, "
                                      "connection_name, api, fetched_ms, opened_ms, open_seq, "
                                      "body, body_bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ") +
                          kNextSeq + ", ?7, ?8)")
                             .c_str());
    insert.bind(1, trace.sourceKey).bind(2, trace.traceId).bind(3, trace.connectionName);
    insert.bind(4, trace.api).bind(5, trace.fetchedUnixMs ? trace.fetchedUnixMs : now);
    insert.bind(6, trace.openedUnixMs ? trace.openedUnixMs : now);
    insert.bindBlob(7, trace.body).bind(8, size);
    insert.step();
    if (insert.failed() || !impl_->evict() || !tx.commit()) {
        error = failed + (tx.error().empty() ? db.lastError() : tx.error());
        return false;
    }
    return true;
}

std::optional<CachedTrace> RemoteTraceCache::get(const std::string& sourceKey,
                                                 const std::string& traceId) {
    sql::Db& db = *impl_->db;
    // Marking it opened is best effort: a file locked for longer than the busy timeout still
    // gives its trace (the transaction rolls back; the read below still runs).
    sql::WriteTransaction tx(db);
    {
        sql::Stmt mark(db, (std::string("UPDATE traces SET opened_ms = ?1, open_seq = ") +
                            kNextSeq + " WHERE source_key = ?2 AND trace_id = ?3")
                               .c_str());
        mark.bind(1, nowUnixMs()).bind(2, sourceKey).bind(3, traceId);
        if (tx.begun()) mark.step();
    }
    std::optional<CachedTrace> out;
    {
        sql::Stmt s(db,
                    "SELECT connection_name, api, fetched_ms, opened_ms, body, body_bytes "
                    "FROM traces WHERE source_key = ?1 AND trace_id = ?2");
        s.bind(1, sourceKey).bind(2, traceId);
        if (!s.step()) return std::nullopt;
        out.emplace();
        out->sourceKey = sourceKey;
        out->traceId = traceId;
        out->connectionName = s.text(0);
        out->api = s.text(1);
        out->fetchedUnixMs = s.int64(2);
        out->openedUnixMs = s.int64(3);
        out->body = s.blob(4);
        out->bodyBytes = s.int64(5);
    }
    tx.commit();
    return out;
}

std::vector<CachedTrace> RemoteTraceCache::recent(int limit) {
    sql::Stmt s(*impl_->db,
                "SELECT source_key, trace_id, connection_name, api, fetched_ms, opened_ms, "
                "body_bytes FROM traces ORDER BY open_seq DESC LIMIT ?1");
    s.bind(1, static_cast<int64_t>(std::max(0, limit)));
    std::vector<CachedTrace> out;
    while (s.step()) {
        CachedTrace row;
        row.sourceKey = s.text(0);
        row.traceId = s.text(1);
        row.connectionName = s.text(2);
        row.api = s.text(3);
        row.fetchedUnixMs = s.int64(4);
        row.openedUnixMs = s.int64(5);
        row.bodyBytes = s.int64(6);
        out.push_back(std::move(row));
    }
    return out;
}

bool RemoteTraceCache::remove(const std::string& sourceKey, const std::string& traceId) {
    sql::Stmt s(*impl_->db, "DELETE FROM traces WHERE source_key = ?1 AND trace_id = ?2");
    s.bind(1, sourceKey).bind(2, traceId).step();
    return !s.failed() && sqlite3_changes(impl_->db->raw()) > 0;
}

std::string remoteTraceCachePath() {
    if (const char* f = std::getenv("ROOTLINE_REMOTE_CACHE"); f && f[0]) return f;
    return userDataFile("remote-traces.sqlite3");
}

}  // namespace rootline::store
