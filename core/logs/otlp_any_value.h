#pragma once
// OTLP/JSON AnyValue ({"stringValue":…}, {"intValue":"10"}, {"kvlistValue":{"values":[…]}}, …)
// as the text a log line shows: strings as they are, other scalars as JSON writes them, arrays
// and key-value lists as compact JSON. snake_case keys (string_value) are read too.

#include <nlohmann/json.hpp>
#include <string>

namespace rootline::logs {

// The value as plain JSON: {"kvlistValue":{"values":[{"key":"k","value":{"intValue":"1"}}]}}
// → {"k":1}. Bytes stay base64 strings; "NaN"/"Infinity" doubles stay strings; an empty or
// unknown value is null.
nlohmann::json anyValueJson(const nlohmann::json& value);

// The value as text: a string as it is, anything else as compact JSON ("" for null).
std::string anyValueText(const nlohmann::json& value);

}  // namespace rootline::logs
