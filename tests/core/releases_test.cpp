// Releases: instances of one service running different versions in the same trace, versions
// the history has not seen, version ordering, and reading the history file.

#include <gtest/gtest.h>

#include "analysis/release_history.h"
#include "analysis/releases.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

// A gateway calling two payment instances (two pods on different versions) and a cart.
SpanTree canaryTree() {
    SpanTree tree;
    tree.span("1").service("gateway", "1.0").name("POST /checkout").server().at(0, 100);
    tree.span("2")
        .parent("1")
        .service("payment", "2.13.4", "pod-a")
        .name("Authorize")
        .server()
        .at(10, 20);
    tree.span("3")
        .parent("1")
        .service("payment", "2.13.4", "pod-a")
        .name("Capture")
        .server()
        .at(35, 10);
    tree.span("4")
        .parent("1")
        .service("payment", "2.14.0", "pod-canary")
        .name("Authorize")
        .server()
        .at(50, 30)
        .error();
    tree.span("5").parent("1").service("cart", "7.1").name("GetCart").server().at(85, 5);
    return tree;
}

TEST(Releases, TwoInstancesOnDifferentVersionsAreBothMarked) {
    const Trace& t = test::loadTree(canaryTree());
    const ReleaseFacts r = analyzeReleases(t, nullptr);
    const uint32_t stable = t.resource[SpanTree::index(t, "2")];
    const uint32_t canary = t.resource[SpanTree::index(t, "4")];
    ASSERT_NE(stable, canary);
    EXPECT_TRUE(r.mismatch[stable]);
    EXPECT_TRUE(r.mismatch[canary]);
    EXPECT_EQ(r.version[canary], "2.14.0");
    EXPECT_EQ(r.version[stable], "2.13.4");
    EXPECT_EQ(r.usual[canary], "2.13.4");
    EXPECT_EQ(r.usual[stable], "2.14.0");
    EXPECT_FALSE(r.mismatch[t.resource[SpanTree::index(t, "1")]]);
    EXPECT_FALSE(r.mismatch[t.resource[SpanTree::index(t, "5")]]);
    // Without a history nothing is "unseen".
    for (uint8_t u : r.unseen)
        EXPECT_FALSE(u);
}

TEST(Releases, SameVersionOnTwoInstancesIsNoMismatch) {
    SpanTree tree;
    tree.span("1").service("gateway", "1.0").name("root").server().at(0, 100);
    tree.span("2").parent("1").service("payment", "2.13.4", "pod-a").name("A").server().at(10, 10);
    tree.span("3").parent("1").service("payment", "2.13.4", "pod-b").name("A").server().at(30, 10);
    const Trace& t = test::loadTree(tree);
    ASSERT_NE(t.resource[1], t.resource[2]);
    const ReleaseFacts r = analyzeReleases(t, nullptr);
    for (uint8_t m : r.mismatch)
        EXPECT_FALSE(m);
}

TEST(Releases, AnInstanceWithoutAVersionIsNotAMismatch) {
    SpanTree tree;
    tree.span("1").service("gateway").name("root").server().at(0, 100);
    tree.span("2").parent("1").service("payment", "2.13.4").name("A").server().at(10, 10);
    tree.span("3").parent("1").service("payment", "", "pod-b").name("A").server().at(30, 10);
    const Trace& t = test::loadTree(tree);
    const ReleaseFacts r = analyzeReleases(t, nullptr);
    for (uint8_t m : r.mismatch)
        EXPECT_FALSE(m);
    EXPECT_EQ(r.version[t.resource[SpanTree::index(t, "3")]], "");
}

TEST(Releases, VersionTheHistoryHasNotSeen) {
    ReleaseHistory history;
    std::string error;
    ASSERT_TRUE(history.load(R"({"payment": ["2.13.3", "2.13.4"], "cart": ["7.1"]})",
                             "history.json", error))
        << error;
    const Trace& t = test::loadTree(canaryTree());
    const ReleaseFacts r = analyzeReleases(t, &history);
    EXPECT_TRUE(r.unseen[t.resource[SpanTree::index(t, "4")]]);   // payment 2.14.0
    EXPECT_FALSE(r.unseen[t.resource[SpanTree::index(t, "2")]]);  // payment 2.13.4
    EXPECT_FALSE(r.unseen[t.resource[SpanTree::index(t, "5")]]);  // cart 7.1
    // The history does not know the gateway at all: nothing to compare with.
    EXPECT_FALSE(r.unseen[t.resource[SpanTree::index(t, "1")]]);
}

TEST(Releases, SameOperationComparedAcrossVersions) {
    // Authorize runs three times on each version: 10 ms on 2.13.4, 100 ms (and failing) on
    // 2.14.0. Capture runs on 2.13.4 only: nothing to compare it with.
    SpanTree tree;
    tree.span("1").service("gateway", "1.0").name("root").server().at(0, 1000).error();
    for (int k = 0; k < 3; ++k) {
        tree.span("a" + std::to_string(k))
            .parent("1")
            .service("payment", "2.13.4", "pod-a")
            .name("Authorize")
            .server()
            .at(10 + 20 * k, 10);
        tree.span("b" + std::to_string(k))
            .parent("1")
            .service("payment", "2.14.0", "pod-b")
            .name("Authorize")
            .server()
            .at(100 + 150 * k, 100)
            .error();
    }
    tree.span("c")
        .parent("1")
        .service("payment", "2.13.4", "pod-a")
        .name("Capture")
        .server()
        .at(600, 5);
    const Trace& t = test::loadTree(tree);
    std::vector<uint8_t> failed(t.spanCount(), 0);
    for (size_t i = 0; i < t.spanCount(); ++i)
        failed[i] = t.isError(i);
    const ReleaseFacts r = analyzeReleases(t, nullptr, &failed);
    ASSERT_EQ(r.slowerRatio.size(), t.spanCount());
    const int slow = SpanTree::index(t, "b1"), fast = SpanTree::index(t, "a1");
    EXPECT_FLOAT_EQ(r.slowerRatio[slow], 10.0f);
    EXPECT_EQ(r.medianHereNs[slow], 100'000'000);
    EXPECT_EQ(r.medianElsewhereNs[slow], 10'000'000);
    EXPECT_EQ(r.callsHere[slow], 3u);
    EXPECT_EQ(r.callsElsewhere[slow], 3u);
    EXPECT_EQ(r.failuresHere[slow], 3u);
    EXPECT_TRUE(r.failsOnlyHere[slow]);
    EXPECT_FLOAT_EQ(r.slowerRatio[fast], 0.1f);
    EXPECT_FALSE(r.failsOnlyHere[fast]);
    const int capture = SpanTree::index(t, "c");
    EXPECT_EQ(r.slowerRatio[capture], 0.0f);
    EXPECT_FALSE(r.failsOnlyHere[capture]);
    // A service on one version only is not compared.
    EXPECT_EQ(r.slowerRatio[SpanTree::index(t, "1")], 0.0f);

    // Without the failures, nothing is marked as failing only here.
    const ReleaseFacts noFailures = analyzeReleases(t, nullptr);
    EXPECT_FALSE(noFailures.failsOnlyHere[slow]);
    EXPECT_FLOAT_EQ(noFailures.slowerRatio[slow], 10.0f);
}

TEST(Releases, VersionLessReadsDigitRunsAsNumbers) {
    EXPECT_TRUE(versionLess("1.9", "1.10"));
    EXPECT_FALSE(versionLess("1.10", "1.9"));
    EXPECT_TRUE(versionLess("1.99", "2.0.0"));
    EXPECT_FALSE(versionLess("2.0.0", "1.99"));
    EXPECT_TRUE(versionLess("2.13.4", "2.14.0"));
    EXPECT_TRUE(versionLess("1.2", "1.2.1"));
    EXPECT_FALSE(versionLess("1.2.1", "1.2"));
    EXPECT_FALSE(versionLess("1.2.3", "1.2.3"));
    EXPECT_TRUE(versionLess("v9", "v10"));
    // Runs too long for any integer type still compare by value.
    EXPECT_TRUE(versionLess("1.99999999999999999999", "1.100000000000000000000"));
}

TEST(ReleaseHistory, LoadsServicesAndVersions) {
    ReleaseHistory h;
    std::string error;
    ASSERT_TRUE(h.load(R"({"payment": ["2.13.4"], "cart": []})", "h.json", error)) << error;
    EXPECT_TRUE(h.knows("payment"));
    EXPECT_TRUE(h.knows("cart"));
    EXPECT_FALSE(h.knows("email"));
    EXPECT_TRUE(h.seen("payment", "2.13.4"));
    EXPECT_FALSE(h.seen("payment", "2.14.0"));
    EXPECT_FALSE(h.seen("email", "1.0"));
}

TEST(ReleaseHistory, LoadErrorsNameTheSourceOnOneLineAndKeepTheOldHistory) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"not json", "{\"payment\": ["},
        {"array", R"(["payment"])"},
        {"versions not a list", R"({"payment": "2.13.4"})"},
        {"version not a string", R"({"payment": ["2.13.4", 2]})"},
    };
    for (const auto& [what, json] : bad) {
        SCOPED_TRACE(what);
        ReleaseHistory h;
        std::string error;
        ASSERT_TRUE(h.load(R"({"cart": ["7.1"]})", "good.json", error));
        EXPECT_FALSE(h.load(json, "releases.json", error));
        EXPECT_EQ(error.rfind("releases.json: ", 0), 0u) << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
        EXPECT_TRUE(h.seen("cart", "7.1"));
        EXPECT_FALSE(h.knows("payment"));
    }
}

}  // namespace
}  // namespace rootline
