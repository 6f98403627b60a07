// The tracepack builder on small hand-built traces: which spans go in and why, the summaries of
// collapsed subtrees, logs, code locations, the key dictionary, the budget's shedding order, the
// round trip through the reader, and what the reader says about damaged packs.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "span_tree_builder.h"
#include "test_support.h"
#include "tracepack/pack_writer.h"
#include "tracepack/subgraph.h"
#include "tracepack/tracepack_builder.h"
#include "tracepack/tracepack_origin.h"
#include "tracepack/tracepack_reader.h"

namespace rootline {
namespace {

using nlohmann::json;

PackOptions options(size_t maxBytes = kDefaultPackBytes) {
    PackOptions o;
    o.maxBytes = maxBytes;
    o.tokenKey = {0x0123456789abcdefull, 0xfedcba9876543210ull};
    o.source = "test.json (Jaeger JSON)";
    return o;
}

PackResult pack(const Trace& t, const PackOptions& o = options()) {
    return buildTracepack(t, rankSuspects(t), o);
}

json spanById(const json& p, const std::string& id) {
    for (const json& s : p["spans"])
        if (s["span_id"] == id) return s;
    return nullptr;
}

// The value of attribute `key` on a pack span, resolving the key dictionary.
json attribute(const json& p, const json& span, const std::string& key) {
    if (!span.contains("attributes")) return nullptr;
    for (const json& pair : span["attributes"]) {
        const std::string k = pair[0].is_number()
                                  ? p["keys"][pair[0].get<size_t>()].get<std::string>()
                                  : pair[0].get<std::string>();
        if (k == key) return pair[1];
    }
    return nullptr;
}

// web → api → (db fails, cache ok, 30 healthy calls)
test::SpanTree checkoutTree() {
    test::SpanTree tree;
    tree.span("1").service("web", "1.0").name("POST /checkout").server().at(0, 200).error();
    tree.span("2").parent("1").service("api", "2.3").name("charge").server().at(5, 180).error();
    tree.span("3")
        .parent("2")
        .service("db")
        .name("SELECT orders")
        .client()
        .at(10, 150)
        .error("lock wait timeout")
        .exception("SQLException", "lock wait timeout exceeded")
        .str("code.function", "OrderRepo.find")
        .str("code.filepath", "src/orders/repo.py")
        .num("code.lineno", 88);
    tree.span("4").parent("2").service("cache").name("GET session").client().at(6, 2);
    for (int k = 0; k < 30; ++k)
        tree.span(std::to_string(100 + k))
            .parent("2")
            .service("inventory")
            .name(k % 2 ? "GET /stock" : "GET /price")
            .client()
            .at(7 + k * 0.1, 1);
    return tree;
}

TEST(TracepackBuilder, KeepsTheErrorPathAndCollapsesHealthyChildren) {
    const test::SpanTree tree = checkoutTree();
    const Trace& t = test::loadTree(tree);
    const PackResult r = pack(t);
    ASSERT_TRUE(r.ok()) << r.error;
    const json p = json::parse(r.bytes);
    EXPECT_EQ(p["schema"], "rootline.tracepack/v1");
    EXPECT_EQ(p["spans"].size(), 3u);  // web, api, db: the error path; cache and inventory healthy
    EXPECT_EQ(spanById(p, test::hexId("3"))["role"], "suspect");
    EXPECT_EQ(spanById(p, test::hexId("3"))["rank"], 1);
    EXPECT_TRUE(spanById(p, test::hexId("4")).is_null());
    ASSERT_EQ(p["collapsed"].size(), 1u);
    const json& c = p["collapsed"][0];
    EXPECT_EQ(c["parent_id"], test::hexId("2"));
    EXPECT_EQ(c["spans"], 31);
    EXPECT_EQ(c["max_us"], 2000);
    EXPECT_EQ(c["total_us"], 2000 + 30 * 1000);
    ASSERT_EQ(c["operations"].size(), 3u);
    EXPECT_EQ(c["operations"][0]["count"], 15);  // GET /price and GET /stock before GET session
    EXPECT_EQ(c["operations"][2]["name"], "GET session");
    EXPECT_EQ(p["left_out"][0]["what"], "healthy_spans");
    EXPECT_EQ(p["left_out"][0]["count"], 31);
    EXPECT_EQ(p["trace"]["span_count"], 34);
    EXPECT_EQ(p["trace"]["root"]["span_id"], test::hexId("1"));
    EXPECT_EQ(p["trace"]["releases"].size(), 2u);
    EXPECT_EQ(p["suspects"][0]["span_id"], test::hexId("3"));
    EXPECT_EQ(r.spansInPack, 3u);
    EXPECT_EQ(r.summariesInPack, 1u);
}

TEST(TracepackBuilder, SelfTimeCountsCollapsedChildrenAndOffsetsStartAtTheTrace) {
    const Trace& t = test::loadTree(checkoutTree());
    const json p = json::parse(pack(t).bytes);
    const json api = spanById(p, test::hexId("2"));
    EXPECT_EQ(api["start_us"], 5000);
    EXPECT_EQ(api["duration_us"], 180000);
    // api's children cover 6..160 ms (db 10..160, cache 6..8, inventory 7..10): 180 - 154.
    EXPECT_EQ(api["self_us"], 180000 - 154000);
}

// 200 failures, each at the end of its own chain of ten: ancestors count against the number of
// spans gathered, so a deep trace does not gather ten times what the writer could keep.
TEST(TracepackBuilder, AncestorsCountAgainstTheSpansGathered) {
    test::SpanTree tree;
    tree.span("r").service("web").name("GET /").server().at(0, 1000).error();
    for (int k = 0; k < 200; ++k)
        for (int j = 0; j < 10; ++j) {
            const std::string id = "c" + std::to_string(k) + "-" + std::to_string(j);
            test::SpanSpec& s =
                tree.span(id)
                    .parent(j ? "c" + std::to_string(k) + "-" + std::to_string(j - 1)
                              : std::string("r"))
                    .service("svc" + std::to_string(j))
                    .name("step")
                    .internal()
                    .at(k * 4 + j * 0.01, 1);
            if (j == 9) s.error("failed");
        }
    const Trace& t = test::loadTree(tree);
    constexpr size_t kCandidates = 64;
    const Subgraph g = selectSubgraph(t, rankSuspects(t), kCandidates);
    // The last failure taken may bring its whole chain past the number.
    EXPECT_LE(g.spans.size(), kCandidates + 10);
    EXPECT_GT(g.errorsNotConsidered, 0u);
    std::vector<uint8_t> kept(t.spanCount(), 0);
    for (uint32_t i : g.spans)
        kept[i] = 1;
    for (uint32_t i : g.spans) {  // every kept span's parent is kept: no holes in a path
        if (t.parent[i] >= 0) {
            EXPECT_TRUE(kept[static_cast<size_t>(t.parent[i])]) << i;
        }
    }
}

// "Explain this error" with a span selected: the span is kept even when healthy (it would
// otherwise be collapsed), with its ancestors, and named in the header.
TEST(TracepackBuilder, TheSpanAskedAboutIsKeptAndNamed) {
    const Trace& t = test::loadTree(checkoutTree());
    const json plain = json::parse(pack(t).bytes);
    EXPECT_TRUE(spanById(plain, test::hexId("4")).is_null());  // collapsed without focus
    EXPECT_FALSE(plain["trace"].contains("focus_span_id"));
    PackOptions o = options();
    o.focusSpan = test::spanIndex(t, test::hexId("4"));
    ASSERT_GE(o.focusSpan, 0);
    const json p = json::parse(pack(t, o).bytes);
    EXPECT_EQ(p["trace"]["focus_span_id"], test::hexId("4"));
    EXPECT_FALSE(spanById(p, test::hexId("4")).is_null());
    EXPECT_FALSE(spanById(p, test::hexId("2")).is_null());  // its parent
}

TEST(TracepackBuilder, KeepsAnomalousSiblingsOnly) {
    test::SpanTree tree;
    tree.span("1").service("web").name("GET /").server().at(0, 100).error();
    tree.span("2").parent("1").service("web").name("render").internal().at(1, 70);  // dominant
    tree.span("3").parent("1").service("auth").name("check").client().at(72, 5).error();
    tree.span("4").parent("1").service("web").name("log").internal().at(80, 1);
    const Trace& t = test::loadTree(tree);
    const json p = json::parse(pack(t).bytes);
    // Kept (as an anomalous sibling, or as a suspect when the critical path ranks it).
    EXPECT_FALSE(spanById(p, test::hexId("2")).is_null());
    EXPECT_TRUE(spanById(p, test::hexId("4")).is_null());
}

TEST(TracepackBuilder, LogsAreErrorsAndWarningsNearFailuresFoldedByText) {
    test::SpanTree logs;
    logs.span("1").service("web").name("GET /").server().at(0, 100).error();
    logs.span("2").parent("1").service("db").name("q").client().at(10, 50).error().exception(
        "Timeout", "no reply");
    logs.span("3").parent("1").service("db").name("q").client().at(20, 50).error().exception(
        "Timeout", "no reply");
    logs.span("4").parent("1").service("web").name("h").internal().at(30, 2).event("cache miss");
    const Trace& t = test::loadTree(logs);
    const PackResult r = pack(t);
    const json p = json::parse(r.bytes);
    ASSERT_EQ(p["logs"].size(), 1u) << r.bytes;  // two identical exceptions fold; info left out
    EXPECT_EQ(p["logs"][0]["severity"], "error");
    EXPECT_EQ(p["logs"][0]["body"], "Timeout: no reply");
    EXPECT_EQ(p["logs"][0]["repeats"], 1);
    bool infoCounted = false;
    for (const json& l : p["left_out"])
        if (l["what"] == "log_lines" && l["why"] == "info and debug level") infoCounted = true;
    EXPECT_TRUE(infoCounted);
    PackOptions withInfo = options();
    withInfo.includeInfoLogs = true;
    EXPECT_EQ(json::parse(pack(t, withInfo).bytes)["logs"].size(), 2u);
}

// Gathering stops at 400 distinct lines; a line already gathered still counts its repeats,
// and every line not written is in left_out.
TEST(TracepackBuilder, LogLinesBeyondTheGatheringAreCountedAndRepeatsStillFold) {
    test::SpanTree logs;
    logs.span("1").service("web").name("GET /").server().at(0, 500).error();
    for (int k = 0; k < 450; ++k)
        logs.span(std::to_string(1000 + k))
            .parent("1")
            .service("db")
            .name("q")
            .client()
            .at(1 + k * 0.1, 0.05)
            .error()
            .exception("Timeout", "no reply #" + std::to_string(k));
    for (int k = 0; k < 50; ++k)  // later, the first line again
        logs.span(std::to_string(5000 + k))
            .parent("1")
            .service("db")
            .name("q")
            .client()
            .at(100 + k * 0.1, 0.05)
            .error()
            .exception("Timeout", "no reply #0");
    const Trace& t = test::loadTree(logs);
    const PackResult r = pack(t, options(4'000'000));
    ASSERT_TRUE(r.error.empty()) << r.error;
    const json p = json::parse(r.bytes);
    ASSERT_FALSE(p["logs"].empty());
    EXPECT_EQ(p["logs"][0]["body"], "Timeout: no reply #0");
    EXPECT_EQ(p["logs"][0]["repeats"], 50);
    uint64_t leftOut = 0;
    for (const json& l : p["left_out"])
        if (l["what"] == "log_lines" && l["why"] == "over the size cap")
            leftOut += l["count"].get<uint64_t>();
    EXPECT_EQ(leftOut, 450 - p["logs"].size());
}

TEST(TracepackBuilder, CodeLocationsComeFromCodeAttributes) {
    const Trace& t = test::loadTree(checkoutTree());
    const json p = json::parse(pack(t).bytes);
    ASSERT_EQ(p["code_locations"].size(), 1u);
    EXPECT_EQ(p["code_locations"][0]["function"], "OrderRepo.find");
    EXPECT_EQ(p["code_locations"][0]["file"], "src/orders/repo.py");
    EXPECT_EQ(p["code_locations"][0]["line"], 88);
    EXPECT_EQ(p["code_locations"][0]["span_ids"][0], test::hexId("3"));
}

TEST(TracepackBuilder, RepeatedKeysGoIntoTheDictionary) {
    const Trace& t = test::loadTree(checkoutTree());
    const PackResult r = pack(t);
    const json p = json::parse(r.bytes);
    ASSERT_TRUE(p.contains("keys"));
    // span.kind is on all three spans: it is a key, written as its index.
    EXPECT_NE(std::find(p["keys"].begin(), p["keys"].end(), "span.kind"), p["keys"].end());
    EXPECT_EQ(r.bytes.find("\"span.kind\",\"server\""), std::string::npos);
    EXPECT_EQ(attribute(p, spanById(p, test::hexId("2")), "span.kind"), "server");
    // code.function occurs once: written as itself.
    EXPECT_EQ(attribute(p, spanById(p, test::hexId("3")), "code.function"), "OrderRepo.find");
}

TEST(TracepackBuilder, RedactsBeforeWriting) {
    test::SpanTree tree;
    tree.span("1")
        .service("web")
        .name("GET /")
        .server()
        .at(0, 100)
        .error("failed for carol@example.net")
        .str("user.email", "carol@example.net")
        .str("db.password", "hunter2-zz")
        .num("gen_ai.usage.input_tokens", 42);
    const Trace& t = test::loadTree(tree);
    const PackResult r = pack(t);
    EXPECT_EQ(r.bytes.find("carol"), std::string::npos);
    EXPECT_EQ(r.bytes.find("hunter2"), std::string::npos);
    const json p = json::parse(r.bytes);
    const json root = spanById(p, test::hexId("1"));
    const std::string token = attribute(p, root, "user.email").get<std::string>();
    EXPECT_EQ(token.rfind("tok:email:", 0), 0u);
    // The same address in free text gets the same token.
    EXPECT_NE(root["status_message"].get<std::string>().find(token), std::string::npos);
    EXPECT_EQ(attribute(p, root, "gen_ai.usage.input_tokens"), 42);
    EXPECT_EQ(r.tokens.at(token), "carol@example.net");
    std::map<std::string, uint64_t> counts;
    for (const json& rule : p["redaction"]["rules"])
        counts[rule["rule"]] = rule["count"];
    EXPECT_EQ(counts["key:user.email"], 1u);
    EXPECT_EQ(counts["key:*password*"], 1u);
    // The status message, and otel.status_description where the Jaeger producer put it.
    EXPECT_GE(counts["value:email"], 1u);
}

TEST(TracepackBuilder, SameInputSameBytes) {
    const Trace& t = test::loadTree(checkoutTree());
    EXPECT_EQ(pack(t).bytes, pack(t).bytes);
    const test::SpanTree tree = checkoutTree();
    const Trace& again = test::loadTree(tree);  // a separate load: no shared state
    EXPECT_EQ(pack(t).bytes, pack(again).bytes);
}

// A trace far bigger than any cap: 400 failing calls with long messages and stacks.
test::SpanTree stormTree() {
    test::SpanTree tree;
    tree.span("1").service("web").name("POST /batch").server().at(0, 5000).error();
    for (int k = 0; k < 400; ++k) {
        const std::string id = std::to_string(1000 + k);
        tree.span(id)
            .parent("1")
            .service("worker-" + std::to_string(k % 7))
            .name("process item " + std::to_string(k))
            .client()
            .at(1 + k * 10, 9)
            .error(std::string(600, 'x') + " item " + std::to_string(k))
            .exception("ItemError", std::string(3000, 'y'));
    }
    return tree;
}

TEST(TracepackBuilder, ShedsInOrderAndStaysUnderTheCap) {
    const test::SpanTree tree = stormTree();
    const Trace& t = test::loadTree(tree);
    const Ranking ranking = rankSuspects(t);
    for (size_t cap : {size_t{8192}, size_t{12000}, size_t{20000}, kDefaultPackBytes}) {
        const PackResult r = buildTracepack(t, ranking, options(cap));
        ASSERT_TRUE(r.ok()) << r.error;
        EXPECT_LE(r.bytes.size(), cap);
        const json p = json::parse(r.bytes);
        // The root always stays, and every suspect left has its span.
        EXPECT_FALSE(spanById(p, test::hexId("1")).is_null()) << cap;
        for (const json& s : p.value("suspects", json::array()))
            EXPECT_FALSE(spanById(p, s["span_id"]).is_null()) << cap;
        // Dropped spans are listed, and every kept span's parent is in the pack.
        // Every span is in the pack or counted as left out (over the cap, or beyond what the
        // cap could ever hold).
        size_t leftOutSpans = 0;
        for (const json& l : p["left_out"])
            if (l["what"] == "spans") leftOutSpans += l["count"].get<size_t>();
        EXPECT_EQ(leftOutSpans + p["spans"].size(), 401u) << cap;
        for (const json& s : p["spans"]) {
            if (s.contains("parent_id")) {
                EXPECT_FALSE(spanById(p, s["parent_id"]).is_null());
            }
        }
    }
}

TEST(TracepackBuilder, TheTopSuspectSurvivesTheSmallestCap) {
    const test::SpanTree tree = stormTree();
    const Trace& t = test::loadTree(tree);
    const Ranking ranking = rankSuspects(t);
    ASSERT_FALSE(ranking.suspects.empty());
    const std::string top = t.spanIdText(ranking.suspects[0].span);
    const json p = json::parse(buildTracepack(t, ranking, options(kMinPackBytes)).bytes);
    EXPECT_FALSE(spanById(p, top).is_null());
    EXPECT_EQ(p["suspects"][0]["span_id"], top);
}

TEST(TracepackBuilder, LongStringsAreCutWithAMarkerThatFitsTheLimit) {
    bool cut = false;
    const std::string s = truncateText(std::string(5000, 'a'), 1024, cut);
    EXPECT_TRUE(cut);
    EXPECT_LE(s.size(), 1024u);
    EXPECT_NE(s.find("…[+"), std::string::npos);
    bool again = true;
    EXPECT_EQ(truncateText(s, 1024, again), s);
    EXPECT_FALSE(again);
    // Never inside a UTF-8 sequence.
    std::string umlauts;
    for (int k = 0; k < 600; ++k)
        umlauts += "ü";
    const std::string u = truncateText(umlauts, 101, cut);
    EXPECT_EQ(json(u).dump().find("\\ufffd"), std::string::npos);
    EXPECT_LE(u.size(), 101u);
}

TEST(TracepackBuilder, PackOpenPackGivesTheSameBytes) {
    const test::SpanTree tree = stormTree();
    const Trace& t = test::loadTree(tree);
    for (size_t cap : {size_t{8192}, kDefaultPackBytes}) {
        const PackResult first = buildTracepack(t, rankSuspects(t), options(cap));
        ASSERT_TRUE(first.ok());
        const LoadResult opened = loadTraceText(first.bytes, "x.tracepack.json");
        ASSERT_TRUE(opened.ok()) << opened.error.message;
        const Trace& back = *opened.file->traces.at(0);
        ASSERT_NE(back.tracepack, nullptr);
        EXPECT_EQ(opened.file->format, "Rootline tracepack");
        const PackResult second = buildTracepack(back, Ranking{}, options(cap));
        size_t at = 0;
        while (at < first.bytes.size() && at < second.bytes.size() &&
               first.bytes[at] == second.bytes[at])
            ++at;
        EXPECT_TRUE(first.bytes == second.bytes)
            << "cap " << cap << ": differs at byte " << at << ": «"
            << first.bytes.substr(at > 80 ? at - 80 : 0, 160) << "» vs «"
            << second.bytes.substr(at > 80 ? at - 80 : 0, 160) << "»";
    }
}

TEST(TracepackReader, CollapsedSummariesBecomeMarkedSpans) {
    const Trace& t = test::loadTree(checkoutTree());
    const LoadResult opened = loadTraceText(pack(t).bytes, "x.tracepack.json");
    ASSERT_TRUE(opened.ok()) << opened.error.message;
    const Trace& back = *opened.file->traces[0];
    ASSERT_EQ(back.tracepack->collapsedSpans.size(), 1u);
    const uint32_t c = back.tracepack->collapsedSpans[0];
    EXPECT_EQ(back.nameOf(c), "31 healthy spans collapsed");
    EXPECT_EQ(back.spanIdText(static_cast<size_t>(back.parent[c])), test::hexId("2"));
    EXPECT_EQ(test::attrText(back, c, "rootline.collapsed.spans"), "31");
    EXPECT_NE(test::attrText(back, c, "rootline.collapsed.operations").find("GET /price ×15"),
              std::string::npos);
    // The pack's suspects and the original self time come back with it.
    ASSERT_EQ(back.tracepack->ranking.suspects.size(), rankSuspects(t).suspects.size());
    const int db = test::spanIndex(back, test::hexId("3"));
    EXPECT_EQ(back.tracepack->ranking.rankOfSpan[static_cast<size_t>(db)], 1u);
    const int api = test::spanIndex(back, test::hexId("2"));
    EXPECT_EQ(back.selfTime[static_cast<size_t>(api)], int64_t{26000} * 1000);
}

TEST(TracepackReader, DamagedPacksSayWhere) {
    const Trace& t = test::loadTree(checkoutTree());
    nlohmann::ordered_json p = nlohmann::ordered_json::parse(pack(t).bytes);
    auto message = [](const nlohmann::ordered_json& doc) {
        const LoadResult r = loadTraceText(doc.dump(), "x.tracepack.json");
        EXPECT_FALSE(r.ok());
        return r.ok() ? std::string() : r.error.message;
    };
    auto badKey = p;
    badKey["spans"][1]["attributes"][0][0] = 999;
    EXPECT_NE(message(badKey).find("spans[1].attributes[0]: key index 999 is beyond"),
              std::string::npos);
    auto newer = p;
    newer["schema"] = "rootline.tracepack/v2";
    EXPECT_NE(message(newer).find("this Rootline reads rootline.tracepack/v1"), std::string::npos);
    auto noSpans = p;
    noSpans.erase("spans");
    EXPECT_NE(message(noSpans).find("\"spans\" is missing"), std::string::npos);
    auto badResource = p;
    badResource["spans"][0]["resource"] = 42;
    EXPECT_NE(message(badResource).find("spans[0].resource: 42 is not one of"), std::string::npos);
    const LoadResult cut = loadTraceText(pack(t).bytes.substr(0, 300), "x.tracepack.json");
    ASSERT_FALSE(cut.ok());
    EXPECT_NE(cut.error.message.find("not valid JSON"), std::string::npos);
    EXPECT_TRUE(cut.error.byte.has_value());
}

TEST(TracepackReader, OpensPacksWithReorderedMembers) {
    const Trace& t = test::loadTree(checkoutTree());
    const std::string sorted = json::parse(pack(t).bytes).dump();  // keys sorted: schema not first
    ASSERT_EQ(sorted.rfind("{\"budget\"", 0), 0u);
    const LoadResult r = loadTraceText(sorted, "sorted.tracepack.json");
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.file->format, "Rootline tracepack");
    // A trace that merely quotes the schema string is still read as the trace it is.
    test::SpanTree tree;
    tree.span("1").service("web").name("GET /").at(0, 1).str("note", "rootline.tracepack/v1");
    const LoadResult plain = loadTraceText(tree.json(), "plain.json");
    ASSERT_TRUE(plain.ok());
    EXPECT_EQ(plain.file->format, "Jaeger JSON");
}

TEST(TracepackReader, RecognisesPacksByTheirFirstMember) {
    EXPECT_TRUE(looksLikeTracepack("{\"schema\":\"rootline.tracepack/v1\",\"trace\":{}}"));
    EXPECT_TRUE(looksLikeTracepack("\n { \"schema\" : \"rootline.tracepack/v2\""));
    EXPECT_FALSE(looksLikeTracepack("{\"data\":[]}"));
    EXPECT_FALSE(looksLikeTracepack("{\"schema\":\"other\"}"));
    EXPECT_FALSE(looksLikeTracepack(""));
}

}  // namespace
}  // namespace rootline
