// Redaction for tracepacks: key rules, free-text detectors, tokens, the rules file, the local
// token vault, and the SipHash behind tokens.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tracepack/redaction.h"
#include "tracepack/siphash.h"
#include "tracepack/token_vault.h"
#include "tracepack/value_detectors.h"

namespace rootline {
namespace {

using nlohmann::json;

constexpr TokenKey kKey{0x0123456789abcdefULL, 0xfedcba9876543210ULL};

// Matches as "text" strings, for readable expectations.
std::vector<std::string> found(void (*detector)(std::string_view, std::vector<ValueMatch>&),
                               std::string_view text) {
    std::vector<ValueMatch> m;
    detector(text, m);
    std::vector<std::string> out;
    for (const ValueMatch& v : m)
        out.emplace_back(text.substr(v.begin, v.end - v.begin));
    return out;
}

using Found = std::vector<std::string>;

bool isTokenOfKind(const std::string& s, const std::string& kind) {
    const std::string prefix = "tok:" + kind + ":";
    if (s.rfind(prefix, 0) != 0) return false;
    const std::string hex = s.substr(prefix.size());
    if (hex.size() != 12) return false;
    for (char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

uint64_t countOf(const Redactor& r, const std::string& rule) {
    for (const RedactionCount& c : r.counts())
        if (c.rule == rule) return c.count;
    ADD_FAILURE() << "no rule " << rule;
    return 0;
}

uint64_t totalCount(const Redactor& r) {
    uint64_t n = 0;
    for (const RedactionCount& c : r.counts())
        n += c.count;
    return n;
}

// ---------------------------------------------------------------------------------------------
// SipHash-2-4

TEST(SipHash, ReferenceVectorsFromThePaper) {
    uint8_t msg[64];
    for (int i = 0; i < 64; ++i)
        msg[i] = static_cast<uint8_t>(i);
    const uint64_t k0 = 0x0706050403020100ULL;  // key bytes 00..0f, little-endian words
    const uint64_t k1 = 0x0f0e0d0c0b0a0908ULL;
    EXPECT_EQ(sipHash24(k0, k1, msg, 15), 0xa129ca6149be45e5ULL);  // the paper's Appendix A
    EXPECT_EQ(sipHash24(k0, k1, msg, 0), 0x726fdb47dd0e0e31ULL);   // reference vectors.h [0]
    EXPECT_EQ(sipHash24(k0, k1, msg, 63), 0x958a324ceb064572ULL);  // reference vectors.h [63]
    EXPECT_EQ(sipHash24(k0, k1, std::string_view(reinterpret_cast<const char*>(msg), 15)),
              0xa129ca6149be45e5ULL);
}

TEST(SipHash, KeyChangesTheHash) {
    EXPECT_NE(sipHash24(1, 2, "alice@example.com"), sipHash24(1, 3, "alice@example.com"));
    EXPECT_NE(sipHash24(1, 2, "alice@example.com"), sipHash24(1, 2, "alice@example.org"));
}

// ---------------------------------------------------------------------------------------------
// Detectors

TEST(ValueDetect, Luhn) {
    EXPECT_TRUE(luhnValid("4111111111111111"));
    EXPECT_TRUE(luhnValid("378282246310005"));
    EXPECT_FALSE(luhnValid("4111111111111112"));
    EXPECT_FALSE(luhnValid(""));
    EXPECT_FALSE(luhnValid("4111-1111"));
}

TEST(ValueDetect, EmailsAtEdgesAndNextToPunctuation) {
    EXPECT_EQ(found(findEmails, "alice@example.com"), Found{"alice@example.com"});
    EXPECT_EQ(found(findEmails, "alice@example.com wrote"), Found{"alice@example.com"});
    EXPECT_EQ(found(findEmails, "sent to bob.smith+tag@mail.example.co.uk"),
              Found{"bob.smith+tag@mail.example.co.uk"});
    EXPECT_EQ(found(findEmails, "(carol@example.org)."), Found{"carol@example.org"});
    EXPECT_EQ(found(findEmails, "<dave@example.net>,\"eve@example.com\";"),
              (Found{"dave@example.net", "eve@example.com"}));
    EXPECT_EQ(found(findEmails, "mailto:frank@example.com?subject=hi"), Found{"frank@example.com"});
    EXPECT_EQ(found(findEmails, "Contact: grace@example.com."), Found{"grace@example.com"});
    EXPECT_EQ(found(findEmails, "x@a-b.example.com-"), Found{"x@a-b.example.com"});
}

TEST(ValueDetect, EmailNearMisses) {
    EXPECT_TRUE(found(findEmails, "installed lodash@4.17.21").empty());
    EXPECT_TRUE(found(findEmails, "@app.route('/')").empty());
    EXPECT_TRUE(found(findEmails, "root@localhost").empty());
    EXPECT_TRUE(found(findEmails, "a@b.c").empty());
    EXPECT_TRUE(found(findEmails, "a@-b.com").empty());
    EXPECT_TRUE(found(findEmails, "@@@ @ .@. user@ @example.com").empty());
    // Two addresses glued together: the second '@' does not reuse the first's domain.
    EXPECT_EQ(found(findEmails, "a@b.com.c@d.com"), (Found{"a@b.com", "c@d.com"}));
}

TEST(ValueDetect, CardNumbers) {
    EXPECT_EQ(found(findCardNumbers, "4111111111111111"), Found{"4111111111111111"});
    EXPECT_EQ(found(findCardNumbers, "card 4111 1111 1111 1111, ok"), Found{"4111 1111 1111 1111"});
    EXPECT_EQ(found(findCardNumbers, "card=4111-1111-1111-1111;"), Found{"4111-1111-1111-1111"});
    EXPECT_EQ(found(findCardNumbers, "amex 378282246310005"), Found{"378282246310005"});
    EXPECT_EQ(found(findCardNumbers, "amex 3782 822463 10005"), Found{"3782 822463 10005"});
    EXPECT_EQ(found(findCardNumbers, "19 digits 6011111111111111110"),
              Found{"6011111111111111110"});
    // A number in front joined by a space does not hide the card.
    EXPECT_EQ(found(findCardNumbers, "order 12 4111 1111 1111 1111"), Found{"4111 1111 1111 1111"});
}

TEST(ValueDetect, CardNearMisses) {
    EXPECT_TRUE(found(findCardNumbers, "4111111111111112").empty());  // Luhn fails
    EXPECT_TRUE(found(findCardNumbers, "4111 1111 1111 1112").empty());
    // Hex trace and span ids, even when a Luhn-valid digit run is inside.
    EXPECT_TRUE(found(findCardNumbers, "trace 4bf92f3577b34da6a3ce929d0e0e4736").empty());
    EXPECT_TRUE(found(findCardNumbers, "trace 4111111111111111a3ce929d0e0e4736").empty());
    EXPECT_TRUE(found(findCardNumbers, "span a3ce929d4111111111111111").empty());
    // An epoch timestamp in microseconds that happens to pass Luhn.
    ASSERT_TRUE(luhnValid("1700000000000001"));
    EXPECT_TRUE(found(findCardNumbers, "ts=1700000000000001").empty());
    EXPECT_TRUE(found(findCardNumbers, "41111111111111111111").empty());    // 20 digits
    EXPECT_TRUE(found(findCardNumbers, "0.4111111111111111").empty());      // a decimal
    EXPECT_TRUE(found(findCardNumbers, "4111  1111  1111  1111").empty());  // double spaces
    EXPECT_TRUE(found(findCardNumbers, "2024-01-15 10:20:30").empty());
}

TEST(ValueDetect, BearerTokens) {
    EXPECT_EQ(found(findBearerTokens, "Authorization: Bearer abc123def456"), Found{"abc123def456"});
    EXPECT_EQ(found(findBearerTokens, "authorization: bearer mF_9.B5f-4.1JqM"),
              Found{"mF_9.B5f-4.1JqM"});
    EXPECT_EQ(found(findBearerTokens, "BEARER   dGhpcyBpcyBhIHRlc3Q0=="),
              Found{"dGhpcyBpcyBhIHRlc3Q0=="});
    EXPECT_EQ(found(findBearerTokens, "sent Bearer abc123def456."), Found{"abc123def456"});
    EXPECT_EQ(found(findBearerTokens, R"({"auth":"Bearer abc123def456"})"), Found{"abc123def456"});
}

TEST(ValueDetect, BearerNearMisses) {
    EXPECT_TRUE(found(findBearerTokens, "Bearer").empty());
    EXPECT_TRUE(found(findBearerTokens, "Authorization: Bearer ").empty());
    EXPECT_TRUE(found(findBearerTokens, "Bearer authentication failed").empty());
    EXPECT_TRUE(found(findBearerTokens, "WWW-Authenticate: Bearer realm=\"api\"").empty());
    EXPECT_TRUE(found(findBearerTokens, "cupbearer abc123def456").empty());
    EXPECT_TRUE(found(findBearerTokens, "Bearer abc12").empty());  // too short
}

constexpr const char* kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

TEST(ValueDetect, Jwts) {
    const std::string jwt = kJwt;
    EXPECT_EQ(found(findJwts, jwt), Found{jwt});
    const std::string url = "GET https://app.example.com/cb?id_token=" + jwt + "&state=xyz";
    EXPECT_EQ(found(findJwts, url), Found{jwt});
    EXPECT_EQ(found(findJwts, "token " + jwt + ". Next"), Found{jwt});
}

TEST(ValueDetect, JwtNearMisses) {
    EXPECT_TRUE(found(findJwts, "eyJ").empty());
    EXPECT_TRUE(found(findJwts, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0").empty());  // 2 parts
    EXPECT_TRUE(found(findJwts, std::string("x") + kJwt).empty());  // inside a longer run
    EXPECT_TRUE(found(findJwts, "abc.def.ghi").empty());
}

TEST(ValueDetect, Ipv4) {
    EXPECT_EQ(found(findIpAddresses, "10.0.0.1"), Found{"10.0.0.1"});
    EXPECT_EQ(found(findIpAddresses, "connect 192.168.1.255:8080 refused"), Found{"192.168.1.255"});
    EXPECT_EQ(found(findIpAddresses, "Connected to 10.0.0.1."), Found{"10.0.0.1"});
    EXPECT_EQ(found(findIpAddresses, "peer=(255.255.255.255)"), Found{"255.255.255.255"});
    EXPECT_EQ(found(findIpAddresses, "version 1.2.3.4"), Found{"1.2.3.4"});  // looks the same
}

TEST(ValueDetect, Ipv4NearMisses) {
    EXPECT_TRUE(found(findIpAddresses, "999.1.1.1").empty());
    EXPECT_TRUE(found(findIpAddresses, "1.1.1.256").empty());
    EXPECT_TRUE(found(findIpAddresses, "1.2.3.4.5").empty());
    EXPECT_TRUE(found(findIpAddresses, "v1.2.3.4").empty());
    EXPECT_TRUE(found(findIpAddresses, "1.2.3").empty());
    EXPECT_TRUE(found(findIpAddresses, "10.0.0.1xyz").empty());
    EXPECT_TRUE(found(findIpAddresses, "3.14159").empty());
}

TEST(ValueDetect, Ipv6) {
    EXPECT_EQ(found(findIpAddresses, "2001:db8::1"), Found{"2001:db8::1"});
    EXPECT_EQ(found(findIpAddresses, "from ::1 port 5"), Found{"::1"});
    EXPECT_EQ(found(findIpAddresses, "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
              Found{"2001:0db8:85a3:0000:0000:8a2e:0370:7334"});
    EXPECT_EQ(found(findIpAddresses, "[2001:db8::ff00:42:8329]:443"),
              Found{"2001:db8::ff00:42:8329"});
    EXPECT_EQ(found(findIpAddresses, "fe80::1%eth0"), Found{"fe80::1"});
    EXPECT_EQ(found(findIpAddresses, "::ffff:192.0.2.128"), Found{"::ffff:192.0.2.128"});
    EXPECT_EQ(found(findIpAddresses, "peer 2001:db8::1: reset"), Found{"2001:db8::1"});
}

TEST(ValueDetect, Ipv6NearMisses) {
    EXPECT_TRUE(found(findIpAddresses, "at 12:34:56").empty());
    EXPECT_TRUE(found(findIpAddresses, "std::vector<int>::at").empty());
    EXPECT_TRUE(found(findIpAddresses, "Cache::add").empty());  // hex letters, no digit
    EXPECT_TRUE(found(findIpAddresses, "mac 00:1a:2b:3c:4d:5e").empty());
    EXPECT_TRUE(found(findIpAddresses, "1::2::3").empty());
    EXPECT_TRUE(found(findIpAddresses, "1:2:3:4:5:6:7:8:9").empty());
    EXPECT_TRUE(found(findIpAddresses, "12345::1").empty());
}

TEST(ValueDetect, TokenShapes) {
    EXPECT_TRUE(Redactor::isToken("tok:email:0123456789ab"));
    EXPECT_TRUE(Redactor::isToken("tok:secret:0123456789abcdef"));
    EXPECT_TRUE(Redactor::isToken("[redacted:email]"));
    EXPECT_FALSE(Redactor::isToken("tok:email:0123456789a"));    // 11
    EXPECT_FALSE(Redactor::isToken("tok:email:0123456789abc"));  // 13
    EXPECT_FALSE(Redactor::isToken("tok:email:0123456789AB"));   // upper case
    EXPECT_FALSE(Redactor::isToken("tok::0123456789ab"));        // no kind
    EXPECT_FALSE(Redactor::isToken("tok:Email:0123456789ab"));   // kind not lower case
    EXPECT_FALSE(Redactor::isToken("tok:email:0123456789ab "));  // whole string only
    EXPECT_FALSE(Redactor::isToken(" tok:email:0123456789ab"));
    EXPECT_FALSE(Redactor::isToken("[redacted:]"));
    EXPECT_FALSE(Redactor::isToken("[redacted:email] "));
    EXPECT_FALSE(Redactor::isToken(""));
    EXPECT_EQ(tokenLengthAt("x tok:ip:0123456789ab, y", 2), 19u);
    EXPECT_EQ(tokenLengthAt("tok:ip:0123456789abz", 0), 0u);
}

TEST(ValueDetect, DetectValuesResolvesOverlapsAndSkipsTokens) {
    std::vector<ValueMatch> m;
    DetectorSet on;
    // The bearer token is also a JWT: one match, the earlier kind in the order.
    detectValues(std::string("Bearer ") + kJwt, on, m);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].kind, ValueKind::Bearer);
    // A 16-digit token that is Luhn-valid and starts with 4 is a token, not a card.
    detectValues("id tok:card:4111111111111111 and [redacted:email]", on, m);
    EXPECT_TRUE(m.empty());
    on.ip = false;
    detectValues("1.2.3.4", on, m);
    EXPECT_TRUE(m.empty());
    on.ip = true;
    detectValues("1.2.3.4", on, m);
    EXPECT_EQ(m.size(), 1u);
}

TEST(ValueDetect, LongAndHostileTextsFinish) {
    // Inputs that make naive scanners (or std::regex) quadratic or recursive.
    const size_t n = 200 * 1024;
    const std::vector<std::string> units = {"@",        "a@",    "a.",   "4 ",   "4-",
                                            "eyJ",      "eyJ.",  ":",    "1.",   "bearer ",
                                            "Bearer a", "tok:a", "::1:", "1111 "};
    DetectorSet all;
    all.ip = true;
    for (const std::string& u : units) {
        std::string text;
        while (text.size() < n)
            text += u;
        std::vector<ValueMatch> m;
        detectValues(text, all, m);
        SUCCEED() << u;
    }
}

// ---------------------------------------------------------------------------------------------
// Key rules

struct KeyCase {
    const char* key;
    json value;
    const char* kind;
    size_t rule;  // index in the default rules
};

TEST(RedactKeys, EachDefaultRule) {
    const std::vector<KeyCase> cases = {
        {"user.email", "alice@example.com", "email", 0},
        {"enduser.id", "u-123", "user", 1},
        {"db.password", "hunter2", "secret", 2},
        {"mysql.passwd", "hunter2", "secret", 3},
        {"oauth.client_secret", "s3cr3t", "secret", 4},
        {"session.token", "abc", "secret", 5},
        {"stripe.api_key", "sk_live_1", "secret", 6},
        {"x.apikey", "k", "secret", 7},
        {"authorization", "Basic dXNlcjpwYXNz", "secret", 8},
        {"grpc.authorization", "Basic dXNlcjpwYXNz", "secret", 9},
        {"cookie", "sid=1", "secret", 10},
        {"set-cookie", "sid=1; HttpOnly", "secret", 11},
        {"http.cookie", "sid=1", "secret", 12},
        {"payment.card.number", 4111111111111111LL, "card", 13},
        {"http.request.header.x-forwarded-for", json::array({"203.0.113.7"}), "header", 14},
        {"http.response.header.set-cookie", "sid=2", "secret", 15},
    };
    const RedactionRules rules = RedactionRules::defaults();
    ASSERT_EQ(rules.denyKeys.size(), cases.size());
    Redactor r(rules, kKey);
    for (const KeyCase& c : cases) {
        json v = c.value;
        r.redactAttribute(c.key, v);
        ASSERT_TRUE(v.is_string()) << c.key;
        EXPECT_TRUE(isTokenOfKind(v.get<std::string>(), c.kind)) << c.key << " → " << v;
        const std::string original =
            c.value.is_string() ? c.value.get<std::string>() : c.value.dump();
        EXPECT_EQ(r.tokens().at(v.get<std::string>()), original) << c.key;
    }
    const std::vector<RedactionCount> counts = r.counts();
    for (const KeyCase& c : cases) {
        EXPECT_EQ(counts[c.rule].rule, "key:" + rules.denyKeys[c.rule].pattern);
        EXPECT_EQ(counts[c.rule].count, 1u) << c.key;
    }
}

TEST(RedactKeys, PatternsIgnoreCaseAndMatchTheWholeKey) {
    Redactor r(RedactionRules::defaults(), kKey);
    for (const char* key : {"DB.PASSWORD", "Authorization", "User.Email",
                            "HTTP.Request.Header.Accept", "Set-Cookie", "Payment.Card.Expiry"}) {
        json v = "some value";
        r.redactAttribute(key, v);
        EXPECT_TRUE(Redactor::isToken(v.get<std::string>())) << key;
    }
    // Whole-key matches: these only contain a rule's literal text.
    for (const char* key : {"authorization.scheme", "user.email.verified", "cookies_enabled",
                            "xuser.email", "payment.amount"}) {
        json v = "kept";
        r.redactAttribute(key, v);
        EXPECT_EQ(v, "kept") << key;
    }
}

TEST(RedactKeys, StringsOnlyLetsNumbersAndBooleansThrough) {
    Redactor r(RedactionRules::defaults(), kKey);
    json tokens = 42;
    r.redactAttribute("gen_ai.usage.input_tokens", tokens);
    EXPECT_EQ(tokens, 42);
    json flag = true;
    r.redactAttribute("token.cached", flag);
    EXPECT_EQ(flag, true);
    json access = "ya29.a0AfH6SM";
    r.redactAttribute("oauth.access_token", access);
    EXPECT_TRUE(isTokenOfKind(access.get<std::string>(), "secret"));
    // An array under a strings-only key: its strings are redacted, its numbers kept.
    json list = json::array({"t1", 7, "t2"});
    r.redactAttribute("auth.tokens", list);
    EXPECT_TRUE(isTokenOfKind(list[0].get<std::string>(), "secret"));
    EXPECT_EQ(list[1], 7);
    EXPECT_TRUE(isTokenOfKind(list[2].get<std::string>(), "secret"));
    EXPECT_EQ(countOf(r, "key:*token*"), 3u);
    // A rule without stringsOnly takes any type.
    json pw = 1234;
    r.redactAttribute("db.password", pw);
    EXPECT_TRUE(isTokenOfKind(pw.get<std::string>(), "secret"));
}

TEST(RedactKeys, NonStringValuesAreTokenisedAsTheirJsonText) {
    Redactor r(RedactionRules::defaults(), kKey);
    json asNumber = 4111111111111111LL;
    json asString = "4111111111111111";
    r.redactAttribute("payment.card.number", asNumber);
    r.redactAttribute("payment.card.number", asString);
    EXPECT_EQ(asNumber, asString);
    // The card detector in free text gives the same token for the same number.
    EXPECT_EQ(r.redactText("paid with 4111111111111111"),
              "paid with " + asString.get<std::string>());
    json obj = {{"user", "bob"}, {"pin", 1234}};
    r.redactAttribute("db.password", obj);
    ASSERT_TRUE(obj.is_string());
    EXPECT_EQ(r.tokens().at(obj.get<std::string>()), R"({"pin":1234,"user":"bob"})");
}

TEST(RedactKeys, NestedMapsAndArraysAreWalked) {
    Redactor r(RedactionRules::defaults(), kKey);
    json v = json::parse(R"({
        "headers": {"Authorization": "Basic dXNlcjpwYXNz", "accept": "text/html"},
        "email": "bob@example.com",
        "items": [{"password": "p1", "name": "ok"}, "plain", ["alice@example.com"]],
        "count": 3
    })");
    r.redactAttribute("user", v);
    EXPECT_TRUE(isTokenOfKind(v["headers"]["Authorization"].get<std::string>(), "secret"));
    EXPECT_EQ(v["headers"]["accept"], "text/html");
    // "user" + "email" is the path user.email: the key rule, kind email.
    EXPECT_TRUE(isTokenOfKind(v["email"].get<std::string>(), "email"));
    EXPECT_TRUE(isTokenOfKind(v["items"][0]["password"].get<std::string>(), "secret"));
    EXPECT_EQ(v["items"][0]["name"], "ok");
    EXPECT_EQ(v["items"][1], "plain");
    EXPECT_TRUE(isTokenOfKind(v["items"][2][0].get<std::string>(), "email"));
    EXPECT_EQ(v["count"], 3);
    EXPECT_EQ(countOf(r, "key:authorization"), 1u);
    EXPECT_EQ(countOf(r, "key:user.email"), 1u);
    EXPECT_EQ(countOf(r, "key:*password*"), 1u);
    EXPECT_EQ(countOf(r, "value:email"), 1u);
}

TEST(RedactKeys, PrivateMapKeysAreRenamed) {
    Redactor r(RedactionRules::defaults(), kKey);
    json v = {{"alice@example.com", "sent"}, {"status", "ok"}};
    r.redactAttribute("mail.recipients", v);
    EXPECT_FALSE(v.contains("alice@example.com"));
    EXPECT_EQ(v.size(), 2u);
    EXPECT_EQ(v["status"], "ok");
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() != "status") {
            EXPECT_TRUE(isTokenOfKind(it.key(), "email")) << it.key();
        }
    }
}

TEST(RedactKeys, DetectorsRunOnStringsThatNoRuleTakes) {
    Redactor r(RedactionRules::defaults(), kKey);
    json v = "login failed for alice@example.com from 10.1.2.3";
    r.redactAttribute("exception.message", v);
    const std::string s = v.get<std::string>();
    EXPECT_EQ(s.rfind("login failed for tok:email:", 0), 0u) << s;
    EXPECT_NE(s.find(" from 10.1.2.3"), std::string::npos) << s;  // IP is opt-in
}

// ---------------------------------------------------------------------------------------------
// Free text

TEST(RedactText, OnlyTheMatchedPartChanges) {
    Redactor r(RedactionRules::defaults(), kKey);
    const std::string out = r.redactText(
        "user alice@example.com paid 4111 1111 1111 1111 with Authorization: Bearer "
        "abc123def456ghi at 10.0.0.1");
    const std::string email = r.redactText("alice@example.com");
    const std::string card = r.redactText("4111 1111 1111 1111");
    EXPECT_TRUE(isTokenOfKind(email, "email"));
    EXPECT_TRUE(isTokenOfKind(card, "card"));
    const std::string bearer = r.redactText("Bearer abc123def456ghi").substr(7);
    EXPECT_TRUE(isTokenOfKind(bearer, "secret"));
    EXPECT_EQ(out, "user " + email + " paid " + card + " with Authorization: Bearer " + bearer +
                       " at 10.0.0.1");
}

TEST(RedactText, IpOnlyWhenOptedIn) {
    RedactionRules rules = RedactionRules::defaults();
    Redactor off(rules, kKey);
    EXPECT_EQ(off.redactText("version 1.2.3.4 on 10.0.0.1"), "version 1.2.3.4 on 10.0.0.1");
    rules.detectIp = true;
    Redactor on(rules, kKey);
    const std::string out = on.redactText("version 1.2.3.4 on 10.0.0.1 and 999.1.1.1");
    EXPECT_EQ(out.find("1.2.3.4"), std::string::npos);
    EXPECT_EQ(out.find("10.0.0.1"), std::string::npos);
    EXPECT_NE(out.find("999.1.1.1"), std::string::npos);
    EXPECT_EQ(countOf(on, "value:ip"), 2u);
}

TEST(RedactText, JwtInsideAUrl) {
    Redactor r(RedactionRules::defaults(), kKey);
    const std::string url = std::string("https://app.example.com/cb?id_token=") + kJwt + "&s=1";
    const std::string out = r.redactText(url);
    const std::string prefix = "https://app.example.com/cb?id_token=tok:jwt:";
    ASSERT_EQ(out.rfind(prefix, 0), 0u) << out;
    EXPECT_EQ(out.substr(prefix.size() + 12), "&s=1");
    EXPECT_EQ(countOf(r, "value:jwt"), 1u);
}

TEST(RedactText, DisabledDetectorsDoNothing) {
    RedactionRules rules = RedactionRules::defaults();
    rules.detectEmail = rules.detectCard = rules.detectBearer = rules.detectJwt = false;
    Redactor r(rules, kKey);
    const std::string text =
        std::string("alice@example.com 4111111111111111 Bearer abc123def456 ") + kJwt;
    EXPECT_EQ(r.redactText(text), text);
    EXPECT_EQ(r.counts().size(), rules.denyKeys.size());
}

TEST(RedactText, LargeStackTraceWithAnEmailAtTheEnd) {
    std::string text;
    int frame = 0;
    while (text.size() < 200 * 1024)
        text += "  at com.example.shop.CheckoutService.reserve(CheckoutService.java:" +
                std::to_string(++frame) + ") [trace 4bf92f3577b34da6a3ce929d0e0e4736]\n";
    text += "caused by: quota exceeded for alice@example.com";
    Redactor r(RedactionRules::defaults(), kKey);
    const std::string out = r.redactText(text);
    EXPECT_EQ(out.size(), text.size() - std::string("alice@example.com").size() + 22);
    EXPECT_TRUE(isTokenOfKind(out.substr(out.size() - 22), "email"));
    EXPECT_EQ(totalCount(r), 1u);
}

// ---------------------------------------------------------------------------------------------
// Tokens

TEST(RedactTokens, TokenIsTheTop48BitsOfTheKeyedHash) {
    Redactor r(RedactionRules::defaults(), kKey);
    json v = "hunter2";
    r.redactAttribute("db.password", v);
    const uint64_t h = sipHash24(kKey.k0, kKey.k1, std::string("secret\0hunter2", 14));
    char hex[13];
    std::snprintf(hex, sizeof hex, "%012llx", static_cast<unsigned long long>(h >> 16));
    EXPECT_EQ(v, std::string("tok:secret:") + hex);
}

TEST(RedactTokens, SameValueSameTokenOtherwiseDifferent) {
    Redactor r(RedactionRules::defaults(), kKey);
    json a = "hunter2", b = "hunter2", c = "hunter3", d = "hunter2";
    r.redactAttribute("db.password", a);
    r.redactAttribute("ldap.password", b);
    r.redactAttribute("db.password", c);
    r.redactAttribute("user.email", d);  // same value, other kind
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_NE(a, d);
    EXPECT_TRUE(isTokenOfKind(d.get<std::string>(), "email"));
    EXPECT_EQ(r.tokens().size(), 3u);
    // Another token key gives other tokens for the same values.
    Redactor other(RedactionRules::defaults(), TokenKey{1, 2});
    json e = "hunter2";
    other.redactAttribute("db.password", e);
    EXPECT_NE(a, e);
    // Free text and key rules share tokens for the same kind and value.
    json f = "alice@example.com";
    r.redactAttribute("user.email", f);
    EXPECT_EQ(r.redactText("alice@example.com"), f.get<std::string>());
}

TEST(RedactTokens, TokeniseOffWritesPlaceholders) {
    RedactionRules rules = RedactionRules::defaults();
    rules.tokenise = false;
    Redactor r(rules, kKey);
    json v = "hunter2";
    r.redactAttribute("db.password", v);
    EXPECT_EQ(v, "[redacted:secret]");
    EXPECT_EQ(r.redactText("mail alice@example.com, Bearer abc123def456"),
              "mail [redacted:email], Bearer [redacted:secret]");
    EXPECT_TRUE(r.tokens().empty());
    EXPECT_EQ(countOf(r, "key:*password*"), 1u);
    EXPECT_EQ(countOf(r, "value:email"), 1u);
    EXPECT_EQ(countOf(r, "value:bearer"), 1u);
}

TEST(RedactTokens, CollidingTokensGetSixteenHexDigits) {
    // Found offline: under kKey, "secret\0pw-8760761" and "secret\0pw-22665699" share the top
    // 48 bits of their SipHash (0820c929b374).
    const std::string first = "pw-8760761", second = "pw-22665699";
    Redactor r(RedactionRules::defaults(), kKey);
    json a = first, b = second;
    r.redactAttribute("db.password", a);
    r.redactAttribute("db.password", b);
    EXPECT_EQ(a, "tok:secret:0820c929b374");
    const std::string bt = b.get<std::string>();
    ASSERT_EQ(bt.size(), a.get<std::string>().size() + 4) << bt;
    EXPECT_EQ(bt.rfind("tok:secret:0820c929b374", 0), 0u);
    EXPECT_TRUE(Redactor::isToken(bt));
    EXPECT_EQ(r.tokens().at(a.get<std::string>()), first);
    EXPECT_EQ(r.tokens().at(bt), second);
    // Stable within the redactor; the earlier value keeps the short one.
    json again = second;
    r.redactAttribute("db.password", again);
    EXPECT_EQ(again, b);
    // In the other order, the other value is the one extended.
    Redactor swapped(RedactionRules::defaults(), kKey);
    json c = second, d = first;
    swapped.redactAttribute("db.password", c);
    swapped.redactAttribute("db.password", d);
    EXPECT_EQ(c, "tok:secret:0820c929b374");
    EXPECT_EQ(d.get<std::string>().size(), bt.size());
}

TEST(RedactTokens, RedactingRedactedOutputChangesNothing) {
    RedactionRules rules = RedactionRules::defaults();
    rules.detectIp = true;
    std::vector<std::pair<std::string, json>> attrs = {
        {"user.email", "alice@example.com"},
        {"payment.card.number", 4111111111111111LL},
        {"db.password", json::object({{"a", 1}})},
        {"message", std::string("mail bob@example.com card 4111-1111-1111-1111 Bearer "
                                "abc123def456 ") +
                        kJwt + " from 10.0.0.1 and 2001:db8::1."},
        {"request", json::parse(R"({"cookie": "sid=1", "to": ["carol@example.com"]})")},
    };
    std::vector<std::string> texts = {"plain text", "fail for dave@example.com.",
                                      "card 3782 822463 10005"};
    for (bool tokenise : {true, false}) {
        rules.tokenise = tokenise;
        Redactor first(rules, kKey);
        auto once = attrs;
        for (auto& [k, v] : once)
            first.redactAttribute(k, v);
        std::vector<std::string> textsOnce;
        for (const std::string& t : texts)
            textsOnce.push_back(first.redactText(t));
        EXPECT_GT(totalCount(first), 10u);

        Redactor second(rules, kKey);
        auto twice = once;
        for (auto& [k, v] : twice)
            second.redactAttribute(k, v);
        for (size_t i = 0; i < once.size(); ++i)
            EXPECT_EQ(twice[i].second, once[i].second) << once[i].first;
        for (const std::string& t : textsOnce)
            EXPECT_EQ(second.redactText(t), t);
        EXPECT_EQ(totalCount(second), 0u);
        EXPECT_TRUE(second.tokens().empty());
        // The same redactor again: nothing new either.
        const uint64_t before = totalCount(first);
        for (auto& [k, v] : twice)
            first.redactAttribute(k, v);
        EXPECT_EQ(totalCount(first), before);
    }
}

TEST(RedactTokens, TokenShapedValuesPassUncounted) {
    Redactor r(RedactionRules::defaults(), kKey);
    json v = "tok:email:0123456789ab";
    r.redactAttribute("user.email", v);
    EXPECT_EQ(v, "tok:email:0123456789ab");
    json p = "[redacted:secret]";
    r.redactAttribute("db.password", p);
    EXPECT_EQ(p, "[redacted:secret]");
    EXPECT_EQ(totalCount(r), 0u);
}

// ---------------------------------------------------------------------------------------------
// Allowlist mode

TEST(RedactAllowlist, OnlyAllowedKeysPass) {
    RedactionRules rules = RedactionRules::defaults();
    rules.mode = RedactionRules::Mode::Allowlist;
    rules.allowKeys = {"http.*", "service.name"};
    Redactor r(rules, kKey);
    json method = "GET";
    r.redactAttribute("HTTP.method", method);
    EXPECT_EQ(method, "GET");
    json name = "checkout";
    r.redactAttribute("service.name", name);
    EXPECT_EQ(name, "checkout");
    json stmt = "select * from users";
    r.redactAttribute("db.statement", stmt);
    EXPECT_TRUE(isTokenOfKind(stmt.get<std::string>(), "value"));
    json port = 5432;
    r.redactAttribute("net.peer.port", port);
    EXPECT_TRUE(isTokenOfKind(port.get<std::string>(), "value"));
    // Deny rules come first, even under an allowed pattern.
    json pw = "hunter2";
    r.redactAttribute("http.password", pw);
    EXPECT_TRUE(isTokenOfKind(pw.get<std::string>(), "secret"));
    json header = "text/html";
    r.redactAttribute("http.request.header.accept", header);
    EXPECT_TRUE(isTokenOfKind(header.get<std::string>(), "header"));
    // Detectors still run on allowed strings; an allowed map's contents are allowed.
    json url = "https://x.example.com/u/alice@example.com";
    r.redactAttribute("http.url", url);
    EXPECT_EQ(url.get<std::string>().rfind("https://x.example.com/u/tok:email:", 0), 0u);
    json nested = {{"route", "/cart"}, {"secret_key", "k"}};
    r.redactAttribute("http.extra", nested);
    EXPECT_EQ(nested["route"], "/cart");
    EXPECT_TRUE(isTokenOfKind(nested["secret_key"].get<std::string>(), "secret"));

    EXPECT_EQ(countOf(r, "allowlist"), 2u);
    EXPECT_EQ(countOf(r, "key:*password*"), 1u);
    EXPECT_EQ(countOf(r, "key:http.request.header.*"), 1u);
    EXPECT_EQ(countOf(r, "key:*secret*"), 1u);
    EXPECT_EQ(countOf(r, "value:email"), 1u);
    // Free text is not keyed: only detectors.
    EXPECT_EQ(r.redactText("select 1"), "select 1");
}

// ---------------------------------------------------------------------------------------------
// Counts

TEST(RedactCounts, EveryActiveRuleInOrderWithZeros) {
    const RedactionRules defaults = RedactionRules::defaults();
    Redactor r(defaults, kKey);
    std::vector<std::string> names;
    for (const RedactionCount& c : r.counts()) {
        names.push_back(c.rule);
        EXPECT_EQ(c.count, 0u);
    }
    const std::vector<std::string> expected = {"key:user.email",
                                               "key:enduser.*",
                                               "key:*password*",
                                               "key:*passwd*",
                                               "key:*secret*",
                                               "key:*token*",
                                               "key:*api_key*",
                                               "key:*apikey*",
                                               "key:authorization",
                                               "key:*.authorization",
                                               "key:cookie",
                                               "key:set-cookie",
                                               "key:*.cookie",
                                               "key:payment.card*",
                                               "key:http.request.header.*",
                                               "key:http.response.header.set-cookie",
                                               "value:email",
                                               "value:card",
                                               "value:bearer",
                                               "value:jwt"};
    EXPECT_EQ(names, expected);
    EXPECT_TRUE(defaults.detectEmail && defaults.detectCard && defaults.detectBearer &&
                defaults.detectJwt && !defaults.detectIp && defaults.tokenise);
    EXPECT_EQ(defaults.mode, RedactionRules::Mode::Denylist);

    RedactionRules rules;
    rules.mode = RedactionRules::Mode::Allowlist;
    rules.allowKeys = {"a"};
    rules.denyKeys = {{"x", "secret", false}};
    rules.detectEmail = false;
    rules.detectIp = true;
    Redactor a(rules, kKey);
    names.clear();
    for (const RedactionCount& c : a.counts())
        names.push_back(c.rule);
    EXPECT_EQ(names, (std::vector<std::string>{"key:x", "allowlist", "value:card", "value:bearer",
                                               "value:jwt", "value:ip"}));
}

// ---------------------------------------------------------------------------------------------
// The rules file

TEST(RedactRules, ParsesAFullFile) {
    std::string error;
    const auto rules = RedactionRules::parse(R"({
        "mode": "allowlist",
        "defaults": true,
        "deny": ["*ssn*", {"pattern": "customer.phone", "kind": "phone", "strings_only": true},
                 {"pattern": "*TOKEN*", "kind": "token"}],
        "allow": ["http.*", "db.system"],
        "detectors": {"email": false, "ip": true},
        "tokenise": false
    })",
                                             "rules.json", error);
    ASSERT_TRUE(rules) << error;
    EXPECT_EQ(rules->mode, RedactionRules::Mode::Allowlist);
    const size_t n = RedactionRules::defaults().denyKeys.size();
    ASSERT_EQ(rules->denyKeys.size(), n + 2);
    EXPECT_EQ(rules->denyKeys[n].pattern, "*ssn*");
    EXPECT_EQ(rules->denyKeys[n].kind, "secret");
    EXPECT_FALSE(rules->denyKeys[n].stringsOnly);
    EXPECT_EQ(rules->denyKeys[n + 1].pattern, "customer.phone");
    EXPECT_EQ(rules->denyKeys[n + 1].kind, "phone");
    EXPECT_TRUE(rules->denyKeys[n + 1].stringsOnly);
    // Same pattern as a default rule: replaced in place.
    EXPECT_EQ(rules->denyKeys[5].pattern, "*TOKEN*");
    EXPECT_EQ(rules->denyKeys[5].kind, "token");
    EXPECT_FALSE(rules->denyKeys[5].stringsOnly);
    EXPECT_EQ(rules->allowKeys, (std::vector<std::string>{"http.*", "db.system"}));
    EXPECT_FALSE(rules->detectEmail);
    EXPECT_TRUE(rules->detectCard);
    EXPECT_TRUE(rules->detectIp);
    EXPECT_FALSE(rules->tokenise);
}

TEST(RedactRules, EmptyObjectIsTheDefaultsAndDefaultsCanBeDropped) {
    std::string error;
    const auto empty = RedactionRules::parse("{}", "rules.json", error);
    ASSERT_TRUE(empty) << error;
    EXPECT_EQ(empty->denyKeys.size(), RedactionRules::defaults().denyKeys.size());
    EXPECT_TRUE(empty->tokenise);
    const auto own =
        RedactionRules::parse(R"({"defaults": false, "deny": ["x.*"]})", "rules.json", error);
    ASSERT_TRUE(own) << error;
    ASSERT_EQ(own->denyKeys.size(), 1u);
    EXPECT_EQ(own->denyKeys[0].pattern, "x.*");
    EXPECT_TRUE(own->detectEmail);  // detectors keep their defaults
}

TEST(RedactRules, ErrorsNameTheFileAndThePlace) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"mode": "allowlist"})",
         R"(rules.json: "allow": allowlist mode needs at least one pattern)"},
        {R"({"mode": "allowlist", "allow": []})",
         R"(rules.json: "allow": allowlist mode needs at least one pattern)"},
        {R"({"detectors": {"ipv4": true}})",
         R"(rules.json: "detectors.ipv4": unknown detector (known: email, card, bearer, jwt, ip))"},
        {R"({"colour": 1})",
         R"(rules.json: "colour": unknown key (known: mode, defaults, deny, allow, )"
         R"(detectors, tokenise))"},
        {R"({"mode": "strict"})", R"(rules.json: "mode": expected "denylist" or "allowlist")"},
        {R"({"mode": 1})", R"(rules.json: "mode": expected "denylist" or "allowlist")"},
        {R"({"defaults": "yes"})", R"(rules.json: "defaults": expected true or false, not string)"},
        {R"({"tokenise": 0})", R"(rules.json: "tokenise": expected true or false, not number)"},
        {R"({"deny": "*x*"})", R"(rules.json: "deny": expected an array, not string)"},
        {R"({"deny": ["a", ""]})", R"(rules.json: "deny[1]": empty pattern)"},
        {R"({"deny": [3]})",
         R"(rules.json: "deny[0]": expected a pattern string or an object, not number)"},
        {R"({"deny": [{"pattern": ""}]})", R"(rules.json: "deny[0].pattern": empty pattern)"},
        {R"({"deny": [{"kind": "secret"}]})", R"(rules.json: "deny[0]": missing "pattern")"},
        {R"({"deny": [{"pattern": "a", "kind": "Api-Key"}]})",
         R"(rules.json: "deny[0].kind": expected a kind of lowercase letters (a-z))"},
        {R"({"deny": [{"pattern": "a", "stringsOnly": true}]})",
         R"(rules.json: "deny[0].stringsOnly": unknown key (known: pattern, kind, strings_only))"},
        {R"({"deny": [{"pattern": "a", "strings_only": 1}]})",
         R"(rules.json: "deny[0].strings_only": expected true or false, not number)"},
        {R"({"allow": {"a": 1}})", R"(rules.json: "allow": expected an array, not object)"},
        {R"({"allow": ["a", 2]})",
         R"(rules.json: "allow[1]": expected a pattern string, not number)"},
        {R"({"allow": [""]})", R"(rules.json: "allow[0]": empty pattern)"},
        {R"({"detectors": []})", R"(rules.json: "detectors": expected an object, not array)"},
        {R"({"detectors": {"email": "no"}})",
         R"(rules.json: "detectors.email": expected true or false, not string)"},
        {R"([])", R"(rules.json: expected a JSON object at the top level, not array)"},
        {R"({"mode": "denylist",})", R"(rules.json: invalid JSON at byte 21)"},
        {"", R"(rules.json: invalid JSON at byte 1)"},
    };
    for (const auto& [text, message] : cases) {
        std::string error;
        EXPECT_FALSE(RedactionRules::parse(text, "rules.json", error)) << text;
        EXPECT_EQ(error, message) << text;
        EXPECT_EQ(error.find('\n'), std::string::npos);
    }
}

// ---------------------------------------------------------------------------------------------
// The token vault

class TokenVaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/rootline-vault-XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        dir_ = tmpl;
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::string dir_;
};

TEST_F(TokenVaultTest, SaveLoadRoundTripWithPrivatePermissions) {
    const std::string path = dir_ + "/nested/folder/redaction-tokens.json";
    TokenVault vault;
    vault.key = kKey;
    vault.tokens = {{"tok:email:0123456789ab", "alice@example.com"},
                    {"tok:secret:0123456789abcdef", "line\n\"quoted\" ünïcode"}};
    std::string error;
    ASSERT_TRUE(vault.save(path, error)) << error;
    struct stat st {};
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp." + std::to_string(getpid())));

    TokenVault loaded;
    ASSERT_TRUE(TokenVault::load(path, loaded, error)) << error;
    EXPECT_EQ(loaded.key.k0, kKey.k0);
    EXPECT_EQ(loaded.key.k1, kKey.k1);
    EXPECT_EQ(loaded.tokens, vault.tokens);

    // The file format: a 32-hex key and the token map.
    std::ifstream in(path);
    const json doc = json::parse(in);
    EXPECT_EQ(doc["key"], "0123456789abcdeffedcba9876543210");
    EXPECT_EQ(doc["tokens"]["tok:email:0123456789ab"], "alice@example.com");

    // Saving over a file that was readable by others leaves it 0600.
    ASSERT_EQ(chmod(path.c_str(), 0644), 0);
    loaded.merge({{"tok:ip:0123456789ab", "10.0.0.1"}});
    ASSERT_TRUE(loaded.save(path, error)) << error;
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    TokenVault again;
    ASSERT_TRUE(TokenVault::load(path, again, error)) << error;
    EXPECT_EQ(again.tokens.size(), 3u);
}

TEST_F(TokenVaultTest, MissingFileGivesAFreshKey) {
    TokenVault a, b;
    a.tokens = {{"tok:x:0123456789ab", "stale"}};
    std::string error;
    ASSERT_TRUE(TokenVault::load(dir_ + "/none.json", a, error)) << error;
    ASSERT_TRUE(TokenVault::load(dir_ + "/none.json", b, error)) << error;
    EXPECT_TRUE(a.tokens.empty());
    EXPECT_TRUE(a.key.k0 != 0 || a.key.k1 != 0);
    EXPECT_TRUE(a.key.k0 != b.key.k0 || a.key.k1 != b.key.k1);
    EXPECT_FALSE(std::filesystem::exists(dir_ + "/none.json"));  // load never writes
}

TEST_F(TokenVaultTest, DamagedFilesAreErrors) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{\"key\": ", "damaged token vault: invalid JSON at byte 9"},
        {"[]", "damaged token vault: expected a JSON object"},
        {R"({"tokens": {}})", "damaged token vault: \"key\" is not 32 hex digits"},
        {R"({"key": "0123", "tokens": {}})", "damaged token vault: \"key\" is not 32 hex digits"},
        {R"({"key": "0123456789abcdeffedcba987654321g", "tokens": {}})",
         "damaged token vault: \"key\" is not 32 hex digits"},
        {R"({"key": "0123456789abcdeffedcba9876543210", "tokens": []})",
         "damaged token vault: \"tokens\" is not an object"},
        {R"({"key": "0123456789abcdeffedcba9876543210", "tokens": {"tok:a:0123456789ab": 1}})",
         "damaged token vault: a token's value is not a string"},
    };
    const std::string path = dir_ + "/vault.json";
    for (const auto& [text, message] : cases) {
        std::ofstream(path, std::ios::trunc) << text;
        TokenVault v;
        std::string error;
        EXPECT_FALSE(TokenVault::load(path, v, error)) << text;
        EXPECT_EQ(error, path + ": " + message) << text;
    }
}

TEST_F(TokenVaultTest, MergeAddsAndReplaces) {
    TokenVault v;
    v.tokens = {{"tok:a:000000000001", "one"}, {"tok:a:000000000002", "two"}};
    v.merge({{"tok:a:000000000002", "two again"}, {"tok:a:000000000003", "three"}});
    EXPECT_EQ(v.tokens.size(), 3u);
    EXPECT_EQ(v.tokens["tok:a:000000000001"], "one");
    EXPECT_EQ(v.tokens["tok:a:000000000002"], "two again");
    EXPECT_EQ(v.tokens["tok:a:000000000003"], "three");
}

TEST_F(TokenVaultTest, DefaultPathFollowsXdgThenHome) {
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    const char* oldHome = std::getenv("HOME");
    const std::string savedXdg = oldXdg ? oldXdg : "";
    const std::string savedHome = oldHome ? oldHome : "";
    setenv("XDG_DATA_HOME", "/data/me", 1);
    setenv("HOME", "/home/me", 1);
    EXPECT_EQ(TokenVault::defaultPath(), "/data/me/Rootline/rootline/redaction-tokens.json");
    unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(TokenVault::defaultPath(),
              "/home/me/.local/share/Rootline/rootline/redaction-tokens.json");
    if (oldXdg) setenv("XDG_DATA_HOME", savedXdg.c_str(), 1);
    if (oldHome) {
        setenv("HOME", savedHome.c_str(), 1);
    } else {
        unsetenv("HOME");
    }
}

TEST_F(TokenVaultTest, RedactorTokensRoundTripThroughTheVault) {
    const std::string path = dir_ + "/redaction-tokens.json";
    TokenVault vault;
    std::string error;
    ASSERT_TRUE(TokenVault::load(path, vault, error)) << error;
    Redactor r(RedactionRules::defaults(), vault.key);
    const std::string out = r.redactText("ping alice@example.com");
    vault.merge(r.tokens());
    ASSERT_TRUE(vault.save(path, error)) << error;
    TokenVault loaded;
    ASSERT_TRUE(TokenVault::load(path, loaded, error)) << error;
    EXPECT_EQ(loaded.tokens.at(out.substr(5)), "alice@example.com");
    // The same key on the next run gives the same token.
    Redactor next(RedactionRules::defaults(), loaded.key);
    EXPECT_EQ(next.redactText("ping alice@example.com"), out);
}

}  // namespace
}  // namespace rootline
