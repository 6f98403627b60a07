#pragma once
// A minimal open-addressing map from 64-bit ids to 32-bit indices, used while building a trace
// index. std::unordered_map costs ~40 bytes and a heap allocation per entry; this costs 12 bytes
// per slot at a load factor under one half, which matters at 1M spans.

#include <cstdint>
#include <vector>

namespace rootline {

class FlatIdMap {
public:
    static constexpr uint32_t kMissing = UINT32_MAX;

    explicit FlatIdMap(size_t expected) {
        size_t cap = 16;
        while (cap < expected * 2)
            cap <<= 1;
        keys_.assign(cap, 0);
        values_.assign(cap, kMissing);
    }

    // Inserts when absent; returns the value already stored otherwise (first wins).
    uint32_t insertOrGet(uint64_t key, uint32_t value) {
        size_t i = slot(key);
        if (values_[i] != kMissing) return values_[i];
        keys_[i] = key;
        values_[i] = value;
        return value;
    }

    uint32_t find(uint64_t key) const { return values_[slot(key)]; }

private:
    size_t slot(uint64_t key) const {
        const size_t mask = keys_.size() - 1;
        uint64_t h = key * 0x9E3779B97F4A7C15ULL;
        size_t i = static_cast<size_t>(h >> 20) & mask;
        while (values_[i] != kMissing && keys_[i] != key)
            i = (i + 1) & mask;
        return i;
    }
    std::vector<uint64_t> keys_;
    std::vector<uint32_t> values_;
};

}  // namespace rootline
