#include "formats/attribute_reader.h"

#include "util/base64.h"

namespace rootline {

using json::Element;
using json::ElementType;
using json::Scalar;

namespace {

constexpr int kMaxNesting = 32;  // deeper AnyValues are kept as their JSON text

AttrInput bytesFromBase64(std::string_view text, TraceBuilder& b) {
    if (auto bytes = decodeBase64(text)) return AttrInput::of(Value::bytes(b.intern(*bytes)));
    return AttrInput::ofText(text);
}

// Objects and arrays where a scalar was expected are kept as their JSON text.
AttrInput rawJson(Element e, TraceBuilder& b) {
    return AttrInput::of(Value::string(b.intern(simdjson::minify(e))));
}

AttrInput scalarInput(const Scalar& s) {
    switch (s.kind) {
        case Scalar::Kind::String:
            return AttrInput::ofText(s.text);
        case Scalar::Kind::Bool:
            return AttrInput::of(Value::fromBool(s.b));
        case Scalar::Kind::Int:
            return AttrInput::of(Value::fromInt(s.i));
        case Scalar::Kind::UInt:
            return AttrInput::of(Value::fromDouble(static_cast<double>(s.u)));
        case Scalar::Kind::Double:
            return AttrInput::of(Value::fromDouble(s.d));
        default:
            return AttrInput();
    }
}

}  // namespace

AttrInput elementValue(Element e, TraceBuilder& b) {
    switch (e.type()) {
        case ElementType::STRING:
            return AttrInput::ofText(e.get_string().value_unsafe());
        case ElementType::INT64:
            return AttrInput::of(Value::fromInt(e.get_int64().value_unsafe()));
        case ElementType::UINT64:
            return AttrInput::of(
                Value::fromDouble(static_cast<double>(e.get_uint64().value_unsafe())));
        case ElementType::DOUBLE:
            return AttrInput::of(Value::fromDouble(e.get_double().value_unsafe()));
        case ElementType::BOOL:
            return AttrInput::of(Value::fromBool(e.get_bool().value_unsafe()));
        case ElementType::NULL_VALUE:
            return AttrInput();
        case ElementType::ARRAY:
        case ElementType::OBJECT:
            return rawJson(e, b);
    }
    return AttrInput();
}

AttrInput jaegerValue(std::string_view type, Element value, TraceBuilder& b) {
    const ElementType jt = value.type();
    if (type.empty() || jt == ElementType::ARRAY || jt == ElementType::OBJECT)
        return elementValue(value, b);
    // Fast path: the JSON type already is the declared one.
    if (jt == ElementType::STRING && (type[0] == 's' || type[0] == 'S'))
        return AttrInput::ofText(value.get_string().value_unsafe());
    const Scalar s = json::capture(value);
    switch (type[0]) {
        case 's':
        case 'S':  // "string"
            if (s.kind == Scalar::Kind::Null) return AttrInput::ofText({});
            return AttrInput::ofText(json::toText(s));
        case 'b':
        case 'B':
            if (type.size() > 1 && (type[1] == 'o' || type[1] == 'O')) {  // "bool"
                if (auto v = json::toBool(s)) return AttrInput::of(Value::fromBool(*v));
                return scalarInput(s);
            }
            // "binary"
            if (s.kind == Scalar::Kind::String) return bytesFromBase64(s.text, b);
            return scalarInput(s);
        case 'i':
        case 'I':  // "int64"
            if (s.kind == Scalar::Kind::Double) return AttrInput::of(Value::fromDouble(s.d));
            if (auto v = json::toInt(s)) return AttrInput::of(Value::fromInt(*v));
            return scalarInput(s);
        case 'f':
        case 'F':  // "float64"
            if (auto v = json::toDouble(s)) return AttrInput::of(Value::fromDouble(*v));
            return scalarInput(s);
        default:
            return scalarInput(s);
    }
}

namespace {

// An AnyValue's field, by the first letter of its name: this runs for every OTLP attribute, and
// a chain of string compares measured at ~9% of an OTLP import.
enum class AnyField { Other, String, Bool, Int, Double, Bytes, Array, Kvlist };

AnyField anyField(std::string_view k) {
    if (k.size() < 8) return AnyField::Other;
    switch (k[0]) {
        case 's':
            return k == "stringValue" || k == "string_value" ? AnyField::String : AnyField::Other;
        case 'i':
            return k == "intValue" || k == "int_value" ? AnyField::Int : AnyField::Other;
        case 'b':
            if (k == "boolValue" || k == "bool_value") return AnyField::Bool;
            return k == "bytesValue" || k == "bytes_value" ? AnyField::Bytes : AnyField::Other;
        case 'd':
            return k == "doubleValue" || k == "double_value" ? AnyField::Double : AnyField::Other;
        case 'a':
            return k == "arrayValue" || k == "array_value" ? AnyField::Array : AnyField::Other;
        case 'k':
            return k == "kvlistValue" || k == "kvlist_value" ? AnyField::Kvlist : AnyField::Other;
        default:
            return AnyField::Other;
    }
}

AttrInput readNested(StrId key, Element inner, bool isMap, TraceBuilder& b, int depth) {
    NestedValue nested;
    nested.isMap = isMap;
    if (json::isObject(inner)) {
        for (auto ckv : json::objectOf(inner)) {
            if (ckv.key != "values" || !json::isArray(ckv.value)) continue;
            for (Element item : json::arrayOf(ckv.value)) {
                if (!isMap) {
                    nested.items.push_back(
                        {kEmptyStr, b.valueOf(key, readAnyValue(key, item, b, depth + 1))});
                    continue;
                }
                if (!json::isObject(item)) continue;
                Attribute a;
                Element itemValue;
                bool hasValue = false;
                for (auto ikv : json::objectOf(item)) {
                    if (ikv.key == "key") {
                        a.key = b.internKey(json::text(ikv.value));
                    } else if (ikv.key == "value") {
                        itemValue = ikv.value;
                        hasValue = true;
                    }
                }
                if (hasValue)
                    a.value = b.valueOf(a.key, readAnyValue(a.key, itemValue, b, depth + 1));
                nested.items.push_back(a);
            }
        }
    }
    return AttrInput::of(Value::container(isMap ? ValueType::Map : ValueType::Array,
                                          b.attrs().addNested(std::move(nested))));
}

}  // namespace

AttrInput readAnyValue(StrId key, Element v, TraceBuilder& b, int depth) {
    if (!json::isObject(v) || depth >= kMaxNesting) return elementValue(v, b);
    AttrInput out;
    for (auto kv : json::objectOf(v)) {
        const Element inner = kv.value;
        switch (anyField(kv.key)) {
            case AnyField::String:
                out = inner.type() == ElementType::STRING ? AttrInput::ofText(json::text(inner))
                                                          : elementValue(inner, b);
                break;
            case AnyField::Bool:
                out = AttrInput::of(
                    Value::fromBool(json::toBool(json::capture(inner)).value_or(false)));
                break;
            case AnyField::Int:
                if (auto i = json::integer(inner); i && inner.type() != ElementType::DOUBLE)
                    out = AttrInput::of(Value::fromInt(*i));
                else
                    out = scalarInput(json::capture(inner));
                break;
            case AnyField::Double: {
                const Scalar s = json::capture(inner);
                if (auto d = json::toDouble(s))
                    out = AttrInput::of(Value::fromDouble(*d));
                else
                    out = scalarInput(s);
                break;
            }
            case AnyField::Bytes:
                out = bytesFromBase64(json::text(inner), b);
                break;
            case AnyField::Array:
            case AnyField::Kvlist:
                out = readNested(key, inner, anyField(kv.key) == AnyField::Kvlist, b, depth);
                break;
            case AnyField::Other:
                break;
        }
    }
    return out;
}

AttrSetId readJaegerAttrSet(Element list, TraceBuilder& b) {
    AttrSetBuilder set;
    readJaegerKeyValues(list, b, [&](StrId k, const AttrInput& v) { b.addToSet(set, k, v); });
    return b.finishSet(set);
}

AttrSetId readOtlpAttrSet(Element list, TraceBuilder& b) {
    AttrSetBuilder set;
    readOtlpKeyValues(list, b, [&](StrId k, const AttrInput& v) { b.addToSet(set, k, v); });
    return b.finishSet(set);
}

}  // namespace rootline
