// rootline-cli history and audit verify, in-process and as a real process, on SQLite files in
// the test's temporary folder (every run names --db, or sets $ROOTLINE_HISTORY_DB, so the
// user's own history is never touched).

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_test_support.h"
#include "store/investigation_history.h"

namespace rootline::cli {
namespace {

using namespace clitest;
using store::InvestigationHistory;

const TempFolder& temp() {
    static const TempFolder folder("rootline-history-test");
    return folder;
}

const std::string kLongHypothesis =
    "The payment service's risk query waited on a row lock held by the nightly batch job,\n"
    "so every checkout that touched the same customer timed out after 2 s and the frontend "
    "returned 503 to the user; the retries made the queue longer still.";

// A fresh history named `name` with three investigations: #1 resolved, #2 failed, #3 plain.
std::string makeHistory(const std::string& name) {
    const std::string path = temp().path(name);
    std::filesystem::remove(path);
    std::string error;
    auto h = InvestigationHistory::open(path, error);
    EXPECT_NE(h, nullptr) << error;
    if (!h) return path;
    store::Investigation inv;
    inv.createdUnixMs = 1795054387418;  // 2026-11-19T02:13:07Z
    inv.traceId = "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40";
    inv.source = "checkout.json (OTLP JSON)";
    inv.tracepack = R"({"schema":"rootline.tracepack/1","note":"PACK-BYTES"})";
    inv.provider = "openai";
    inv.model = "gpt-4o-mini";
    inv.endpoint = "https://api.openai.com:443";
    inv.requestMetadata = R"({"temperature":0})";
    inv.rawResponse = "RAW-ANSWER";
    inv.verdictJson = nlohmann::json{{"hypothesis", kLongHypothesis},
                                     {"confidence", 0.8},
                                     {"root_spans", {"fba71e3d982c9970"}}}
                          .dump();
    inv.inputTokens = 900;
    inv.outputTokens = 120;
    inv.latencyMs = 2400;
    inv.signature = {"payment", "SELECT risk", "PSQLException", "error"};
    EXPECT_EQ(h->append(inv, error), 1) << error;
    EXPECT_EQ(h->addResolution(1, "killed the batch job's long transaction", error), 2) << error;

    store::Investigation failed = inv;
    failed.createdUnixMs += 60000;
    failed.verdictJson.clear();
    failed.error = "the model did not answer within 60 s";
    failed.rawResponse = "";
    EXPECT_EQ(h->append(failed, error), 3) << error;

    store::Investigation plain = inv;
    plain.createdUnixMs += 120000;
    plain.traceId = "00000000000000000000000000000003";
    plain.provider = "offline";
    plain.model = "";
    plain.verdictJson = R"({"hypothesis":"short one","confidence":0.35})";
    EXPECT_EQ(h->append(plain, error), 4) << error;
    return path;
}

void tamper(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string all = "DROP TRIGGER IF EXISTS records_append_only_update;" + sql;
    EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

TEST(CliAuditVerify, IntactChain) {
    const std::string db = makeHistory("audit-ok.sqlite3");
    const CliRun r = run({"audit", "verify", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.err, "");
    ASSERT_EQ(lines(r.out), 2u) << r.out;
    EXPECT_EQ(r.out.rfind("audit chain intact: 4 records\nnewest record hash: ", 0), 0u) << r.out;
    EXPECT_EQ(r.out.size(),
              std::string("audit chain intact: 4 records\nnewest record hash: ").size() + 65);
}

TEST(CliAuditVerify, EmptyHistoryIsIntact) {
    const std::string db = temp().path("audit-empty.sqlite3");
    std::string error;
    ASSERT_NE(InvestigationHistory::open(db, error), nullptr) << error;
    const CliRun r = run({"audit", "verify", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.out, "audit chain intact: 0 records\n");
}

TEST(CliAuditVerify, BrokenChainNamesTheRecord) {
    const std::string db = makeHistory("audit-broken.sqlite3");
    tamper(db,
           "UPDATE records SET payload = replace(payload, 'gpt-4o-mini', 'gpt-5') "
           "WHERE seq = 3");
    const CliRun r = run({"audit", "verify", "--db", db});
    EXPECT_EQ(r.code, kExitCheckFailed);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "rootline-cli: audit: " + db + ": record 3: its content does not match its hash\n");
}

TEST(CliAuditVerify, MissingOrBadDatabaseIsExit2NamingTheFile) {
    const std::string missing = temp().path("no-such-history.sqlite3");
    CliRun r = run({"audit", "verify", "--db", missing});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(lines(r.err), 1u);
    EXPECT_NE(r.err.find(missing + ": no investigation history there"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(missing)) << "verify must not create a history";

    const std::string garbage = temp().write("garbage.sqlite3", std::string(300, 'x'));
    r = run({"audit", "verify", "--db", garbage});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(r.err, "rootline-cli: audit: " + garbage +
                         ": not an investigation history (file is not a database)\n");
}

TEST(CliAuditVerify, UsageErrors) {
    EXPECT_EQ(run({"audit"}).code, kExitBadInput);
    EXPECT_EQ(run({"audit", "check"}).code, kExitBadInput);
    EXPECT_EQ(run({"audit", "verify", "--db"}).code, kExitBadInput);
    EXPECT_EQ(run({"audit", "verify", "--frobnicate"}).code, kExitBadInput);
    const CliRun help = run({"audit", "--help"});
    EXPECT_EQ(help.code, kExitOk);
    EXPECT_NE(help.out.find("usage: rootline-cli audit verify"), std::string::npos);
}

TEST(CliAuditVerify, DefaultsToRootlineHistoryDbFromTheEnvironment) {
    const std::string db = makeHistory("audit-env.sqlite3");
    const char* old = std::getenv("ROOTLINE_HISTORY_DB");
    const std::string saved = old ? old : "";
    ::setenv("ROOTLINE_HISTORY_DB", db.c_str(), 1);
    const CliRun r = run({"audit", "verify"});
    if (old)
        ::setenv("ROOTLINE_HISTORY_DB", saved.c_str(), 1);
    else
        ::unsetenv("ROOTLINE_HISTORY_DB");
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.out.rfind("audit chain intact: 4 records\n", 0), 0u) << r.out;
}

TEST(CliHistory, ListsNewestFirstOnOneLineEach) {
    const std::string db = makeHistory("list.sqlite3");
    const CliRun r = run({"history", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string expected =
        "3 investigations in " + db +
        ", newest first\n"
        "\n"
        "#4  2026-11-19T02:15:07Z  trace 00000000000000000000000000000003  offline  "
        "confidence 0.35\n"
        "    short one\n"
        "    unresolved\n"
        "\n"
        "#3  2026-11-19T02:14:07Z  trace 5f0c2e8a9d4b4c71a3e6b19d2f8a7c40  openai/gpt-4o-mini\n"
        "    failed: the model did not answer within 60 s\n"
        "    unresolved\n"
        "\n"
        "#1  2026-11-19T02:13:07Z  trace 5f0c2e8a9d4b4c71a3e6b19d2f8a7c40  openai/gpt-4o-mini  "
        "confidence 0.80\n"
        "    The payment service's risk query waited on a row lock held by the nightly batch job, "
        "so every…\n"
        "    resolved: killed the batch job's long transaction\n";
    EXPECT_EQ(r.out, expected);

    const CliRun limited = run({"history", "list", "--db", db, "--limit", "1"});
    EXPECT_EQ(limited.code, kExitOk) << limited.err;
    EXPECT_NE(limited.out.find("#4  "), std::string::npos);
    EXPECT_EQ(limited.out.find("#3  "), std::string::npos);
}

TEST(CliHistory, Json) {
    const std::string db = makeHistory("list-json.sqlite3");
    const CliRun r = run({"history", "--json", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["database"], db);
    const nlohmann::json& list = doc["investigations"];
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0]["id"], 4);
    EXPECT_EQ(list[0]["provider"], "offline");
    EXPECT_DOUBLE_EQ(list[0]["confidence"].get<double>(), 0.35);
    EXPECT_TRUE(list[0]["resolution"].is_null());
    EXPECT_EQ(list[1]["id"], 3);
    EXPECT_TRUE(list[1]["confidence"].is_null());
    EXPECT_EQ(list[1]["error"], "the model did not answer within 60 s");
    EXPECT_EQ(list[2]["id"], 1);
    EXPECT_EQ(list[2]["created"], "2026-11-19T02:13:07Z");
    EXPECT_EQ(list[2]["created_unix_ms"], 1795054387418);
    EXPECT_EQ(list[2]["trace_id"], "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40");
    EXPECT_EQ(list[2]["model"], "gpt-4o-mini");
    EXPECT_EQ(list[2]["hypothesis"], kLongHypothesis);  // whole, not elided
    EXPECT_EQ(list[2]["resolution"], "killed the batch job's long transaction");
}

TEST(CliHistory, EmptyHistory) {
    const std::string db = temp().path("list-empty.sqlite3");
    std::string error;
    ASSERT_NE(InvestigationHistory::open(db, error), nullptr) << error;
    const CliRun r = run({"history", "--db", db});
    EXPECT_EQ(r.code, kExitOk);
    EXPECT_EQ(r.out, "no investigations in " + db + "\n");
}

TEST(CliHistory, ShowPrintsMetadataAndPrettyVerdictButNotThePack) {
    const std::string db = makeHistory("show.sqlite3");
    const CliRun r = run({"history", "show", "1", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.out.rfind("investigation 1\n", 0), 0u) << r.out;
    for (const char* line : {"  time:            2026-11-19T02:13:07Z\n",
                             "  trace:           5f0c2e8a9d4b4c71a3e6b19d2f8a7c40\n",
                             "  model:           openai/gpt-4o-mini\n",
                             "  endpoint:        https://api.openai.com:443\n",
                             "  tokens:          900 in, 120 out\n", "  latency:         2.4 s\n",
                             "  signature:       payment | SELECT risk | PSQLException | error\n",
                             "\nverdict:\n{\n  \"confidence\": 0.8,\n", "\nresolutions:\n  ",
                             "killed the batch job's long transaction\n"})
        EXPECT_NE(r.out.find(line), std::string::npos) << line << "\nin:\n" << r.out;
    EXPECT_EQ(r.out.find("PACK-BYTES"), std::string::npos);
    EXPECT_EQ(r.out.find("RAW-ANSWER"), std::string::npos);
    EXPECT_NE(r.out.find("(--pack prints them)"), std::string::npos);

    const CliRun raw = run({"history", "show", "#1", "--raw", "--db", db});
    EXPECT_NE(raw.out.find("\nraw response:\nRAW-ANSWER\n"), std::string::npos) << raw.out;

    const CliRun pack = run({"history", "show", "1", "--pack", "--db", db});
    EXPECT_EQ(pack.code, kExitOk);
    EXPECT_EQ(pack.out, R"({"schema":"rootline.tracepack/1","note":"PACK-BYTES"})");

    const CliRun failed = run({"history", "show", "3", "--db", db});
    EXPECT_EQ(failed.code, kExitOk);
    EXPECT_NE(failed.out.find("  error:           the model did not answer within 60 s\n"),
              std::string::npos);
    EXPECT_NE(failed.out.find("verdict:\n  none (the run failed)\n"), std::string::npos);
    EXPECT_NE(failed.out.find("resolutions:\n  none yet"), std::string::npos);
}

TEST(CliHistory, ShowErrors) {
    const std::string db = makeHistory("show-errors.sqlite3");
    CliRun r = run({"history", "show", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    r = run({"history", "show", "abc", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    r = run({"history", "show", "2", "--db", db});  // a resolution, not an investigation
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_NE(r.err.find("no investigation 2"), std::string::npos) << r.err;
    r = run({"history", "show", "99", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(lines(r.err), 1u);
}

TEST(CliHistory, ResolveAddsANoteAndKeepsTheChain) {
    const std::string db = makeHistory("resolve.sqlite3");
    CliRun r = run({"history", "resolve", "4", "rolled", "back", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.out, "investigation 4: resolution noted (record 5)\n");
    r = run({"history", "--json", "--db", db});
    EXPECT_EQ(nlohmann::json::parse(r.out)["investigations"][0]["resolution"], "rolled back");
    r = run({"audit", "verify", "--db", db});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_EQ(r.out.rfind("audit chain intact: 5 records\n", 0), 0u) << r.out;

    r = run({"history", "resolve", "99", "note", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_NE(r.err.find("no investigation 99"), std::string::npos) << r.err;
    r = run({"history", "resolve", "4", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    r = run({"history", "resolve", "4", " ", "--db", db});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_NE(r.err.find("cannot be empty"), std::string::npos) << r.err;
}

TEST(CliHistory, MissingDatabaseAndBadOptions) {
    const std::string missing = temp().path("history-missing.sqlite3");
    CliRun r = run({"history", "--db", missing});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_NE(r.err.find(missing), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(missing));
    r = run({"history", "resolve", "1", "note", "--db", missing});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_FALSE(std::filesystem::exists(missing));

    const std::string db = makeHistory("options.sqlite3");
    EXPECT_EQ(run({"history", "--limit", "0", "--db", db}).code, kExitBadInput);
    EXPECT_EQ(run({"history", "--limit", "x", "--db", db}).code, kExitBadInput);
    EXPECT_EQ(run({"history", "--limit", "-3", "--db", db}).code, kExitBadInput);
    EXPECT_EQ(run({"history", "frob", "--db", db}).code, kExitBadInput);
    EXPECT_EQ(run({"history", "--colour", "--db", db}).code, kExitBadInput);
    EXPECT_EQ(run({"history", "--help"}).code, kExitOk);
}

// The real binary: exit codes and one line on stderr.
TEST(CliHistoryProcess, AuditVerifyExitCodes) {
    const std::string db = makeHistory("process.sqlite3");
    ProcessResult p = runCli(temp(), {"audit", "verify", "--db", db});
    EXPECT_EQ(p.signal, 0);
    EXPECT_EQ(p.exitCode, 0) << p.err;
    EXPECT_EQ(p.out.rfind("audit chain intact: 4 records\n", 0), 0u) << p.out;

    tamper(db,
           "DROP TRIGGER IF EXISTS records_append_only_delete; "
           "DELETE FROM records WHERE seq = 2");
    p = runCli(temp(), {"audit", "verify", "--db", db});
    EXPECT_EQ(p.exitCode, 1);
    EXPECT_EQ(p.err, "rootline-cli: audit: " + db +
                         ": record 3: the record before it is missing or was changed\n");

    p = runCli(temp(), {"audit", "verify", "--db", temp().path("nothing-here.sqlite3")});
    EXPECT_EQ(p.exitCode, 2);
    EXPECT_EQ(lines(p.err), 1u);
}

}  // namespace
}  // namespace rootline::cli
