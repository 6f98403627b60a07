#pragma once
// Free-text detectors for redaction: each finds the byte ranges of one kind of private value in
// a string (a span name, a log body, a 100 KB stack trace). All are single-pass scanners, linear
// in the text: no std::regex, no backtracking.
//   - e-mail: local@domain.tld, the domain with at least two labels and a TLD that starts with a
//     letter ("lodash@4.17.21" is not an address); trailing dots and hyphens are not part of it.
//   - card: 13–19 digits, alone or in groups separated by single spaces or dashes (first group
//     of four), Luhn-valid, starting with 2–6 (the card networks' first digits, which keeps
//     epoch timestamps out), and not part of a longer alphanumeric run (hex trace ids).
//   - bearer: the token after the word "Bearer" (any case) and spaces; the word stays. A token
//     has at least 8 characters and a digit, or at least 20 characters, so "Bearer
//     authentication failed" is left alone.
//   - JWT: three or more base64url segments joined by dots, the first starting with "eyJ".
//   - IP: IPv4 dotted quads with octets up to 255 (not inside a longer dotted run like
//     1.2.3.4.5), and IPv6 in full, compressed and IPv4-suffixed forms with at least one digit.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rootline {

// In the order redaction reports them; also the tie-break when two matches start together.
enum class ValueKind : uint8_t { Email, Card, Bearer, Jwt, Ip };

struct ValueMatch {
    size_t begin = 0;
    size_t end = 0;  // one past the last byte
    ValueKind kind = ValueKind::Email;
};

struct DetectorSet {
    bool email = true;
    bool card = true;
    bool bearer = true;
    bool jwt = true;
    bool ip = false;
};

// Each appends its matches, in text order and not overlapping each other.
void findEmails(std::string_view text, std::vector<ValueMatch>& out);
void findCardNumbers(std::string_view text, std::vector<ValueMatch>& out);
void findBearerTokens(std::string_view text, std::vector<ValueMatch>& out);
void findJwts(std::string_view text, std::vector<ValueMatch>& out);
void findIpAddresses(std::string_view text, std::vector<ValueMatch>& out);

// The Luhn check over a string of ASCII digits (false for anything else or an empty string).
bool luhnValid(std::string_view digits);

// Length of the redaction token ("tok:<kind>:<12 or 16 hex>" not followed by a letter or digit,
// or "[redacted:<kind>]") starting at `pos`, or 0 when there is none.
size_t tokenLengthAt(std::string_view text, size_t pos);

// Every enabled detector's matches in `out` (replacing its content), sorted and not
// overlapping: an earlier start wins, then the longer match, then the kind order above.
// Matches that overlap a redaction token already in the text are dropped.
void detectValues(std::string_view text, const DetectorSet& on, std::vector<ValueMatch>& out);

}  // namespace rootline
