#include "view/span_search.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace rootline {

namespace {

// ASCII case folding by table: std::tolower is a locale-aware call per byte, and the search
// folds every byte of the file's strings (~160 MB for a 1M-span trace).
struct LowerTable {
    std::array<char, 256> map{};
    constexpr LowerTable() {
        for (int c = 0; c < 256; ++c)
            map[static_cast<size_t>(c)] =
                static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
};
constexpr LowerTable kLower;

char lower(char c) {
    return kLower.map[static_cast<unsigned char>(c)];
}

// Case-insensitive substring search for one lowercase needle over many haystacks:
// Boyer–Moore–Horspool with a skip table folded for case, so most bytes are jumped over
// (a 6-letter word looks at about one byte in five). Set up once per term.
class LowerFinder {
public:
    explicit LowerFinder(std::string_view lowerNeedle) : needle_(lowerNeedle) {
        const size_t m = needle_.size();
        skip_.fill(m);
        for (size_t i = 0; i + 1 < m; ++i)
            skip_[static_cast<unsigned char>(needle_[i])] = m - 1 - i;
        // The needle is ASCII-lowercase; an upper-case letter skips as its lower case does.
        // (Not std::toupper: the app runs in the user's locale, where 'i' may not map to 'I'.)
        for (int c = 'A'; c <= 'Z'; ++c)
            skip_[static_cast<size_t>(c)] = skip_[static_cast<size_t>(c + ('a' - 'A'))];
    }

    bool in(std::string_view h) const {
        const size_t m = needle_.size();
        if (m == 0 || m > h.size()) return m == 0;
        const char last = needle_[m - 1];
        for (size_t i = 0; i + m <= h.size();) {
            const char c = h[i + m - 1];
            if (lower(c) == last) {
                size_t k = m - 1;
                while (k > 0 && lower(h[i + k - 1]) == needle_[k - 1])
                    --k;
                if (k == 0) return true;
            }
            i += skip_[static_cast<unsigned char>(c)];
        }
        return false;
    }

private:
    std::string_view needle_;
    std::array<size_t, 256> skip_{};
};

bool hasDigit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isHexTerm(std::string_view s) {
    return s.size() >= 4 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// What one term matches among the file's distinct strings and pairs.
struct TermIndex {
    std::vector<uint8_t> strings;  // by StrId
    std::vector<uint8_t> pairs;    // by PairId: key or value matches (or key=value)
};

TermIndex indexTerm(const Dictionary& d, const SearchTerm& term, const JobControl& control) {
    TermIndex ix;
    const LowerFinder finder(term.text);
    const size_t nStrings = d.strings.size();
    ix.strings.assign(nStrings, 0);
    if (term.key.empty()) {
        for (size_t s = 0; s < nStrings; ++s) {
            if ((s & 0xFFFF) == 0) control.checkpoint();
            ix.strings[s] = finder.in(d.strings.view(static_cast<StrId>(s))) ? 1 : 0;
        }
    }
    const StrId key = term.key.empty() ? StringPool::kNotFound : d.strings.find(term.key);
    const bool numeric = hasDigit(term.text);
    const size_t nPairs = d.attrs.pairCount();
    ix.pairs.assign(nPairs, 0);
    for (size_t p = 0; p < nPairs; ++p) {
        if ((p & 0xFFFF) == 0) control.checkpoint();
        const Attribute& a = d.attrs.pair(static_cast<PairId>(p));
        if (!term.key.empty() && a.key != key) continue;
        bool hit = term.key.empty() && ix.strings[a.key];
        const Value& v = a.value;
        if (!hit && (v.type == ValueType::String)) {
            hit = term.key.empty() ? ix.strings[v.str] != 0 : finder.in(d.strings.view(v.str));
        } else if (!hit && (numeric || v.type == ValueType::Bool) &&
                   (v.type == ValueType::Int || v.type == ValueType::Double ||
                    v.type == ValueType::Bool)) {
            hit = finder.in(valueToString(v, d.strings, d.attrs));
        } else if (!hit && !term.key.empty() && term.text.empty()) {
            hit = true;  // "key=" matches any value
        }
        ix.pairs[p] = hit ? 1 : 0;
    }
    return ix;
}

bool setMatches(const Dictionary& d, AttrSetId set, const TermIndex& ix) {
    for (PairId p : d.attrs.set(set))
        if (ix.pairs[p]) return true;
    return false;
}

}  // namespace

std::vector<SearchTerm> parseSearchQuery(std::string_view q) {
    std::vector<SearchTerm> terms;
    size_t i = 0;
    while (i < q.size()) {
        while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i])))
            ++i;
        if (i >= q.size()) break;
        std::string raw;
        if (q[i] == '"') {
            const size_t close = q.find('"', i + 1);
            raw = std::string(q.substr(
                i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
            i = close == std::string_view::npos ? q.size() : close + 1;
        } else {
            const size_t start = i;
            while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])))
                ++i;
            raw = std::string(q.substr(start, i - start));
        }
        if (raw.empty()) continue;
        SearchTerm term;
        const size_t eq = raw.find('=');
        if (eq != std::string::npos && eq > 0) {
            term.key = raw.substr(0, eq);
            raw = raw.substr(eq + 1);
        }
        std::transform(raw.begin(), raw.end(), raw.begin(), lower);
        term.text = std::move(raw);
        terms.push_back(std::move(term));
    }
    return terms;
}

std::vector<uint8_t> searchSpans(const Trace& t, const std::vector<SearchTerm>& terms,
                                 const JobControl& control) {
    const size_t n = t.spanCount();
    std::vector<uint8_t> result(n, terms.empty() ? 0 : 1);
    const Dictionary& d = *t.dict;
    for (const SearchTerm& term : terms) {
        const TermIndex ix = indexTerm(d, term, control);
        const bool byId = term.key.empty() && isHexTerm(term.text);
        for (size_t i = 0; i < n; ++i) {
            if (!result[i]) continue;
            if ((i & 0xFFFF) == 0) control.checkpoint();
            bool hit = false;
            if (term.key.empty()) {
                hit = ix.strings[t.name[i]] || ix.strings[t.services[t.service[i]]] ||
                      ix.strings[t.statusMessage[i]];
                if (!hit && byId) hit = t.spanIdText(i).find(term.text) != std::string::npos;
            }
            if (!hit) hit = setMatches(d, t.attrs[i], ix);
            if (!hit) hit = setMatches(d, t.resourceOf(i).attrs, ix);
            if (!hit) {
                for (const Event& e : t.eventsOf(i)) {
                    if ((term.key.empty() && ix.strings[e.name]) || setMatches(d, e.attrs, ix)) {
                        hit = true;
                        break;
                    }
                }
            }
            result[i] = hit ? 1 : 0;
        }
    }
    return result;
}

}  // namespace rootline
