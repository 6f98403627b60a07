#pragma once
// Lenient reading of JSON values from a simdjson DOM.
//
// Real trace files break their own schemas: numbers arrive as strings ("1485467191639875000"),
// booleans as "true", int64 tags above 2^53 as strings, ids as numbers. These helpers read a
// value whatever JSON type it has and say whether it could be read, so importers can keep going
// and attach a warning instead of rejecting the file.

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rootline::json {

using Element = simdjson::dom::element;
using ElementType = simdjson::dom::element_type;

// A scalar read from the document. `text` points into the parser's buffers (valid while the
// parsed document lives) or, for objects/arrays, into `owned`.
struct Scalar {
    enum class Kind : uint8_t { Null, String, Int, UInt, Double, Bool, Raw } kind = Kind::Null;
    std::string_view text;  // String: unescaped; Raw: compact JSON of an object/array
    int64_t i = 0;
    uint64_t u = 0;
    double d = 0;
    bool b = false;
    std::string owned;
};

// Scalars are decoded; objects and arrays become Kind::Raw with their compact JSON text.
Scalar capture(Element e);

std::optional<int64_t> toInt(const Scalar& s);
std::optional<double> toDouble(const Scalar& s);
std::optional<bool> toBool(const Scalar& s);
// Strings as they are, numbers and booleans as their JSON text, null as "".
std::string_view toText(const Scalar& s);

// The text of a string element; for other scalars their JSON text; "" for null/containers.
std::string_view text(Element e);
std::optional<int64_t> integer(Element e);
// A timestamp or duration: an integer that fits int64 exactly (a number or a decimal string).
// Unlike integer(), values above INT64_MAX are refused rather than wrapped.
std::optional<int64_t> timeValue(Element e);

// By value: `for (auto kv : json::objectOf(e))` would iterate a reference into a
// temporary destroyed before the loop body runs.
// Callers check the type first; on a mismatch the result is a default (empty) handle.
inline simdjson::dom::object objectOf(Element e) {
    simdjson::dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) return {};
    return o;
}
inline simdjson::dom::array arrayOf(Element e) {
    simdjson::dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS) return {};
    return a;
}

inline bool isArray(Element e) {
    return e.type() == ElementType::ARRAY;
}
inline bool isObject(Element e) {
    return e.type() == ElementType::OBJECT;
}

// "a string", "a number", … for messages.
const char* typeName(ElementType type);

}  // namespace rootline::json
