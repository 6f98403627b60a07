#pragma once
// Planting private values into a loaded trace, for the tracepack corpus test: the values a pack
// must never carry, in denylisted attribute keys and in free text (status messages, exception
// messages), each carrying a marker unique to the planted trace so that any leak, whole or in
// part, can be found in the pack's bytes.
//
// A loaded Trace and its Dictionary are const and shared, so planting copies both: a new
// Dictionary holding the same strings under the same ids (indexed strings interned again,
// appended ones appended), the same attribute store (its indexes may be frozen after loading:
// only appendPair/appendSet are used on it), and a copy of the trace pointing at it.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/trace.h"

namespace rootline::test {

// 16 digits starting with `first`, Luhn-valid, unique for each n < 10^14.
inline std::string luhnCardNumber(char first, uint64_t n) {
    std::string digits(1, first);
    const std::string num = std::to_string(n % 100000000000000ULL);
    digits += std::string(14 - num.size(), '0') + num;
    int sum = 0;
    bool twice = true;  // the check digit goes to the right: the digit before it is doubled
    for (size_t i = digits.size(); i-- > 0;) {
        int d = digits[i] - '0';
        if (twice) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    digits += static_cast<char>('0' + (10 - sum % 10) % 10);
    return digits;
}

// "4000 0000 0000 0127": groups of four separated by `sep`.
inline std::string groupedCard(const std::string& digits, char sep = ' ') {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && i % 4 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

inline std::string base64Url(std::string_view in) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3f];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
    return out;
}

// A real-shaped JWT (HS256 header, a payload naming `subject`, a made-up signature).
inline std::string plantedJwt(const std::string& subject, const std::string& marker) {
    const std::string header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const std::string payload =
        base64Url(R"({"sub":")" + subject + R"(","name":"Planted User","iat":1516239022})");
    return header + "." + payload + ".S1g" + marker + "_xQ9-kZbW7dPq3LmN";
}

struct PlantedSecrets {
    std::shared_ptr<const Dictionary> dict;
    std::shared_ptr<const Trace> trace;
    std::string marker;  // in every planted value but the card numbers
    // Every value that must not appear in a pack, with distinctive parts (an e-mail's local
    // part, a JWT's payload and signature, a card number without separators).
    std::vector<std::string> secrets;
    std::set<uint32_t> planted;        // span indices given planted attributes and messages
    std::set<uint32_t> withException;  // span indices given a planted exception event
};

// Plants into a copy of `t`: every span of `spans` gets the planted attributes (appended to its
// own) and the planted status message; every span of `exceptionSpans` also gets an exception
// event whose message holds an e-mail address and a bare JWT. Every span of `renamed` has an
// e-mail address appended to its name (healthy spans end up in collapsed summaries by name),
// and the resource of the first span of `spans` gets an e-mail in a resource attribute. `n`
// makes the values unique.
inline PlantedSecrets plantSecrets(const Trace& t, const std::set<uint32_t>& spans,
                                   const std::set<uint32_t>& exceptionSpans,
                                   const std::set<uint32_t>& renamed, uint64_t n) {
    PlantedSecrets out;
    char buf[32];
    std::snprintf(buf, sizeof buf, "qz%06llu", static_cast<unsigned long long>(n));
    const std::string u = buf;
    out.marker = u;

    // ---- the dictionary, copied id for id ----
    const Dictionary& old = *t.dict;
    auto dict = std::make_shared<Dictionary>();
    for (StrId id = 1; id < old.strings.size(); ++id) {
        const std::string_view text = old.strings.view(id);
        const bool indexed = old.strings.find(text) == id;
        const StrId copy = indexed ? dict->strings.intern(text) : dict->strings.append(text);
        if (copy != id) throw std::logic_error("plantSecrets: string ids moved while copying");
    }
    dict->attrs = old.attrs;
    dict->resources = old.resources;
    dict->scopes = old.scopes;

    auto pair = [&](std::string_view key, const std::string& value) {
        return dict->attrs.appendPair(
            {dict->strings.intern(key), Value::string(dict->strings.append(value))});
    };

    // ---- the values ----
    const std::string password = "hunter2-" + u;
    const std::string opaqueToken = "sk_live_" + u + "Zx9wQ";
    const std::string session = "sess-" + u + "-7f3a";
    const std::string ownerLocal = "owner." + u;
    const std::string ownerEmail = ownerLocal + "@example.org";
    const std::string cardDigits = luhnCardNumber('4', 1000 + n);
    const std::string card = groupedCard(cardDigits);
    const std::string enduser = "enduser-" + u;
    const std::string noteLocal = "note." + u;
    const std::string note = "call back " + noteLocal + "@example.net before noon";
    const std::string buyerLocal = "buyer." + u;
    const std::string payCardDigits = luhnCardNumber('5', 5000 + n);
    const std::string payCard = groupedCard(payCardDigits);
    const std::string jwt1 = plantedJwt("bearer-" + u, u + "a");
    const std::string status = "payment failed for " + buyerLocal + "@example.com using card " +
                               payCard + " with Bearer " + jwt1;
    const std::string opsLocal = "ops." + u;
    const std::string jwt2 = plantedJwt("exception-" + u, u + "b");
    const std::string exceptionMessage =
        "could not notify " + opsLocal + "@example.com: token " + jwt2 + " was rejected";

    const std::vector<PairId> plantedPairs = {
        pair("user.password", password),
        pair("http.request.header.authorization", "Bearer " + opaqueToken),
        pair("http.request.header.x-session", session),
        pair("user.email", ownerEmail),
        pair("payment.card.number", card),
        pair("enduser.id", enduser),
        pair("app.note", note),
    };
    const StrId statusId = dict->strings.append(status);
    const StrId exceptionName = dict->strings.intern("exception");
    const AttrSetId exceptionAttrs = dict->attrs.appendSet(std::vector<PairId>{
        pair("exception.type", "PlantedError"),
        pair("exception.message", exceptionMessage),
    });

    auto segments = [](const std::string& jwt) {
        std::vector<std::string> parts;
        size_t start = 0;
        for (size_t dot = jwt.find('.'); dot != std::string::npos; dot = jwt.find('.', start)) {
            parts.push_back(jwt.substr(start, dot - start));
            start = dot + 1;
        }
        parts.push_back(jwt.substr(start));
        return std::vector<std::string>(parts.begin() + 1, parts.end());  // not the header
    };
    const std::string nameLocal = "named." + u;
    const std::string ownerOfService = "svc." + u + "@example.net";
    const std::string serviceLocal = "svc." + u;

    out.secrets = {u,          password, opaqueToken, session,    ownerEmail, ownerLocal,    card,
                   cardDigits, enduser,  noteLocal,   buyerLocal, payCard,    payCardDigits, jwt1,
                   opsLocal,   jwt2};
    // The payload and signature of each JWT, and the payload's first 24 characters (they
    // encode the subject): a JWT cut short is no longer three segments for the detector.
    for (const std::string& jwt : {jwt1, jwt2})
        for (const std::string& s : segments(jwt)) {
            out.secrets.push_back(s);
            if (s.size() > 24) out.secrets.push_back(s.substr(0, 24));
        }

    // ---- the trace ----
    auto trace = std::make_shared<Trace>(t);
    trace->dict = dict;
    trace->tracepack.reset();
    for (uint32_t i : spans) {
        if (i >= trace->spanCount()) continue;
        std::vector<PairId> pairs(old.attrs.set(t.attrs[i]).begin(),
                                  old.attrs.set(t.attrs[i]).end());
        pairs.insert(pairs.end(), plantedPairs.begin(), plantedPairs.end());
        trace->attrs[i] = dict->attrs.appendSet(pairs);
        trace->statusMessage[i] = statusId;
        out.planted.insert(i);
    }
    // Exception events: inserted after the span's own events (CSR: later offsets shift by one).
    for (auto it = exceptionSpans.rbegin(); it != exceptionSpans.rend(); ++it) {
        const uint32_t i = *it;
        if (i >= trace->spanCount()) continue;
        Event e;
        e.timeNs = trace->start[i] + (trace->duration[i] > 0 ? trace->duration[i] / 2 : 0);
        e.name = exceptionName;
        e.attrs = exceptionAttrs;
        trace->events.insert(trace->events.begin() + trace->eventOffset[i + 1], e);
        for (size_t j = i + 1; j < trace->eventOffset.size(); ++j)
            ++trace->eventOffset[j];
        out.withException.insert(i);
    }
    for (uint32_t i : renamed) {
        if (i >= trace->spanCount()) continue;
        trace->name[i] = dict->strings.append(std::string(old.str(t.name[i])) + " for " +
                                              nameLocal + "@example.com");
    }
    if (!spans.empty() && *spans.begin() < trace->spanCount()) {
        Resource& r = dict->resources[trace->resource[*spans.begin()]];
        std::vector<PairId> pairs(old.attrs.set(r.attrs).begin(), old.attrs.set(r.attrs).end());
        pairs.push_back(pair("service.owner", "owner " + ownerOfService));
        r.attrs = dict->attrs.appendSet(pairs);
    }
    out.secrets.insert(out.secrets.end(), {nameLocal, serviceLocal});
    out.dict = dict;
    out.trace = trace;
    return out;
}

}  // namespace rootline::test
