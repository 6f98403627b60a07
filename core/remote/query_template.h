#pragma once
// The LogQL and PromQL templates of Loki and Prometheus connections, filled in for one trace.
//
//   ${traceId}   the trace id, 32 lowercase hex digits
//   ${spanId}    a span id, 16 lowercase hex digits ("" when the query is for the whole trace)
//   ${services}  the trace's services as one regular expression, for `label=~"${services}"`:
//                each name regex-escaped, joined by '|' (".+" when the trace has none)
//   ${service}   the first service, for `label="${service}"`
//   ${range}     a rate window for `rate(x[${range}])`, e.g. "1m"
//
// Every substituted value is escaped for a double-quoted LogQL/PromQL string, so a service
// name holding a quote or a backslash cannot end the string it is put in. An unknown ${name}
// stays as written, which the server then reports.

#include <string>
#include <string_view>
#include <vector>

namespace rootline::remote {

struct TemplateValues {
    std::string traceId;
    std::string spanId;
    std::vector<std::string> services;
    std::string range = "1m";
};

std::string expandQueryTemplate(std::string_view templ, const TemplateValues& values);

// "a.b" → "a\.b": RE2 metacharacters escaped (before the string escaping above).
std::string regexEscape(std::string_view text);

}  // namespace rootline::remote
