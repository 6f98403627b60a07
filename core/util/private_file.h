#pragma once
// Files that may hold a secret (an API key, a token, a password): written so that no moment
// exists where others can read them, and checked before a secret in them is trusted.

#include <string>

namespace rootline {

// Writes `text` to `path` (creating its folder) through a mode-0600 temporary file renamed over
// it. False with a one-line error naming the file.
bool writePrivateFile(const std::string& path, const std::string& text, std::string& error);

// Whether the file exists and neither its group nor others may read or write it.
bool isPrivateFile(const std::string& path);

}  // namespace rootline
