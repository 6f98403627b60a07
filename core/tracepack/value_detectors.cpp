#include "tracepack/value_detectors.h"

#include <algorithm>

namespace rootline {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
}
bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isLowerHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// ---- e-mail ----

bool isLocalChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool isDomainChar(char c) {
    return isAlnum(c) || c == '.' || c == '-';
}

// End of the longest valid domain in text[begin, end): labels of letters, digits and inner
// hyphens, at least two of them, the last (the TLD) two or more characters starting with a
// letter. Returns `begin` when there is none.
size_t domainEnd(std::string_view text, size_t begin, size_t end) {
    size_t best = begin;
    size_t labels = 0;
    size_t p = begin;
    while (p < end) {
        const size_t labelBegin = p;
        while (p < end && text[p] != '.')
            ++p;
        const size_t len = p - labelBegin;
        if (len == 0 || text[labelBegin] == '-' || text[p - 1] == '-') break;
        ++labels;
        if (labels >= 2 && len >= 2 && isAlpha(text[labelBegin])) best = p;
        if (p < end) ++p;  // the dot
    }
    return best;
}

// ---- card numbers ----

struct Group {
    size_t begin;
    size_t end;
};

bool cardWindow(std::string_view text, const std::vector<Group>& groups, size_t first,
                size_t last) {
    size_t digits = 0;
    for (size_t g = first; g <= last; ++g)
        digits += groups[g].end - groups[g].begin;
    if (digits < 13 || digits > 19) return false;
    const char lead = text[groups[first].begin];
    if (lead < '2' || lead > '6') return false;
    if (last > first) {
        // Printed cards: a first group of four, then groups of three to six (the last may be
        // shorter: "4222 2222 2222 2").
        if (groups[first].end - groups[first].begin != 4) return false;
        for (size_t g = first + 1; g < last; ++g) {
            const size_t len = groups[g].end - groups[g].begin;
            if (len < 3 || len > 6) return false;
        }
        if (groups[last].end - groups[last].begin > 6) return false;
    }
    // Luhn over the digits, from the right.
    unsigned sum = 0;
    bool dbl = false;
    for (size_t g = last + 1; g-- > first;) {
        for (size_t i = groups[g].end; i-- > groups[g].begin;) {
            unsigned d = static_cast<unsigned>(text[i] - '0');
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
    }
    return sum % 10 == 0;
}

// ---- bearer ----

bool isBearerChar(char c) {
    return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

// ---- JWT ----

bool isB64Url(char c) {
    return isAlnum(c) || c == '-' || c == '_';
}

// ---- IP ----

bool isIpChar(char c) {
    return isHex(c) || c == ':' || c == '.';
}

bool validIpv4(std::string_view s) {
    size_t parts = 0;
    size_t p = 0;
    while (true) {
        const size_t b = p;
        unsigned v = 0;
        while (p < s.size() && isDigit(s[p]) && p - b < 4) {
            v = v * 10 + static_cast<unsigned>(s[p] - '0');
            ++p;
        }
        const size_t len = p - b;
        if (len == 0 || len > 3 || v > 255) return false;
        ++parts;
        if (p == s.size()) return parts == 4;
        if (s[p] != '.' || parts == 4) return false;
        ++p;
    }
}

// Groups in a colon-separated part of an IPv6 address ("" has none); -1 when malformed. The
// last group may be an IPv4 address (two groups) when `v4Tail`.
int ipv6Groups(std::string_view part, bool v4Tail) {
    if (part.empty()) return 0;
    int groups = 0;
    size_t p = 0;
    while (true) {
        size_t e = part.find(':', p);
        if (e == std::string_view::npos) e = part.size();
        const std::string_view g = part.substr(p, e - p);
        const bool lastGroup = e == part.size();
        if (lastGroup && v4Tail && g.find('.') != std::string_view::npos) {
            if (!validIpv4(g)) return -1;
            groups += 2;
        } else {
            if (g.empty() || g.size() > 4) return -1;
            for (char c : g)
                if (!isHex(c)) return -1;
            ++groups;
        }
        if (lastGroup) return groups;
        p = e + 1;
    }
}

bool validIpv6(std::string_view s) {
    if (s.size() < 2) return false;
    if (std::none_of(s.begin(), s.end(), isDigit)) return false;
    const size_t dbl = s.find("::");
    if (dbl == std::string_view::npos) return ipv6Groups(s, true) == 8;
    if (s.find("::", dbl + 1) != std::string_view::npos) return false;
    const int head = ipv6Groups(s.substr(0, dbl), false);
    const int tail = ipv6Groups(s.substr(dbl + 2), true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
}

}  // namespace

void findEmails(std::string_view text, std::vector<ValueMatch>& out) {
    const size_t n = text.size();
    size_t lastEnd = 0;
    for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        // '@' is neither a local nor a domain character, so each scan stops at the neighbouring
        // '@': every byte is looked at no more than twice.
        size_t l = at;
        while (l > lastEnd && isLocalChar(text[l - 1]))
            --l;
        while (l < at && text[l] == '.')
            ++l;
        if (l == at) continue;
        size_t r = at + 1;
        while (r < n && isDomainChar(text[r]))
            ++r;
        while (r > at + 1 && (text[r - 1] == '.' || text[r - 1] == '-'))
            --r;
        const size_t e = domainEnd(text, at + 1, r);
        if (e == at + 1) continue;
        out.push_back({l, e, ValueKind::Email});
        lastEnd = e;
    }
}

void findCardNumbers(std::string_view text, std::vector<ValueMatch>& out) {
    const size_t n = text.size();
    std::vector<Group> groups;
    size_t i = 0;
    while (i < n) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        // A run of digit groups joined by single spaces or dashes.
        groups.clear();
        size_t j = i;
        while (true) {
            const size_t b = j;
            while (j < n && isDigit(text[j]))
                ++j;
            groups.push_back({b, j});
            if (j + 1 < n && (text[j] == ' ' || text[j] == '-') && isDigit(text[j + 1])) {
                ++j;
                continue;
            }
            break;
        }
        const size_t runBegin = i;
        const size_t runEnd = j;
        i = j;
        // A group glued to a word (a hex id, "id_4111…") or to a decimal point is not a card's.
        const bool badFirst =
            runBegin > 0 &&
            (isAlnum(text[runBegin - 1]) || text[runBegin - 1] == '_' ||
             (text[runBegin - 1] == '.' && runBegin >= 2 && isDigit(text[runBegin - 2])));
        const bool badLast =
            runEnd < n && (isAlnum(text[runEnd]) || text[runEnd] == '_' ||
                           (text[runEnd] == '.' && runEnd + 1 < n && isDigit(text[runEnd + 1])));
        const size_t gn = groups.size();
        size_t s = badFirst ? 1 : 0;
        const size_t lastUsable = badLast ? gn - 1 : gn;  // one past the last usable group
        while (s < lastUsable) {
            // The longest valid window starting at group s; a window spans at most 19 groups.
            size_t found = gn;
            size_t digits = 0;
            for (size_t e = s; e < lastUsable; ++e) {
                digits += groups[e].end - groups[e].begin;
                if (digits > 19) break;
                if (cardWindow(text, groups, s, e)) found = e;
            }
            if (found == gn) {
                ++s;
                continue;
            }
            out.push_back({groups[s].begin, groups[found].end, ValueKind::Card});
            s = found + 1;
        }
    }
}

void findBearerTokens(std::string_view text, std::vector<ValueMatch>& out) {
    const size_t n = text.size();
    static constexpr std::string_view kWord = "bearer";
    size_t i = 0;
    while (i + kWord.size() < n) {
        const char c = text[i];
        if ((c != 'b' && c != 'B') || (i > 0 && (isAlnum(text[i - 1]) || text[i - 1] == '_'))) {
            ++i;
            continue;
        }
        bool word = true;
        for (size_t k = 1; k < kWord.size() && word; ++k)
            word = lower(text[i + k]) == kWord[k];
        size_t j = i + kWord.size();
        if (!word || (text[j] != ' ' && text[j] != '\t')) {
            ++i;
            continue;
        }
        while (j < n && (text[j] == ' ' || text[j] == '\t'))
            ++j;
        size_t k = j;
        while (k < n && isBearerChar(text[k]))
            ++k;
        while (k > j && text[k - 1] == '.')  // a full stop ends the sentence, not the token
            --k;
        size_t e = k;
        while (e < n && text[e] == '=')
            ++e;
        const size_t len = k - j;
        const bool digit = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(j),
                                       text.begin() + static_cast<std::ptrdiff_t>(k), isDigit);
        // Prose ("Bearer authentication failed") and challenge parameters (`Bearer
        // realm="api"`) have no digit and are short.
        if ((len >= 8 && digit) || len >= 20) {
            out.push_back({j, e, ValueKind::Bearer});
            i = e;
        } else {
            i = std::max(k, i + 1);
        }
    }
}

void findJwts(std::string_view text, std::vector<ValueMatch>& out) {
    const size_t n = text.size();
    size_t from = 0;
    while (true) {
        const size_t pos = text.find("eyJ", from);
        if (pos == std::string_view::npos) return;
        if (pos > 0 && isB64Url(text[pos - 1])) {
            // Inside a longer base64url run: skip the whole run.
            size_t k = pos;
            while (k < n && isB64Url(text[k]))
                ++k;
            from = k;
            continue;
        }
        size_t k = pos;
        size_t segments = 0;
        size_t end = pos;
        while (true) {
            const size_t s = k;
            while (k < n && isB64Url(text[k]))
                ++k;
            if (k == s) break;
            ++segments;
            end = k;
            if (k + 1 < n && text[k] == '.' && isB64Url(text[k + 1])) {
                ++k;
                continue;
            }
            break;
        }
        if (segments >= 3) out.push_back({pos, end, ValueKind::Jwt});
        from = std::max(end, pos + 1);
    }
}

void findIpAddresses(std::string_view text, std::vector<ValueMatch>& out) {
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        if (!isIpChar(text[i])) {
            ++i;
            continue;
        }
        const size_t s = i;
        while (i < n && isIpChar(text[i]))
            ++i;
        size_t e = i;
        // Glued to a word ("v1.2.3.4", "std::x", "10.0.0.1abc"): not an address.
        if ((s > 0 && (isAlnum(text[s - 1]) || text[s - 1] == '_')) ||
            (e < n && (isAlnum(text[e]) || text[e] == '_')))
            continue;
        while (e > s && text[e - 1] == '.')
            --e;
        std::string_view run = text.substr(s, e - s);
        if (run.find(':') == std::string_view::npos) {
            if (validIpv4(run)) out.push_back({s, e, ValueKind::Ip});
            continue;
        }
        // "2001:db8::1:" ends a sentence with a colon.
        size_t e6 = e;
        if (run.size() >= 2 && run.back() == ':' && run[run.size() - 2] != ':') --e6;
        if (validIpv6(text.substr(s, e6 - s))) {
            out.push_back({s, e6, ValueKind::Ip});
            continue;
        }
        // Not IPv6: IPv4 addresses between colons ("10.0.0.1:8080", "addr:10.0.0.1").
        size_t p = 0;
        while (p <= run.size()) {
            size_t c = run.find(':', p);
            if (c == std::string_view::npos) c = run.size();
            if (validIpv4(run.substr(p, c - p))) out.push_back({s + p, s + c, ValueKind::Ip});
            p = c + 1;
        }
    }
}

bool luhnValid(std::string_view digits) {
    if (digits.empty()) return false;
    unsigned sum = 0;
    bool dbl = false;
    for (size_t i = digits.size(); i-- > 0;) {
        if (!isDigit(digits[i])) return false;
        unsigned d = static_cast<unsigned>(digits[i] - '0');
        if (dbl) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

size_t tokenLengthAt(std::string_view text, size_t pos) {
    const std::string_view t = text.substr(std::min(pos, text.size()));
    size_t p = 0;
    if (t.starts_with("tok:")) {
        p = 4;
        const size_t kindBegin = p;
        while (p < t.size() && isLower(t[p]))
            ++p;
        if (p == kindBegin || p >= t.size() || t[p] != ':') return 0;
        ++p;
        const size_t hexBegin = p;
        while (p < t.size() && isLowerHex(t[p]))
            ++p;
        const size_t hex = p - hexBegin;
        if (hex != 12 && hex != 16) return 0;
        if (p < t.size() && isAlnum(t[p])) return 0;
        return p;
    }
    if (t.starts_with("[redacted:")) {
        p = 10;
        const size_t kindBegin = p;
        while (p < t.size() && isLower(t[p]))
            ++p;
        if (p == kindBegin || p >= t.size() || t[p] != ']') return 0;
        return p + 1;
    }
    return 0;
}

void detectValues(std::string_view text, const DetectorSet& on, std::vector<ValueMatch>& out) {
    out.clear();
    if (on.email) findEmails(text, out);
    if (on.card) findCardNumbers(text, out);
    if (on.bearer) findBearerTokens(text, out);
    if (on.jwt) findJwts(text, out);
    if (on.ip) findIpAddresses(text, out);
    if (out.empty()) return;
    // Detectors appended in kind order, so a stable sort keeps that order on ties.
    std::stable_sort(out.begin(), out.end(), [](const ValueMatch& a, const ValueMatch& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.end > b.end;
    });
    // Tokens already in the text (a pack packed again): never redact inside one.
    std::vector<Group> tokens;
    for (size_t p = 0; p < text.size(); ++p) {
        if (text[p] != 't' && text[p] != '[') continue;
        const size_t len = tokenLengthAt(text, p);
        if (len == 0) continue;
        tokens.push_back({p, p + len});
        p += len - 1;
    }
    size_t kept = 0;
    size_t lastEnd = 0;
    size_t t = 0;
    for (const ValueMatch& m : out) {
        if (kept > 0 && m.begin < lastEnd) continue;
        while (t < tokens.size() && tokens[t].end <= m.begin)
            ++t;
        if (t < tokens.size() && tokens[t].begin < m.end) continue;
        out[kept++] = m;
        lastEnd = m.end;
    }
    out.resize(kept);
}

}  // namespace rootline
