// The rows of the waterfall: preorder, collapse/expand in every form, filter mode.

#include <gtest/gtest.h>

#include "test_support.h"
#include "view/tree_rows.h"

namespace rootline {
namespace {

// root(1) → a(2) → a1(4), a2(5) ; root → b(3) → b1(6, error) ; orphan(7)
const char* kTrace = R"({"traceID":"1","spans":[
  {"spanID":"1","operationName":"root","startTime":0,"duration":100},
  {"spanID":"2","parentSpanID":"1","operationName":"a","startTime":10,"duration":30},
  {"spanID":"3","parentSpanID":"1","operationName":"b","startTime":50,"duration":40},
  {"spanID":"4","parentSpanID":"2","operationName":"a1","startTime":11,"duration":5},
  {"spanID":"5","parentSpanID":"2","operationName":"a2","startTime":20,"duration":5},
  {"spanID":"6","parentSpanID":"3","operationName":"b1","startTime":60,"duration":5,
   "tags":[{"key":"error","type":"bool","value":true}]},
  {"spanID":"7","parentSpanID":"99","operationName":"orphan","startTime":70,"duration":5}]})";

std::string names(const Trace& t, const TreeRows& rows) {
    std::string out;
    for (uint32_t s : rows.rows())
        out += (out.empty() ? "" : " ") + std::string(t.nameOf(s));
    return out;
}

int idx(const Trace& t, const char* name) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.nameOf(i) == name) return static_cast<int>(i);
    return -1;
}

TEST(TreeRows, PreorderWithRootsAndOrphansByStart) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    EXPECT_EQ(names(t, rows), "root a a1 a2 b b1 orphan");
    EXPECT_EQ(rows.rowOf(idx(t, "b1")), 5);
    EXPECT_EQ(rows.subtreeSize(idx(t, "root")), 6u);
    EXPECT_TRUE(rows.subtreeHasError(idx(t, "root")));
    EXPECT_FALSE(rows.subtreeHasError(idx(t, "a")));
}

TEST(TreeRows, CollapseAndExpandNodesSubtreesAndAll) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    rows.setCollapsed(idx(t, "a"), true);
    EXPECT_EQ(names(t, rows), "root a b b1 orphan");
    EXPECT_EQ(rows.rowOf(idx(t, "a1")), -1);
    rows.setCollapsed(idx(t, "a1"), true);  // a leaf: nothing to collapse
    EXPECT_FALSE(rows.isCollapsed(idx(t, "a1")));
    rows.collapseAll();
    EXPECT_EQ(names(t, rows), "root orphan");
    rows.expandSubtree(idx(t, "root"));
    EXPECT_EQ(names(t, rows), "root a a1 a2 b b1 orphan");
    rows.collapseSubtree(idx(t, "root"));
    EXPECT_EQ(names(t, rows), "root orphan");
    EXPECT_TRUE(rows.isCollapsed(idx(t, "a")));  // inner nodes collapsed too
    rows.expandAll();
    EXPECT_EQ(rows.rowCount(), 7u);
}

TEST(TreeRows, OneLevelAtATime) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    rows.collapseOneLevel();  // the deepest expanded level with children: a and b
    EXPECT_EQ(names(t, rows), "root a b orphan");
    rows.collapseOneLevel();
    EXPECT_EQ(names(t, rows), "root orphan");
    rows.collapseOneLevel();  // nothing left to collapse
    EXPECT_EQ(names(t, rows), "root orphan");
    rows.expandOneLevel();
    EXPECT_EQ(names(t, rows), "root a b orphan");
    rows.expandOneLevel();
    EXPECT_EQ(names(t, rows), "root a a1 a2 b b1 orphan");
}

TEST(TreeRows, RevealExpandsAncestors) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    rows.collapseAll();
    rows.reveal(idx(t, "b1"));
    EXPECT_EQ(names(t, rows), "root a b b1 orphan");
    EXPECT_TRUE(rows.isCollapsed(idx(t, "a")));  // only the path was opened
}

TEST(TreeRows, FilterKeepsMatchesAndTheirAncestorsAndCountsTheRest) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    std::vector<uint8_t> keep(t.spanCount(), 0);
    keep[idx(t, "a2")] = 1;
    rows.setFilter(keep);
    EXPECT_EQ(names(t, rows), "root a a2");
    EXPECT_EQ(rows.hiddenSpans(), 4u);
    EXPECT_EQ(rows.hiddenErrors(), 1u);  // b1
    EXPECT_TRUE(rows.matches(idx(t, "a2")));
    EXPECT_FALSE(rows.matches(idx(t, "a")));
    rows.setFilter({});
    EXPECT_EQ(rows.rowCount(), 7u);
    EXPECT_EQ(rows.hiddenSpans(), 0u);
}

TEST(TreeRows, AMillionDeepChainNeedsNoRecursion) {
    std::string json = R"({"traceID":"1","spans":[)";
    constexpr int kDepth = 200000;
    for (int i = 1; i <= kDepth; ++i)
        json += (i > 1 ? "," : "") + std::string(R"({"spanID":")") + std::to_string(i) + "\"" +
                (i > 1 ? R"(,"parentSpanID":")" + std::to_string(i - 1) + "\"" : "") +
                R"(,"operationName":"op","startTime":)" + std::to_string(i) + R"(,"duration":1})";
    json += "]}";
    const Trace& t = test::onlyTrace(test::load(json));
    TreeRows rows(t);
    EXPECT_EQ(rows.rowCount(), static_cast<size_t>(kDepth));
    rows.collapseAll();
    EXPECT_EQ(rows.rowCount(), 1u);
    rows.reveal(t.spanCount() - 1);
    EXPECT_EQ(rows.rowCount(), static_cast<size_t>(kDepth));
    EXPECT_LT(rows.memoryBytes() / t.spanCount(), 64u);
}

}  // namespace
}  // namespace rootline
