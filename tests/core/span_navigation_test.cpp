// Next/previous error and match (SpanMarks), the combined find/service filter, ruler ticks.

#include <gtest/gtest.h>

#include "test_support.h"
#include "view/span_filter.h"
#include "view/span_marks.h"
#include "view/time_ticks.h"
#include "view/tree_rows.h"

namespace rootline {
namespace {

// root → a(error) → a1 ; root → b → b1(error) ; root → c(error). Services: front for root,
// back for the rest.
const char* kTrace = R"({"traceID":"1","spans":[
  {"spanID":"1","operationName":"root","startTime":0,"duration":100,"processID":"p1"},
  {"spanID":"2","parentSpanID":"1","operationName":"a","startTime":10,"duration":30,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}]},
  {"spanID":"3","parentSpanID":"1","operationName":"b","startTime":50,"duration":40,
   "processID":"p2"},
  {"spanID":"4","parentSpanID":"2","operationName":"a1","startTime":11,"duration":5,
   "processID":"p2"},
  {"spanID":"5","parentSpanID":"3","operationName":"b1","startTime":60,"duration":5,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}]},
  {"spanID":"6","parentSpanID":"1","operationName":"c","startTime":95,"duration":5,
   "processID":"p2","tags":[{"key":"error","type":"bool","value":true}]}],
  "processes":{"p1":{"serviceName":"front"},"p2":{"serviceName":"back"}}})";

int idx(const Trace& t, const char* name) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.nameOf(i) == name) return static_cast<int>(i);
    return -1;
}

TEST(SpanMarks, NextAndPreviousErrorFollowTheTreeAndWrap) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    const SpanMarks errors = SpanMarks::errors(t, rows);
    ASSERT_EQ(errors.count(), 3u);
    EXPECT_EQ(errors.first(rows), idx(t, "a"));
    EXPECT_EQ(errors.next(rows, idx(t, "a")), idx(t, "b1"));
    EXPECT_EQ(errors.next(rows, idx(t, "a1")), idx(t, "b1"));  // from a non-error span
    EXPECT_EQ(errors.next(rows, idx(t, "b1")), idx(t, "c"));
    EXPECT_EQ(errors.next(rows, idx(t, "c")), idx(t, "a"));  // wraps
    EXPECT_EQ(errors.previous(rows, idx(t, "a")), idx(t, "c"));
    EXPECT_EQ(errors.previous(rows, idx(t, "b")), idx(t, "a"));
    EXPECT_EQ(errors.previous(rows, -1), idx(t, "c"));
    EXPECT_EQ(errors.ordinalOf(rows, idx(t, "b1")), 2u);
    EXPECT_EQ(errors.ordinalOf(rows, idx(t, "b")), 0u);
}

TEST(SpanMarks, WorkInsideCollapsedSubtrees) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    rows.collapseAll();
    const SpanMarks errors = SpanMarks::errors(t, rows);
    const int32_t b1 = errors.next(rows, idx(t, "a"));
    ASSERT_EQ(b1, idx(t, "b1"));
    EXPECT_EQ(rows.rowOf(b1), -1);
    rows.reveal(static_cast<uint32_t>(b1));
    EXPECT_GE(rows.rowOf(b1), 0);
}

TEST(SpanMarks, EmptyAndMismatchedInputsMarkNothing) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    TreeRows rows(t);
    EXPECT_TRUE(SpanMarks(rows, {}).empty());
    EXPECT_TRUE(SpanMarks(rows, std::vector<uint8_t>(3, 1)).empty());  // wrong size
    const SpanMarks none;
    EXPECT_EQ(none.next(rows, 0), -1);
    EXPECT_EQ(none.previous(rows, -1), -1);
    EXPECT_EQ(none.ordinalOf(rows, 0), 0u);
    std::vector<uint8_t> one(t.spanCount(), 0);
    one[idx(t, "a1")] = 1;
    const SpanMarks single(rows, one);
    EXPECT_EQ(single.next(rows, idx(t, "a1")), idx(t, "a1"));  // wraps onto itself
    EXPECT_EQ(single.previous(rows, idx(t, "a1")), idx(t, "a1"));
}

TEST(SpanFilter, CombinesFindMatchesAndServices) {
    const Trace& t = test::onlyTrace(test::load(kTrace));
    EXPECT_TRUE(combineSpanFilters(t, nullptr, {}).empty());
    EXPECT_TRUE(combineSpanFilters(t, nullptr, {1, 1}).empty());  // all services shown

    const uint32_t back = t.service[idx(t, "a")];
    std::vector<uint8_t> services(t.services.size(), 1);
    services[back] = 0;
    auto keep = combineSpanFilters(t, nullptr, services);
    ASSERT_EQ(keep.size(), t.spanCount());
    EXPECT_EQ(keep[idx(t, "root")], 1);
    EXPECT_EQ(keep[idx(t, "a")], 0);

    std::vector<uint8_t> matches(t.spanCount(), 0);
    matches[idx(t, "b1")] = 1;
    matches[idx(t, "root")] = 1;
    keep = combineSpanFilters(t, &matches, {});
    EXPECT_EQ(keep[idx(t, "b1")], 1);
    EXPECT_EQ(keep[idx(t, "b")], 0);  // ancestors are TreeRows' business
    keep = combineSpanFilters(t, &matches, services);
    EXPECT_EQ(keep[idx(t, "b1")], 0);  // matches but its service is hidden
    EXPECT_EQ(keep[idx(t, "root")], 1);

    TreeRows rows(t);
    rows.setFilter(combineSpanFilters(t, &matches, {}));
    EXPECT_EQ(rows.rowCount(), 3u);  // root, b (context), b1
    EXPECT_TRUE(rows.isContext(idx(t, "b")));
    EXPECT_FALSE(rows.isContext(idx(t, "b1")));
    EXPECT_EQ(rows.hiddenSpans(), 3u);
    EXPECT_EQ(rows.hiddenErrors(), 2u);  // a and c
}

TEST(TimeTicks, RoundStepsAtLeastTheSpacingApart) {
    EXPECT_EQ(tickStep(1000, 1000, 100), 100);
    EXPECT_EQ(tickStep(1000, 1000, 101), 200);
    EXPECT_EQ(tickStep(1000, 1000, 300), 500);
    EXPECT_EQ(tickStep(1e9, 1900, 80), 5e7);  // 1 s over 1900 px: every 50 ms
    EXPECT_EQ(tickStep(10, 1000, 80), 1);     // never below a nanosecond
    EXPECT_EQ(tickStep(1000, 0, 80), 0);      // no width, no ticks
    EXPECT_EQ(tickStep(0, 1000, 80), 0);

    TimeScale scale(1e9, 1900);
    TimeTicks ticks = timeTicks(scale, 80);
    ASSERT_FALSE(ticks.times.empty());
    EXPECT_EQ(ticks.times.front(), 0);
    EXPECT_EQ(ticks.times.back(), 1e9);
    for (size_t i = 1; i < ticks.times.size(); ++i)
        EXPECT_GE(scale.toX(ticks.times[i]) - scale.toX(ticks.times[i - 1]), 80 - 1e-6);

    scale.setView(123456, 123456 + 1000);  // zoomed in: ticks inside the window only
    ticks = timeTicks(scale, 80);
    ASSERT_FALSE(ticks.times.empty());
    EXPECT_GE(ticks.times.front(), scale.viewStart());
    EXPECT_LE(ticks.times.back(), scale.viewEnd() + 1e-6);
    EXPECT_TRUE(timeTicks(TimeScale(1000, 0), 80).times.empty());
}

TEST(TimeTicks, LabelsResolveTheStep) {
    EXPECT_EQ(tickLabel(0, 5e7), "0");
    EXPECT_EQ(tickLabel(5e7, 5e7), "50 ms");
    EXPECT_EQ(tickLabel(1.5e9, 5e8), "1.5 s");
    EXPECT_EQ(tickLabel(12345000, 1000), "12.345 ms");  // zoomed in to 1 µs steps
    EXPECT_EQ(tickLabel(990000, 10000), "990 µs");
    EXPECT_EQ(tickLabel(1000000, 10000), "1.00 ms");
    EXPECT_EQ(tickLabel(1010000, 10000), "1.01 ms");
    EXPECT_EQ(tickLabel(500, 100), "500 ns");
    EXPECT_EQ(tickLabel(7, 1), "7 ns");
}

}  // namespace
}  // namespace rootline
