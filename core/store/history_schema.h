#pragma once
// The investigation history's SQLite schema: checking that a file is one, creating it in a new
// file, and the version number that later migrations will step from (PRAGMA user_version).

#include <string>

#include "store/sqlite_db.h"

namespace rootline::store::schema {

inline constexpr int kVersion = 1;
// PRAGMA application_id: marks the file as Rootline's, so another program's database is named
// as such instead of being written into. "RTLH" in ASCII.
inline constexpr int kApplicationId = 0x52544c48;

// Readies a freshly opened connection. Writable: switches to WAL and creates the schema in a new
// (empty) file. Read-only: only checks. On failure `error` is one line without the file name
// ("not an investigation history (file is not a database)").
bool prepare(sql::Db& db, bool writable, std::string& error);

}  // namespace rootline::store::schema
