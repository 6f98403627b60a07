#include <gtest/gtest.h>

#include "model/ids.h"

namespace rootline {
namespace {

TEST(Ids, HexTraceIdsOfAnyLengthArePaddedOnTheLeft) {
    EXPECT_EQ(toHex(parseTraceId("2db17286b3e6b148").id), "00000000000000002db17286b3e6b148");
    // 31 digits: the leading zero was dropped by an old producer.
    EXPECT_EQ(toHex(parseTraceId("df84e36b9e2ee3815d07f0867a5be1f").id),
              "0df84e36b9e2ee3815d07f0867a5be1f");
    EXPECT_EQ(parseTraceId("5B8EFFF798038103D269B633813FC60C").id,
              parseTraceId("5b8efff798038103d269b633813fc60c").id);
    EXPECT_EQ(parseTraceId("abc").encoding, IdEncoding::Hex);
}

TEST(Ids, Base64TraceAndSpanIdsFromTempo) {
    const ParsedTraceId t = parseTraceId("W47/95gDgQPSabYzgT/HAA==");
    EXPECT_EQ(t.encoding, IdEncoding::Base64);
    EXPECT_EQ(toHex(t.id), "5b8efff798038103d269b633813fc700");
    const ParsedSpanId s = parseSpanId("7uGbfsPBsQA=");
    EXPECT_EQ(s.encoding, IdEncoding::Base64);
    EXPECT_EQ(toHex(s.id), "eee19b7ec3c1b100");
    // Unpadded and URL-safe forms decode to the same id.
    EXPECT_EQ(parseTraceId("W47_95gDgQPSabYzgT_HAA").id, t.id);
}

TEST(Ids, ShortHexSpanIdsAndAllZeroParents) {
    EXPECT_EQ(toHex(parseSpanId("ec2b4e0bcea566d").id), "0ec2b4e0bcea566d");
    EXPECT_EQ(parseSpanId("0000000000000000").id, 0u);
    EXPECT_EQ(parseSpanId("").encoding, IdEncoding::Empty);
}

TEST(Ids, OpaqueIdsAreStableAndDistinct) {
    const ParsedSpanId a = parseSpanId("span-1");
    const ParsedSpanId b = parseSpanId("span-2");
    EXPECT_EQ(a.encoding, IdEncoding::Opaque);
    EXPECT_EQ(a.id, parseSpanId("span-1").id);
    EXPECT_NE(a.id, b.id);
    EXPECT_NE(a.id, 0u);
    EXPECT_EQ(parseTraceId("trace-123").encoding, IdEncoding::Opaque);
    // Longer than 32 hex digits is not an id we can hold: opaque, not truncated.
    EXPECT_EQ(parseTraceId(std::string(40, 'a')).encoding, IdEncoding::Opaque);
}

TEST(Ids, StrictParsingForUserInput) {
    EXPECT_TRUE(parseTraceIdStrict(" 4bf92f3577b34da6a3ce929d0e0e4736\n").has_value());
    EXPECT_TRUE(parseTraceIdStrict("W47/95gDgQPSabYzgT/HAA==").has_value());
    EXPECT_FALSE(parseTraceIdStrict("not an id").has_value());
    EXPECT_FALSE(parseTraceIdStrict("").has_value());
}

}  // namespace
}  // namespace rootline
