#include "model/string_pool.h"

#include <algorithm>
#include <cstring>

#include "util/huge_pages.h"

namespace rootline {

namespace {
constexpr uint32_t kEmptySlot = UINT32_MAX;
// Blocks start small so a tiny trace does not pin megabytes, and grow to 4 MB (in huge pages)
// once a file turns out to be large.
constexpr size_t kFirstBlockSize = 64 * 1024;
constexpr size_t kMaxBlockSize = 4u << 20;
}  // namespace

uint32_t hashBytes(std::string_view text) {
    // FNV-1a folded over 8-byte words: fast for the short keys that dominate, and good enough
    // spread for the open-addressing table below.
    uint64_t h = 1469598103934665603ULL;
    const char* p = text.data();
    size_t n = text.size();
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 1099511628211ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t tail = 0;
    if (n) std::memcpy(&tail, p, n);  // an empty view may have a null data()
    h = (h ^ tail ^ (uint64_t(text.size()) << 56)) * 1099511628211ULL;
    h ^= h >> 32;
    return static_cast<uint32_t>(h);
}

StringPool::StringPool() {
    slots_.assign(1024, kEmptySlot);
    entries_.push_back({"", 0, hashBytes({})});
    slots_[slotFor({}, entries_[0].hash)] = 0;
    indexed_ = 1;
}

const char* StringPool::store(std::string_view text) {
    if (text.empty()) return "";
    if (text.size() > kMaxBlockSize / 4) {
        // A huge value (a 50 MB stack trace) gets a block of its own so it does not waste the
        // rest of a shared block.
        blocks_.push_back(std::make_unique<char[]>(text.size()));
        blockSizes_.push_back(text.size());
        std::memcpy(blocks_.back().get(), text.data(), text.size());
        storedBytes_ += text.size();
        return blocks_.back().get();
    }
    if (remaining_ < text.size()) {
        const size_t size =
            blockSizes_.empty() ? kFirstBlockSize : std::min(kMaxBlockSize, blockSizes_.back() * 2);
        blocks_.push_back(std::make_unique<char[]>(size));
        blockSizes_.push_back(size);
        adviseHugePages(blocks_.back().get(), size);
        cursor_ = blocks_.back().get();
        remaining_ = size;
        storedBytes_ += size;
    }
    char* out = cursor_;
    std::memcpy(out, text.data(), text.size());
    cursor_ += text.size();
    remaining_ -= text.size();
    return out;
}

size_t StringPool::slotFor(std::string_view text, uint32_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    for (;;) {
        const uint32_t id = slots_[i];
        if (id == kEmptySlot) return i;
        const Entry& e = entries_[id];
        if (e.hash == hash && e.size == text.size() &&
            (text.empty() || std::memcmp(e.data, text.data(), text.size()) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

void StringPool::grow() {
    // Re-inserts from the old slots, not from entries_, so appended (unindexed) strings stay
    // out of the index.
    std::vector<uint32_t> bigger(slots_.size() * 2, kEmptySlot);
    const size_t mask = bigger.size() - 1;
    for (uint32_t id : slots_) {
        if (id == kEmptySlot) continue;
        size_t i = entries_[id].hash & mask;
        while (bigger[i] != kEmptySlot)
            i = (i + 1) & mask;
        bigger[i] = id;
    }
    slots_.swap(bigger);
}

StrId StringPool::intern(std::string_view text) {
    bool added;
    return intern(text, added);
}

StrId StringPool::intern(std::string_view text, bool& added) {
    const uint32_t hash = hashBytes(text);
    size_t slot = slotFor(text, hash);
    added = slots_[slot] == kEmptySlot;
    if (!added) return slots_[slot];
    const auto id = static_cast<StrId>(entries_.size());
    entries_.push_back({store(text), static_cast<uint32_t>(text.size()), hash});
    slots_[slot] = id;
    // Keep the load factor under 1/2 so probe chains stay short.
    if (++indexed_ * 2 > slots_.size()) grow();
    return id;
}

StrId StringPool::append(std::string_view text) {
    const auto id = static_cast<StrId>(entries_.size());
    entries_.push_back({store(text), static_cast<uint32_t>(text.size()), 0});
    return id;
}

StrId StringPool::find(std::string_view text) const {
    const size_t slot = slotFor(text, hashBytes(text));
    return slots_[slot] == kEmptySlot ? kNotFound : slots_[slot];
}

size_t StringPool::memoryBytes() const {
    return storedBytes_ + entries_.capacity() * sizeof(Entry) +
           slots_.capacity() * sizeof(uint32_t) + blocks_.capacity() * sizeof(void*) +
           blockSizes_.capacity() * sizeof(size_t);
}

}  // namespace rootline
