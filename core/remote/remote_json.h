#pragma once
// Private to core/remote: reading the JSON a trace server answers with, whatever its size.
//
// A trace can be hundreds of MB, and the client only needs its outline (is there a trace, is it
// partial, what went wrong). So the body goes through the loader's structural scanner
// (formats/json_scanner), which also says where a cut-off body ends, and only the skeleton, in
// which every "spans" array is a placeholder holding its group number, is parsed as a DOM.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "remote/remote_error.h"

namespace rootline::remote {

struct JsonAnswer {
    nlohmann::json doc;              // the body, with every "spans" array replaced by [group]
    std::vector<size_t> spanCounts;  // elements of each group

    // The spans under `node` (any depth): the elements of every "spans" array in it.
    size_t spansUnder(const nlohmann::json& node) const;
};

// Parses `body` (which gets SIMDJSON_PADDING spare capacity, so it may be reallocated once).
// False with a BadResponse error naming the endpoint and `what` when it is not one complete
// JSON document: "the answer from http://h:3200 to the search is incomplete (the JSON stops
// after 1,024 bytes)".
bool parseJsonAnswer(std::string& body, std::string_view endpoint, std::string_view what,
                     JsonAnswer& out, RemoteError& error);

// BadResponse for JSON of the wrong shape: "the answer from <endpoint> to <what> is not what the
// <api> API sends (<detail>)".
RemoteError unexpectedJson(std::string_view endpoint, std::string_view what, std::string_view api,
                           std::string_view detail);

// Lenient readers: proto-JSON writes 64-bit integers as strings, some servers as numbers.
const nlohmann::json* member(const nlohmann::json& object, const char* key);
std::string stringOf(const nlohmann::json& object, const char* key);
int64_t intOf(const nlohmann::json& object, const char* key, int64_t fallback);

}  // namespace rootline::remote
