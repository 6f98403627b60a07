#include "store/sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rootline::store::sql {

std::unique_ptr<Db> Db::open(const std::string& path, Mode mode, std::string& error) {
    sqlite3* db = nullptr;
    const int flags = mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        error = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    // Several processes (the app, rootline-cli) may share the file; a writer holds the lock for
    // milliseconds, so waiting up to 5 s only fails when something is truly stuck.
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<Db>(new Db(db));
}

Db::~Db() {
    sqlite3_close_v2(db_);
}

bool Db::exec(const char* sql, std::string& error) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return true;
    error = lastError();
    return false;
}

std::string Db::lastError() const {
    return sqlite3_errmsg(db_);
}

Stmt::Stmt(Db& db, const char* sql) {
    if (sqlite3_prepare_v2(db.raw(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        failed_ = true;
    }
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int index, std::string_view text) {
    if (stmt_ && sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8) != SQLITE_OK)
        failed_ = true;
    return *this;
}

Stmt& Stmt::bind(int index, int64_t value) {
    if (stmt_ && sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) failed_ = true;
    return *this;
}

Stmt& Stmt::bindNull(int index) {
    if (stmt_ && sqlite3_bind_null(stmt_, index) != SQLITE_OK) failed_ = true;
    return *this;
}

Stmt& Stmt::bindBlob(int index, std::string_view bytes) {
    if (stmt_ && sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
                     SQLITE_OK)
        failed_ = true;
    return *this;
}

bool Stmt::step() {
    if (!stmt_ || failed_) return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) failed_ = true;
    return false;
}

int64_t Stmt::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::string Stmt::text(int column) const {
    // Asking for the text first and its size second is the order SQLite documents as safe.
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}

std::string Stmt::blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}

bool Stmt::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

bool createPrivateFile(const std::string& path, std::string_view what, std::string& error) {
    std::filesystem::path folder;
    for (const std::filesystem::path& part : std::filesystem::path(path).parent_path()) {
        folder /= part;
        struct stat st {};
        if (::stat(folder.c_str(), &st) == 0) continue;
        if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
            error = folder.string() + ": cannot create the folder for " + std::string(what) + ": " +
                    std::strerror(errno);
            return false;
        }
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return true;
        error = path + ": cannot create " + std::string(what) + ": " + std::strerror(errno);
        return false;
    }
    const bool ok = ::fchmod(fd, 0600) == 0;  // the umask may have taken bits away, never added
    const int savedErrno = errno;
    ::close(fd);
    if (!ok)
        error = path + ": cannot set the mode of " + std::string(what) + ": " +
                std::strerror(savedErrno);
    return ok;
}

WriteTransaction::WriteTransaction(Db& db) : db_(db) {
    begun_ = db_.exec("BEGIN IMMEDIATE", error_);
}

WriteTransaction::~WriteTransaction() {
    if (begun_ && !done_) {
        std::string ignored;
        db_.exec("ROLLBACK", ignored);
    }
}

bool WriteTransaction::commit() {
    if (!begun_ || done_) return false;
    if (!db_.exec("COMMIT", error_)) return false;  // the destructor rolls back
    done_ = true;
    return true;
}

ReadTransaction::ReadTransaction(Db& db) : db_(db) {
    std::string ignored;
    begun_ = db_.exec("BEGIN", ignored);
}

ReadTransaction::~ReadTransaction() {
    if (begun_) {
        std::string ignored;
        db_.exec("COMMIT", ignored);
    }
}

}  // namespace rootline::store::sql
