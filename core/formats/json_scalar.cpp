#include "formats/json_scalar.h"

#include "model/span_enums.h"

#include <charconv>
#include <cmath>

namespace rootline::json {

namespace {
// Numbers are re-rendered only for messages and when a string was expected; thread_local keeps
// the returned view valid until the next call on the same thread.
std::string_view numberText(double d) {
    thread_local char buf[40];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    return {buf, static_cast<size_t>(res.ptr - buf)};
}
std::string_view numberText(int64_t i) {
    thread_local char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, i);
    return {buf, static_cast<size_t>(res.ptr - buf)};
}
std::string_view numberText(uint64_t u) {
    thread_local char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, u);
    return {buf, static_cast<size_t>(res.ptr - buf)};
}
}  // namespace

Scalar capture(Element e) {
    Scalar s;
    switch (e.type()) {
        case ElementType::STRING:
            s.kind = Scalar::Kind::String;
            s.text = e.get_string().value_unsafe();
            break;
        case ElementType::INT64:
            s.kind = Scalar::Kind::Int;
            s.i = e.get_int64().value_unsafe();
            break;
        case ElementType::UINT64:
            s.kind = Scalar::Kind::UInt;
            s.u = e.get_uint64().value_unsafe();
            break;
        case ElementType::DOUBLE:
            s.kind = Scalar::Kind::Double;
            s.d = e.get_double().value_unsafe();
            break;
        case ElementType::BOOL:
            s.kind = Scalar::Kind::Bool;
            s.b = e.get_bool().value_unsafe();
            break;
        case ElementType::NULL_VALUE:
            break;
        case ElementType::ARRAY:
        case ElementType::OBJECT:
            s.kind = Scalar::Kind::Raw;
            s.owned = simdjson::minify(e);
            s.text = s.owned;
            break;
    }
    return s;
}

std::optional<int64_t> toInt(const Scalar& s) {
    switch (s.kind) {
        case Scalar::Kind::Int:
            return s.i;
        case Scalar::Kind::UInt:
            // Above INT64_MAX: keep the bits rather than fail; such values only appear in
            // ids and hashes, never in times.
            return static_cast<int64_t>(s.u);
        case Scalar::Kind::Double:
            if (!std::isfinite(s.d) || std::fabs(s.d) > 9.2e18) return std::nullopt;
            return static_cast<int64_t>(s.d);
        case Scalar::Kind::Bool:
            return s.b ? 1 : 0;
        case Scalar::Kind::String: {
            const std::string_view t = s.text;
            int64_t out = 0;
            auto res = std::from_chars(t.data(), t.data() + t.size(), out);
            if (res.ec == std::errc() && res.ptr == t.data() + t.size()) return out;
            uint64_t uout = 0;
            auto ures = std::from_chars(t.data(), t.data() + t.size(), uout);
            if (ures.ec == std::errc() && ures.ptr == t.data() + t.size())
                return static_cast<int64_t>(uout);
            double d = 0;
            auto dres = std::from_chars(t.data(), t.data() + t.size(), d);
            if (dres.ec == std::errc() && dres.ptr == t.data() + t.size() && std::isfinite(d) &&
                std::fabs(d) < 9.2e18)
                return static_cast<int64_t>(d);
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

std::optional<double> toDouble(const Scalar& s) {
    switch (s.kind) {
        case Scalar::Kind::Int:
            return static_cast<double>(s.i);
        case Scalar::Kind::UInt:
            return static_cast<double>(s.u);
        case Scalar::Kind::Double:
            return s.d;
        case Scalar::Kind::String: {
            const std::string_view t = s.text;
            if (t == "NaN") return std::nan("");
            if (t == "Infinity" || t == "+Infinity") return HUGE_VAL;
            if (t == "-Infinity") return -HUGE_VAL;
            double d = 0;
            auto res = std::from_chars(t.data(), t.data() + t.size(), d);
            if (res.ec == std::errc() && res.ptr == t.data() + t.size()) return d;
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

std::optional<bool> toBool(const Scalar& s) {
    switch (s.kind) {
        case Scalar::Kind::Bool:
            return s.b;
        case Scalar::Kind::Int:
            return s.i != 0;
        case Scalar::Kind::String:
            return boolFromText(s.text);
        default:
            return std::nullopt;
    }
}

std::string_view toText(const Scalar& s) {
    switch (s.kind) {
        case Scalar::Kind::Null:
            return {};
        case Scalar::Kind::Bool:
            return s.b ? "true" : "false";
        case Scalar::Kind::Int:
            return numberText(s.i);
        case Scalar::Kind::UInt:
            return numberText(s.u);
        case Scalar::Kind::Double:
            return numberText(s.d);
        default:
            return s.text;
    }
}

std::string_view text(Element e) {
    switch (e.type()) {
        case ElementType::STRING:
            return e.get_string().value_unsafe();
        case ElementType::INT64:
            return numberText(e.get_int64().value_unsafe());
        case ElementType::UINT64:
            return numberText(e.get_uint64().value_unsafe());
        case ElementType::DOUBLE:
            return numberText(e.get_double().value_unsafe());
        case ElementType::BOOL:
            return e.get_bool().value_unsafe() ? "true" : "false";
        default:
            return {};
    }
}

std::optional<int64_t> integer(Element e) {
    switch (e.type()) {
        case ElementType::INT64:
            return e.get_int64().value_unsafe();
        case ElementType::UINT64:
            return static_cast<int64_t>(e.get_uint64().value_unsafe());
        case ElementType::STRING: {
            // OTLP writes every 64-bit number as a decimal string: parse it in place rather
            // than through a Scalar (which measured at ~3% of an OTLP import).
            const std::string_view t = e.get_string().value_unsafe();
            int64_t out = 0;
            auto res = std::from_chars(t.data(), t.data() + t.size(), out);
            if (res.ec == std::errc() && res.ptr == t.data() + t.size()) return out;
            return toInt(capture(e));
        }
        case ElementType::DOUBLE:
        case ElementType::BOOL:
            return toInt(capture(e));
        default:
            return std::nullopt;
    }
}

std::optional<int64_t> timeValue(Element e) {
    switch (e.type()) {
        case ElementType::INT64:
            return e.get_int64().value_unsafe();
        case ElementType::DOUBLE: {
            const double d = e.get_double().value_unsafe();
            if (std::isfinite(d) && std::fabs(d) < 9.2e18) return static_cast<int64_t>(d);
            return std::nullopt;
        }
        case ElementType::STRING: {
            const std::string_view t = e.get_string().value_unsafe();
            int64_t out = 0;
            auto res = std::from_chars(t.data(), t.data() + t.size(), out);
            if (res.ec == std::errc() && res.ptr == t.data() + t.size()) return out;
            return std::nullopt;
        }
        default:
            return std::nullopt;  // UINT64 (beyond 2262 in nanoseconds), booleans, null
    }
}

const char* typeName(ElementType type) {
    switch (type) {
        case ElementType::ARRAY:
            return "an array";
        case ElementType::OBJECT:
            return "an object";
        case ElementType::INT64:
        case ElementType::UINT64:
        case ElementType::DOUBLE:
            return "a number";
        case ElementType::STRING:
            return "a string";
        case ElementType::BOOL:
            return "a boolean";
        case ElementType::NULL_VALUE:
            return "null";
    }
    return "a value";
}

}  // namespace rootline::json

namespace rootline {
std::string_view rawText(simdjson::dom::element e) {
    return json::text(e);
}
}  // namespace rootline
