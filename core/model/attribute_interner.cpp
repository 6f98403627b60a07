#include "model/attribute_interner.h"

#include <algorithm>
#include <cstring>

namespace rootline {

namespace {

constexpr uint32_t kLearnSamples = 1024;
constexpr uint32_t kLearnSets = 4096;

uint64_t headOf(std::string_view text) {
    uint64_t head = 0;
    if (!text.empty()) std::memcpy(&head, text.data(), std::min<size_t>(8, text.size()));
    return head;
}

size_t mixSlot(uint64_t head, size_t size, size_t mask) {
    return static_cast<size_t>(((head * 0x9E3779B97F4A7C15ULL) >> 56) ^ size) & mask;
}

}  // namespace

AttributeInterner::AttributeInterner(Dictionary& dict) : dict_(dict) {
    states_.emplace_back();  // index 0 means "no state yet"
}

StrId AttributeInterner::key(std::string_view text) {
    const uint64_t head = headOf(text);
    KeyCacheEntry& e = keyCache_[mixSlot(head, text.size(), 255)];
    if (e.size == text.size() && e.head == head) {
        const std::string_view cached = dict_.strings.view(e.id);
        if (text.size() <= 8 ||
            std::memcmp(cached.data() + 8, text.data() + 8, text.size() - 8) == 0)
            return e.id;
    }
    const StrId id = dict_.strings.intern(text);
    e = {head, static_cast<uint32_t>(text.size()), id};
    return id;
}

AttributeInterner::KeyState& AttributeInterner::state(StrId key) {
    if (key >= stateIndex_.size()) stateIndex_.resize(key + 1 + key / 2, 0);
    uint32_t& index = stateIndex_[key];
    if (index == 0) {
        states_.emplace_back();
        index = static_cast<uint32_t>(states_.size() - 1);
    }
    return states_[index];
}

void AttributeInterner::learn(KeyState& k, bool added) {
    if (k.seen >= kLearnSamples) return;
    ++k.seen;
    k.fresh += added ? 1 : 0;
    if (k.seen == kLearnSamples && k.fresh * 10 > k.seen * 9) k.append = true;
}

bool AttributeInterner::matches(const TextEntry& e, std::string_view text, uint64_t head) const {
    if (e.size != text.size() || e.head != head) return false;
    if (text.size() <= 8) return true;
    return std::memcmp(dict_.strings.view(e.str).data() + 8, text.data() + 8, text.size() - 8) == 0;
}

PairId AttributeInterner::pair(StrId key, const AttrInput& input) {
    KeyState& k = state(key);
    if (!input.isText) {
        if (k.append) return dict_.attrs.appendPair({key, input.value});
        const uint64_t bits = input.value.bits();
        BitsEntry& e = k.bits[(bits * 0x9E3779B97F4A7C15ULL) >> 62];
        if (e.used && e.bits == bits && e.type == input.value.type) {
            learn(k, false);
            return e.pair;
        }
        bool added;
        const PairId id = dict_.attrs.internPair({key, input.value}, added);
        // Arrays and maps are never shared (see AttributeStore::internPair); do not cache them.
        if (input.value.type != ValueType::Array && input.value.type != ValueType::Map)
            e = {bits, input.value.type, true, id};
        learn(k, added);
        return id;
    }
    if (input.text.empty()) {
        bool added;
        return dict_.attrs.internPair({key, Value::string(kEmptyStr)}, added);
    }
    if (k.append)
        return dict_.attrs.appendPair({key, Value::string(dict_.strings.append(input.text))});
    const uint64_t head = headOf(input.text);
    TextEntry& e = k.text[mixSlot(head, input.text.size(), 7)];
    if (matches(e, input.text, head)) {
        learn(k, false);
        return e.pair;
    }
    const StrId str = dict_.strings.intern(input.text);
    bool added;
    const PairId id = dict_.attrs.internPair({key, Value::string(str)}, added);
    e = {head, static_cast<uint32_t>(input.text.size()), str, id};
    learn(k, added);
    return id;
}

Value AttributeInterner::value(StrId key, const AttrInput& input) {
    if (!input.isText) return input.value;
    if (input.text.empty()) return Value::string(kEmptyStr);
    if (state(key).append) return Value::string(dict_.strings.append(input.text));
    return Value::string(dict_.strings.intern(input.text));
}

AttrSetId AttributeInterner::spanSet(std::span<const PairId> pairs) {
    if (appendSpanSets_) return dict_.attrs.appendSet(pairs);
    bool added;
    const AttrSetId id = dict_.attrs.internSet(pairs, added);
    if (setsSeen_ < kLearnSets) {
        ++setsSeen_;
        setsFresh_ += added ? 1 : 0;
        if (setsSeen_ == kLearnSets && setsFresh_ * 10 > setsSeen_ * 9) appendSpanSets_ = true;
    }
    return id;
}

}  // namespace rootline
