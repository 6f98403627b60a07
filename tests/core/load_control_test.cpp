// Cancellation and progress of a load, and that the parallel and serial paths agree.

#include <gtest/gtest.h>

#include <atomic>

#include "test_support.h"

namespace rootline {
namespace {

std::string manySpans(int n) {
    std::string json = R"({"data":[{"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spans":[)";
    for (int i = 1; i <= n; ++i)
        json +=
            (i > 1 ? "," : "") +
            std::string(R"({"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":")") +
            std::to_string(i) + R"(","operationName":"op)" + std::to_string(i % 7) +
            R"(","references":[)" +
            (i > 1
                 ? R"({"refType":"CHILD_OF","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":")" +
                       std::to_string(i / 2) + "\"}"
                 : std::string()) +
            R"(],"startTime":)" + std::to_string(1000 + i) +
            R"(,"duration":5,"tags":[{"key":"n","type":"int64","value":)" + std::to_string(i) +
            R"(}],"processID":"p1"})";
    return json + R"(],"processes":{"p1":{"serviceName":"svc"}}}]})";
}

TEST(LoadControl, ProgressRisesToOne) {
    const std::string json = manySpans(20000);
    std::vector<double> seen;
    JobControl control;
    control.progress = [&](double f) { seen.push_back(f); };
    LoadOptions options;
    options.windowBytes = 16 * 1024;
    const LoadResult r = loadTraceText(json, "many.json", control, options);
    ASSERT_TRUE(r.ok());
    ASSERT_GE(seen.size(), 3u);
    for (size_t i = 1; i < seen.size(); ++i)
        EXPECT_GE(seen[i], seen[i - 1]);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(LoadControl, CancelStopsTheLoad) {
    const std::string json = manySpans(20000);
    std::atomic<bool> cancel{false};
    JobControl control;
    control.cancelFlag = &cancel;
    control.progress = [&](double f) {
        if (f > 0.3) cancel = true;
    };
    LoadOptions options;
    options.windowBytes = 16 * 1024;
    const LoadResult r = loadTraceText(json, "many.json", control, options);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error.cancelled);
    EXPECT_EQ(r.error.message, "cancelled");
}

TEST(LoadControl, ParallelAndSerialLoadsAreIdentical) {
    const std::string json = manySpans(5000);
    LoadOptions parallel, serial;
    parallel.windowBytes = serial.windowBytes = 8 * 1024;
    serial.parallel = false;
    const LoadResult a = loadTraceText(json, "a", {}, parallel);
    const LoadResult b = loadTraceText(json, "b", {}, serial);
    const Trace& ta = test::onlyTrace(a);
    const Trace& tb = test::onlyTrace(b);
    ASSERT_EQ(ta.spanCount(), 5000u);
    ASSERT_EQ(ta.spanCount(), tb.spanCount());
    EXPECT_EQ(ta.spanId, tb.spanId);
    EXPECT_EQ(ta.parent, tb.parent);
    EXPECT_EQ(ta.selfTime, tb.selfTime);
    EXPECT_EQ(ta.maxDepth, 12u);
}

}  // namespace
}  // namespace rootline
