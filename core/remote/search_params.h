#pragma once
// Private to core/remote: turning a SearchQuery into what the servers' search routes take.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "remote/trace_source.h"

namespace rootline::remote {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=x%20y": names and values percent-encoded; parameters with an empty value are left out
// (the servers read an empty value as a value, not as "no filter").
std::string queryString(const QueryParams& params);

struct TimeRange {
    int64_t startUs = 0;
    int64_t endUs = 0;
};
// The query's range in µs since the epoch; 0 and 0 mean the hour before `nowUs`, a missing end
// means now and a missing start an hour before the end.
TimeRange resolveTimeRange(const SearchQuery& query, int64_t nowUs);
int64_t nowUnixUs();

// RFC 3339 in UTC with nanoseconds, as Jaeger's api_v3 wants: "2024-05-01T12:00:00.000001000Z".
std::string rfc3339Nano(int64_t unixUs);

// Jaeger UI's tag filter, logfmt: `error=true http.status_code=500 msg="a b"`. Values may be
// quoted ("…" with \" and \\ escapes). False with a one-line error for a pair without '=' or
// an unclosed quote.
bool parseLogfmt(std::string_view text, std::vector<std::pair<std::string, std::string>>& out,
                 std::string& error);

// {"error":"true","http.status_code":"500"}: the tags map of both Jaeger APIs.
std::string tagsJson(const std::vector<std::pair<std::string, std::string>>& tags);

}  // namespace rootline::remote
