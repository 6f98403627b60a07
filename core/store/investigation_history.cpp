// InvestigationHistory: opening the file, appending records to the audit chain and the lookups
// the History panel, the CLI and the next tracepack need. verify() is in history_verify.cpp.

#include "store/investigation_history.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "store/history_impl.h"
#include "store/history_record.h"
#include "store/history_schema.h"
#include "util/data_dir.h"

namespace rootline::store {

namespace {

int64_t nowUnixMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The name of the first field of `inv` holding one of `secrets`, or null.
const char* fieldWithSecret(const Investigation& inv, const std::vector<std::string>& secrets) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"trace id", &inv.traceId},
        {"source", &inv.source},
        {"tracepack", &inv.tracepack},
        {"provider", &inv.provider},
        {"model", &inv.model},
        {"endpoint", &inv.endpoint},
        {"request metadata", &inv.requestMetadata},
        {"raw response", &inv.rawResponse},
        {"verdict", &inv.verdictJson},
        {"error", &inv.error},
        {"signature", &inv.signature.service},
        {"signature", &inv.signature.operation},
        {"signature", &inv.signature.exceptionType},
        {"signature", &inv.signature.status},
    };
    for (const auto& [name, text] : fields)
        for (const std::string& secret : secrets)
            if (text->find(secret) != std::string::npos) return name;
    return nullptr;
}

bool holdsSecret(const std::string& text, const std::vector<std::string>& secrets) {
    for (const std::string& secret : secrets)
        if (text.find(secret) != std::string::npos) return true;
    return false;
}

// What one append writes besides the payload.
struct NewRecord {
    std::string_view kind;
    int64_t createdUnixMs = 0;
    std::string signatureKey;     // investigations; "" stores NULL
    int64_t investigationId = 0;  // resolutions; 0 stores NULL
    std::function<std::string(int64_t seq)> encode;
};

// Appends under the write lock: reads the newest record, links to it, moves the chain head.
int64_t appendRecord(sql::Db& db, const std::string& path, const NewRecord& rec,
                     std::string& error) {
    const std::string failed = path + ": cannot write to the investigation history: ";
    sql::WriteTransaction tx(db);
    if (!tx.begun()) {
        error = failed + tx.error();
        return 0;
    }
    int64_t lastSeq = 0;
    std::string prevHash(record::kGenesisHash);
    {
        sql::Stmt last(db, "SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            lastSeq = last.int64(0);
            prevHash = last.text(1);
        }
        // Numbers never go back below what the chain head has seen: when the newest records
        // were removed, the gap stays for verify() to report instead of being filled.
        sql::Stmt head(db, "SELECT records FROM chain_head WHERE id = 1");
        if (head.step()) lastSeq = std::max(lastSeq, head.int64(0));
        if (last.failed() || head.failed()) {
            error = failed + db.lastError();
            return 0;
        }
    }
    if (rec.investigationId != 0) {
        sql::Stmt target(db, "SELECT kind FROM records WHERE seq = ?1");
        target.bind(1, rec.investigationId);
        if (!target.step() || target.text(0) != record::kInvestigation) {
            error = "no investigation " + std::to_string(rec.investigationId) + " in " + path;
            return 0;
        }
    }
    const int64_t seq = lastSeq + 1;
    const std::string payload = rec.encode(seq);
    const std::string hash = record::chainHash(prevHash, payload);

    sql::Stmt insert(db,
                     "INSERT INTO records (seq, kind, created_unix_ms, signature_key, "
                     "investigation_id, payload, prev_hash, hash) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, seq).bind(2, rec.kind).bind(3, rec.createdUnixMs);
    if (rec.signatureKey.empty())
        insert.bindNull(4);
    else
        insert.bind(4, rec.signatureKey);
    if (rec.investigationId == 0)
        insert.bindNull(5);
    else
        insert.bind(5, rec.investigationId);
    insert.bind(6, payload).bind(7, prevHash).bind(8, hash);
    insert.step();
    // A missing chain head is left missing: verify() reports it, and recreating it here would
    // hide what happened.
    sql::Stmt head(db, "UPDATE chain_head SET records = ?1, hash = ?2 WHERE id = 1");
    head.bind(1, seq).bind(2, hash);
    if (!insert.failed()) head.step();
    if (insert.failed() || head.failed() || !tx.commit()) {
        error = failed + (tx.error().empty() ? db.lastError() : tx.error());
        return 0;
    }
    return seq;
}

std::unique_ptr<sql::Db> openDb(const std::string& path, bool mayCreate, std::string& error) {
    if (path.empty()) {
        error = "investigation history: no data folder ($XDG_DATA_HOME and $HOME are unset)";
        return nullptr;
    }
    if (mayCreate) {
        if (!sql::createPrivateFile(path, "the investigation history", error)) return nullptr;
    } else {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            error = path + ": no investigation history there (" + std::strerror(errno) + ")";
            return nullptr;
        }
    }
    const bool writable = ::access(path.c_str(), W_OK) == 0;
    if (mayCreate && !writable) {
        error = path + ": cannot write to the investigation history: " + std::strerror(EACCES);
        return nullptr;
    }
    std::string why;
    std::unique_ptr<sql::Db> db =
        sql::Db::open(path, writable ? sql::Db::Mode::ReadWrite : sql::Db::Mode::ReadOnly, why);
    if (!db) {
        error = path + ": cannot open the investigation history (" + why + ")";
        return nullptr;
    }
    // A reader only writes when the file is new to this version; a file that was never set up
    // stays untouched.
    if (!schema::prepare(*db, writable && mayCreate, why)) {
        error = path + ": " + why;
        return nullptr;
    }
    return db;
}

std::string latestNote(sql::Db& db, int64_t investigationId, int64_t* whenUnixMs = nullptr) {
    sql::Stmt s(db,
                "SELECT payload FROM records WHERE kind = 'resolution' AND investigation_id = ?1 "
                "ORDER BY seq DESC LIMIT 1");
    s.bind(1, investigationId);
    if (!s.step()) return {};
    const std::optional<Resolution> res = record::decodeResolution(s.text(0));
    if (!res) return {};
    if (whenUnixMs) *whenUnixMs = res->createdUnixMs;
    return res->note;
}

}  // namespace

std::string ErrorSignature::key() const {
    // Fields joined with '|'; a '|' or '\' inside a field is escaped with '\', so two different
    // signatures never share a key.
    std::string k;
    bool first = true;
    for (const std::string* part : {&service, &operation, &exceptionType, &status}) {
        if (!first) k += '|';
        first = false;
        for (char c : *part) {
            if (c == '|' || c == '\\') k += '\\';
            k += c;
        }
    }
    return k;
}

InvestigationHistory::InvestigationHistory() : d_(std::make_unique<Impl>()) {}
InvestigationHistory::~InvestigationHistory() = default;

std::unique_ptr<InvestigationHistory> InvestigationHistory::open(const std::string& path,
                                                                 std::string& error) {
    std::unique_ptr<sql::Db> db = openDb(path, /*mayCreate=*/true, error);
    if (!db) return nullptr;
    std::unique_ptr<InvestigationHistory> h(new InvestigationHistory());
    h->d_->db = std::move(db);
    h->d_->path = path;
    return h;
}

std::unique_ptr<InvestigationHistory> InvestigationHistory::openExisting(const std::string& path,
                                                                         std::string& error) {
    std::unique_ptr<sql::Db> db = openDb(path, /*mayCreate=*/false, error);
    if (!db) return nullptr;
    std::unique_ptr<InvestigationHistory> h(new InvestigationHistory());
    h->d_->db = std::move(db);
    h->d_->path = path;
    return h;
}

std::string InvestigationHistory::defaultPath() {
    if (const char* db = std::getenv("ROOTLINE_HISTORY_DB"); db && db[0]) return db;
    return userDataFile("history.sqlite3");
}

const std::string& InvestigationHistory::path() const {
    return d_->path;
}

void InvestigationHistory::setSecretsToRefuse(std::vector<std::string> secrets) {
    d_->secrets.clear();
    for (std::string& s : secrets)
        if (s.size() >= 8) d_->secrets.push_back(std::move(s));
}

int64_t InvestigationHistory::append(Investigation inv, std::string& error) {
    if (const char* field = fieldWithSecret(inv, d_->secrets)) {
        error = std::string("refused to store the investigation: its ") + field +
                " holds a secret (an API key or token); nothing was written";
        return 0;
    }
    if (inv.createdUnixMs == 0) inv.createdUnixMs = nowUnixMs();
    NewRecord rec;
    rec.kind = record::kInvestigation;
    rec.createdUnixMs = inv.createdUnixMs;
    if (!inv.signature.empty()) rec.signatureKey = inv.signature.key();
    rec.encode = [&inv](int64_t seq) {
        inv.id = seq;
        return record::encode(inv, seq);
    };
    return appendRecord(*d_->db, d_->path, rec, error);
}

int64_t InvestigationHistory::addResolution(int64_t investigationId, const std::string& note,
                                            std::string& error) {
    if (note.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "a resolution note cannot be empty";
        return 0;
    }
    if (holdsSecret(note, d_->secrets)) {
        error =
            "refused to store the resolution: its note holds a secret (an API key or token); "
            "nothing was written";
        return 0;
    }
    if (investigationId <= 0) {
        error = "no investigation " + std::to_string(investigationId) + " in " + d_->path;
        return 0;
    }
    Resolution res;
    res.investigationId = investigationId;
    res.createdUnixMs = nowUnixMs();
    res.note = note;
    NewRecord rec;
    rec.kind = record::kResolution;
    rec.createdUnixMs = res.createdUnixMs;
    rec.investigationId = investigationId;
    rec.encode = [&res](int64_t seq) {
        res.id = seq;
        return record::encode(res, seq);
    };
    return appendRecord(*d_->db, d_->path, rec, error);
}

std::vector<InvestigationSummary> InvestigationHistory::list(size_t limit) const {
    sql::Db& db = *d_->db;
    sql::ReadTransaction snapshot(db);
    sql::Stmt s(db,
                "SELECT seq, created_unix_ms, payload FROM records WHERE kind = 'investigation' "
                "ORDER BY created_unix_ms DESC, seq DESC LIMIT ?1");
    s.bind(1, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
    std::vector<InvestigationSummary> out;
    while (s.step()) {
        InvestigationSummary row;
        row.id = s.int64(0);
        row.createdUnixMs = s.int64(1);
        if (const std::optional<Investigation> inv = record::decodeInvestigation(s.text(2))) {
            row.traceId = inv->traceId;
            row.provider = inv->provider;
            row.model = inv->model;
            row.error = inv->error;
            if (const std::optional<record::VerdictGist> gist =
                    record::verdictGist(inv->verdictJson)) {
                row.hasVerdict = true;
                row.hypothesis = gist->hypothesis;
                row.confidence = gist->confidence;
            }
        } else {
            row.error = "this record is damaged (the audit check names it)";
        }
        row.resolution = latestNote(db, row.id);
        out.push_back(std::move(row));
    }
    return out;
}

std::optional<Investigation> InvestigationHistory::get(int64_t id) const {
    sql::Stmt s(*d_->db, "SELECT payload FROM records WHERE seq = ?1 AND kind = 'investigation'");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    std::optional<Investigation> inv = record::decodeInvestigation(s.text(0));
    if (inv) inv->id = id;
    return inv;
}

std::vector<Resolution> InvestigationHistory::resolutionsOf(int64_t investigationId) const {
    sql::Stmt s(*d_->db,
                "SELECT seq, payload FROM records WHERE kind = 'resolution' AND "
                "investigation_id = ?1 ORDER BY seq");
    s.bind(1, investigationId);
    std::vector<Resolution> out;
    while (s.step()) {
        std::optional<Resolution> res = record::decodeResolution(s.text(1));
        if (!res) continue;  // damaged: verify() names it
        res->id = s.int64(0);
        out.push_back(std::move(*res));
    }
    return out;
}

std::vector<PastFix> InvestigationHistory::pastFixes(const ErrorSignature& sig,
                                                     size_t limit) const {
    if (sig.empty() || limit == 0) return {};
    sql::Db& db = *d_->db;
    sql::ReadTransaction snapshot(db);
    sql::Stmt s(db,
                "SELECT i.seq, i.payload FROM records i WHERE i.kind = 'investigation' AND "
                "i.signature_key = ?1 AND EXISTS (SELECT 1 FROM records r WHERE "
                "r.kind = 'resolution' AND r.investigation_id = i.seq) "
                "ORDER BY i.created_unix_ms DESC, i.seq DESC LIMIT ?2");
    s.bind(1, sig.key()).bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
    std::vector<PastFix> out;
    while (s.step()) {
        PastFix fix;
        fix.investigationId = s.int64(0);
        fix.note = latestNote(db, fix.investigationId, &fix.resolvedUnixMs);
        if (fix.note.empty()) continue;  // its only note is damaged
        if (const std::optional<Investigation> inv = record::decodeInvestigation(s.text(1))) {
            fix.traceId = inv->traceId;
            if (const auto gist = record::verdictGist(inv->verdictJson))
                fix.hypothesis = gist->hypothesis;
        }
        out.push_back(std::move(fix));
    }
    return out;
}

}  // namespace rootline::store
