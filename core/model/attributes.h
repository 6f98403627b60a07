#pragma once
// Typed attribute values and the deduplicated attribute store.
//
// A value is 16 bytes: a type tag and a 64-bit payload (a string id, a number, or the index of
// an array/map in a side table). An attribute (key + value) is interned as a "pair", and each
// span holds a deduplicated "set" of pair ids. In a realistic 1M-span trace most pairs repeat
// (`http.request.method=GET`, `span.kind=client`), so a span's attributes cost about 4 bytes each
// plus whatever values are truly unique.

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/string_pool.h"

namespace rootline {

enum class ValueType : uint8_t { Empty, String, Bool, Int, Double, Bytes, Array, Map };

struct Value {
    ValueType type = ValueType::Empty;
    union {
        StrId str;        // String, Bytes (raw bytes in the pool)
        bool boolean;     // Bool
        int64_t integer;  // Int
        double number;    // Double
        uint32_t nested;  // Array, Map: index into AttributeStore::nested
    };
    Value() : integer(0) {}
    static Value string(StrId s) {
        Value v;
        v.type = ValueType::String;
        v.str = s;
        return v;
    }
    static Value bytes(StrId s) {
        Value v;
        v.type = ValueType::Bytes;
        v.str = s;
        return v;
    }
    static Value fromBool(bool b) {
        Value v;
        v.type = ValueType::Bool;
        v.boolean = b;
        return v;
    }
    static Value fromInt(int64_t i) {
        Value v;
        v.type = ValueType::Int;
        v.integer = i;
        return v;
    }
    static Value fromDouble(double d) {
        Value v;
        v.type = ValueType::Double;
        v.number = d;
        return v;
    }
    static Value container(ValueType t, uint32_t index) {
        Value v;
        v.type = t;
        v.nested = index;
        return v;
    }
    // Payload bits, for hashing and equality.
    uint64_t bits() const {
        switch (type) {
            case ValueType::Empty:
                return 0;
            case ValueType::String:
            case ValueType::Bytes:
                return str;
            case ValueType::Bool:
                return boolean ? 1 : 0;
            case ValueType::Int:
                return static_cast<uint64_t>(integer);
            case ValueType::Double: {
                uint64_t b;
                std::memcpy(&b, &number, sizeof b);
                return b;
            }
            case ValueType::Array:
            case ValueType::Map:
                return nested;
        }
        return 0;
    }
    bool operator==(const Value& o) const { return type == o.type && bits() == o.bits(); }
};

struct Attribute {
    StrId key = kEmptyStr;
    Value value;
};

// An array (keys all empty) or a map (keys set).
struct NestedValue {
    bool isMap = false;
    std::vector<Attribute> items;
};

using PairId = uint32_t;
using AttrSetId = uint32_t;
inline constexpr AttrSetId kEmptyAttrSet = 0;

class AttributeStore {
public:
    AttributeStore();

    PairId internPair(const Attribute& attribute);
    PairId internPair(const Attribute& attribute, bool& added);
    // Stores a pair without indexing it (see StringPool::append for why).
    PairId appendPair(const Attribute& attribute);
    // Deduplicates a whole set; `pairs` keeps the producer's order.
    AttrSetId internSet(std::span<const PairId> pairs);
    AttrSetId internSet(std::span<const PairId> pairs, bool& added);
    AttrSetId appendSet(std::span<const PairId> pairs);
    uint32_t addNested(NestedValue value);
    void reservePairs(size_t n);

    const Attribute& pair(PairId id) const { return pairs_[id]; }
    std::span<const PairId> set(AttrSetId id) const {
        const SetRange& r = sets_[id];
        return {setItems_.data() + r.offset, r.count};
    }
    const NestedValue& nested(uint32_t index) const { return nested_[index]; }
    size_t pairCount() const { return pairs_.size(); }
    size_t setCount() const { return sets_.size(); }
    size_t memoryBytes() const;
    // Drops the hash indexes once loading is done; lookups by content are no longer possible.
    void freezeIndexes();

private:
    struct SetRange {
        uint32_t offset;
        uint32_t count;
    };
    std::vector<Attribute> pairs_;
    std::vector<uint32_t> pairHashes_;
    std::vector<uint32_t> pairSlots_;
    std::vector<PairId> setItems_;
    std::vector<SetRange> sets_;
    std::vector<uint32_t> setHashes_;
    std::vector<uint32_t> setSlots_;
    size_t indexedPairs_ = 0;
    size_t indexedSets_ = 0;
    std::vector<NestedValue> nested_;
};

// Renders a value for display and search: strings as is, numbers in shortest form, bytes as
// base64, arrays and maps as compact JSON.
std::string valueToString(const Value& value, const StringPool& strings,
                          const AttributeStore& store);
// Interprets a value as an integer when it is one (or a string holding one).
bool valueAsInt(const Value& value, const StringPool& strings, int64_t& out);

}  // namespace rootline
