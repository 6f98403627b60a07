#pragma once
// The local token dictionary: the key behind redaction tokens and every token→value pair a
// pack has produced on this machine. It lives in the user's data folder with 0600 permissions
// and is never sent anywhere; it lets the engineer who made a pack read a token back.

#include <map>
#include <string>

#include "tracepack/redaction.h"

namespace rootline {

struct TokenVault {
    TokenKey key;
    std::map<std::string, std::string> tokens;  // token → original value

    // $XDG_DATA_HOME/Rootline/rootline/redaction-tokens.json, else
    // ~/.local/share/Rootline/rootline/redaction-tokens.json (the app's data folder).
    static std::string defaultPath();
    // Reads the vault at `path`. A missing file is not an error: the vault gets a fresh random
    // key (std::random_device) and no tokens. A damaged file is: false and one line in `error`.
    static bool load(const std::string& path, TokenVault& vault, std::string& error);
    // Writes atomically (temp file + rename), creating folders, permissions 0600.
    bool save(const std::string& path, std::string& error) const;
    void merge(const std::map<std::string, std::string>& more);
};

}  // namespace rootline
