#pragma once
// Redaction: what keeps private values out of a tracepack.
//
// Runs inside the tracepack builder, on every value before it is written (attributes of spans,
// resources, events and links; span names, status messages, event names, log bodies). Three
// kinds of rule:
//   - key rules: a denylist of attribute-key patterns ("*password*", "http.request.header.*");
//     in allowlist mode, every key that no allow pattern matches is redacted instead;
//   - value detectors on free text: e-mail addresses, card numbers (Luhn-checked), bearer
//     tokens, JWTs, and IP addresses when opted in. Only the matched part is replaced.
// A redacted value becomes a stable token, "tok:email:3f2a9c1b04de" (same value, same token,
// for a given token key), or "[redacted:email]" when tokenisation is off. The token→value
// dictionary is returned to the caller and stays on this machine (token_vault.h).
// A value that already is a token passes unchanged and is not counted, so packing a pack
// again changes nothing.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rootline {

struct KeyRule {
    std::string pattern;       // glob over the whole key, case-insensitive; '*' any run
    std::string kind;          // token kind: "email", "secret", "user", "card", "header", …
    bool stringsOnly = false;  // numbers and booleans pass ("*token*" vs gen_ai token counts)
};

struct RedactionRules {
    enum class Mode { Denylist, Allowlist };
    Mode mode = Mode::Denylist;
    std::vector<KeyRule> denyKeys;       // applied in both modes
    std::vector<std::string> allowKeys;  // allowlist mode: only these keys pass untouched
    bool detectEmail = true;
    bool detectCard = true;
    bool detectBearer = true;
    bool detectJwt = true;
    bool detectIp = false;  // opt-in: IPs are often what the engineer needs to see
    bool tokenise = true;

    // The default denylist: user.email, enduser.*, *password*, *secret*, *token* (strings
    // only), authorization, cookie, set-cookie, payment.card*, http.request.header.*, … and
    // every detector but IP on.
    static RedactionRules defaults();
    // Reads a rules file (format in docs/tracepack.md). On error returns nullopt and sets
    // `error` to one line naming `source` and the place: "rules.json: unknown key 'foo'".
    static std::optional<RedactionRules> parse(std::string_view json, const std::string& source,
                                               std::string& error);
};

// 128-bit key for the keyed hash behind tokens (SipHash-2-4). Without the key a token cannot
// be brute-forced back to a likely e-mail address; with it, the same value always gives the
// same token on this machine.
struct TokenKey {
    uint64_t k0 = 0;
    uint64_t k1 = 0;
};

struct RedactionCount {
    std::string rule;  // "key:*password*", "value:email", "allowlist", …
    uint64_t count = 0;
};

class Redactor {
public:
    Redactor(RedactionRules rules, TokenKey key);

    // Redacts one attribute value in place under its key: a key rule replaces the whole value
    // (any JSON type, unless the rule is strings-only) by a token string; otherwise strings go
    // through the value detectors, and arrays/maps are walked (map keys are checked as keys).
    void redactAttribute(std::string_view key, nlohmann::json& value);
    // Free text (names, messages, log bodies, stack traces): only the detected parts change.
    std::string redactText(std::string_view text);

    // Every active rule in a fixed order (key rules in rule order, then allowlist, then the
    // detectors), with how many values it replaced; rules that matched nothing count 0.
    std::vector<RedactionCount> counts() const;
    // token → original value, for the local vault only. Never written into a pack.
    const std::map<std::string, std::string>& tokens() const { return tokens_; }
    const RedactionRules& rules() const { return rules_; }

    // True for "tok:<kind>:<hex>" and "[redacted:<kind>]".
    static bool isToken(std::string_view text);

private:
    // Opaque to the builder; the implementation may add members here.
    // `key` is the object key the value sits under, `path` the dotted path from the attribute
    // key ("http.headers.cookie"); key rules match either. `allowed`: an allow pattern matched
    // an enclosing key.
    void redactValue(std::string_view key, std::string_view path, nlohmann::json& value,
                     bool allowed);
    // The token (or "[redacted:kind]") for one value, recorded in tokens_.
    std::string tokenFor(const std::string& kind, std::string_view value);

    RedactionRules rules_;
    TokenKey key_;
    std::map<std::string, std::string> tokens_;
    std::map<std::string, std::string> valueToToken_;  // kind + '\0' + value → token
    std::vector<uint64_t> keyRuleCounts_;
    uint64_t allowlistCount_ = 0;
    uint64_t emailCount_ = 0, cardCount_ = 0, bearerCount_ = 0, jwtCount_ = 0, ipCount_ = 0;
};

}  // namespace rootline
