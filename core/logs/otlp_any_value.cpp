#include "logs/otlp_any_value.h"

#include <charconv>

namespace rootline::logs {

namespace {

using nlohmann::json;

// Deeper values are shown as they came: a hostile file must not recurse without end.
constexpr int kMaxDepth = 64;

const json* field(const json& object, const char* camel, const char* snake) {
    if (!object.is_object()) return nullptr;
    if (auto it = object.find(camel); it != object.end()) return &*it;
    if (auto it = object.find(snake); it != object.end()) return &*it;
    return nullptr;
}

json intJson(const json& v) {
    if (v.is_number()) return v;
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        int64_t n = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc{} && end == s.data() + s.size()) return n;
    }
    return v;  // not a number after all: shown as sent
}

json convert(const json& value, int depth) {
    if (!value.is_object()) return value;  // already plain (a lenient producer)
    if (depth > kMaxDepth) return value;
    if (const json* v = field(value, "stringValue", "string_value")) return *v;
    if (const json* v = field(value, "boolValue", "bool_value")) return *v;
    if (const json* v = field(value, "intValue", "int_value")) return intJson(*v);
    if (const json* v = field(value, "doubleValue", "double_value")) return *v;
    if (const json* v = field(value, "bytesValue", "bytes_value")) return *v;
    if (const json* v = field(value, "arrayValue", "array_value")) {
        json out = json::array();
        if (const json* values = field(*v, "values", "values"); values && values->is_array())
            for (const json& item : *values)
                out.push_back(convert(item, depth + 1));
        return out;
    }
    if (const json* v = field(value, "kvlistValue", "kvlist_value")) {
        json out = json::object();
        if (const json* values = field(*v, "values", "values"); values && values->is_array())
            for (const json& kv : *values) {
                const json* key = field(kv, "key", "key");
                if (!key || !key->is_string()) continue;
                const json* inner = field(kv, "value", "value");
                out[key->get<std::string>()] = inner ? convert(*inner, depth + 1) : json();
            }
        return out;
    }
    return nullptr;
}

}  // namespace

json anyValueJson(const json& value) {
    return convert(value, 0);
}

std::string anyValueText(const json& value) {
    const json plain = anyValueJson(value);
    if (plain.is_string()) return plain.get<std::string>();
    if (plain.is_null()) return {};
    return plain.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace rootline::logs
