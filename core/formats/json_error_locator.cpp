#include "formats/json_error_locator.h"

#include <nlohmann/json.hpp>

namespace rootline {

namespace {

// Accepts everything and records the first parse error.
struct ErrorOnlySax : nlohmann::json_sax<nlohmann::json> {
    std::optional<JsonErrorLocation> error;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& ex) override {
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
        //  while parsing value - invalid literal; last read: 'tru}'"
        if (auto colon = what.find(": ", what.find("column")); colon != std::string::npos)
            what = what.substr(colon + 2);
        if (what.rfind("syntax error while parsing ", 0) == 0) what = what.substr(27);
        // `position` counts the bytes read, up to the end of the offending token; point at
        // where that token starts.
        const size_t start = position >= token.size() ? position - token.size() : 0;
        error = JsonErrorLocation{start, what};
        return false;
    }
};

}  // namespace

std::optional<JsonErrorLocation> locateJsonError(const char* data, size_t size) {
    ErrorOnlySax sax;
    try {
        nlohmann::json::sax_parse(data, data + size, &sax, nlohmann::json::input_format_t::json,
                                  true);
    } catch (const std::exception& e) {
        if (!sax.error) return JsonErrorLocation{0, e.what()};
    }
    return sax.error;
}

}  // namespace rootline
