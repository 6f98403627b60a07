#pragma once
// HTTP-dates (RFC 9110 §5.6.7) as servers send them in Retry-After. Parsed by hand so the result
// never depends on the process locale or time zone.

#include <chrono>
#include <optional>
#include <string_view>

namespace rootline::net {

// "Sun, 06 Nov 1994 08:49:37 GMT" (IMF-fixdate), and the two obsolete forms recipients must
// still accept: "Sunday, 06-Nov-94 08:49:37 GMT" (RFC 850) and "Sun Nov  6 08:49:37 1994"
// (asctime). Anything else, or an impossible date, gives nullopt.
std::optional<std::chrono::system_clock::time_point> parseHttpDate(std::string_view text);

}  // namespace rootline::net
