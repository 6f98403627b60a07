// When a response may be retried and how long the server asks us to wait.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

#include "net/http_client.h"
#include "net/http_date.h"

namespace rootline::net {

namespace {

using std::chrono::milliseconds;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Far beyond any sensible cap (about 31 years), and small enough for milliseconds' int64.
constexpr double kLongestWaitMs = 1e12;

// "2", "1.5", ".5": digits with at most one point. No sign, exponent, "inf" or "nan", which
// from_chars would otherwise accept.
std::optional<double> parseDecimal(std::string_view text) {
    text = trim(text);
    int digits = 0, points = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == '.' && points == 0)
            ++points;
        else
            return std::nullopt;
    }
    if (digits == 0) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) return kLongestWaitMs;  // hundreds of digits
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Rounded up, so that a positive wait never becomes zero.
std::optional<milliseconds> positiveWait(double ms) {
    if (!(ms > 0)) return std::nullopt;
    return milliseconds(static_cast<int64_t>(std::ceil(std::min(ms, kLongestWaitMs))));
}

}  // namespace

std::optional<milliseconds> retryAfter(const HttpResponse& response,
                                       std::chrono::system_clock::time_point now) {
    // A header that is present but unusable gives way to the next one rather than hiding it.
    if (const auto ms = parseDecimal(response.header("retry-after-ms")))
        if (const auto wait = positiveWait(*ms)) return wait;
    const std::string value = response.header("retry-after");
    if (const auto seconds = parseDecimal(value)) return positiveWait(*seconds * 1000.0);
    if (const auto date = parseHttpDate(value)) {
        const auto ahead = std::chrono::duration<double, std::milli>(*date - now);
        return positiveWait(ahead.count());
    }
    return std::nullopt;
}

bool defaultRetryable(const HttpResponse& response) {
    // OpenAI and Anthropic send x-should-retry to overrule the status either way.
    const std::string force = response.header("x-should-retry");
    if (equalsNoCase(trim(force), "true")) return true;
    if (equalsNoCase(trim(force), "false")) return false;
    const long s = response.status;
    return s == 408 || s == 409 || s == 429 || s >= 500;
}

}  // namespace rootline::net
