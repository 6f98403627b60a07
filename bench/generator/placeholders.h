#pragma once
// Literal values for the {placeholders} of the catalogue's paths, queries and commands.

#include <string>
#include <string_view>

#include "generator/seeded_random.h"

namespace rootline::bench::generator {

// Replaces {id}, {uuid}, {sku}… in `templ` with random literal values; other braces (the JSON
// of MongoDB commands) are copied as they are.
void expand(std::string& out, std::string_view templ, Rng& rng);

}  // namespace rootline::bench::generator
