#pragma once
// Precise positions for JSON syntax errors.
//
// simdjson On Demand reports *that* a document is malformed but often not *where*. Bad input is
// the rare path, so on failure the same bytes are run through nlohmann-json's SAX parser, which
// stops at the first offending byte and says what it expected.

#include <cstddef>
#include <optional>
#include <string>

namespace rootline {

struct JsonErrorLocation {
    size_t offset = 0;    // 0-based byte within the checked range
    std::string message;  // e.g. "unexpected '}'; expected a value"
};

std::optional<JsonErrorLocation> locateJsonError(const char* data, size_t size);

}  // namespace rootline
