// SHA-256 against the NIST FIPS 180-4 example vectors, the padding boundaries, and the
// incremental interface fed in uneven pieces.

#include "util/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace rootline {
namespace {

TEST(Sha256, NistVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                        "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionA) {
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the 56-byte padding limit and the 64-byte block (values from Python's hashlib).
TEST(Sha256, PaddingBoundaries) {
    const std::pair<size_t, const char*> cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    };
    for (const auto& [length, hex] : cases)
        EXPECT_EQ(sha256Hex(std::string(length, 'a')), hex) << length << " bytes";
}

TEST(Sha256, IncrementalMatchesOneShot) {
    std::string bytes;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b)
            bytes += static_cast<char>(b);
    const std::string expected = "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363";
    ASSERT_EQ(sha256Hex(bytes), expected);
    // Pieces of 1, 2, 3, … bytes cross every block boundary at a different offset.
    Sha256 h;
    size_t at = 0;
    for (size_t piece = 1; at < bytes.size(); ++piece) {
        const size_t n = std::min(piece, bytes.size() - at);
        h.update(std::string_view(bytes).substr(at, n));
        at += n;
    }
    EXPECT_EQ(h.hexDigest(), expected);
}

TEST(Sha256, DigestBytesMatchHex) {
    Sha256 h;
    h.update("abc");
    const std::array<uint8_t, 32> d = h.digest();
    EXPECT_EQ(d[0], 0xba);
    EXPECT_EQ(d[31], 0xad);
}

}  // namespace
}  // namespace rootline
