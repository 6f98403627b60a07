#pragma once
// A thin RAII layer over the sqlite3 C API for core/store: a connection, prepared statements
// with bound parameters, and a write transaction. Nothing outside core/store includes this file,
// so sqlite3.h stays out of every other header.
//
// SQL text is always a constant in the code; values only ever travel as bound parameters.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rootline::store::sql {

class Db {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens an existing file (never creates one) with a 5 s busy timeout; null with `error` =
    // SQLite's reason.
    static std::unique_ptr<Db> open(const std::string& path, Mode mode, std::string& error);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // Runs constant SQL that takes no parameters (PRAGMA, DDL, BEGIN/COMMIT).
    bool exec(const char* sql, std::string& error);
    std::string lastError() const;  // SQLite's message for the last failure on this connection
    sqlite3* raw() const { return db_; }

private:
    explicit Db(sqlite3* db) : db_(db) {}
    sqlite3* db_;
};

class Stmt {
public:
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    // Parameters are numbered from 1, as in SQLite. The text is copied (SQLITE_TRANSIENT).
    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, int64_t value);
    Stmt& bindNull(int index);
    // Bytes that need not be UTF-8 (a response body), stored as a BLOB.
    Stmt& bindBlob(int index, std::string_view bytes);

    // True while a row is ready; false at the end or on an error (then failed() says which).
    bool step();
    bool failed() const { return failed_; }

    int64_t int64(int column) const;
    std::string text(int column) const;  // the exact bytes, "" for NULL
    std::string blob(int column) const;  // the exact bytes of a BLOB, "" for NULL
    bool isNull(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
    bool failed_ = false;
};

// BEGIN IMMEDIATE (the write lock now, so two processes never build on the same last record);
// rolled back unless commit() succeeds.
// Creates each missing folder above `path` with mode 0700 and the file itself with mode 0600
// when it is missing, so SQLite (which would use 0644 less the umask) finds it there; its -wal
// and -shm files take the same mode. What the file holds is private to the user. `what` names
// it in the one-line error ("the investigation history").
bool createPrivateFile(const std::string& path, std::string_view what, std::string& error);

class WriteTransaction {
public:
    explicit WriteTransaction(Db& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    bool begun() const { return begun_; }
    const std::string& error() const { return error_; }
    bool commit();

private:
    Db& db_;
    bool begun_ = false;
    bool done_ = false;
    std::string error_;
};

// BEGIN (deferred): one consistent snapshot for a multi-statement read under WAL.
class ReadTransaction {
public:
    explicit ReadTransaction(Db& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Db& db_;
    bool begun_ = false;
};

}  // namespace rootline::store::sql
