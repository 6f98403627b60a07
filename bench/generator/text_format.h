#pragma once
// Numbers appended to strings, without a locale or a stream: the writers do this for nearly
// every token, so it stays inline and cheap.

#include <charconv>
#include <cstdint>
#include <string>

namespace rootline::bench::generator {

inline void appendHex(std::string& out, uint64_t v, int digits) {
    static const char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

inline void appendInt(std::string& out, int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

inline void appendPadded(std::string& out, int64_t v, int width) {
    std::string digits = std::to_string(v);
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

}  // namespace rootline::bench::generator
