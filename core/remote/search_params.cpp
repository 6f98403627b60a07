#include "remote/search_params.h"

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace rootline::remote {

namespace {

constexpr int64_t kHourUs = int64_t(3600) * 1000000;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

std::string queryString(const QueryParams& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        if (!out.empty()) out += '&';
        out += urlEncode(name);
        out += '=';
        out += urlEncode(value);
    }
    return out;
}

TimeRange resolveTimeRange(const SearchQuery& query, int64_t nowUs) {
    TimeRange range{query.startUnixUs, query.endUnixUs};
    if (range.endUs <= 0) range.endUs = nowUs;
    if (range.startUs <= 0) range.startUs = range.endUs - kHourUs;
    return range;
}

int64_t nowUnixUs() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::string rfc3339Nano(int64_t unixUs) {
    int64_t seconds = unixUs / 1000000;
    int64_t micros = unixUs % 1000000;
    if (micros < 0) {
        micros += 1000000;
        seconds -= 1;
    }
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%06" PRId64 "000Z",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  micros);
    return buffer;
}

bool parseLogfmt(std::string_view text, std::vector<std::pair<std::string, std::string>>& out,
                 std::string& error) {
    out.clear();
    size_t i = 0;
    const size_t n = text.size();
    while (true) {
        while (i < n && isSpace(text[i]))
            ++i;
        if (i >= n) return true;
        const size_t keyStart = i;
        while (i < n && text[i] != '=' && !isSpace(text[i]))
            ++i;
        std::string key(text.substr(keyStart, i - keyStart));
        if (i >= n || text[i] != '=' || key.empty()) {
            error = key.empty() ? "tags must be key=value pairs: a value has no key"
                                : "tags must be key=value pairs: '" + key + "' has no value";
            return false;
        }
        ++i;  // '='
        std::string value;
        if (i < n && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = text[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < n) {
                    value += text[i++];
                    continue;
                }
                value += c;
            }
            if (!closed) {
                error = "tags: the quoted value of '" + key + "' is not closed";
                return false;
            }
        } else {
            const size_t valueStart = i;
            while (i < n && !isSpace(text[i]))
                ++i;
            value = text.substr(valueStart, i - valueStart);
        }
        out.emplace_back(std::move(key), std::move(value));
    }
}

std::string tagsJson(const std::vector<std::pair<std::string, std::string>>& tags) {
    nlohmann::json map = nlohmann::json::object();
    for (const auto& [key, value] : tags)
        map[key] = value;
    // Invalid UTF-8 typed by the user is replaced rather than thrown on.
    return map.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rootline::remote
