// rootline-cli pack: in-process through the rootline_cli library, and as a real process. Every
// run names a --tokens vault in the test's temporary folder, so nothing is written into the
// real data folder.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_test_support.h"

namespace rootline::cli {
namespace {

using namespace clitest;

const TempFolder& temp() {
    static const TempFolder folder("rootline-pack-test");
    return folder;
}

std::string tempPath(const std::string& name) {
    return temp().path(name);
}

std::string writeTemp(const std::string& name, const std::string& content) {
    return temp().write(name, content);
}

// Planted in the trace below: a password under a denylisted key, an e-mail in a log line.
constexpr const char* kPassword = "pw-PLANTED-7731xq";
constexpr const char* kEmail = "carol.planted7731@example.com";
constexpr const char* kStatement = "SELECT * FROM users WHERE id = ?";
constexpr const char* kTraceA = "7a3c0000000000000000000000000001";
constexpr const char* kTraceB = "7a3c0000000000000000000000000002";

// web POST /checkout → accounts SELECT users, which fails (the root cause) and logs the user's
// e-mail address. Trace B: one failed span of a nightly job, fewer errors than A.
std::string jaegerJson() {
    const std::string a = kTraceA, b = kTraceB;
    return R"({"data":[{"traceID":")" + a + R"(","spans":[
  {"traceID":")" +
           a + R"(","spanID":"00000000000000a1","operationName":"POST /checkout",
   "references":[],"startTime":1700000000000000,"duration":100000,
   "tags":[{"key":"span.kind","type":"string","value":"server"},
           {"key":"http.status_code","type":"int64","value":500},
           {"key":"error","type":"bool","value":true}],
   "logs":[],"processID":"p1"},
  {"traceID":")" +
           a + R"(","spanID":"00000000000000a2","operationName":"SELECT users",
   "references":[{"refType":"CHILD_OF","traceID":")" +
           a + R"(","spanID":"00000000000000a1"}],
   "startTime":1700000000010000,"duration":50000,
   "tags":[{"key":"span.kind","type":"string","value":"client"},
           {"key":"db.statement","type":"string","value":")" +
           kStatement + R"("},
           {"key":"user.password","type":"string","value":")" +
           kPassword + R"("},
           {"key":"error","type":"bool","value":true}],
   "logs":[{"timestamp":1700000000030000,"fields":[
           {"key":"event","type":"string","value":"error"},
           {"key":"message","type":"string","value":"login failed for )" +
           kEmail + R"("}]}],
   "processID":"p2"},
  {"traceID":")" +
           a + R"(","spanID":"00000000000000a3","operationName":"GET session",
   "references":[{"refType":"CHILD_OF","traceID":")" +
           a + R"(","spanID":"00000000000000a1"}],
   "startTime":1700000000001000,"duration":2000,
   "tags":[{"key":"span.kind","type":"string","value":"client"}],"logs":[],"processID":"p1"}],
 "processes":{"p1":{"serviceName":"web","tags":[]},
              "p2":{"serviceName":"accounts","tags":[{"key":"hostname","type":"string","value":"acc-1"}]}}},
 {"traceID":")" +
           b + R"(","spans":[
  {"traceID":")" +
           b + R"(","spanID":"00000000000000b1","operationName":"nightly job",
   "references":[],"startTime":1700000100000000,"duration":5000,
   "tags":[{"key":"error","type":"bool","value":true}],"logs":[],"processID":"p1"}],
 "processes":{"p1":{"serviceName":"batch","tags":[]}}}]}
)";
}

std::string traceFile() {
    static const std::string path = writeTemp("checkout.json", jaegerJson());
    return path;
}

// A vault of its own for each test (a fresh key), in the test's folder.
std::string vaultPath() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return tempPath(std::string("vault-") + info->name() + ".json");
}

TEST(Pack, OutputFileAndStandardOutputAreTheSameBytes) {
    const std::string vault = vaultPath();
    const CliRun toStdout = run({"pack", traceFile(), "--trace-id", kTraceA, "--tokens", vault});
    ASSERT_EQ(toStdout.code, kExitOk) << toStdout.err;
    EXPECT_EQ(lines(toStdout.err), 1u) << toStdout.err;  // the summary line
    const std::string out = tempPath("out.tracepack.json");
    const CliRun toFile =
        run({"pack", traceFile(), "--trace-id", kTraceA, "-o", out, "--tokens", vault});
    ASSERT_EQ(toFile.code, kExitOk) << toFile.err;
    EXPECT_TRUE(toFile.out.empty()) << toFile.out;
    EXPECT_EQ(lines(toFile.err), 1u) << toFile.err;
    EXPECT_NE(toFile.err.find(out), std::string::npos) << toFile.err;
    const std::string bytes = slurp(out);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes, toStdout.out);
    EXPECT_EQ(bytes.rfind("{\"schema\":\"rootline.tracepack/v1\"", 0), 0u) << bytes.substr(0, 80);
    const auto doc = nlohmann::json::parse(bytes);
    EXPECT_EQ(doc["trace"]["trace_id"], kTraceA);
    EXPECT_EQ(doc["budget"]["max_bytes"], 51200);
    EXPECT_LE(bytes.size(), 51200u);
    // The failed database call is a span of the pack.
    bool found = false;
    for (const auto& s : doc["spans"])
        found = found || s["span_id"] == "00000000000000a2";
    EXPECT_TRUE(found) << bytes;
}

TEST(Pack, PlantedValuesStayInTheVaultOnly) {
    const std::string vault = tempPath("fresh/sub/tokens.json");  // folders are created
    const std::string out = tempPath("planted.tracepack.json");
    const CliRun r =
        run({"pack", traceFile(), "--trace-id", kTraceA, "-o", out, "--tokens", vault});
    ASSERT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.err.find(vault), std::string::npos) << "names the vault: " << r.err;
    const std::string bytes = slurp(out);
    EXPECT_EQ(bytes.find(kPassword), std::string::npos) << bytes;
    EXPECT_EQ(bytes.find(kEmail), std::string::npos) << bytes;
    EXPECT_EQ(bytes.find("carol.planted7731"), std::string::npos) << bytes;
    EXPECT_NE(bytes.find("tok:secret:"), std::string::npos) << bytes;
    EXPECT_NE(bytes.find("tok:email:"), std::string::npos) << bytes;

    struct stat st {};
    ASSERT_EQ(::stat(vault.c_str(), &st), 0) << "no vault at " << vault;
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto saved = nlohmann::json::parse(slurp(vault));
    ASSERT_TRUE(saved.contains("tokens")) << saved;
    std::vector<std::string> values;
    for (const auto& [token, value] : saved["tokens"].items()) {
        EXPECT_NE(bytes.find(token), std::string::npos) << token << " is not in the pack";
        values.push_back(value.get<std::string>());
    }
    EXPECT_NE(std::find(values.begin(), values.end(), kPassword), values.end()) << saved;
    EXPECT_NE(std::find(values.begin(), values.end(), kEmail), values.end()) << saved;
}

TEST(Pack, PackingThePackGivesTheSameBytes) {
    const std::string vault = vaultPath();
    const std::string first = tempPath("first.tracepack.json");
    const std::string second = tempPath("second.tracepack.json");
    ASSERT_EQ(
        run({"pack", traceFile(), "--trace-id", kTraceA, "-o", first, "--tokens", vault}).code,
        kExitOk);
    const CliRun again = run({"pack", first, "-o", second, "--tokens", vault});
    ASSERT_EQ(again.code, kExitOk) << again.err;
    EXPECT_EQ(slurp(second), slurp(first));
    // And at a small cap.
    const std::string small1 = tempPath("small1.tracepack.json");
    const std::string small2 = tempPath("small2.tracepack.json");
    ASSERT_EQ(run({"pack", traceFile(), "--max-bytes", "8k", "-o", small1, "--tokens", vault}).code,
              kExitOk);
    ASSERT_EQ(run({"pack", small1, "--max-bytes", "8k", "-o", small2, "--tokens", vault}).code,
              kExitOk);
    EXPECT_EQ(slurp(small2), slurp(small1));
}

TEST(Pack, MaxBytesBadValuesAreOneLineErrors) {
    const std::string vault = vaultPath();
    for (const char* bad : {"abc", "100", "-5", "", "4095", "8q", "1e6"}) {
        SCOPED_TRACE(bad);
        const CliRun r = run({"pack", traceFile(), "--max-bytes", bad, "--tokens", vault});
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_EQ(r.err.rfind("rootline-cli: ", 0), 0u) << r.err;
        EXPECT_NE(r.err.find("--max-bytes"), std::string::npos) << r.err;
    }
    const CliRun missing = run({"pack", traceFile(), "--tokens", vault, "--max-bytes"});
    EXPECT_EQ(missing.code, kExitBadInput);
    EXPECT_EQ(lines(missing.err), 1u) << missing.err;
}

TEST(Pack, MaxBytesTakesUnits) {
    const std::string vault = vaultPath();
    for (const auto& [arg, cap] : std::vector<std::pair<std::string, size_t>>{
             {"8k", 8192}, {"8K", 8192}, {"8192", 8192}, {"1m", 1048576}}) {
        SCOPED_TRACE(arg);
        const CliRun r = run({"pack", traceFile(), "--max-bytes", arg, "--tokens", vault});
        ASSERT_EQ(r.code, kExitOk) << r.err;
        EXPECT_LE(r.out.size(), cap);
        EXPECT_EQ(nlohmann::json::parse(r.out)["budget"]["max_bytes"], cap);
    }
}

TEST(Pack, AllowlistRulesChangeTheOutput) {
    const std::string vault = vaultPath();
    const CliRun plain = run({"pack", traceFile(), "--trace-id", kTraceA, "--tokens", vault});
    ASSERT_EQ(plain.code, kExitOk) << plain.err;
    EXPECT_NE(plain.out.find(kStatement), std::string::npos) << plain.out;
    const std::string rules =
        writeTemp("allow.json", R"({"mode": "allowlist", "allow": ["span.kind", "http.*"]})");
    const CliRun allow =
        run({"pack", traceFile(), "--trace-id", kTraceA, "--rules", rules, "--tokens", vault});
    ASSERT_EQ(allow.code, kExitOk) << allow.err;
    EXPECT_NE(allow.out, plain.out);
    EXPECT_EQ(allow.out.find(kStatement), std::string::npos) << allow.out;
    EXPECT_EQ(allow.out.find(kPassword), std::string::npos) << allow.out;
    const auto doc = nlohmann::json::parse(allow.out);
    EXPECT_EQ(doc["redaction"]["mode"], "allowlist") << doc["redaction"];
    uint64_t allowlisted = 0;
    for (const auto& r : doc["redaction"]["rules"])
        if (r["rule"] == "allowlist") allowlisted = r["count"].get<uint64_t>();
    EXPECT_GT(allowlisted, 0u) << doc["redaction"];
}

TEST(Pack, BadRulesFileIsAOneLineErrorNamingIt) {
    const std::string vault = vaultPath();
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"bad-mode.json", R"({"mode": "sometimes"})"},
        {"unknown-key.json", R"({"deny": ["*ssn*"], "frobnicate": 1})"},
        {"allowlist-without-allow.json", R"({"mode": "allowlist"})"},
        {"broken.json", R"({"deny": [)"},
    };
    for (const auto& [name, content] : bad) {
        SCOPED_TRACE(name);
        const std::string rules = writeTemp(name, content);
        const CliRun r = run({"pack", traceFile(), "--rules", rules, "--tokens", vault});
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(rules), std::string::npos) << r.err;
    }
    const std::string missing = tempPath("no-such-rules.json");
    const CliRun r = run({"pack", traceFile(), "--rules", missing, "--tokens", vault});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST(Pack, MissingFileIsAOneLineError) {
    const std::string vault = vaultPath();
    const std::string missing = tempPath("no-such-trace.json");
    const CliRun r = run({"pack", missing, "--tokens", vault});
    EXPECT_EQ(r.code, kExitBadInput);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(vault)) << "a failed pack wrote the vault";
    // Not a trace at all.
    const std::string notTrace = writeTemp("not-a-trace.json", R"({"hello": "world"})");
    const CliRun r2 = run({"pack", notTrace, "--tokens", vault});
    EXPECT_EQ(r2.code, kExitBadInput);
    EXPECT_EQ(lines(r2.err), 1u) << r2.err;
    // Usage.
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"pack"},
                                               {"pack", "--tokens", vault},
                                               {"pack", traceFile(), traceFile()},
                                               {"pack", traceFile(), "--frobnicate"},
                                               {"pack", traceFile(), "-o"}}) {
        const CliRun u = run(args);
        EXPECT_EQ(u.code, kExitBadInput) << args.size();
        EXPECT_EQ(lines(u.err), 1u) << u.err;
    }
}

TEST(Pack, TraceIdSelects) {
    const std::string vault = vaultPath();
    const CliRun b = run({"pack", traceFile(), "--trace-id", kTraceB, "--tokens", vault});
    ASSERT_EQ(b.code, kExitOk) << b.err;
    const auto doc = nlohmann::json::parse(b.out);
    EXPECT_EQ(doc["trace"]["trace_id"], kTraceB);
    ASSERT_EQ(doc["spans"].size(), 1u) << b.out;
    EXPECT_EQ(doc["spans"][0]["span_id"], "00000000000000b1");
    // Without --trace-id: the trace with the most errors, and a note saying so.
    const CliRun fallback = run({"pack", traceFile(), "--tokens", vault});
    ASSERT_EQ(fallback.code, kExitOk) << fallback.err;
    EXPECT_EQ(nlohmann::json::parse(fallback.out)["trace"]["trace_id"], kTraceA);
    EXPECT_EQ(lines(fallback.err), 2u) << fallback.err;  // the note and the summary
    EXPECT_NE(fallback.err.find("--trace-id"), std::string::npos) << fallback.err;
    // A trace that is not there.
    const CliRun none = run(
        {"pack", traceFile(), "--trace-id", "ffff0000000000000000000000000009", "--tokens", vault});
    EXPECT_EQ(none.code, kExitBadInput);
    EXPECT_TRUE(none.out.empty());
    EXPECT_EQ(lines(none.err), 1u) << none.err;
}

TEST(Pack, DamagedVaultIsAnErrorAndStaysAsItWas) {
    for (const std::string& damaged :
         {std::string("{not json"), std::string(R"({"key": "abc", "tokens": {}})"),
          std::string(R"({"key": "00112233445566778899aabbccddeeff", "tokens": []})")}) {
        SCOPED_TRACE(damaged);
        const std::string vault = writeTemp("damaged-vault.json", damaged);
        const std::string out = tempPath("damaged.tracepack.json");
        std::filesystem::remove(out);
        const CliRun r = run({"pack", traceFile(), "-o", out, "--tokens", vault});
        EXPECT_EQ(r.code, kExitBadInput);
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(vault), std::string::npos) << r.err;
        EXPECT_EQ(slurp(vault), damaged) << "the damaged vault was changed";
        EXPECT_FALSE(std::filesystem::exists(out)) << "a pack was written anyway";
    }
}

// ---- as a real process ----

ProcessResult runCli(const std::vector<std::string>& args) {
    return clitest::runCli(temp(), args);
}

TEST(PackProcess, SameBytesAsInProcessAndCleanFailures) {
    const std::string vault = vaultPath();
    const CliRun inProcess = run({"pack", ROOTLINE_DEMO_TRACE, "--tokens", vault});
    ASSERT_EQ(inProcess.code, kExitOk) << inProcess.err;
    const ProcessResult ok = runCli({"pack", ROOTLINE_DEMO_TRACE, "--tokens", vault});
    EXPECT_EQ(ok.signal, 0);
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_EQ(ok.out, inProcess.out);
    EXPECT_LE(ok.out.size(), 51200u);
    EXPECT_EQ(lines(ok.err), 1u) << ok.err;

    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"pack", ROOTLINE_DEMO_TRACE, "--max-bytes", "abc", "--tokens", vault},
             {"pack", tempPath("no-such-trace.json"), "--tokens", vault},
             {"pack", ROOTLINE_DEMO_TRACE, "--rules", tempPath("no-such-rules.json"), "--tokens",
              vault}}) {
        const ProcessResult bad = runCli(args);
        EXPECT_EQ(bad.signal, 0);
        EXPECT_EQ(bad.exitCode, 2) << bad.err;
        EXPECT_TRUE(bad.out.empty()) << bad.out;
        EXPECT_EQ(lines(bad.err), 1u) << bad.err;
    }
}

}  // namespace
}  // namespace rootline::cli
