// The investigation history on real SQLite files in a temporary folder: round trips, the audit
// chain and every way of breaking it we know (each done with raw sqlite3, as someone editing the
// file by hand would), past fixes, refused secrets, bad files and two writers on one file.

#include "store/investigation_history.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "util/sha256.h"

namespace rootline::store {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Raw access to the file, bypassing InvestigationHistory: what a tamperer would do. The
// append-only triggers go first, as they would for anyone set on rewriting the file.
void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
}

void tamper(const std::string& path, const std::string& sql) {
    rawExec(path,
            "DROP TRIGGER IF EXISTS records_append_only_update;"
            "DROP TRIGGER IF EXISTS records_append_only_delete;" +
                sql);
}

std::string rawText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        if (text) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

ErrorSignature signature(const std::string& service, const std::string& status = "http 503") {
    return ErrorSignature{service, "POST /charge", "TimeoutError", status};
}

Investigation sample(const std::string& traceId, int64_t createdUnixMs = 0,
                     ErrorSignature sig = signature("payment"),
                     const std::string& hypothesis = "the pool ran dry") {
    Investigation inv;
    inv.createdUnixMs = createdUnixMs;
    inv.traceId = traceId;
    inv.source = "checkout.json (OTLP JSON)";
    inv.tracepack = R"({"schema":"rootline.tracepack/1","spans":[]})";
    inv.provider = "openai";
    inv.model = "gpt-4o-mini";
    inv.endpoint = "https://api.openai.com:443";
    inv.requestMetadata = R"({"temperature":0,"max_tokens":2000})";
    inv.rawResponse = "```json\n{\"hypothesis\":\"" + hypothesis + "\"}\n```";
    inv.verdictJson =
        R"({"hypothesis":")" + hypothesis + R"(","confidence":0.75,"root_spans":["a1"]})";
    inv.inputTokens = 1234;
    inv.outputTokens = 321;
    inv.latencyMs = 2345;
    inv.hallucinations = 1;
    inv.signature = std::move(sig);
    return inv;
}

class InvestigationHistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "rootline-history-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        path_ = (dir_ / "history.sqlite3").string();
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir_, ec);
    }

    std::unique_ptr<InvestigationHistory> openHistory() {
        std::string error;
        auto h = InvestigationHistory::open(path_, error);
        EXPECT_NE(h, nullptr) << error;
        EXPECT_EQ(error, "");
        return h;
    }

    // `n` investigations created 1 s apart; returns their record numbers.
    std::vector<int64_t> fill(InvestigationHistory& h, int n) {
        std::vector<int64_t> ids;
        for (int i = 0; i < n; ++i) {
            std::string error;
            ids.push_back(
                h.append(sample("trace-" + std::to_string(i), 1000000 + 1000 * i), error));
            EXPECT_EQ(error, "");
        }
        return ids;
    }

    ChainCheck verifyFresh() {
        // A new connection, as `rootline-cli audit verify` would make, sees the file as it is.
        std::string error;
        auto h = InvestigationHistory::openExisting(path_, error);
        EXPECT_NE(h, nullptr) << error;
        return h ? h->verify() : ChainCheck{};
    }

    fs::path dir_;
    std::string path_;
};

TEST_F(InvestigationHistoryTest, AppendAndGetRoundTrip) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    const int64_t before = nowMs();
    std::string error;
    Investigation inv = sample("5f0c2e8a9d4b4c71a3e6b19d2f8a7c40");
    inv.error = "";
    inv.rawResponse = "line one\nline two \xe2\x80\x94 with \"quotes\" and \\ and \t tab";
    const int64_t id = h->append(inv, error);
    EXPECT_EQ(error, "");
    ASSERT_EQ(id, 1);

    const std::optional<Investigation> got = h->get(id);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->id, 1);
    EXPECT_GE(got->createdUnixMs, before);
    EXPECT_LE(got->createdUnixMs, nowMs());
    EXPECT_EQ(got->traceId, inv.traceId);
    EXPECT_EQ(got->source, inv.source);
    EXPECT_EQ(got->tracepack, inv.tracepack);
    EXPECT_EQ(got->provider, inv.provider);
    EXPECT_EQ(got->model, inv.model);
    EXPECT_EQ(got->endpoint, inv.endpoint);
    EXPECT_EQ(got->requestMetadata, inv.requestMetadata);
    EXPECT_EQ(got->rawResponse, inv.rawResponse);
    EXPECT_EQ(got->verdictJson, inv.verdictJson);
    EXPECT_EQ(got->error, inv.error);
    EXPECT_EQ(got->inputTokens, 1234);
    EXPECT_EQ(got->outputTokens, 321);
    EXPECT_EQ(got->latencyMs, 2345);
    EXPECT_EQ(got->hallucinations, 1);
    EXPECT_EQ(got->signature.service, "payment");
    EXPECT_EQ(got->signature.operation, "POST /charge");
    EXPECT_EQ(got->signature.exceptionType, "TimeoutError");
    EXPECT_EQ(got->signature.status, "http 503");

    EXPECT_FALSE(h->get(2).has_value());
    EXPECT_FALSE(h->get(0).has_value());
}

TEST_F(InvestigationHistoryTest, KeepsTheGivenTimeAndNumbersRecordsInOrder) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(fill(*h, 3), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(h->get(2)->createdUnixMs, 1001000);
}

TEST_F(InvestigationHistoryTest, InvalidUtf8IsStoredAsReplacementCharacter) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    Investigation inv = sample("t");
    inv.rawResponse = "ok \xff\xfe end";
    std::string error;
    const int64_t id = h->append(inv, error);
    ASSERT_EQ(id, 1) << error;
    EXPECT_EQ(h->get(id)->rawResponse, "ok \xef\xbf\xbd\xef\xbf\xbd end");
    EXPECT_TRUE(h->verify().ok);
}

TEST_F(InvestigationHistoryTest, ListIsNewestFirstWithVerdictAndLatestNote) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    std::string error;
    const int64_t older = h->append(sample("older", 1000, signature("a"), "first idea"), error);
    Investigation failed = sample("failed", 3000);
    failed.verdictJson.clear();
    failed.error = "the model did not answer within 60 s";
    const int64_t failedId = h->append(failed, error);
    // Appended last but created in between: lists go by time, not by record number.
    const int64_t middle = h->append(sample("middle", 2000, signature("b"), "second idea"), error);
    ASSERT_GT(h->addResolution(older, "raised the pool size", error), 0) << error;
    ASSERT_GT(h->addResolution(older, "and added a timeout", error), 0) << error;

    const std::vector<InvestigationSummary> rows = h->list();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].id, failedId);
    EXPECT_FALSE(rows[0].hasVerdict);
    EXPECT_EQ(rows[0].error, "the model did not answer within 60 s");
    EXPECT_EQ(rows[0].hypothesis, "");
    EXPECT_EQ(rows[1].id, middle);
    EXPECT_EQ(rows[1].traceId, "middle");
    EXPECT_EQ(rows[1].resolution, "");
    EXPECT_EQ(rows[2].id, older);
    EXPECT_TRUE(rows[2].hasVerdict);
    EXPECT_EQ(rows[2].hypothesis, "first idea");
    EXPECT_DOUBLE_EQ(rows[2].confidence, 0.75);
    EXPECT_EQ(rows[2].provider, "openai");
    EXPECT_EQ(rows[2].model, "gpt-4o-mini");
    EXPECT_EQ(rows[2].createdUnixMs, 1000);
    EXPECT_EQ(rows[2].resolution, "and added a timeout");

    ASSERT_EQ(h->list(2).size(), 2u);
    EXPECT_EQ(h->list(2)[1].id, middle);

    const std::vector<Resolution> notes = h->resolutionsOf(older);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(notes[0].note, "raised the pool size");
    EXPECT_EQ(notes[0].investigationId, older);
    EXPECT_EQ(notes[1].note, "and added a timeout");
    EXPECT_GT(notes[1].id, notes[0].id);
    EXPECT_GT(notes[0].createdUnixMs, 0);
    EXPECT_TRUE(h->resolutionsOf(middle).empty());
}

TEST_F(InvestigationHistoryTest, SurvivesCloseAndReopen) {
    {
        auto h = openHistory();
        ASSERT_NE(h, nullptr);
        fill(*h, 2);
        std::string error;
        ASSERT_EQ(h->addResolution(1, "fixed", error), 3) << error;
    }
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h->get(2)->traceId, "trace-1");
    EXPECT_EQ(h->list()[1].resolution, "fixed");
    const ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok) << check.message;
    EXPECT_EQ(check.records, 3);
    std::string error;
    EXPECT_EQ(h->append(sample("after reopen"), error), 4) << error;
    EXPECT_TRUE(h->verify().ok);
}

TEST_F(InvestigationHistoryTest, NewFileAndFolderArePrivate) {
    path_ = (dir_ / "data" / "Rootline" / "history.sqlite3").string();
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    struct stat st {};
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((dir_ / "data" / "Rootline").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    ASSERT_EQ(::stat((dir_ / "data").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    EXPECT_EQ(rawText(path_, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(rawText(path_, "PRAGMA user_version"), "1");
}

TEST_F(InvestigationHistoryTest, EmptyChainVerifies) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    const ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok) << check.message;
    EXPECT_EQ(check.records, 0);
    EXPECT_EQ(check.firstBroken, 0);
}

TEST_F(InvestigationHistoryTest, ChainVerifiesAndLinksEachRecordToTheOneBefore) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 4);
    const ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok) << check.message;
    EXPECT_EQ(check.records, 4);
    EXPECT_EQ(check.message, "");
    // The chain as documented in store/history_record.h, recomputed from the raw rows.
    EXPECT_EQ(rawText(path_, "SELECT prev_hash FROM records WHERE seq = 1"), std::string(64, '0'));
    for (int seq = 1; seq <= 4; ++seq) {
        const std::string where = " FROM records WHERE seq = " + std::to_string(seq);
        const std::string prev = rawText(path_, "SELECT prev_hash" + where);
        EXPECT_EQ(rawText(path_, "SELECT hash" + where),
                  sha256Hex(prev + rawText(path_, "SELECT payload" + where)));
        if (seq > 1) {
            EXPECT_EQ(prev, rawText(path_, "SELECT hash FROM records WHERE seq = " +
                                               std::to_string(seq - 1)));
        }
    }
    EXPECT_EQ(check.headHash, rawText(path_, "SELECT hash FROM records WHERE seq = 4"));
}

TEST_F(InvestigationHistoryTest, TriggersRefuseRewritesThroughSql) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 1);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE records SET payload = 'x'", nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM records", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    EXPECT_TRUE(h->verify().ok);
}

TEST_F(InvestigationHistoryTest, ChangedPayloadIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    tamper(path_,
           "UPDATE records SET payload = replace(payload, 'trace-2', 'trace-X') "
           "WHERE seq = 3");
    ASSERT_EQ(h->get(3)->traceId, "trace-X");  // the change took
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 3);
    EXPECT_EQ(check.records, 2);
    EXPECT_EQ(check.message, "record 3: its content does not match its hash");
    EXPECT_EQ(check.headHash, "");
}

TEST_F(InvestigationHistoryTest, RewrittenRecordWithItsHashRecomputedBreaksTheNextLink) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    const std::string payload = rawText(path_, "SELECT payload FROM records WHERE seq = 3");
    const std::string changed = payload.substr(0, payload.find("trace-2")) + "trace-X" +
                                payload.substr(payload.find("trace-2") + 7);
    const std::string prev = rawText(path_, "SELECT prev_hash FROM records WHERE seq = 3");
    tamper(path_, "UPDATE records SET payload = '" + changed + "', hash = '" +
                      sha256Hex(prev + changed) + "' WHERE seq = 3");
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 4);
    EXPECT_EQ(check.message, "record 4: the record before it is missing or was changed");
}

TEST_F(InvestigationHistoryTest, DeletedMiddleRecordIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    tamper(path_, "DELETE FROM records WHERE seq = 3");
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 4);
    EXPECT_EQ(check.message, "record 4: the record before it is missing or was changed");
}

TEST_F(InvestigationHistoryTest, DeletedNewestRecordIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    tamper(path_, "DELETE FROM records WHERE seq = 5");
    ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 5);
    EXPECT_EQ(check.message, "record 5: it is missing (the history held 5 records)");

    // Appending afterwards must not fill the gap and hide it.
    std::string error;
    EXPECT_EQ(h->append(sample("next"), error), 6) << error;
    check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 6);
}

TEST_F(InvestigationHistoryTest, DeletedChainHeadIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 2);
    tamper(path_, "DELETE FROM chain_head");
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 2);
    EXPECT_NE(check.message.find("chain head is missing"), std::string::npos) << check.message;
}

TEST_F(InvestigationHistoryTest, RecordAddedBehindRootlinesBackIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 2);
    // A well-formed third record, linked correctly, but not written through append().
    tamper(path_,
           "INSERT INTO records (seq, kind, created_unix_ms, signature_key, investigation_id, "
           "payload, prev_hash, hash) SELECT 3, kind, created_unix_ms, signature_key, "
           "investigation_id, replace(payload, '\"seq\":2', '\"seq\":3'), hash, '' "
           "FROM records WHERE seq = 2");
    const std::string payload = rawText(path_, "SELECT payload FROM records WHERE seq = 3");
    const std::string prev = rawText(path_, "SELECT prev_hash FROM records WHERE seq = 3");
    tamper(path_, "UPDATE records SET hash = '" + sha256Hex(prev + payload) + "' WHERE seq = 3");
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 3);
    EXPECT_EQ(check.message, "record 3: it was added after the newest record Rootline wrote");
}

TEST_F(InvestigationHistoryTest, ChangedPrevHashIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    tamper(path_, "UPDATE records SET prev_hash = '" + std::string(64, 'a') + "' WHERE seq = 3");
    ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 3);
    EXPECT_EQ(check.message, "record 3: its content does not match its hash");

    // With its own hash recomputed to match, the broken link is what names it.
    const std::string payload = rawText(path_, "SELECT payload FROM records WHERE seq = 3");
    tamper(path_, "UPDATE records SET hash = '" + sha256Hex(std::string(64, 'a') + payload) +
                      "' WHERE seq = 3");
    check = verifyFresh();
    EXPECT_EQ(check.firstBroken, 3);
    EXPECT_EQ(check.message, "record 3: the record before it is missing or was changed");
}

TEST_F(InvestigationHistoryTest, SwappedRecordsAreNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 5);
    tamper(path_,
           "UPDATE records SET seq = -1 WHERE seq = 2;"
           "UPDATE records SET seq = 2 WHERE seq = 3;"
           "UPDATE records SET seq = 3 WHERE seq = -1;");
    const ChainCheck check = verifyFresh();
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.firstBroken, 2);
    EXPECT_EQ(check.message, "record 2: it is out of place (it was written as record 3)");
}

TEST_F(InvestigationHistoryTest, GarbledPayloadIsNamedAndReadersDoNotCrash) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 3);
    tamper(path_, "UPDATE records SET payload = '{\"kind\": \"investig' WHERE seq = 2");
    ChainCheck check = verifyFresh();
    EXPECT_EQ(check.firstBroken, 2);
    EXPECT_EQ(check.message, "record 2: its content does not match its hash");

    // Even with a matching hash, content that is no record is named for what it is.
    const std::string prev = rawText(path_, "SELECT prev_hash FROM records WHERE seq = 2");
    tamper(path_, "UPDATE records SET hash = '" + sha256Hex(prev + "{\"kind\": \"investig") +
                      "' WHERE seq = 2");
    check = verifyFresh();
    EXPECT_EQ(check.firstBroken, 2);
    EXPECT_EQ(check.message, "record 2: its content is not a readable record");

    EXPECT_FALSE(h->get(2).has_value());
    const std::vector<InvestigationSummary> rows = h->list();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].id, 2);
    EXPECT_FALSE(rows[1].hasVerdict);
    EXPECT_NE(rows[1].error.find("damaged"), std::string::npos);
    EXPECT_EQ(rows[0].traceId, "trace-2");
}

TEST_F(InvestigationHistoryTest, ChangedLookupColumnIsNamed) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 3);
    tamper(path_, "UPDATE records SET signature_key = 'other|x|y|z' WHERE seq = 2");
    const ChainCheck check = verifyFresh();
    EXPECT_EQ(check.firstBroken, 2);
    EXPECT_EQ(check.message, "record 2: its lookup columns do not match its content");
}

TEST_F(InvestigationHistoryTest, ResolutionAddedLaterKeepsTheChainValid) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 3);
    std::string error;
    EXPECT_EQ(h->addResolution(2, "restarted the pool", error), 4) << error;
    EXPECT_EQ(h->append(sample("later"), error), 5) << error;
    EXPECT_EQ(h->addResolution(5, "same again", error), 6) << error;
    const ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok) << check.message;
    EXPECT_EQ(check.records, 6);
    EXPECT_EQ(h->get(2)->traceId, "trace-1");  // the investigation itself is untouched
}

TEST_F(InvestigationHistoryTest, ResolutionNeedsAnInvestigationAndANote) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 1);
    std::string error;
    ASSERT_EQ(h->addResolution(1, "first", error), 2) << error;
    EXPECT_EQ(h->addResolution(9, "no such", error), 0);
    EXPECT_NE(error.find("no investigation 9"), std::string::npos) << error;
    error.clear();
    EXPECT_EQ(h->addResolution(2, "a resolution is not an investigation", error), 0);
    EXPECT_NE(error.find("no investigation 2"), std::string::npos) << error;
    error.clear();
    EXPECT_EQ(h->addResolution(1, "  \n", error), 0);
    EXPECT_EQ(error, "a resolution note cannot be empty");
    EXPECT_EQ(h->verify().records, 2);
    std::string next;
    EXPECT_EQ(h->append(sample("next"), next), 3) << next;  // no number was used up
}

TEST_F(InvestigationHistoryTest, PastFixesMatchTheSignatureAndOnlyResolvedOnesNewestFirst) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    std::string error;
    const ErrorSignature pay = signature("payment");
    const int64_t a = h->append(sample("a", 1000, pay, "pool exhausted"), error);
    const int64_t unresolved = h->append(sample("b", 2000, pay), error);
    const int64_t c = h->append(sample("c", 3000, pay, "lock wait"), error);
    const int64_t other = h->append(sample("d", 4000, signature("inventory")), error);
    const int64_t otherStatus =
        h->append(sample("e", 5000, signature("payment", "http 500")), error);
    ASSERT_EQ(error, "");
    ASSERT_GT(h->addResolution(a, "raised pool size to 50", error), 0);
    ASSERT_GT(h->addResolution(c, "first try", error), 0);
    ASSERT_GT(h->addResolution(c, "added an index on orders(customer_id)", error), 0);
    ASSERT_GT(h->addResolution(other, "not this one", error), 0);
    ASSERT_GT(h->addResolution(otherStatus, "nor this one", error), 0);
    (void)unresolved;

    const std::vector<PastFix> fixes = h->pastFixes(pay);
    ASSERT_EQ(fixes.size(), 2u);
    EXPECT_EQ(fixes[0].investigationId, c);
    EXPECT_EQ(fixes[0].traceId, "c");
    EXPECT_EQ(fixes[0].hypothesis, "lock wait");
    EXPECT_EQ(fixes[0].note, "added an index on orders(customer_id)");
    EXPECT_GT(fixes[0].resolvedUnixMs, 0);
    EXPECT_EQ(fixes[1].investigationId, a);
    EXPECT_EQ(fixes[1].note, "raised pool size to 50");
    EXPECT_EQ(fixes[1].hypothesis, "pool exhausted");

    ASSERT_EQ(h->pastFixes(pay, 1).size(), 1u);
    EXPECT_EQ(h->pastFixes(pay, 1)[0].investigationId, c);
    EXPECT_TRUE(h->pastFixes(ErrorSignature{}).empty());
    EXPECT_TRUE(h->pastFixes(signature("nobody")).empty());
}

TEST_F(InvestigationHistoryTest, PastFixWithoutVerdictHasNoHypothesis) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    Investigation inv = sample("t");
    inv.verdictJson = "";
    std::string error;
    const int64_t id = h->append(inv, error);
    ASSERT_GT(h->addResolution(id, "fixed by hand", error), 0) << error;
    const std::vector<PastFix> fixes = h->pastFixes(inv.signature);
    ASSERT_EQ(fixes.size(), 1u);
    EXPECT_EQ(fixes[0].hypothesis, "");
    EXPECT_EQ(fixes[0].note, "fixed by hand");
}

TEST(ErrorSignatureKey, JoinsFieldsAndEscapesTheSeparator) {
    EXPECT_EQ((ErrorSignature{"a", "b", "c", "d"}.key()), "a|b|c|d");
    EXPECT_EQ((ErrorSignature{"a", "b", "", ""}.key()), "a|b||");
    // Without escaping these two would share "a|b|c||".
    EXPECT_NE((ErrorSignature{"a|b", "c", "", ""}.key()),
              (ErrorSignature{"a", "b|c", "", ""}.key()));
    EXPECT_EQ((ErrorSignature{"a|b", "c\\", "", ""}.key()), "a\\|b|c\\\\||");
    EXPECT_TRUE(ErrorSignature{}.empty());
}

TEST_F(InvestigationHistoryTest, SecretsAreRefusedAndNothingIsWritten) {
    auto h = openHistory();
    ASSERT_NE(h, nullptr);
    fill(*h, 1);
    const std::string key = "sk-live-0123456789abcdef";
    h->setSecretsToRefuse({key, "short", ""});
    std::string error;

    Investigation inv = sample("t");
    inv.requestMetadata = R"({"headers":{"authorization":"Bearer )" + key + R"("}})";
    EXPECT_EQ(h->append(inv, error), 0);
    EXPECT_NE(error.find("request metadata"), std::string::npos) << error;
    EXPECT_NE(error.find("nothing was written"), std::string::npos) << error;
    EXPECT_EQ(error.find(key), std::string::npos) << "the error repeats the secret";

    inv = sample("t");
    inv.rawResponse = "echoing " + key;
    error.clear();
    EXPECT_EQ(h->append(inv, error), 0);
    EXPECT_NE(error.find("raw response"), std::string::npos) << error;

    inv = sample("t");
    inv.signature.operation = key;
    error.clear();
    EXPECT_EQ(h->append(inv, error), 0);

    error.clear();
    EXPECT_EQ(h->addResolution(1, "rotated " + key, error), 0);
    EXPECT_EQ(error.find(key), std::string::npos);

    ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok);
    EXPECT_EQ(check.records, 1);
    EXPECT_EQ(slurp(path_).find(key), std::string::npos);
    EXPECT_EQ(h->list().size(), 1u);

    // Values under 8 bytes are not secrets worth refusing ordinary text for.
    inv = sample("short and sweet");
    error.clear();
    EXPECT_EQ(h->append(inv, error), 2) << error;
    EXPECT_EQ(h->verify().records, 2);
}

TEST_F(InvestigationHistoryTest, GarbageFileIsAClearErrorAndStaysUntouched) {
    const std::string garbage = "this is not a database, it is a shopping list: eggs, flour\n";
    std::ofstream(path_, std::ios::binary) << garbage;
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not an investigation history (file is not a database)");
    error.clear();
    EXPECT_EQ(InvestigationHistory::openExisting(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not an investigation history (file is not a database)");
    EXPECT_EQ(slurp(path_), garbage);
}

TEST_F(InvestigationHistoryTest, AnotherProgramsDatabaseIsNotWrittenInto) {
    rawExec(path_, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not an investigation history (it holds other tables)");
    EXPECT_EQ(rawText(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'records'"), "0");
    EXPECT_EQ(rawText(path_, "PRAGMA journal_mode"), "delete");

    rawExec(path_, "PRAGMA application_id = 42;");
    error.clear();
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not an investigation history (another program's database)");
}

TEST_F(InvestigationHistoryTest, NewerSchemaIsRefused) {
    openHistory();
    rawExec(path_, "PRAGMA user_version = 7;");
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": written by a newer Rootline (schema 7; this one reads up to 1)");
}

TEST_F(InvestigationHistoryTest, OpenExistingNeverCreates) {
    std::string error;
    EXPECT_EQ(InvestigationHistory::openExisting(path_, error), nullptr);
    EXPECT_EQ(error.rfind(path_ + ": no investigation history there", 0), 0u) << error;
    EXPECT_FALSE(fs::exists(path_));

    std::ofstream(path_, std::ios::binary);  // an empty file: SQLite would call it a database
    error.clear();
    EXPECT_EQ(InvestigationHistory::openExisting(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not an investigation history (no records in it)");
    EXPECT_EQ(fs::file_size(path_), 0u);
}

TEST_F(InvestigationHistoryTest, FolderThatIsAFileIsAClearError) {
    std::ofstream((dir_ / "blocker").string()) << "x";
    path_ = (dir_ / "blocker" / "sub" / "history.sqlite3").string();
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_NE(error.find((dir_ / "blocker" / "sub").string() + ": cannot create the folder"),
              std::string::npos)
        << error;
}

TEST_F(InvestigationHistoryTest, ReadOnlyFolderIsAClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": cannot create the investigation history: Permission denied");
}

TEST_F(InvestigationHistoryTest, ReadOnlyFileCanStillBeVerifiedButNotWritten) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only files";
    {
        auto h = openHistory();
        ASSERT_NE(h, nullptr);
        fill(*h, 2);
    }
    fs::permissions(path_, fs::perms::owner_read);
    std::string error;
    EXPECT_EQ(InvestigationHistory::open(path_, error), nullptr);
    EXPECT_NE(error.find(path_ + ": cannot write"), std::string::npos) << error;
    error.clear();
    auto h = InvestigationHistory::openExisting(path_, error);
    ASSERT_NE(h, nullptr) << error;
    const ChainCheck check = h->verify();
    EXPECT_TRUE(check.ok) << check.message;
    EXPECT_EQ(check.records, 2);
}

TEST_F(InvestigationHistoryTest, TwoHandlesAppendingInTurnKeepOneChain) {
    auto first = openHistory();
    auto second = openHistory();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    std::string error;
    for (int i = 0; i < 10; ++i) {
        InvestigationHistory& h = i % 2 ? *second : *first;
        EXPECT_EQ(h.append(sample("t" + std::to_string(i)), error), 2 * i + 1) << error;
        EXPECT_EQ(h.addResolution(2 * i + 1, "note", error), 2 * i + 2) << error;
    }
    for (InvestigationHistory* h : {first.get(), second.get()}) {
        const ChainCheck check = h->verify();
        EXPECT_TRUE(check.ok) << check.message;
        EXPECT_EQ(check.records, 20);
    }
    EXPECT_EQ(first->list().size(), 10u);
    EXPECT_EQ(second->get(19)->traceId, "t9");
}

class DefaultPathTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* name : {"ROOTLINE_HISTORY_DB", "XDG_DATA_HOME", "HOME"}) {
            const char* v = std::getenv(name);
            saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
        }
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(DefaultPathTest, EnvironmentThenXdgThenHome) {
    ::setenv("ROOTLINE_HISTORY_DB", "/tmp/x/h.db", 1);
    ::setenv("XDG_DATA_HOME", "/xdg", 1);
    ::setenv("HOME", "/home/me", 1);
    EXPECT_EQ(InvestigationHistory::defaultPath(), "/tmp/x/h.db");
    ::unsetenv("ROOTLINE_HISTORY_DB");
    EXPECT_EQ(InvestigationHistory::defaultPath(), "/xdg/Rootline/rootline/history.sqlite3");
    ::setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    EXPECT_EQ(InvestigationHistory::defaultPath(),
              "/home/me/.local/share/Rootline/rootline/history.sqlite3");
    ::unsetenv("XDG_DATA_HOME");
    ::unsetenv("HOME");
    EXPECT_EQ(InvestigationHistory::defaultPath(), "");
    std::string error;
    EXPECT_EQ(InvestigationHistory::open("", error), nullptr);
    EXPECT_NE(error.find("no data folder"), std::string::npos) << error;
}

}  // namespace
}  // namespace rootline::store
