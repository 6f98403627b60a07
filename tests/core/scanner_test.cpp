// The structural pre-pass: span groups, windows, skeleton, damage detection.

#include <gtest/gtest.h>

#include <simdjson.h>

#include "formats/json_scanner.h"
#include "test_support.h"

namespace rootline {
namespace {

ScanResult scan(const std::string& json, size_t window = 1 << 20) {
    static simdjson::padded_string keep;
    keep = simdjson::padded_string(json);
    return scanJson(keep.data(), keep.size(), window, {});
}

std::string skeleton(const ScanResult& r) {
    return r.skeleton.substr(0, r.skeletonSize);
}

TEST(Scanner, FindsSpansArraysAndLeavesAPlaceholder) {
    const ScanResult r = scan(R"({"data":[{"traceID":"1","spans":[{"a":1},{"b":[2]}],"p":{}}]})");
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].elements, 2u);
    EXPECT_TRUE(r.groups[0].closed);
    EXPECT_EQ(skeleton(r), R"({"data":[{"traceID":"1","spans":[0],"p":{}}]})");
    EXPECT_EQ(r.damage.kind, ScanDamage::Kind::None);
    ASSERT_EQ(r.topLevel.size(), 1u);
}

TEST(Scanner, BracketsInsideStringsAndEscapesAreNotStructure) {
    const ScanResult r =
        scan(R"({"spans":[{"m":"a ] \" } [ \\"},{"m":"\\\\\"]"}],"x":"\"spans\":["})");
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].elements, 2u);
    EXPECT_EQ(r.damage.kind, ScanDamage::Kind::None);
    EXPECT_EQ(skeleton(r), R"({"spans":[0],"x":"\"spans\":["})");
}

TEST(Scanner, SplitsLargeGroupsIntoWindowsAtElementEnds) {
    std::string json = R"({"spans":[)";
    for (int i = 0; i < 1000; ++i)
        json += (i ? "," : "") + std::string(R"({"id":")") + std::to_string(i) + "\"}";
    json += "]}";
    const ScanResult r = scan(json, 256);
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_GT(r.groups[0].cuts.size(), 10u);
    for (size_t cut : r.groups[0].cuts)
        EXPECT_EQ(json[cut - 1], '}');
    EXPECT_EQ(r.groups[0].cuts.back(), json.size() - 2);  // just past the last '}'
}

TEST(Scanner, TopLevelArrayWithoutSpansKeysIsOneGroup) {
    const ScanResult r = scan(R"([{"traceId":"a","id":"1"},{"traceId":"a","id":"2"}])");
    ASSERT_TRUE(r.topLevelArrayIsGroup);
    EXPECT_EQ(skeleton(r), "[0]");
    EXPECT_EQ(r.groups[0].elements, 2u);
}

TEST(Scanner, ReportsDamage) {
    EXPECT_EQ(scan(R"({"spans":[{"a":"unterminated)").damage.kind, ScanDamage::Kind::EndsInString);
    const ScanResult unclosed = scan(R"({"spans":[{"a":1},{"b":)");
    EXPECT_EQ(unclosed.damage.kind, ScanDamage::Kind::Unclosed);
    EXPECT_EQ(unclosed.damage.openBrackets, 3);
    EXPECT_EQ(unclosed.groups[0].cuts.back(), std::string(R"({"spans":[{"a":1})").size());
    const ScanResult stray = scan(R"({"a":1}})");
    EXPECT_EQ(stray.damage.kind, ScanDamage::Kind::StrayClose);
    EXPECT_EQ(stray.damage.offset, 7u);
}

TEST(Scanner, SeveralDocumentsAndStrayText) {
    const ScanResult r = scan("{\"a\":1}\n{\"b\":[2]}\n");
    EXPECT_EQ(r.topLevel.size(), 2u);
    EXPECT_FALSE(r.strayText.has_value());
    const ScanResult junk = scan("{\"a\":1} junk");
    ASSERT_TRUE(junk.strayText.has_value());
    EXPECT_EQ(*junk.strayText, 8u);
}

// The windowed path must give exactly what a whole-file parse gives, whatever the window.
TEST(Scanner, TinyWindowsSplitOneSpansArray) {
    LoadOptions tiny;
    tiny.windowBytes = 64;
    const LoadResult r =
        loadTraceFile(test::fixture("jaeger/ui-genai-57spans-10svc-error.json"), {}, tiny);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.stats.windows, 57u);  // every span is bigger than 64 bytes
}

TEST(Scanner, WindowSizeDoesNotChangeTheResult) {
    for (const std::string f : {"jaeger/ui-genai-57spans-10svc-error.json",
                                "tempo/servicegraphs_trace-with-queue-database.json"}) {
        const LoadResult big = loadTraceFile(test::fixture(f));
        LoadOptions tiny;
        tiny.windowBytes = 64;
        tiny.parallel = false;
        const LoadResult small = loadTraceFile(test::fixture(f), {}, tiny);
        ASSERT_TRUE(big.ok() && small.ok());
        const Trace& a = *big.file->traces[0];
        const Trace& b = *small.file->traces[0];
        ASSERT_EQ(a.spanCount(), b.spanCount());
        EXPECT_GE(small.stats.windows, big.stats.windows);
        for (size_t i = 0; i < a.spanCount(); ++i) {
            EXPECT_EQ(a.spanId[i], b.spanId[i]);
            EXPECT_EQ(a.parent[i], b.parent[i]);
            EXPECT_EQ(a.nameOf(i), b.nameOf(i));
            EXPECT_EQ(a.serviceOf(i), b.serviceOf(i));
            EXPECT_EQ(a.attributesOf(i).size(), b.attributesOf(i).size());
        }
    }
}

}  // namespace
}  // namespace rootline

namespace rootline {
namespace {

// The portable classifier must find exactly what the AVX2 one finds.
TEST(Scanner, GenericAndAvx2PathsAgree) {
    for (const std::string f : {"jaeger/ui-genai-57spans-10svc-error.json",
                                "tempo/servicegraphs_trace-with-failed-requests.json",
                                "jaeger/jaeger-anonymizer-embedded-process.json"}) {
        SCOPED_TRACE(f);
        const auto text = simdjson::padded_string::load(test::fixture(f)).value();
        const ScanResult fast = scanJson(text.data(), text.size(), 512, {});
        forceGenericScannerForTesting(true);
        const ScanResult generic = scanJson(text.data(), text.size(), 512, {});
        forceGenericScannerForTesting(false);
        ASSERT_EQ(fast.groups.size(), generic.groups.size());
        for (size_t g = 0; g < fast.groups.size(); ++g) {
            EXPECT_EQ(fast.groups[g].cuts, generic.groups[g].cuts);
            EXPECT_EQ(fast.groups[g].elements, generic.groups[g].elements);
        }
        EXPECT_EQ(fast.skeleton, generic.skeleton);
        EXPECT_EQ(fast.topLevel, generic.topLevel);
        EXPECT_GT(fast.groups.size(), 0u);
    }
}

}  // namespace
}  // namespace rootline
