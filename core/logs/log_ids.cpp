#include "logs/log_ids.h"

namespace rootline::logs {

namespace {

std::string paddedHex(std::string_view text, size_t digits) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty() || text.size() > digits) return {};
    std::string out(digits - text.size(), '0');
    bool zero = true;
    for (const char c : text) {
        if (c >= '0' && c <= '9')
            out += c;
        else if (c >= 'a' && c <= 'f')
            out += c;
        else if (c >= 'A' && c <= 'F')
            out += static_cast<char>(c - 'A' + 'a');
        else
            return {};
        zero = zero && c == '0';
    }
    return zero ? std::string() : out;
}

}  // namespace

std::string traceIdFromHex(std::string_view text) {
    return paddedHex(text, 32);
}

std::string spanIdFromHex(std::string_view text) {
    return paddedHex(text, 16);
}

}  // namespace rootline::logs
