#pragma once
// ASCII case folding for keys, names and level words: the formats Rootline reads spell them in
// ASCII, and locale-dependent folding would make matching depend on the user's machine.

#include <string>
#include <string_view>

namespace rootline {

inline std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace rootline
