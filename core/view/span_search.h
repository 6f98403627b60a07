#pragma once
// Find in a trace: which spans match what the user typed.
//
// The query is one or more terms, all of which must match a span (so each word narrows):
//   checkout            text, case-insensitive, in the operation name, service, attribute keys
//                       and values (span and resource), event names and values, or span id
//   "GET /cart"         a quoted phrase is one term
//   http.status_code=500   an attribute (exact key) whose value contains the text
// Built for 1M spans in well under a second: each term is first matched once against every
// distinct string and attribute pair of the file, then spans only look up those results.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

struct SearchTerm {
    std::string text;  // lowercased; for key=value terms, the value part
    std::string key;   // exact attribute key, or empty for a plain text term
};

std::vector<SearchTerm> parseSearchQuery(std::string_view query);

// One byte per span: 1 when the span matches every term. Empty terms match nothing.
std::vector<uint8_t> searchSpans(const Trace& trace, const std::vector<SearchTerm>& terms,
                                 const JobControl& control = {});

}  // namespace rootline
