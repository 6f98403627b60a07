#include "util/utf8_repair.h"

#include <cstdint>

namespace rootline {

namespace {
// Length of the valid sequence starting at p, or 0 when it is invalid (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF).
size_t validSequence(const unsigned char* p, size_t left) {
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;
        if (c == 0xED && p[1] > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;
        if (c == 0xF4 && p[1] > 0x8F) return 0;
        return 4;
    }
    return 0;
}
}  // namespace

Utf8Repair repairUtf8(char* data, size_t size) {
    Utf8Repair r;
    auto* p = reinterpret_cast<unsigned char*>(data);
    size_t i = 0;
    while (i < size) {
        const size_t n = validSequence(p + i, size - i);
        if (n) {
            i += n;
            continue;
        }
        if (!r.firstOffset) r.firstOffset = i;
        p[i] = '?';
        ++r.replaced;
        ++i;
    }
    return r;
}

}  // namespace rootline
