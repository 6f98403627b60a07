// InvestigationHistory::verify(): walks the audit chain (store/history_record.h) in record order
// and names the first record that does not hold.

#include <algorithm>

#include "store/history_impl.h"
#include "store/history_record.h"

namespace rootline::store {

namespace {

struct Walk {
    ChainCheck check;
    int64_t lastSeq = 0;
    std::string lastHash{record::kGenesisHash};

    bool fail(int64_t seq, const std::string& why) {
        check.ok = false;
        check.firstBroken = seq;
        check.message = "record " + std::to_string(seq) + ": " + why;
        return false;
    }
};

// The columns SELECTed by verify(), in order.
struct Row {
    int64_t seq = 0;
    std::string kind;
    int64_t createdUnixMs = 0;
    std::string signatureKey;  // "" for NULL
    int64_t investigationId = 0;
    bool hasInvestigationId = false;
    std::string payload, prevHash, hash;
};

bool checkRow(Walk& w, const Row& r) {
    // Its own integrity first, so a changed record is named rather than the one after it.
    if (record::chainHash(r.prevHash, r.payload) != r.hash)
        return w.fail(r.seq, "its content does not match its hash");
    const std::optional<record::Envelope> e = record::readEnvelope(r.payload);
    if (!e) return w.fail(r.seq, "its content is not a readable record");
    if (e->seq != r.seq)
        return w.fail(
            r.seq, "it is out of place (it was written as record " + std::to_string(e->seq) + ")");
    if (r.seq != w.lastSeq + 1 || r.prevHash != w.lastHash)
        return w.fail(r.seq, "the record before it is missing or was changed");
    const bool isResolution = e->kind == record::kResolution;
    if (r.kind != e->kind || r.createdUnixMs != e->createdUnixMs ||
        r.signatureKey != e->signatureKey || r.hasInvestigationId != isResolution ||
        (isResolution && r.investigationId != e->investigationId))
        return w.fail(r.seq, "its lookup columns do not match its content");
    w.lastSeq = r.seq;
    w.lastHash = r.hash;
    ++w.check.records;
    return true;
}

// The chain cannot see its own end: chain_head, written with every append, can.
void checkHead(Walk& w, sql::Db& db) {
    sql::Stmt head(db, "SELECT records, hash FROM chain_head WHERE id = 1");
    if (!head.step()) {
        w.fail(std::max<int64_t>(w.lastSeq, 1),
               "the chain head is missing, so newer records may have been removed");
        return;
    }
    const int64_t headSeq = head.int64(0);
    const std::string headHash = head.text(1);
    if (headSeq > w.lastSeq)
        w.fail(w.lastSeq + 1,
               "it is missing (the history held " + std::to_string(headSeq) + " records)");
    else if (headSeq < w.lastSeq)
        w.fail(headSeq + 1, "it was added after the newest record Rootline wrote");
    else if (headHash != w.lastHash)
        w.fail(std::max<int64_t>(w.lastSeq, 1), "it is not the newest record Rootline wrote");
}

}  // namespace

ChainCheck InvestigationHistory::verify() const {
    sql::Db& db = *d_->db;
    sql::ReadTransaction snapshot(db);
    Walk w;
    sql::Stmt s(db,
                "SELECT seq, kind, created_unix_ms, signature_key, investigation_id, payload, "
                "prev_hash, hash FROM records ORDER BY seq");
    Row r;
    while (s.step()) {
        r.seq = s.int64(0);
        r.kind = s.text(1);
        r.createdUnixMs = s.int64(2);
        r.signatureKey = s.text(3);
        r.hasInvestigationId = !s.isNull(4);
        r.investigationId = s.int64(4);
        r.payload = s.text(5);
        r.prevHash = s.text(6);
        r.hash = s.text(7);
        if (!checkRow(w, r)) return w.check;
    }
    if (s.failed()) {
        w.fail(w.lastSeq + 1, "it cannot be read (" + db.lastError() + ")");
        return w.check;
    }
    checkHead(w, db);
    if (w.check.ok) w.check.headHash = w.lastHash;
    return w.check;
}

}  // namespace rootline::store
