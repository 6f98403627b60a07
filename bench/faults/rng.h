#pragma once
// The fault generator's randomness: xoshiro256** seeded through splitmix64, integers only.
//
// Why not <random>'s distributions: their algorithms are left to the standard library, so the
// same seed gives other numbers with libc++ than with libstdc++. Everything here is integer
// arithmetic, so a seed means the same bytes on every machine and compiler.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace rootline::faults {

inline uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Combines a seed with a value (a case number, a name's hash) into an independent seed.
inline uint64_t mixSeed(uint64_t seed, uint64_t value) {
    uint64_t s = seed ^ (value * 0xD6E8FEB86659FD93ULL);
    splitmix64(s);
    return splitmix64(s);
}

// FNV-1a: a stable hash of a name, for seeds derived from names.
inline uint64_t hashName(std::string_view text) {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001B3ULL;
    }
    return h;
}

class Rng {
public:
    explicit Rng(uint64_t seed) {
        for (uint64_t& s : s_)
            s = splitmix64(seed);
    }

    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n) (n ≥ 1), by multiply-shift on the high 32 bits: no modulo bias worth
    // caring about for n far below 2^32, and no platform-dependent code.
    uint32_t below(uint64_t n) {
        return static_cast<uint32_t>(((next() >> 32) * (n & 0xFFFFFFFFULL)) >> 32);
    }
    // Uniform in [lo, hi], inclusive.
    int64_t range(int64_t lo, int64_t hi) {
        if (hi <= lo) return lo;
        return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
    }
    // True with probability perMille / 1000.
    bool chance(uint32_t perMille) { return below(1000) < perMille; }
    // Mostly near lo, with a long tail up to hi: the shape of real latencies (u³ with u on a
    // 1/1024 grid, in integers).
    int64_t skewed(int64_t lo, int64_t hi) {
        if (hi <= lo) return lo;
        const __int128 u = below(1024);
        return lo + static_cast<int64_t>((static_cast<__int128>(hi - lo) * u * u * u) >> 30);
    }
    // Durations on whole microseconds (see kUs below), uniform or skewed.
    int64_t us(int64_t loUs, int64_t hiUs) { return range(loUs, hiUs) * 1000; }
    int64_t usSkewed(int64_t loUs, int64_t hiUs) { return skewed(loUs, hiUs) * 1000; }
    // A fresh seed for an independent stream.
    uint64_t fork() { return next() ^ 0xA0761D6478BD642FULL; }

    template <class Container>
    const auto& pick(const Container& items) {
        return items[below(std::size(items))];
    }
    template <class Container>
    void shuffle(Container& items) {
        for (size_t i = std::size(items); i > 1; --i) {
            const size_t j = below(i);
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

// Durations are nanoseconds; the generator keeps every time on whole microseconds so that the
// Jaeger (µs) and OTLP (ns) files of one case describe exactly the same times.
constexpr int64_t kUs = 1000;
constexpr int64_t kMs = 1000 * kUs;
constexpr int64_t kSec = 1000 * kMs;

}  // namespace rootline::faults
