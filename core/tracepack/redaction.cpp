// Redaction rules file (rootline tracepack --rules FILE). A JSON object; every key is optional:
//
//   {
//     "mode": "denylist",          // or "allowlist": only keys matching "allow" pass
//     "defaults": true,            // keep the built-in deny rules (false: only yours)
//     "deny": [                    // more key rules, tried after the built-in ones
//       "*ssn*",                   //   a pattern alone: kind "secret", any JSON type
//       {"pattern": "customer.phone", "kind": "phone", "strings_only": false}
//     ],
//     "allow": ["http.*", "db.system", "service.*"],   // allowlist mode: at least one
//     "detectors": {"email": true, "card": true, "bearer": true, "jwt": true, "ip": false},
//     "tokenise": true             // false: "[redacted:kind]" instead of "tok:kind:3f2a9c1b04de"
//   }
//
// Patterns are globs over the whole attribute key, case-insensitive, '*' matching any run of
// characters ("*password*", "http.request.header.*"); a key inside a nested map is matched both
// alone and as its dotted path ("db.params.password"). A kind is lowercase letters (a-z); it
// names the token ("tok:phone:…"). A "deny" pattern equal to a built-in one replaces it in
// place. The first rule that applies to a value wins; a strings-only rule lets numbers and
// booleans through ("*token*" keeps gen_ai.usage.input_tokens: 42). In allowlist mode the deny
// rules still come first, every other key outside "allow" is redacted whole (kind "value"), and
// the contents of an allowed map are allowed. Detectors run on every string that is kept.
//
// The built-in deny rules, in order (kind in brackets): user.email [email], enduser.* [user],
// *password*, *passwd*, *secret* [secret], *token* [secret, strings only], *api_key*, *apikey*,
// authorization, *.authorization, cookie, set-cookie, *.cookie [secret], payment.card* [card],
// http.request.header.* [header], http.response.header.set-cookie [secret].
//
// Unknown keys, wrong types, empty patterns and allowlist mode without "allow" are errors, one
// line naming the file and the place: `rules.json: "detectors.ipv4": unknown detector (known:
// email, card, bearer, jwt, ip)`; malformed JSON gives the byte offset.

#include "tracepack/redaction.h"

#include <string>
#include <utility>
#include <vector>

#include "tracepack/siphash.h"
#include "tracepack/value_detectors.h"

namespace rootline {

namespace {

using nlohmann::json;

char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whole-string glob, '*' any run, ASCII case-insensitive. Greedy with one backtrack point, so
// O(pattern × key) at worst on short keys.
bool globMatch(std::string_view pattern, std::string_view text) {
    size_t p = 0;
    size_t i = 0;
    size_t star = std::string_view::npos;
    size_t mark = 0;
    while (i < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = i;
        } else if (p < pattern.size() && lowerAscii(pattern[p]) == lowerAscii(text[i])) {
            ++p;
            ++i;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            i = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool validKind(std::string_view kind) {
    if (kind.empty()) return false;
    for (char c : kind)
        if (c < 'a' || c > 'z') return false;
    return true;
}

// A kind set in code may be anything; tokens only carry lowercase letters so that isToken()
// recognises them and packing a pack again stays a no-op.
std::string tokenKind(std::string_view kind) {
    std::string k;
    for (char c : kind) {
        c = lowerAscii(c);
        if (c >= 'a' && c <= 'z') k += c;
    }
    return k.empty() ? std::string("value") : k;
}

std::string hexDigits(uint64_t v, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(static_cast<size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        s[static_cast<size_t>(i)] = kHex[v & 0xf];
        v >>= 4;
    }
    return s;
}

bool fail(std::string& error, const std::string& source, const std::string& where,
          const std::string& what) {
    error = source + ": \"" + where + "\": " + what;
    return false;
}

const char* typeName(const json& v) {
    return v.type_name();
}

bool readBool(const json& v, bool& out, std::string& error, const std::string& source,
              const std::string& where) {
    if (!v.is_boolean())
        return fail(error, source, where,
                    std::string("expected true or false, not ") + typeName(v));
    out = v.get<bool>();
    return true;
}

bool readPattern(const json& v, std::string& out, std::string& error, const std::string& source,
                 const std::string& where) {
    if (!v.is_string())
        return fail(error, source, where,
                    std::string("expected a pattern string, not ") + typeName(v));
    out = v.get<std::string>();
    if (out.empty()) return fail(error, source, where, "empty pattern");
    return true;
}

bool parseDeny(const json& v, const std::string& where, KeyRule& rule, std::string& error,
               const std::string& source) {
    rule.kind = "secret";
    rule.stringsOnly = false;
    if (v.is_string()) return readPattern(v, rule.pattern, error, source, where);
    if (!v.is_object())
        return fail(error, source, where,
                    std::string("expected a pattern string or an object, not ") + typeName(v));
    for (const auto& [k, item] : v.items()) {
        const std::string at = where + "." + k;
        if (k == "pattern") {
            if (!readPattern(item, rule.pattern, error, source, at)) return false;
        } else if (k == "kind") {
            if (!item.is_string() || !validKind(item.get_ref<const std::string&>()))
                return fail(error, source, at, "expected a kind of lowercase letters (a-z)");
            rule.kind = item.get<std::string>();
        } else if (k == "strings_only") {
            if (!readBool(item, rule.stringsOnly, error, source, at)) return false;
        } else {
            return fail(error, source, at, "unknown key (known: pattern, kind, strings_only)");
        }
    }
    if (rule.pattern.empty()) return fail(error, source, where, "missing \"pattern\"");
    return true;
}

bool parseRules(const json& doc, const std::string& source, RedactionRules& rules,
                std::string& error) {
    if (!doc.is_object()) {
        error = source + ": expected a JSON object at the top level, not " + typeName(doc);
        return false;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& k = it.key();
        if (k != "mode" && k != "defaults" && k != "deny" && k != "allow" && k != "detectors" &&
            k != "tokenise")
            return fail(error, source, k,
                        "unknown key (known: mode, defaults, deny, allow, detectors, tokenise)");
    }
    bool keepDefaults = true;
    if (doc.contains("defaults") &&
        !readBool(doc.at("defaults"), keepDefaults, error, source, "defaults"))
        return false;
    rules = RedactionRules::defaults();
    if (!keepDefaults) rules.denyKeys.clear();

    if (doc.contains("mode")) {
        const json& m = doc.at("mode");
        if (m.is_string() && m.get_ref<const std::string&>() == "denylist") {
            rules.mode = RedactionRules::Mode::Denylist;
        } else if (m.is_string() && m.get_ref<const std::string&>() == "allowlist") {
            rules.mode = RedactionRules::Mode::Allowlist;
        } else {
            return fail(error, source, "mode", "expected \"denylist\" or \"allowlist\"");
        }
    }
    if (doc.contains("deny")) {
        const json& deny = doc.at("deny");
        if (!deny.is_array())
            return fail(error, source, "deny",
                        std::string("expected an array, not ") + typeName(deny));
        for (size_t i = 0; i < deny.size(); ++i) {
            KeyRule rule;
            if (!parseDeny(deny[i], "deny[" + std::to_string(i) + "]", rule, error, source))
                return false;
            bool replaced = false;
            for (KeyRule& existing : rules.denyKeys) {
                if (existing.pattern.size() != rule.pattern.size()) continue;
                bool same = true;
                for (size_t c = 0; c < rule.pattern.size() && same; ++c)
                    same = lowerAscii(existing.pattern[c]) == lowerAscii(rule.pattern[c]);
                if (!same) continue;
                existing = rule;
                replaced = true;
                break;
            }
            if (!replaced) rules.denyKeys.push_back(std::move(rule));
        }
    }
    if (doc.contains("allow")) {
        const json& allow = doc.at("allow");
        if (!allow.is_array())
            return fail(error, source, "allow",
                        std::string("expected an array, not ") + typeName(allow));
        for (size_t i = 0; i < allow.size(); ++i) {
            std::string pattern;
            if (!readPattern(allow[i], pattern, error, source, "allow[" + std::to_string(i) + "]"))
                return false;
            rules.allowKeys.push_back(std::move(pattern));
        }
    }
    if (doc.contains("detectors")) {
        const json& d = doc.at("detectors");
        if (!d.is_object())
            return fail(error, source, "detectors",
                        std::string("expected an object, not ") + typeName(d));
        for (const auto& [k, v] : d.items()) {
            const std::string at = "detectors." + k;
            bool* flag = k == "email"    ? &rules.detectEmail
                         : k == "card"   ? &rules.detectCard
                         : k == "bearer" ? &rules.detectBearer
                         : k == "jwt"    ? &rules.detectJwt
                         : k == "ip"     ? &rules.detectIp
                                         : nullptr;
            if (!flag)
                return fail(error, source, at,
                            "unknown detector (known: email, card, bearer, jwt, ip)");
            if (!readBool(v, *flag, error, source, at)) return false;
        }
    }
    if (doc.contains("tokenise") &&
        !readBool(doc.at("tokenise"), rules.tokenise, error, source, "tokenise"))
        return false;
    if (rules.mode == RedactionRules::Mode::Allowlist && rules.allowKeys.empty())
        return fail(error, source, "allow", "allowlist mode needs at least one pattern");
    return true;
}

}  // namespace

RedactionRules RedactionRules::defaults() {
    RedactionRules r;
    r.denyKeys = {
        {"user.email", "email", false},
        {"enduser.*", "user", false},
        {"*password*", "secret", false},
        {"*passwd*", "secret", false},
        {"*secret*", "secret", false},
        {"*token*", "secret", true},
        {"*api_key*", "secret", false},
        {"*apikey*", "secret", false},
        {"authorization", "secret", false},
        {"*.authorization", "secret", false},
        {"cookie", "secret", false},
        {"set-cookie", "secret", false},
        {"*.cookie", "secret", false},
        {"payment.card*", "card", false},
        {"http.request.header.*", "header", false},
        {"http.response.header.set-cookie", "secret", false},
    };
    return r;
}

std::optional<RedactionRules> RedactionRules::parse(std::string_view text,
                                                    const std::string& source, std::string& error) {
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        error = source + ": invalid JSON at byte " + std::to_string(e.byte);
        return std::nullopt;
    }
    RedactionRules rules;
    if (!parseRules(doc, source, rules, error)) return std::nullopt;
    return rules;
}

Redactor::Redactor(RedactionRules rules, TokenKey key) : rules_(std::move(rules)), key_(key) {
    keyRuleCounts_.assign(rules_.denyKeys.size(), 0);
}

bool Redactor::isToken(std::string_view text) {
    return !text.empty() && tokenLengthAt(text, 0) == text.size();
}

std::string Redactor::tokenFor(const std::string& kind, std::string_view value) {
    const std::string k = tokenKind(kind);
    if (!rules_.tokenise) return "[redacted:" + k + "]";
    std::string material;
    material.reserve(k.size() + 1 + value.size());
    material += k;
    material += '\0';
    material += value;
    if (auto it = valueToToken_.find(material); it != valueToToken_.end()) return it->second;
    const uint64_t h = sipHash24(key_.k0, key_.k1, material);
    const std::string prefix = "tok:" + k + ":";
    std::string token = prefix + hexDigits(h >> 16, 12);
    if (tokens_.count(token)) {
        // Another value of this kind already has these 48 bits: this one gets all 64. Should
        // those collide too, a counter goes into the hash until the token is free.
        token = prefix + hexDigits(h, 16);
        for (uint64_t salt = 1; tokens_.count(token); ++salt) {
            const std::string salted = material + '\0' + std::to_string(salt);
            token = prefix + hexDigits(sipHash24(key_.k0, key_.k1, salted), 16);
        }
    }
    tokens_.emplace(token, std::string(value));
    valueToToken_.emplace(std::move(material), token);
    return token;
}

void Redactor::redactAttribute(std::string_view key, nlohmann::json& value) {
    redactValue(key, key, value, false);
}

void Redactor::redactValue(std::string_view key, std::string_view path, nlohmann::json& value,
                           bool allowed) {
    if (value.is_string() && isToken(value.get_ref<const std::string&>())) return;
    const bool nested = path.size() > key.size();
    const auto replace = [&](const std::string& kind) {
        if (value.is_string()) {
            value = tokenFor(kind, value.get_ref<const std::string&>());
        } else {
            value = tokenFor(kind, value.dump(-1, ' ', false, json::error_handler_t::replace));
        }
    };
    for (size_t i = 0; i < rules_.denyKeys.size(); ++i) {
        const KeyRule& rule = rules_.denyKeys[i];
        // A strings-only rule skips numbers and booleans; arrays and maps are walked below, so
        // their strings meet the rule again.
        if (rule.stringsOnly && !value.is_string()) continue;
        if (!globMatch(rule.pattern, key) && !(nested && globMatch(rule.pattern, path))) continue;
        replace(rule.kind);
        ++keyRuleCounts_[i];
        return;
    }
    if (rules_.mode == RedactionRules::Mode::Allowlist && !allowed) {
        for (const std::string& pattern : rules_.allowKeys) {
            if (globMatch(pattern, key) || (nested && globMatch(pattern, path))) {
                allowed = true;
                break;
            }
        }
        if (!allowed) {
            replace("value");
            ++allowlistCount_;
            return;
        }
    }
    if (value.is_string()) {
        std::string& s = value.get_ref<std::string&>();
        std::string redacted = redactText(s);
        if (redacted != s) s = std::move(redacted);
    } else if (value.is_array()) {
        for (json& item : value)
            redactValue(key, path, item, allowed);
    } else if (value.is_object()) {
        std::vector<std::pair<std::string, std::string>> renames;
        std::string childPath;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string& childKey = it.key();
            childPath.assign(path);
            childPath += '.';
            childPath += childKey;
            redactValue(childKey, childPath, it.value(), allowed);
            // A map key can be private too ({"alice@example.com": "sent"}).
            std::string redactedKey = redactText(childKey);
            if (redactedKey != childKey) renames.emplace_back(childKey, std::move(redactedKey));
        }
        for (auto& [from, to] : renames) {
            json moved = std::move(value[from]);
            value.erase(from);
            value[to] = std::move(moved);
        }
    }
}

std::string Redactor::redactText(std::string_view text) {
    DetectorSet on;
    on.email = rules_.detectEmail;
    on.card = rules_.detectCard;
    on.bearer = rules_.detectBearer;
    on.jwt = rules_.detectJwt;
    on.ip = rules_.detectIp;
    std::vector<ValueMatch> matches;
    detectValues(text, on, matches);
    if (matches.empty()) return std::string(text);
    static const std::string kKinds[] = {"email", "card", "secret", "jwt", "ip"};
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    for (const ValueMatch& m : matches) {
        out.append(text.substr(pos, m.begin - pos));
        out += tokenFor(kKinds[static_cast<size_t>(m.kind)], text.substr(m.begin, m.end - m.begin));
        switch (m.kind) {
            case ValueKind::Email:
                ++emailCount_;
                break;
            case ValueKind::Card:
                ++cardCount_;
                break;
            case ValueKind::Bearer:
                ++bearerCount_;
                break;
            case ValueKind::Jwt:
                ++jwtCount_;
                break;
            case ValueKind::Ip:
                ++ipCount_;
                break;
        }
        pos = m.end;
    }
    out.append(text.substr(pos));
    return out;
}

std::vector<RedactionCount> Redactor::counts() const {
    std::vector<RedactionCount> c;
    for (size_t i = 0; i < rules_.denyKeys.size(); ++i)
        c.push_back({"key:" + rules_.denyKeys[i].pattern, keyRuleCounts_[i]});
    if (rules_.mode == RedactionRules::Mode::Allowlist) c.push_back({"allowlist", allowlistCount_});
    if (rules_.detectEmail) c.push_back({"value:email", emailCount_});
    if (rules_.detectCard) c.push_back({"value:card", cardCount_});
    if (rules_.detectBearer) c.push_back({"value:bearer", bearerCount_});
    if (rules_.detectJwt) c.push_back({"value:jwt", jwtCount_});
    if (rules_.detectIp) c.push_back({"value:ip", ipCount_});
    return c;
}

}  // namespace rootline
