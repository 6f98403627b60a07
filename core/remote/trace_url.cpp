// Trace URLs (jaeger+http://host:16686/<id>) and the trace ids users type. Ids come as hex
// (Jaeger, OTLP, logs) or base64 (Tempo's API, some exporters); both end up as 32 lowercase hex.

#include "remote/trace_url.h"

#include <cctype>
#include <vector>

#include "model/ids.h"
#include "net/endpoint.h"
#include "util/base64.h"

namespace rootline::remote {

namespace {

constexpr const char* kAccepted = "16 or 32 hex digits, or base64 of 8 or 16 bytes";

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

// What a message may quote of the user's text: one line, at most 48 characters.
std::string quoted(std::string_view s) {
    std::string out = "'";
    for (size_t i = 0; i < s.size() && i < 48; ++i)
        out += std::isprint(static_cast<unsigned char>(s[i])) ? s[i] : '?';
    if (s.size() > 48) out += "…";
    return out + "'";
}

bool allHex(std::string_view s) {
    for (unsigned char c : s)
        if (!std::isxdigit(c)) return false;
    return !s.empty();
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// Base64 of 8 or 16 bytes (standard or URL-safe, padded or not) as a trace id. decodeBase64
// takes any number of '=', so the padding is checked here: at most two, and only on a whole
// group of four.
std::optional<TraceId> base64Id(std::string_view s) {
    const size_t data = s.find_last_not_of('=') + 1;  // npos + 1 == 0 for all '='
    const size_t pad = s.size() - data;
    if (data == 0 || pad > 2 || (pad > 0 && s.size() % 4 != 0)) return std::nullopt;
    const std::optional<std::string> bytes = decodeBase64(s);
    if (!bytes || (bytes->size() != 8 && bytes->size() != 16)) return std::nullopt;
    TraceId id;
    for (size_t i = 0; i < bytes->size(); ++i) {
        // Big-endian; an 8-byte id is a 64-bit id, the low half of a zero-padded 128-bit one.
        uint64_t& half = (bytes->size() == 16 && i < 8) ? id.hi : id.lo;
        half = (half << 8) | static_cast<unsigned char>((*bytes)[i]);
    }
    return id;
}

// "%2F" → "/": a base64 id pasted from a browser's address bar may come percent-encoded.
std::string percentDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

bool looksLikeTraceUrl(std::string_view text) {
    text = trim(text);
    return startsWithNoCase(text, "jaeger+http") || startsWithNoCase(text, "tempo+http");
}

std::optional<TraceUrl> parseTraceUrl(std::string_view text, std::string& error) {
    text = trim(text);
    const size_t sep = text.find("://");
    std::string scheme(text.substr(0, sep == std::string_view::npos ? 0 : sep));
    for (char& c : scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t plus = scheme.find('+');
    TraceUrl url;
    const std::string transport = plus == std::string::npos ? "" : scheme.substr(plus + 1);
    if (sep == std::string_view::npos || plus == std::string::npos ||
        !sourceKindFromName(scheme.substr(0, plus), url.kind) || !isTraceSource(url.kind) ||
        (transport != "http" && transport != "https")) {
        error = "unknown trace URL scheme " + quoted(scheme.empty() ? text : scheme) +
                ": use jaeger+http(s):// or tempo+http(s)://";
        return std::nullopt;
    }
    std::string_view rest = text.substr(sep + 3);
    const std::string shown = scheme + "://" + std::string(rest.substr(0, rest.find('/')));
    // Credentials belong in a connection's settings: a URL is shown, copied and kept in history.
    if (rest.substr(0, rest.find('/')).find('@') != std::string_view::npos) {
        error = "a trace URL must not hold a user name or password; set them in the connection";
        return std::nullopt;
    }
    if (rest.find_first_of("?#") != std::string_view::npos) {
        error = shown + ": a trace URL has no query or fragment";
        return std::nullopt;
    }
    while (!rest.empty() && rest.back() == '/')
        rest.remove_suffix(1);
    const size_t slash = rest.find('/');
    const std::string authority(rest.substr(0, slash));
    const auto endpoint = net::parseEndpoint(transport + "://" + authority);
    if (authority.empty() || !endpoint) {
        error = quoted(text) + ": a trace URL needs a host, e.g. " + scheme +
                "://localhost:16686/<trace id>";
        return std::nullopt;
    }
    std::vector<std::string_view> segments;  // the path after the host
    for (size_t at = slash; at != std::string_view::npos && at < rest.size();) {
        const size_t next = rest.find('/', at + 1);
        segments.push_back(
            rest.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
        at = next;
    }
    if (segments.empty()) {
        error = shown + ": no trace id at the end of the URL";
        return std::nullopt;
    }
    // The id is the last segment when it is hex; else the longest tail of segments that is
    // base64 of 8 or 16 bytes (base64 uses '/', so one id may span several segments).
    size_t idSegments = 0;
    std::optional<TraceId> id;
    const std::string last = percentDecode(segments.back());
    if (allHex(last) && (last.size() == 16 || last.size() == 32)) {
        id = parseTraceIdStrict(last);
        idSegments = 1;
    }
    for (size_t n = segments.size(); !id && n > 0; --n) {
        std::string tail;
        for (size_t i = segments.size() - n; i < segments.size(); ++i) {
            if (i != segments.size() - n) tail += '/';
            tail += percentDecode(segments[i]);
        }
        if ((id = base64Id(tail))) idSegments = n;
    }
    if (!id) {
        error = shown + ": " + quoted(segments.back()) + " is not a trace id (" + kAccepted + ")";
        return std::nullopt;
    }
    if (id->isZero()) {
        error = shown + ": the all-zero id is not a trace";
        return std::nullopt;
    }
    url.traceId = toHex(*id);
    url.baseUrl = transport + "://" + authority;
    for (size_t i = 0; i + idSegments < segments.size(); ++i)
        url.baseUrl += "/" + std::string(segments[i]);
    while (url.baseUrl.back() == '/')  // "host//<id>": empty segments add nothing
        url.baseUrl.pop_back();
    return url;
}

std::string formatTraceUrl(const TraceUrl& url) {
    std::string base = url.baseUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return std::string(sourceKindName(url.kind)) + "+" + base + "/" + url.traceId;
}

std::optional<std::string> normalizeTraceIdInput(std::string_view text, std::string& error) {
    text = trim(text);
    if (text.empty()) {
        error = std::string("enter a trace id: ") + kAccepted;
        return std::nullopt;
    }
    std::optional<TraceId> id;
    if (allHex(text)) {
        // Hex wins over base64 when both read: ids are far more often typed as hex.
        if (text.size() > 32) {
            error = quoted(text) + " has " + std::to_string(text.size()) +
                    " hex digits; a trace id has at most 32 (" + kAccepted + ")";
            return std::nullopt;
        }
        id = parseTraceIdStrict(text);
    } else {
        id = base64Id(text);
    }
    if (!id) {
        error = quoted(text) + " is not a trace id: enter " + kAccepted;
        return std::nullopt;
    }
    if (id->isZero()) {
        error = "the all-zero id is not a trace";
        return std::nullopt;
    }
    return toHex(*id);
}

}  // namespace rootline::remote
