#pragma once
// Small helpers the signal analyses share: case-insensitive search for keywords in status
// messages and names, and a median.

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rootline {

// Whether `text` contains `needle` (given in lower case), ASCII letters compared without case.
inline bool containsFolded(std::string_view text, std::string_view needle) {
    auto lower = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && lower(text[i + k]) == needle[k])
            ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// The upper median of a non-empty list; reorders it.
inline int64_t medianInPlace(std::vector<int64_t>& values) {
    auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

}  // namespace rootline
