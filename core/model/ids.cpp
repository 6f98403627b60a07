#include "model/ids.h"

#include <array>

#include "util/base64.h"

namespace rootline {

namespace {

constexpr std::array<int8_t, 256> makeHexTable() {
    std::array<int8_t, 256> t{};
    for (auto& v : t)
        v = -1;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = static_cast<int8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[c] = static_cast<int8_t>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c)
        t[c] = static_cast<int8_t>(c - 'A' + 10);
    return t;
}
constexpr auto kHex = makeHexTable();

// Parses up to 16 hex digits in one pass; false when a character is not hex. Every span has
// two or three ids, so this runs millions of times on a large file.
bool parseHex64(std::string_view text, uint64_t& out) {
    uint64_t v = 0;
    int bad = 0;
    for (char c : text) {
        const int d = kHex[static_cast<unsigned char>(c)];
        bad |= d;
        v = (v << 4) | static_cast<uint64_t>(d & 0xF);
    }
    out = v;
    return bad >= 0;
}

uint64_t loadBigEndian(const std::string& bytes, size_t offset) {
    uint64_t v = 0;
    for (size_t i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return v;
}

// 64-bit hash for opaque ids. Distinct from the pool hash so a second, independent value can
// fill the high half of an opaque trace id.
uint64_t opaqueHash(std::string_view text, uint64_t seed) {
    uint64_t h = seed;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 31;
    h *= 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return h == 0 ? 1 : h;  // zero means "no id"
}

void appendHex64(std::string& out, uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        out.push_back(kDigits[(v >> shift) & 0xF]);
}

}  // namespace

ParsedTraceId parseTraceId(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() <= 32) {
        const size_t loLen = std::min<size_t>(16, text.size());
        uint64_t hi = 0, lo = 0;
        if (parseHex64(text.substr(0, text.size() - loLen), hi) &&
            parseHex64(text.substr(text.size() - loLen), lo))
            return {{hi, lo}, IdEncoding::Hex};
    }
    if (auto bytes = decodeBase64(text); bytes && bytes->size() == 16)
        return {{loadBigEndian(*bytes, 0), loadBigEndian(*bytes, 8)}, IdEncoding::Base64};
    return {{opaqueHash(text, 0xcbf29ce484222325ULL), opaqueHash(text, 0x84222325cbf29ce4ULL)},
            IdEncoding::Opaque};
}

ParsedSpanId parseSpanId(std::string_view text) {
    if (text.empty()) return {};
    uint64_t id = 0;
    if (text.size() <= 16 && parseHex64(text, id)) return {id, IdEncoding::Hex};
    if (auto bytes = decodeBase64(text); bytes && bytes->size() == 8)
        return {loadBigEndian(*bytes, 0), IdEncoding::Base64};
    return {opaqueHash(text, 0xcbf29ce484222325ULL), IdEncoding::Opaque};
}

std::optional<TraceId> parseTraceIdStrict(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    const ParsedTraceId parsed = parseTraceId(text);
    if (parsed.encoding == IdEncoding::Hex || parsed.encoding == IdEncoding::Base64)
        return parsed.id;
    return std::nullopt;
}

std::string toHex(const TraceId& id) {
    std::string out;
    out.reserve(32);
    appendHex64(out, id.hi);
    appendHex64(out, id.lo);
    return out;
}

std::string toHex(SpanId id) {
    std::string out;
    out.reserve(16);
    appendHex64(out, id);
    return out;
}

}  // namespace rootline
