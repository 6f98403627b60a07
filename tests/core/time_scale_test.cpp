// Time ↔ pixel maths, including the degenerate ranges.

#include <gtest/gtest.h>

#include <cmath>

#include "view/time_scale.h"

namespace rootline {
namespace {

TEST(TimeScale, MapsTimeToPixelsAndBack) {
    TimeScale s(1000, 500);  // 1 µs over 500 px
    EXPECT_DOUBLE_EQ(s.toX(0), 0);
    EXPECT_DOUBLE_EQ(s.toX(1000), 500);
    EXPECT_DOUBLE_EQ(s.toTime(250), 500);
    EXPECT_DOUBLE_EQ(s.widthOf(10), 5);
    EXPECT_DOUBLE_EQ(s.widthOf(0.1), 1);  // never thinner than a pixel
    EXPECT_DOUBLE_EQ(s.widthOf(-5), 1);
    EXPECT_TRUE(s.isWholeTrace());
}

TEST(TimeScale, ZoomKeepsTheAnchorInPlace) {
    TimeScale s(1e6, 1000);
    s.zoom(4, 250);  // the time under x=250 (250 µs) stays at x=250
    EXPECT_NEAR(s.toTime(250), 250000, 1e-6);
    EXPECT_NEAR(s.viewDuration(), 250000, 1e-6);
    EXPECT_FALSE(s.isWholeTrace());
    s.zoom(0.25, 250);
    EXPECT_TRUE(s.isWholeTrace());
}

TEST(TimeScale, PanStaysInsideTheTrace) {
    TimeScale s(1e6, 1000);
    s.zoom(10, 0);
    s.pan(-500);  // before the start: clamped
    EXPECT_DOUBLE_EQ(s.viewStart(), 0);
    s.pan(1e9);  // past the end: clamped, window kept
    EXPECT_DOUBLE_EQ(s.viewEnd(), 1e6);
    EXPECT_NEAR(s.viewDuration(), 1e5, 1e-6);
    s.reset();
    EXPECT_TRUE(s.isWholeTrace());
}

TEST(TimeScale, ZoomStopsAtTheFinestWindow) {
    TimeScale s(1e9, 1000);
    for (int i = 0; i < 100; ++i)
        s.zoom(10, 500);
    EXPECT_DOUBLE_EQ(s.viewDuration(), TimeScale::kMinWindowNs);
}

TEST(TimeScale, DegenerateRanges) {
    TimeScale zeroTrace(0, 800);  // a trace whose spans all have zero duration
    EXPECT_GT(zeroTrace.traceDuration(), 0);
    EXPECT_TRUE(std::isfinite(zeroTrace.toX(0)));
    TimeScale negative(-500, 800);
    EXPECT_GT(negative.traceDuration(), 0);
    TimeScale zeroWidth(1e6, 0);  // a view not laid out yet
    EXPECT_DOUBLE_EQ(zeroWidth.toX(5e5), 0);
    EXPECT_DOUBLE_EQ(zeroWidth.widthOf(1e6), 0);
    zeroWidth.zoom(2, 100);
    zeroWidth.pan(50);
    EXPECT_TRUE(std::isfinite(zeroWidth.viewStart()));
    TimeScale tiny(50, 100);  // shorter than the finest window: shows the whole trace
    tiny.zoom(100, 50);
    EXPECT_DOUBLE_EQ(tiny.viewDuration(), 50);
    TimeScale s(1e6, 100);
    s.zoom(std::nan(""), 10);
    s.zoom(-1, 10);
    s.setView(std::nan(""), 5);
    EXPECT_TRUE(s.isWholeTrace());
    s.setView(800, 200);  // reversed: swapped
    EXPECT_DOUBLE_EQ(s.viewStart(), 200);
}

}  // namespace
}  // namespace rootline
