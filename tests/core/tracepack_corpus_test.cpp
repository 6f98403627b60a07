// Tracepacks over the whole corpus (issue 5's test points): every trace of every shared fixture
// that loads as a trace, and every case of a seeded fault set (bench/faults, both formats).
// Each trace first gets private values planted (secret_planting.h): in denylisted attribute
// keys (user.password, http.request.header.*, user.email, payment.card.number, enduser.id) and
// in free text (a status message with an e-mail, a card number and a Bearer JWT; an exception
// message with an e-mail and a bare JWT) on the labelled root cause, every failed span, the root
// and one healthy span; an e-mail in the names of a quarter of the healthy spans (they end up in
// collapsed summaries) and in a resource attribute. Then, for each trace:
//   - the pack builds, is at most the cap (50 KB) and starts with the v1 schema;
//   - it holds the labelled root-cause span among its "spans" (one at least when a fault has
//     several, such as the attempts of a retry storm; the others named by their suspect);
//   - no planted value, nor a distinctive part of one (an e-mail's local part, a JWT segment,
//     the card digits, the marker every planted value carries), appears anywhere in its bytes,
//     and "redaction.rules" counts every rule that should have fired;
//   - building it twice gives the same bytes, and pack → open → pack gives the same bytes;
//   - a share of the traces is packed at 8 KB as well: at most 8 KB or a clean error, never
//     bytes over the cap, and the same round trip.
// With ROOTLINE_PACK_OUT_DIR set, every pack is also written there (one file per trace and
// cap, deterministic names) for the schema check (tests/tools/validate_tracepacks.py, run by
// ctest after this test, see tests/core/CMakeLists.txt).
// The TracepackCorpusLeak, TracepackCorpusRoundTrip and TracepackCorpusCap tests below are the
// smallest cases of what the corpus found: each names the problem it pins down.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "fault_cases.h"
#include "formats/load.h"
#include "rank_eval.h"
#include "secret_planting.h"
#include "tracepack/tracepack_builder.h"

namespace rootline {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr TokenKey kKey{0x5eed0000c0ffee01ULL, 0x0123456789abcdefULL};
constexpr size_t kSmallCap = 8 * 1024;

// The fault set: kPerKind cases of each of the 10 kinds plus kPerKind/2 no_fault controls, each
// in Jaeger and OTLP, so 126 traces of 15–300 spans. Each is ranked once and packed three times
// (twice, and again after the round trip), and every kSmallCapEvery-th trace twice more at 8 KB
// (its pack and its round trip). About 1.5 s for the whole file in a RelWithDebInfo build; the
// count is kept there so that the ASan build (about 30× slower) stays around a minute.
constexpr uint64_t kSeed = 29;
constexpr int kPerKind = 6;
constexpr size_t kSmallCapEvery = 3;

// The rules the planted values must fire whenever one planted span is in the pack.
// http.request.header.authorization is taken by "*.authorization" (it comes first), the other
// header by "http.request.header.*"; the card in payment.card.number by its key rule, the one
// in the status message by the card detector.
const std::vector<std::string> kRulesForPlantedSpans = {
    "key:user.email",      "key:enduser.*",     "key:*password*",
    "key:*.authorization", "key:payment.card*", "key:http.request.header.*",
    "value:email",         "value:card",        "value:bearer",
};
// Fired by the exception message (a bare JWT); the one in the status message follows "Bearer".
const std::vector<std::string> kRulesForPlantedExceptions = {"value:jwt", "value:email"};

std::string safeName(std::string_view s) {
    std::string out;
    for (char c : s)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
                   ? c
                   : '_';
    return out;
}

// ROOTLINE_PACK_OUT_DIR, created and emptied of earlier packs (and .repacked.json files) on
// first use ("" when unset).
const std::string& packOutDir() {
    static const std::string dir = [] {
        const char* env = std::getenv("ROOTLINE_PACK_OUT_DIR");
        if (!env || !*env) return std::string();
        std::error_code ec;
        fs::create_directories(env, ec);
        for (const auto& entry : fs::directory_iterator(env, ec))
            if (entry.path().string().ends_with(".tracepack.json") ||
                entry.path().string().ends_with(".repacked.json"))
                fs::remove(entry.path(), ec);
        return std::string(env);
    }();
    return dir;
}

void savePack(const std::string& name, const std::string& bytes) {
    if (packOutDir().empty()) return;
    const fs::path path = fs::path(packOutDir()) / (safeName(name) + ".tracepack.json");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    EXPECT_TRUE(out.good()) << "cannot write " << path;
}

// Where two byte strings first differ, for readable failures on 50 KB strings.
std::string firstDifference(const std::string& a, const std::string& b) {
    if (a == b) return "";
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    const size_t from = i > 60 ? i - 60 : 0;
    return "sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()) +
           ", first difference at byte " + std::to_string(i) + ":\n  first:  …" +
           a.substr(from, 160) + "\n  second: …" + b.substr(from, 160);
}

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::set<std::string> packSpanIds(const json& pack) {
    std::set<std::string> ids;
    if (pack.contains("spans") && pack["spans"].is_array())
        for (const json& s : pack["spans"])
            if (s.contains("span_id") && s["span_id"].is_string())
                ids.insert(s["span_id"].get<std::string>());
    return ids;
}

uint64_t ruleCount(const json& pack, const std::string& rule) {
    if (!pack.contains("redaction") || !pack["redaction"].contains("rules")) return 0;
    for (const json& r : pack["redaction"]["rules"])
        if (r.value("rule", std::string()) == rule) return r.value("count", uint64_t{0});
    return 0;
}

// The secrets (or a distinctive part of one) found in `bytes`.
std::vector<std::string> leaks(const std::string& bytes, const test::PlantedSecrets& p) {
    std::vector<std::string> found;
    for (const std::string& s : p.secrets)
        if (bytes.find(s) != std::string::npos) found.push_back(s);
    return found;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Pack → open → pack: the same bytes.
void expectRoundTrip(const std::string& bytes, const PackOptions& options,
                     const std::string& name) {
    SCOPED_TRACE("round trip of " + name);
    const LoadResult reopened = loadTraceText(bytes, name + ".tracepack.json");
    ASSERT_TRUE(reopened.ok()) << "the pack does not open: " << reopened.error.message;
    ASSERT_EQ(reopened.file->traces.size(), 1u);
    const Trace& again = *reopened.file->traces[0];
    ASSERT_NE(again.tracepack, nullptr) << "opened, but not as a tracepack";
    // Any ranking: a trace read from a pack uses the pack's own.
    const PackResult repacked = buildTracepack(again, Ranking{}, options);
    ASSERT_TRUE(repacked.ok()) << repacked.error;
    EXPECT_TRUE(repacked.bytes == bytes)
        << "pack → open → pack differs: " << firstDifference(bytes, repacked.bytes);
    // For a look at the whole difference: beside the pack, under a name the validator skips.
    if (repacked.bytes != bytes && !packOutDir().empty())
        std::ofstream(fs::path(packOutDir()) / (safeName(name) + ".repacked.json"),
                      std::ios::binary)
            << repacked.bytes;
}

// Spans to plant into: the labelled root causes, every failed span, the root (the longest, as
// the pack's header names it, and the first), and the first healthy span that is none of these.
struct Targets {
    std::set<uint32_t> spans;
    std::set<uint32_t> exceptions;
    std::set<uint32_t> labelled;
    std::set<uint32_t> renamed;  // healthy spans: every fourth
};

Targets targetsOf(const Trace& t, const std::vector<std::string>& labels) {
    Targets out;
    std::set<std::string> wanted;
    for (const std::string& l : labels)
        wanted.insert(lowerAscii(l));
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const auto s = static_cast<uint32_t>(i);
        if (wanted.count(lowerAscii(t.spanIdText(i)))) out.labelled.insert(s);
        if (t.isError(i)) out.spans.insert(s);
    }
    out.spans.insert(out.labelled.begin(), out.labelled.end());
    int32_t longest = -1;
    for (uint32_t r : t.roots)
        if (longest < 0 || t.duration[r] > t.duration[static_cast<size_t>(longest)])
            longest = static_cast<int32_t>(r);
    if (longest >= 0) out.spans.insert(static_cast<uint32_t>(longest));
    if (!t.roots.empty()) out.spans.insert(t.roots.front());
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (!out.spans.count(static_cast<uint32_t>(i))) {
            out.spans.insert(static_cast<uint32_t>(i));
            break;
        }
    for (size_t i = 0; i < t.spanCount(); i += 4)
        if (!t.isError(i) && !out.labelled.count(static_cast<uint32_t>(i)))
            out.renamed.insert(static_cast<uint32_t>(i));
    if (!out.labelled.empty()) {
        out.exceptions = out.labelled;
    } else {
        for (uint32_t s : out.spans)
            if (t.isError(s)) {
                out.exceptions.insert(s);
                break;
            }
        if (out.exceptions.empty() && !out.spans.empty()) out.exceptions.insert(*out.spans.begin());
    }
    return out;
}

struct Checked {
    bool packed = false;     // a pack was built at the default cap
    size_t labelsFound = 0;  // labelled spans among the pack's spans
};

// Everything the issue asks of one trace. `labels`: the root-cause span ids (may be empty).
Checked checkTrace(const Trace& original, const std::string& name, const std::string& source,
                   const std::vector<std::string>& labels, bool alsoSmallCap) {
    Checked checked;
    SCOPED_TRACE(name);
    const Targets targets = targetsOf(original, labels);
    // The planted values depend on the name only, so a pack's bytes do not depend on which
    // other tests ran first.
    const test::PlantedSecrets planted = test::plantSecrets(
        original, targets.spans, targets.exceptions, targets.renamed, hashBytes(name) % 1000000);
    const Trace& trace = *planted.trace;
    const Ranking ranking = rankSuspects(trace);

    PackOptions options;
    options.tokenKey = kKey;
    options.source = source;
    const PackResult pack = buildTracepack(trace, ranking, options);
    if (!pack.ok()) {
        ADD_FAILURE() << "no pack at the default cap: " << pack.error;
        return checked;
    }
    checked.packed = true;
    const std::string& bytes = pack.bytes;
    savePack(name, bytes);
    EXPECT_LE(bytes.size(), kDefaultPackBytes);
    EXPECT_EQ(bytes.rfind("{\"schema\":\"rootline.tracepack/v1\"", 0), 0u) << bytes.substr(0, 80);

    // Deterministic.
    const PackResult again = buildTracepack(trace, ranking, options);
    EXPECT_TRUE(again.bytes == bytes)
        << "packing twice differs: " << firstDifference(bytes, again.bytes);

    // No planted value, in whole or in part.
    const std::vector<std::string> leaked = leaks(bytes, planted);
    EXPECT_TRUE(leaked.empty()) << "planted values in the pack: " << joined(leaked);

    const json doc = json::parse(bytes, nullptr, false);
    if (doc.is_discarded()) {
        ADD_FAILURE() << "the pack is not JSON";
        return checked;
    }
    const std::set<std::string> ids = packSpanIds(doc);

    // The labelled root cause is in the pack: one labelled span at least among its spans (a
    // fault may have several, such as every attempt of a retry storm), and every labelled span
    // either there or named by the suspect it was folded into (similar_span_ids).
    std::set<std::string> named = ids;
    if (doc.contains("suspects"))
        for (const json& s : doc["suspects"])
            if (s.contains("similar_span_ids"))
                for (const json& id : s["similar_span_ids"])
                    named.insert(id.get<std::string>());
    std::vector<std::string> labelledIds;
    for (uint32_t l : targets.labelled) {
        const std::string id = original.spanIdText(l);
        labelledIds.push_back(id);
        if (ids.count(id)) ++checked.labelsFound;
        EXPECT_TRUE(named.count(id))
            << "labelled root cause " << id << " is neither among the pack's " << ids.size()
            << " spans nor named by a suspect";
    }
    if (!targets.labelled.empty()) {
        EXPECT_GE(checked.labelsFound, 1u)
            << "none of the labelled root-cause spans (" << joined(labelledIds)
            << ") is among the pack's " << ids.size() << " spans";
    }
    if (!labels.empty()) {
        EXPECT_FALSE(targets.labelled.empty()) << "no span has the label " << joined(labels);
    }

    // The rules that should have fired did, and the values went to the token dictionary.
    bool plantedInPack = false, exceptionInPack = false;
    for (uint32_t s : planted.planted)
        plantedInPack = plantedInPack || ids.count(trace.spanIdText(s));
    for (uint32_t s : planted.withException)
        exceptionInPack = exceptionInPack || ids.count(trace.spanIdText(s));
    if (plantedInPack) {
        for (const std::string& rule : kRulesForPlantedSpans)
            EXPECT_GT(ruleCount(doc, rule), 0u) << rule << " did not fire";
        bool passwordKept = false;
        for (const auto& [token, value] : pack.tokens)
            passwordKept = passwordKept || value == "hunter2-" + planted.marker;
        EXPECT_TRUE(passwordKept) << "the planted password is not in the token dictionary";
    }
    if (exceptionInPack) {
        for (const std::string& rule : kRulesForPlantedExceptions)
            EXPECT_GT(ruleCount(doc, rule), 0u) << rule << " did not fire";
    }

    expectRoundTrip(bytes, options, name);

    if (alsoSmallCap) {
        PackOptions small = options;
        small.maxBytes = kSmallCap;
        const PackResult tight = buildTracepack(trace, ranking, small);
        if (tight.ok()) {
            EXPECT_LE(tight.bytes.size(), kSmallCap);
            savePack(name + "-8k", tight.bytes);
            const std::vector<std::string> leakedSmall = leaks(tight.bytes, planted);
            EXPECT_TRUE(leakedSmall.empty())
                << "planted values in the 8 KB pack: " << joined(leakedSmall);
            expectRoundTrip(tight.bytes, small, name + "-8k");
        } else {
            EXPECT_TRUE(tight.bytes.empty()) << "an error and bytes";
            EXPECT_EQ(tight.error.find('\n'), std::string::npos) << tight.error;
        }
    }
    return checked;
}

struct FixtureLabel {
    std::string file;
    std::string traceId;
    std::vector<std::string> spanIds;
};

std::vector<FixtureLabel> fixtureLabels() {
    std::ifstream in(ROOTLINE_FIXTURE_LABELS);
    std::ostringstream text;
    text << in.rdbuf();
    const json doc = json::parse(text.str(), nullptr, false);
    std::vector<FixtureLabel> out;
    if (!doc.is_array()) return out;
    for (const json& e : doc) {
        FixtureLabel l;
        l.file = e.value("file", std::string());
        l.traceId = e.value("trace_id", std::string());
        if (e.contains("root_span_ids"))
            for (const json& id : e["root_span_ids"])
                l.spanIds.push_back(id.get<std::string>());
        out.push_back(std::move(l));
    }
    return out;
}

TEST(TracepackCorpus, EveryFixture) {
    const fs::path root = ROOTLINE_FIXTURES_DIR;
    ASSERT_TRUE(fs::is_directory(root)) << root;
    const std::vector<FixtureLabel> labels = fixtureLabels();
    ASSERT_GE(labels.size(), 7u) << "cannot read " << ROOTLINE_FIXTURE_LABELS;

    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    std::set<std::string> packedFiles, packedFolders;
    size_t traces = 0;
    std::map<std::string, size_t> labelsFound;  // file → labelled spans found in its pack
    for (const fs::path& path : files) {
        const std::string relative = fs::relative(path, root).generic_string();
        const LoadResult loaded = loadTraceFile(path.string());
        if (!loaded.ok()) continue;  // not a trace (metrics, logs, search results, …)
        for (const auto& trace : loaded.file->traces) {
            if (trace->spanCount() == 0) continue;
            std::vector<std::string> wanted;
            for (const FixtureLabel& l : labels) {
                if (l.file != relative) continue;
                const bool thisTrace = l.traceId.empty()
                                           ? loaded.file->traces.size() == 1
                                           : faults::normalTraceId(l.traceId) ==
                                                 faults::normalTraceId(trace->traceIdText());
                if (thisTrace) wanted.insert(wanted.end(), l.spanIds.begin(), l.spanIds.end());
            }
            const std::string name = "fixture-" + relative + "-" + trace->traceIdText();
            // Every third trace also at 8 KB (the fixtures are small: a handful).
            const Checked c = checkTrace(
                *trace, name, path.filename().string() + " (" + loaded.file->format + ")", wanted,
                traces % 3 == 0);
            ++traces;
            if (c.packed) {
                packedFiles.insert(relative);
                packedFolders.insert(relative.substr(0, relative.find('/')));
            }
            if (!wanted.empty()) labelsFound[relative] += c.labelsFound;
        }
    }
    // A loader regression must not skip everything quietly.
    EXPECT_GE(packedFiles.size(), 10u) << joined({packedFiles.begin(), packedFiles.end()});
    EXPECT_TRUE(packedFolders.count("jaeger"))
        << joined({packedFolders.begin(), packedFolders.end()});
    EXPECT_TRUE(packedFolders.count("tempo"))
        << joined({packedFolders.begin(), packedFolders.end()});
    // Every labelled fixture was packed with its root cause.
    for (const FixtureLabel& l : labels) {
        EXPECT_TRUE(packedFiles.count(l.file)) << l.file << " (labelled) was not packed";
        EXPECT_GE(labelsFound[l.file], 1u) << l.file << ": its labelled root cause was not checked";
    }
}

TEST(TracepackCorpus, EveryFaultCase) {
    const std::vector<faults::FaultCase> cases = faults::generateFaultCases(kSeed, kPerKind);
    std::set<std::string> kinds;
    size_t n = 0, packed = 0;
    for (const faults::FaultCase& c : cases) {
        for (const char* format : {"jaeger", "otlp"}) {
            const std::string name = "fault-" + c.id + "-" + format;
            const std::string& text = std::string(format) == "jaeger" ? c.jaegerJson : c.otlpJson;
            const LoadResult loaded = loadTraceText(text, name + ".json");
            ASSERT_TRUE(loaded.ok()) << name << ": " << loaded.error.message;
            ASSERT_EQ(loaded.file->traces.size(), 1u) << name;
            const Checked checked = checkTrace(*loaded.file->traces[0], name,
                                               name + ".json (" + loaded.file->format + ")",
                                               c.rootSpanIds, n++ % kSmallCapEvery == 0);
            packed += checked.packed;
            if (!c.rootSpanIds.empty()) {
                EXPECT_GE(checked.labelsFound, 1u) << name;
            }
        }
        kinds.insert(c.kind);
    }
    EXPECT_EQ(kinds.size(), faults::faultKinds().size() + 1);  // every kind and the controls
    EXPECT_EQ(packed, 2 * cases.size());
}

// ---- values cut in half before redaction ----
// The ranker quotes a span's failure text in its reasons, cut to 160 characters plus "…"
// (suspect_ranking.cpp, quoted()). The pack redacts the reason text after that cut, so a value
// that straddles character 160 is no longer whole for the detectors: an e-mail cut inside its
// domain, a card number cut to 14 digits, a JWT cut inside its payload. Each case below is
// one failing span whose exception message puts a value across the cut.

// A Jaeger trace of one failed span with an exception event: "<type>: <message>".
std::string oneExceptionTrace(const std::string& type, const std::string& message) {
    return R"({"data":[{"traceID":"1eaf0000000000000000000000000001","spans":[
  {"traceID":"1eaf0000000000000000000000000001","spanID":"00000000000000c1",
   "operationName":"POST /notify","references":[],"startTime":1700000000000000,"duration":5000,
   "tags":[{"key":"span.kind","type":"string","value":"server"},
           {"key":"error","type":"bool","value":true}],
   "logs":[{"timestamp":1700000000002000,"fields":[
     {"key":"event","type":"string","value":"exception"},
     {"key":"exception.type","type":"string","value":")" +
           type + R"("},
     {"key":"exception.message","type":"string","value":")" +
           message + R"("}]}],
   "processID":"p1"}],
 "processes":{"p1":{"serviceName":"notifier","tags":[]}}}]})";
}

// The message that puts `value` at character `at` of "<type>: <message>".
std::string messageWithValueAt(const std::string& type, const std::string& value, size_t at) {
    const size_t prefix = type.size() + 2;
    std::string pad;
    while (prefix + pad.size() < at)
        pad += "lorem ";
    pad.resize(at - prefix);
    if (!pad.empty()) pad.back() = ' ';
    return pad + value + " was rejected";
}

// Packs the one-span trace and returns the pack (empty on failure).
std::string packOf(const std::string& json) {
    const LoadResult loaded = loadTraceText(json, "cut.json");
    EXPECT_TRUE(loaded.ok()) << loaded.error.message;
    if (!loaded.ok() || loaded.file->traces.size() != 1) return "";
    const Trace& t = *loaded.file->traces[0];
    PackOptions options;
    options.tokenKey = kKey;
    const PackResult pack = buildTracepack(t, rankSuspects(t), options);
    EXPECT_TRUE(pack.ok()) << pack.error;
    return pack.bytes;
}

TEST(TracepackCorpusLeak, EmailCutByTheSuspectReasonQuote) {
    // "ops.leak7731@exam…": the local part is whole, the domain has no dot left.
    const std::string email = "ops.leak7731@example.com";
    const std::string type = "NotifyError";
    const std::string bytes =
        packOf(oneExceptionTrace(type, messageWithValueAt(type, email, 160 - 17)));
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("ops.leak7731"), std::string::npos)
        << "the e-mail's local part is in the pack:\n"
        << bytes;
}

TEST(TracepackCorpusLeak, CardNumberCutByTheSuspectReasonQuote) {
    // "4111 1111 1111 11…": 14 digits, no longer a Luhn-valid card for the detector.
    const std::string card = "4556 7375 8689 9855";
    const std::string type = "PaymentError";
    const std::string bytes =
        packOf(oneExceptionTrace(type, messageWithValueAt(type, "card " + card, 160 - 5 - 17)));
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("4556 7375 8689"), std::string::npos)
        << "12 or more digits of the card number are in the pack:\n"
        << bytes;
}

TEST(TracepackCorpusLeak, JwtCutByTheSuspectReasonQuote) {
    const std::string jwt = test::plantedJwt("alice@example.org", "c0ffee");
    const std::string payload = jwt.substr(jwt.find('.') + 1, 24);
    const std::string type = "AuthError";
    const std::string bytes =
        packOf(oneExceptionTrace(type, messageWithValueAt(type, "token " + jwt, 160 - 6 - 70)));
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(payload), std::string::npos)
        << "the start of the JWT's payload (its claims) is in the pack:\n"
        << bytes;
}

// ---- round trips ----

// jaeger/jaeger-uimodel-edgecases.json has two spans with the id 0000000000000002 (one failed,
// "some-operation", and "test-general-conversion"). Both are in the pack; once the pack is
// opened again, the second takes the first one's rank and self time.
TEST(TracepackCorpusRoundTrip, DuplicateSpanIds) {
    const LoadResult loaded =
        loadTraceFile(std::string(ROOTLINE_FIXTURES_DIR) + "/jaeger/jaeger-uimodel-edgecases.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error.message;
    ASSERT_EQ(loaded.file->traces.size(), 1u);
    const Trace& t = *loaded.file->traces[0];
    PackOptions options;
    options.tokenKey = kKey;
    const PackResult pack = buildTracepack(t, rankSuspects(t), options);
    ASSERT_TRUE(pack.ok()) << pack.error;
    expectRoundTrip(pack.bytes, options, "jaeger-uimodel-edgecases");
}

// ---- the size cap on large traces ----

// 2,000 failed calls under one root, each with a code location of its own. Far more than fits
// in 50 KB, so the writer drops spans, least important first, until the pack fits. It estimates
// how many from each span's line (and its summaries), but the code_locations lines that name
// the dropped spans are not in that estimate: it drops all spans but the root, the pack has no
// suspect left and uses 4 KB of the 50 KB. The same happens on the 1M-span benchmark trace
// (13,069 spans selected, 1 kept, 4,082 bytes). The top suspect must stay in the pack.
TEST(TracepackCorpusCap, ManyFailuresKeepTheTopSuspects) {
    const std::string trace = "ca9e0000000000000000000000000001";
    std::string json = R"({"data":[{"traceID":")" + trace + R"(","spans":[)";
    json += R"({"traceID":")" + trace +
            R"(","spanID":"00000000000f0000","operationName":"GET /batch",)"
            R"("references":[],"startTime":1700000000000000,"duration":900000,)"
            R"("tags":[{"key":"span.kind","type":"string","value":"server"},)"
            R"({"key":"error","type":"bool","value":true}],"processID":"p1"})";
    for (int i = 1; i <= 2000; ++i) {
        char id[17];
        std::snprintf(id, sizeof id, "%016x", i);
        const std::string n = std::to_string(i);
        json += R"(,{"traceID":")" + trace + R"(","spanID":")" + id +
                R"(","operationName":"process item )" + n +
                R"(","references":[{"refType":"CHILD_OF","traceID":")" + trace +
                R"(","spanID":"00000000000f0000"}],"startTime":)" +
                std::to_string(1700000000000000 + 400 * i) + R"(,"duration":)" +
                std::to_string(100 + i % 50) +
                R"(,"tags":[{"key":"error","type":"bool","value":true},)"
                R"({"key":"code.function","type":"string","value":"handle_item_)" +
                n + R"("},{"key":"code.filepath","type":"string","value":"src/items/item_)" + n +
                R"(.py"},{"key":"code.lineno","type":"int64","value":)" + n +
                R"(}],"processID":"p1"})";
    }
    json += R"(],"processes":{"p1":{"serviceName":"worker","tags":[]}}}]})";
    const LoadResult loaded = loadTraceText(json, "many-failures.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error.message;
    const Trace& t = *loaded.file->traces[0];
    ASSERT_EQ(t.spanCount(), 2001u);
    const Ranking ranking = rankSuspects(t);
    ASSERT_FALSE(ranking.suspects.empty());
    PackOptions options;
    options.tokenKey = kKey;
    const PackResult pack = buildTracepack(t, ranking, options);
    ASSERT_TRUE(pack.ok()) << pack.error;
    EXPECT_LE(pack.bytes.size(), kDefaultPackBytes);
    const std::set<std::string> ids = packSpanIds(json::parse(pack.bytes));
    EXPECT_TRUE(ids.count(t.spanIdText(ranking.suspects[0].span)))
        << "the top suspect is not in the pack (" << pack.spansInPack << " spans, "
        << pack.suspectsInPack << " suspects, " << pack.bytes.size() << " bytes)";
    EXPECT_GE(pack.suspectsInPack, 1u);
    EXPECT_GE(pack.bytes.size(), kDefaultPackBytes / 2)
        << "spans were dropped over the cap, yet half the cap is unused (" << pack.spansInPack
        << " spans)";
}

}  // namespace
}  // namespace rootline
