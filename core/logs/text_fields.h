#pragma once
// The key=value fields a log line's text carries, for finding its trace id, span id, level and
// service: the members of a JSON-object body ({"traceId":"…","level":"error",…}), or the logfmt
// pairs in plain text (`level=error trace_id=abc msg="x y"`), which may sit among free words
// (`2024-05-01 ERROR payment failed trace_id=abc`).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rootline::logs {

using TextFields = std::vector<std::pair<std::string, std::string>>;

// In the order written. Only a JSON body's top-level members with a scalar value (strings as
// they are, numbers and booleans as JSON writes them); nested objects are not searched. Text that
// is neither gives the logfmt pairs it holds (none for prose).
TextFields textFields(std::string_view body);

}  // namespace rootline::logs
