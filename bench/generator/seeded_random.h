#pragma once
// Randomness that is the same on every machine. splitmix64 and plain IEEE arithmetic only (no
// exp/log/pow, whose last bits may differ between C libraries), so a seed means the same bytes
// everywhere.

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace rootline::bench::generator {

inline uint64_t splitmix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline uint64_t mix(uint64_t a, uint64_t b) {
    return splitmix(a ^ splitmix(b));
}

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        return splitmix(state_);
    }
    // Uniform in [0, n).
    uint32_t below(size_t n) {
        return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    int64_t between(int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(unit() * static_cast<double>(hi - lo));
    }
    // Mostly near `lo` with a long tail up to `hi`, the shape of real latencies.
    int64_t skewed(int64_t lo, int64_t hi) {
        const double u = unit();
        return lo + static_cast<int64_t>(u * u * u * static_cast<double>(hi - lo));
    }
    template <class Container>
    const auto& pick(const Container& items) {
        return items[below(std::size(items))];
    }

private:
    uint64_t state_;
};

// Salts that give each use of the per-span randomness its own stream.
enum Salt : uint64_t {
    kSaltSpanId = 1,
    kSaltTraceId,
    kSaltTree,
    kSaltContent,
    kSaltRequest,
    kSaltInstance,
};

// Durations are in nanoseconds.
constexpr int64_t kUs = 1000;
constexpr int64_t kMs = 1000 * kUs;

}  // namespace rootline::bench::generator
