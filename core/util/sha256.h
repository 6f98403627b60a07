#pragma once
// SHA-256 (FIPS 180-4), written here so the engine needs no crypto library for the one hash it
// uses: the investigation history's audit chain. Not constant-time; it hashes public data.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rootline {

// Incremental: update() any number of times, then hexDigest() once.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<uint8_t, 32> digest();  // finishes the hash; the object is spent afterwards
    std::string hexDigest();           // 64 lowercase hex digits

private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> buffer_{};
    size_t buffered_ = 0;
    uint64_t totalBytes_ = 0;
};

// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view bytes);

}  // namespace rootline
