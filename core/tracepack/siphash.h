#pragma once
// SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012) with a 64-bit
// output: the keyed hash behind redaction tokens. The 128-bit key is two little-endian words,
// k0 from key bytes 0..7 and k1 from bytes 8..15.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rootline {

uint64_t sipHash24(uint64_t k0, uint64_t k1, const void* data, size_t size);

inline uint64_t sipHash24(uint64_t k0, uint64_t k1, std::string_view data) {
    return sipHash24(k0, k1, data.data(), data.size());
}

}  // namespace rootline
