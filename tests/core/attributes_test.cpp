#include <gtest/gtest.h>

#include "model/attribute_interner.h"

namespace rootline {
namespace {

TEST(AttributeStore, PairsAndSetsAreDeduplicated) {
    Dictionary d;
    const StrId k = d.strings.intern("http.request.method");
    const PairId a = d.attrs.internPair({k, Value::string(d.strings.intern("GET"))});
    const PairId b = d.attrs.internPair({k, Value::string(d.strings.intern("GET"))});
    const PairId c = d.attrs.internPair({k, Value::string(d.strings.intern("POST"))});
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    const std::vector<PairId> set1{a, c}, set2{a, c}, set3{c, a};
    EXPECT_EQ(d.attrs.internSet(set1), d.attrs.internSet(set2));
    EXPECT_NE(d.attrs.internSet(set1), d.attrs.internSet(set3));  // order is kept
    EXPECT_EQ(d.attrs.internSet({}), kEmptyAttrSet);
}

TEST(AttributeStore, TypedValuesRenderForDisplay) {
    Dictionary d;
    EXPECT_EQ(valueToString(Value::fromInt(-42), d.strings, d.attrs), "-42");
    EXPECT_EQ(valueToString(Value::fromBool(true), d.strings, d.attrs), "true");
    EXPECT_EQ(valueToString(Value::fromDouble(72.5), d.strings, d.attrs), "72.5");
    EXPECT_EQ(valueToString(Value::bytes(d.strings.intern(std::string("\0\0\x30\x39", 4))),
                            d.strings, d.attrs),
              "AAAwOQ==");
    NestedValue map;
    map.isMap = true;
    map.items.push_back({d.strings.intern("a"), Value::fromInt(1)});
    map.items.push_back({d.strings.intern("b"), Value::string(d.strings.intern("x\"y"))});
    const Value m = Value::container(ValueType::Map, d.attrs.addNested(map));
    EXPECT_EQ(valueToString(m, d.strings, d.attrs), R"({"a":1,"b":"x\"y"})");
}

TEST(AttributeInterner, KeysWithMostlyUniqueValuesSwitchToAppending) {
    Dictionary d;
    AttributeInterner interner(d);
    const StrId url = interner.key("url.full");
    const StrId method = interner.key("http.request.method");
    for (int i = 0; i < 3000; ++i) {
        interner.pair(url, AttrInput::ofText("https://shop.example/orders/" + std::to_string(i)));
        interner.pair(method, AttrInput::ofText(i % 2 ? "GET" : "POST"));
    }
    const size_t pairsBefore = d.attrs.pairCount();
    // A repeated method value costs no new pair; a url value always does (appended).
    interner.pair(method, AttrInput::ofText("GET"));
    EXPECT_EQ(d.attrs.pairCount(), pairsBefore);
    const PairId p = interner.pair(url, AttrInput::ofText("https://shop.example/orders/7"));
    EXPECT_EQ(d.attrs.pairCount(), pairsBefore + 1);
    EXPECT_EQ(d.strings.view(d.attrs.pair(p).value.str), "https://shop.example/orders/7");
    // Repeated url values were still interned while the key was learning.
    EXPECT_NE(d.strings.find("https://shop.example/orders/7"), StringPool::kNotFound);
}

TEST(AttributeInterner, CachedValuesKeepTheirTypes) {
    Dictionary d;
    AttributeInterner interner(d);
    const StrId k = interner.key("retry");
    const PairId i1 = interner.pair(k, AttrInput::of(Value::fromInt(1)));
    const PairId b1 = interner.pair(k, AttrInput::of(Value::fromBool(true)));
    EXPECT_NE(i1, b1);  // same payload bits, different types
    EXPECT_EQ(interner.pair(k, AttrInput::of(Value::fromInt(1))), i1);
    EXPECT_EQ(d.attrs.pair(b1).value.type, ValueType::Bool);
}

}  // namespace
}  // namespace rootline
