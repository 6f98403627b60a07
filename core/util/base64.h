#pragma once
// Base64 decoding for ids and `bytes` attribute values (standard and URL-safe alphabets,
// with or without padding), and encoding for HTTP basic authentication.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rootline {

// Decodes base64; nullopt when a character is outside both alphabets or the length is
// impossible.
std::optional<std::string> decodeBase64(std::string_view text);

// Standard alphabet, padded.
std::string encodeBase64(std::string_view bytes);

}  // namespace rootline
