#pragma once
// Invalid UTF-8 in one attribute must not cost the user the whole trace: the loader replaces
// each byte that is not part of a valid UTF-8 sequence with '?' (same length, so byte offsets
// in later messages stay right) and tells the user where the first one was.

#include <cstddef>
#include <optional>

namespace rootline {

struct Utf8Repair {
    size_t replaced = 0;
    std::optional<size_t> firstOffset;
};

Utf8Repair repairUtf8(char* data, size_t size);

}  // namespace rootline
