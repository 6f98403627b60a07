#include "model/attributes.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "util/huge_pages.h"

namespace rootline {

namespace {
constexpr uint32_t kEmptySlot = UINT32_MAX;

uint32_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return static_cast<uint32_t>(h);
}

uint32_t hashPair(const Attribute& a) {
    return mix((uint64_t(a.key) << 8 | uint64_t(a.value.type)) * 0x9E3779B97F4A7C15ULL ^
               a.value.bits());
}

uint32_t hashSet(std::span<const PairId> pairs) {
    uint64_t h = pairs.size();
    for (PairId p : pairs)
        h = (h ^ p) * 0x100000001B3ULL;
    return mix(h);
}

// Doubles an open-addressing table keyed by `hashes`. Walks the old slots rather than every
// id so appended (unindexed) entries stay out.
void rehash(std::vector<uint32_t>& slots, const std::vector<uint32_t>& hashes) {
    std::vector<uint32_t> bigger(slots.size() * 2, kEmptySlot);
    const size_t mask = bigger.size() - 1;
    for (uint32_t id : slots) {
        if (id == kEmptySlot) continue;
        size_t i = hashes[id] & mask;
        while (bigger[i] != kEmptySlot)
            i = (i + 1) & mask;
        bigger[i] = id;
    }
    slots.swap(bigger);
}

void appendJsonString(std::string& out, std::string_view s) {
    out.push_back('"');
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

void appendValue(std::string& out, const Value& v, const StringPool& strings,
                 const AttributeStore& store, bool quoteStrings);

void appendBase64(std::string& out, std::string_view bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 |
                           uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
        out.push_back(kAlphabet[n >> 18]);
        out.push_back(kAlphabet[(n >> 12) & 63]);
        out.push_back(kAlphabet[(n >> 6) & 63]);
        out.push_back(kAlphabet[n & 63]);
    }
    if (i < bytes.size()) {
        uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size()) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        out.push_back(kAlphabet[n >> 18]);
        out.push_back(kAlphabet[(n >> 12) & 63]);
        out.push_back(i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=');
        out.push_back('=');
    }
}

void appendDouble(std::string& out, double d) {
    if (std::isnan(d)) {
        out += "NaN";
        return;
    }
    if (std::isinf(d)) {
        out += d > 0 ? "Infinity" : "-Infinity";
        return;
    }
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, res.ptr);
}

void appendValue(std::string& out, const Value& v, const StringPool& strings,
                 const AttributeStore& store, bool quoteStrings) {
    switch (v.type) {
        case ValueType::Empty:
            out += quoteStrings ? "null" : "";
            break;
        case ValueType::String:
            if (quoteStrings)
                appendJsonString(out, strings.view(v.str));
            else
                out += strings.view(v.str);
            break;
        case ValueType::Bytes:
            if (quoteStrings) out.push_back('"');
            appendBase64(out, strings.view(v.str));
            if (quoteStrings) out.push_back('"');
            break;
        case ValueType::Bool:
            out += v.boolean ? "true" : "false";
            break;
        case ValueType::Int:
            out += std::to_string(v.integer);
            break;
        case ValueType::Double:
            appendDouble(out, v.number);
            break;
        case ValueType::Array:
        case ValueType::Map: {
            const NestedValue& n = store.nested(v.nested);
            out.push_back(n.isMap ? '{' : '[');
            bool first = true;
            for (const Attribute& item : n.items) {
                if (!first) out.push_back(',');
                first = false;
                if (n.isMap) {
                    appendJsonString(out, strings.view(item.key));
                    out.push_back(':');
                }
                appendValue(out, item.value, strings, store, true);
            }
            out.push_back(n.isMap ? '}' : ']');
            break;
        }
    }
}

}  // namespace

AttributeStore::AttributeStore() {
    pairSlots_.assign(1024, kEmptySlot);
    setSlots_.assign(1024, kEmptySlot);
    // Set 0 is the empty set, so "no attributes" needs no special case.
    sets_.push_back({0, 0});
    setHashes_.push_back(hashSet({}));
    setSlots_[setHashes_[0] & (setSlots_.size() - 1)] = 0;
    indexedSets_ = 1;
}

PairId AttributeStore::internPair(const Attribute& a) {
    bool added;
    return internPair(a, added);
}

PairId AttributeStore::appendPair(const Attribute& a) {
    pairs_.push_back(a);
    pairHashes_.push_back(0);
    return static_cast<PairId>(pairs_.size() - 1);
}

AttrSetId AttributeStore::internSet(std::span<const PairId> pairs) {
    bool added;
    return internSet(pairs, added);
}

AttrSetId AttributeStore::appendSet(std::span<const PairId> pairs) {
    if (pairs.empty()) return kEmptyAttrSet;
    sets_.push_back({static_cast<uint32_t>(setItems_.size()), static_cast<uint32_t>(pairs.size())});
    setItems_.insert(setItems_.end(), pairs.begin(), pairs.end());
    setHashes_.push_back(0);
    return static_cast<AttrSetId>(sets_.size() - 1);
}

PairId AttributeStore::internPair(const Attribute& a, bool& added) {
    // Arrays and maps are stored once each and never shared: comparing them deeply would cost
    // more than the memory they take, and they are rare.
    const uint32_t h = hashPair(a);
    const size_t mask = pairSlots_.size() - 1;
    size_t i = h & mask;
    for (;;) {
        const uint32_t id = pairSlots_[i];
        if (id == kEmptySlot) break;
        if (pairHashes_[id] == h && pairs_[id].key == a.key && pairs_[id].value == a.value) {
            added = false;
            return id;
        }
        i = (i + 1) & mask;
    }
    added = true;
    const auto id = static_cast<PairId>(pairs_.size());
    pairs_.push_back(a);
    pairHashes_.push_back(h);
    pairSlots_[i] = id;
    if (++indexedPairs_ * 2 > pairSlots_.size()) rehash(pairSlots_, pairHashes_);
    return id;
}

AttrSetId AttributeStore::internSet(std::span<const PairId> pairs, bool& added) {
    added = false;
    if (pairs.empty()) return kEmptyAttrSet;
    const uint32_t h = hashSet(pairs);
    const size_t mask = setSlots_.size() - 1;
    size_t i = h & mask;
    for (;;) {
        const uint32_t id = setSlots_[i];
        if (id == kEmptySlot) break;
        if (setHashes_[id] == h && sets_[id].count == pairs.size() &&
            std::memcmp(setItems_.data() + sets_[id].offset, pairs.data(),
                        pairs.size() * sizeof(PairId)) == 0)
            return id;
        i = (i + 1) & mask;
    }
    added = true;
    const auto id = static_cast<AttrSetId>(sets_.size());
    sets_.push_back({static_cast<uint32_t>(setItems_.size()), static_cast<uint32_t>(pairs.size())});
    setItems_.insert(setItems_.end(), pairs.begin(), pairs.end());
    setHashes_.push_back(h);
    setSlots_[i] = id;
    if (++indexedSets_ * 2 > setSlots_.size()) rehash(setSlots_, setHashes_);
    return id;
}

void AttributeStore::reservePairs(size_t n) {
    reserveHuge(pairs_, n);
    reserveHuge(pairHashes_, n);
}

uint32_t AttributeStore::addNested(NestedValue value) {
    nested_.push_back(std::move(value));
    return static_cast<uint32_t>(nested_.size() - 1);
}

void AttributeStore::freezeIndexes() {
    std::vector<uint32_t>().swap(pairHashes_);
    std::vector<uint32_t>().swap(pairSlots_);
    std::vector<uint32_t>().swap(setHashes_);
    std::vector<uint32_t>().swap(setSlots_);
    pairs_.shrink_to_fit();
    setItems_.shrink_to_fit();
    sets_.shrink_to_fit();
}

size_t AttributeStore::memoryBytes() const {
    size_t n = pairs_.capacity() * sizeof(Attribute) + pairHashes_.capacity() * 4 +
               pairSlots_.capacity() * 4 + setItems_.capacity() * 4 +
               sets_.capacity() * sizeof(SetRange) + setHashes_.capacity() * 4 +
               setSlots_.capacity() * 4 + nested_.capacity() * sizeof(NestedValue);
    for (const auto& v : nested_)
        n += v.items.capacity() * sizeof(Attribute);
    return n;
}

std::string valueToString(const Value& value, const StringPool& strings,
                          const AttributeStore& store) {
    std::string out;
    appendValue(out, value, strings, store, false);
    return out;
}

bool valueAsInt(const Value& value, const StringPool& strings, int64_t& out) {
    switch (value.type) {
        case ValueType::Int:
            out = value.integer;
            return true;
        case ValueType::Double:
            if (!std::isfinite(value.number)) return false;
            out = static_cast<int64_t>(value.number);
            return true;
        case ValueType::String: {
            const std::string_view s = strings.view(value.str);
            auto res = std::from_chars(s.data(), s.data() + s.size(), out);
            return res.ec == std::errc() && res.ptr == s.data() + s.size();
        }
        default:
            return false;
    }
}

}  // namespace rootline
