#include "tracepack/pack_document.h"

#include <cmath>

namespace rootline {

namespace {

nlohmann::json nestedJson(const Value& v, const Dictionary& dict, int depth) {
    // Nested values are bounded by the importer; the depth guard only keeps a damaged store
    // from recursing without end.
    if (depth > 64) return "…";
    switch (v.type) {
        case ValueType::Empty:
            return nullptr;
        case ValueType::String:
            return std::string(dict.str(v.str));
        case ValueType::Bytes:
            return valueToString(v, dict.strings, dict.attrs);
        case ValueType::Bool:
            return v.boolean;
        case ValueType::Int:
            return v.integer;
        case ValueType::Double:
            if (!std::isfinite(v.number)) return valueToString(v, dict.strings, dict.attrs);
            return v.number;
        case ValueType::Array:
        case ValueType::Map: {
            const NestedValue& nv = dict.attrs.nested(v.nested);
            nlohmann::json out = nv.isMap ? nlohmann::json::object() : nlohmann::json::array();
            for (const Attribute& item : nv.items) {
                nlohmann::json child = nestedJson(item.value, dict, depth + 1);
                if (child.is_null()) continue;
                if (nv.isMap)
                    out[std::string(dict.str(item.key))] = std::move(child);
                else
                    out.push_back(std::move(child));
            }
            return out;
        }
    }
    return nullptr;
}

}  // namespace

nlohmann::json attributeValueJson(const Value& value, const Dictionary& dict) {
    return nestedJson(value, dict, 0);
}

}  // namespace rootline
