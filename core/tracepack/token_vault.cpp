#include "tracepack/token_vault.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "util/data_dir.h"

namespace rootline {

namespace {

using nlohmann::json;

std::string hex64(uint64_t v) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i) {
        s[static_cast<size_t>(i)] = kHex[v & 0xf];
        v >>= 4;
    }
    return s;
}

bool parseHex64(std::string_view s, uint64_t& v) {
    if (s.size() != 16) return false;
    v = 0;
    for (char c : s) {
        int d = 0;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        } else {
            return false;
        }
        v = (v << 4) | static_cast<uint64_t>(d);
    }
    return true;
}

TokenKey randomKey() {
    std::random_device rd;
    const auto word = [&rd] {
        return (static_cast<uint64_t>(rd()) << 32) ^ static_cast<uint64_t>(rd());
    };
    TokenKey k;
    k.k0 = word();
    k.k1 = word();
    return k;
}

bool writeAll(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace

std::string TokenVault::defaultPath() {
    return userDataFile("redaction-tokens.json");
}

bool TokenVault::load(const std::string& path, TokenVault& vault, std::string& error) {
    if (path.empty()) {
        error = "token vault: no data folder ($XDG_DATA_HOME and $HOME are unset)";
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            vault.key = randomKey();
            vault.tokens.clear();
            return true;
        }
        error = path + ": cannot read the token vault: " + std::strerror(errno);
        return false;
    }
    std::string text;
    char buf[65536];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = path + ": cannot read the token vault: " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        text.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);

    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        error = path + ": damaged token vault: invalid JSON at byte " + std::to_string(e.byte);
        return false;
    }
    TokenVault v;
    if (!doc.is_object()) {
        error = path + ": damaged token vault: expected a JSON object";
        return false;
    }
    const auto key = doc.find("key");
    if (key == doc.end() || !key->is_string() || key->get_ref<const std::string&>().size() != 32 ||
        !parseHex64(std::string_view(key->get_ref<const std::string&>()).substr(0, 16), v.key.k0) ||
        !parseHex64(std::string_view(key->get_ref<const std::string&>()).substr(16), v.key.k1)) {
        error = path + ": damaged token vault: \"key\" is not 32 hex digits";
        return false;
    }
    const auto tokens = doc.find("tokens");
    if (tokens != doc.end()) {
        if (!tokens->is_object()) {
            error = path + ": damaged token vault: \"tokens\" is not an object";
            return false;
        }
        for (auto it = tokens->begin(); it != tokens->end(); ++it) {
            if (!it->is_string()) {
                error = path + ": damaged token vault: a token's value is not a string";
                return false;
            }
            v.tokens.emplace(it.key(), it->get<std::string>());
        }
    }
    vault = std::move(v);
    return true;
}

bool TokenVault::save(const std::string& path, std::string& error) const {
    if (path.empty()) {
        error = "token vault: no data folder ($XDG_DATA_HOME and $HOME are unset)";
        return false;
    }
    const std::filesystem::path target(path);
    if (target.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec) {
            error = path + ": cannot create the folder: " + ec.message();
            return false;
        }
    }
    json doc = json::object();
    doc["key"] = hex64(key.k0) + hex64(key.k1);
    doc["tokens"] = json::object();
    json& t = doc["tokens"];
    for (const auto& [token, value] : tokens)
        t[token] = value;
    // Values are trace text, normally UTF-8; anything else is written with U+FFFD rather than
    // failing the save.
    const std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";

    const std::string temp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = temp + ": cannot write the token vault: " + std::strerror(errno);
        return false;
    }
    // O_CREAT keeps the mode of a file that was already there (a stale temp file).
    bool ok = ::fchmod(fd, 0600) == 0 && writeAll(fd, text) && ::fsync(fd) == 0;
    int savedErrno = ok ? 0 : errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        savedErrno = errno;
    }
    if (!ok) {
        error = temp + ": cannot write the token vault: " + std::strerror(savedErrno);
        ::unlink(temp.c_str());
        return false;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        error = path + ": cannot replace the token vault: " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

void TokenVault::merge(const std::map<std::string, std::string>& more) {
    // Tokens come from the same key, so a token already here names the same value; the newest
    // pack wins in the rare 48-bit collision between two packs.
    for (const auto& [token, value] : more)
        tokens.insert_or_assign(token, value);
}

}  // namespace rootline
