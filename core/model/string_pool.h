#pragma once
// Interned strings for a loaded trace file.
//
// Every name, key and string value in a trace is stored once and referred to by a 32-bit id,
// as Perfetto's trace_processor does: a 1M-span trace repeats the same few hundred operation
// names and attribute keys millions of times, and comparing ids is cheaper than comparing text.
// Id 0 is always the empty string, so a zero-initialised column means "none".

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace rootline {

using StrId = uint32_t;
inline constexpr StrId kEmptyStr = 0;

class StringPool {
public:
    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    // Returns the id of `text`, adding it if it is new.
    StrId intern(std::string_view text);
    StrId intern(std::string_view text, bool& added);
    // Stores `text` under a new id without indexing it: for values that are almost always
    // unique (URLs with ids, SQL with literals), where looking them up costs a cache miss and
    // finds nothing. `find` and `intern` never return such ids.
    StrId append(std::string_view text);
    // Returns the id of `text`, or nullopt-like kNotFound when it was never interned.
    static constexpr StrId kNotFound = UINT32_MAX;
    StrId find(std::string_view text) const;

    std::string_view view(StrId id) const { return {entries_[id].data, entries_[id].size}; }
    size_t size() const { return entries_.size(); }
    // Heap bytes held, for memory accounting in benchmarks and docs/performance.md.
    size_t memoryBytes() const;

private:
    struct Entry {
        const char* data;
        uint32_t size;
        uint32_t hash;
    };
    const char* store(std::string_view text);
    void grow();
    size_t slotFor(std::string_view text, uint32_t hash) const;

    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<size_t> blockSizes_;
    char* cursor_ = nullptr;
    size_t remaining_ = 0;
    size_t storedBytes_ = 0;
    std::vector<Entry> entries_;
    std::vector<uint32_t> slots_;  // open addressing; UINT32_MAX = empty
    size_t indexed_ = 0;
};

uint32_t hashBytes(std::string_view text);

}  // namespace rootline
