#include "tracepack/siphash.h"

namespace rootline {

namespace {

inline uint64_t rotl(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

inline uint64_t load64le(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

struct SipState {
    uint64_t v0, v1, v2, v3;

    void round() {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    }
};

}  // namespace

uint64_t sipHash24(uint64_t k0, uint64_t k1, const void* data, size_t size) {
    SipState s{0x736f6d6570736575ULL ^ k0, 0x646f72616e646f6dULL ^ k1, 0x6c7967656e657261ULL ^ k0,
               0x7465646279746573ULL ^ k1};
    const auto* in = static_cast<const uint8_t*>(data);
    const size_t whole = size - size % 8;
    for (size_t i = 0; i < whole; i += 8) {
        const uint64_t m = load64le(in + i);
        s.v3 ^= m;
        s.round();
        s.round();
        s.v0 ^= m;
    }
    // Last block: the remaining bytes, little-endian, with the length's low byte on top.
    uint64_t b = static_cast<uint64_t>(size & 0xff) << 56;
    for (size_t i = whole; i < size; ++i)
        b |= static_cast<uint64_t>(in[i]) << (8 * (i - whole));
    s.v3 ^= b;
    s.round();
    s.round();
    s.v0 ^= b;
    s.v2 ^= 0xff;
    for (int i = 0; i < 4; ++i)
        s.round();
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace rootline
