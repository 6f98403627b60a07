#include "store/history_schema.h"

namespace rootline::store::schema {

namespace {

// Records are append-only: each row carries its place in the audit chain. The indexed columns
// copy what lookups need out of the payload; verify() checks that they still agree with it.
// chain_head is the one row that changes: the number and hash of the newest record, so that
// removing the newest records is noticed too. The triggers stop accidental rewrites by code; a
// deliberate one (dropping them) is what the chain is for.
constexpr const char* kCreateV1 = R"sql(
CREATE TABLE records (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('investigation', 'resolution')),
  created_unix_ms INTEGER NOT NULL,
  signature_key TEXT,
  investigation_id INTEGER,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX records_by_time ON records (created_unix_ms)
  WHERE kind = 'investigation';
CREATE INDEX records_by_signature ON records (signature_key, created_unix_ms)
  WHERE kind = 'investigation';
CREATE INDEX records_by_investigation ON records (investigation_id)
  WHERE kind = 'resolution';
CREATE TABLE chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  records INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO chain_head (id, records, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER records_append_only_update BEFORE UPDATE ON records
  BEGIN SELECT RAISE(ABORT, 'the investigation history is append-only'); END;
CREATE TRIGGER records_append_only_delete BEFORE DELETE ON records
  BEGIN SELECT RAISE(ABORT, 'the investigation history is append-only'); END;
PRAGMA application_id = 1381256264;
PRAGMA user_version = 1;
)sql";
static_assert(kApplicationId == 1381256264 && kVersion == 1, "keep kCreateV1 in step");

bool readInt(sql::Db& db, const char* sql, long long& value) {
    sql::Stmt s(db, sql);
    if (!s.step()) return false;
    value = s.int64(0);
    return true;
}

bool checkIdentity(sql::Db& db, long long& version, std::string& error) {
    long long appId = 0;
    // The first statement reads the file header: a file that is not SQLite fails here.
    if (!readInt(db, "PRAGMA application_id", appId) ||
        !readInt(db, "PRAGMA user_version", version)) {
        error = "not an investigation history (" + db.lastError() + ")";
        return false;
    }
    if (appId != 0 && appId != kApplicationId) {
        error = "not an investigation history (another program's database)";
        return false;
    }
    if (version > kVersion) {
        error = "written by a newer Rootline (schema " + std::to_string(version) +
                "; this one reads up to " + std::to_string(kVersion) + ")";
        return false;
    }
    return true;
}

}  // namespace

bool prepare(sql::Db& db, bool writable, std::string& error) {
    long long version = 0;
    if (!checkIdentity(db, version, error)) return false;
    if (!writable) {
        if (version == 0) error = "not an investigation history (no records in it)";
        return version != 0;
    }
    // Nothing is written into a file that holds someone else's tables, not even the journal mode.
    long long tables = 0;
    if (version == 0 && !readInt(db, "SELECT count(*) FROM sqlite_master", tables)) {
        error = "not an investigation history (" + db.lastError() + ")";
        return false;
    }
    if (tables != 0) {
        error = "not an investigation history (it holds other tables)";
        return false;
    }
    if (!db.exec("PRAGMA journal_mode = WAL", error)) {
        error = "cannot switch to write-ahead logging (" + error + ")";
        return false;
    }
    if (version == kVersion) return true;

    sql::WriteTransaction tx(db);
    if (!tx.begun()) {
        error = "cannot set up the history (" + tx.error() + ")";
        return false;
    }
    // Another process may have set the file up while this one waited for the lock.
    if (!readInt(db, "PRAGMA user_version", version)) {
        error = "cannot set up the history (" + db.lastError() + ")";
        return false;
    }
    if (version == kVersion) return tx.commit();
    if (!readInt(db, "SELECT count(*) FROM sqlite_master", tables)) {
        error = "cannot set up the history (" + db.lastError() + ")";
        return false;
    }
    if (tables != 0) {
        error = "not an investigation history (it holds other tables)";
        return false;
    }
    std::string why;
    if (!db.exec(kCreateV1, why) || !tx.commit()) {
        error = "cannot set up the history (" + (why.empty() ? tx.error() : why) + ")";
        return false;
    }
    return true;
}

}  // namespace rootline::store::schema
