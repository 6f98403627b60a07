#pragma once
// Reads the attribute encodings of every supported format into AttrInputs (text not yet
// interned, or a typed Value): Jaeger's typed key/value lists ({key, type, value}), OTLP
// AnyValue objects (camelCase or snake_case), and plain JSON maps (Zipkin tags).
//
// The list readers are templates over the sink: they run once per attribute of every span, and
// an indirect call per attribute showed up at ~5% of a 1M-span import.

#include "formats/json_scalar.h"
#include "formats/read_context.h"

namespace rootline {

// Honours a Jaeger declared type ("string", "bool", "int64", "float64", "binary") even when the
// JSON type disagrees ("true" as a string, int64 as a string). With no declared type the JSON
// type decides.
AttrInput jaegerValue(std::string_view declaredType, json::Element value, TraceBuilder& b);
AttrInput elementValue(json::Element e, TraceBuilder& b);
// One OTLP AnyValue ({"stringValue": …} etc.); nested arrays/maps up to 32 levels.
AttrInput readAnyValue(StrId key, json::Element v, TraceBuilder& b, int depth = 0);

// [{key, type, value}, …] → sink(key, input). Entries without a key are skipped.
template <typename Sink>
void readJaegerKeyValues(json::Element list, TraceBuilder& b, Sink&& sink) {
    if (!json::isArray(list)) return;
    for (json::Element item : json::arrayOf(list)) {
        if (!json::isObject(item)) continue;
        std::string_view key, type;
        json::Element value;
        bool hasKey = false, hasValue = false;
        for (auto kv : json::objectOf(item)) {
            if (kv.key == "key") {
                key = json::text(kv.value);
                hasKey = true;
            } else if (kv.key == "type") {
                type = json::text(kv.value);
            } else if (kv.key == "value") {
                value = kv.value;
                hasValue = true;
            }
        }
        if (!hasKey) continue;
        const StrId keyId = b.internKey(key);
        sink(keyId, hasValue ? jaegerValue(type, value, b) : AttrInput());
    }
}

// OTLP [{key, value: AnyValue}, …] → sink(key, input).
template <typename Sink>
void readOtlpKeyValues(json::Element list, TraceBuilder& b, Sink&& sink) {
    if (!json::isArray(list)) return;
    for (json::Element item : json::arrayOf(list)) {
        if (!json::isObject(item)) continue;
        json::Element value;
        bool hasKey = false, hasValue = false;
        StrId key = kEmptyStr;
        for (auto kv : json::objectOf(item)) {
            if (kv.key == "key") {
                key = b.internKey(json::text(kv.value));
                hasKey = true;
            } else if (kv.key == "value") {
                value = kv.value;
                hasValue = true;
            }
        }
        if (hasKey) sink(key, hasValue ? readAnyValue(key, value, b) : AttrInput());
    }
}

// {"k": "v", …} → sink(key, input) (Zipkin tags).
template <typename Sink>
void readJsonMap(json::Element map, TraceBuilder& b, Sink&& sink) {
    if (!json::isObject(map)) return;
    for (auto kv : json::objectOf(map))
        sink(b.internKey(kv.key), elementValue(kv.value, b));
}

// Attribute-set helpers for resources, events and links.
AttrSetId readJaegerAttrSet(json::Element list, TraceBuilder& b);
AttrSetId readOtlpAttrSet(json::Element list, TraceBuilder& b);

}  // namespace rootline
