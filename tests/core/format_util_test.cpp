#include <gtest/gtest.h>

#include "util/base64.h"
#include "util/format.h"
#include "util/utf8_repair.h"

namespace rootline {
namespace {

TEST(FormatUtil, Durations) {
    EXPECT_EQ(formatDuration(0), "0");
    EXPECT_EQ(formatDuration(850), "850 ns");
    EXPECT_EQ(formatDuration(12300), "12.3 µs");
    EXPECT_EQ(formatDuration(4560000), "4.56 ms");
    EXPECT_EQ(formatDuration(1240000000), "1.24 s");
    EXPECT_EQ(formatDuration(123000000000), "2 min 3 s");
    EXPECT_EQ(formatDuration(-5000), "-5 µs");
    EXPECT_EQ(formatDuration(INT64_MIN).substr(0, 1), "-");
    // Rounding decides the unit: never "1e+03 ms".
    EXPECT_EQ(formatDuration(999999000), "1 s");
    EXPECT_EQ(formatDuration(999499), "999 µs");
    EXPECT_EQ(formatDuration(999500), "1 ms");
    EXPECT_EQ(formatDuration(1500000), "1.5 ms");
    EXPECT_EQ(formatDuration(2000000000), "2 s");
    EXPECT_EQ(formatDuration(59990000000), "1 min 0 s");
}

TEST(FormatUtil, Timestamps) {
    EXPECT_EQ(formatTimestamp(1485467191639875000), "2017-01-26T21:46:31.639875Z");
    EXPECT_EQ(formatTimestamp(0), "1970-01-01T00:00:00.000000Z");
    EXPECT_EQ(formatTimestamp(-1000), "1969-12-31T23:59:59.999999Z");
}

TEST(FormatUtil, Base64) {
    EXPECT_EQ(decodeBase64("AAAwOQ==").value(), std::string("\0\0\x30\x39", 4));
    EXPECT_EQ(decodeBase64("AAAwOQ").value(), std::string("\0\0\x30\x39", 4));
    EXPECT_FALSE(decodeBase64("not base64!").has_value());
}

TEST(FormatUtil, Utf8Repair) {
    std::string s = "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 bad \xc0\xaf \xed\xa0\x80 \xff";
    const Utf8Repair r = repairUtf8(s.data(), s.size());
    EXPECT_EQ(r.replaced, 6u);
    EXPECT_EQ(s, "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 bad ?? ??? ?");
    EXPECT_EQ(*r.firstOffset, s.find("??"));
}

}  // namespace
}  // namespace rootline
