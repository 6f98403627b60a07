#pragma once
// Opens a tracepack (.tracepack.json) like any trace: its spans become a Trace, each collapsed
// summary becomes one span that stands for the healthy subtree it replaced (named "12 healthy
// spans collapsed", with the operations in its attributes), and the rest of the pack (header,
// suspects, logs, records) is kept on the trace (TracepackOrigin) so packing it again gives the
// same bytes.

#include <string>
#include <string_view>

#include "formats/load.h"

namespace rootline {

// True when the document starts like a tracepack: {"schema":"rootline.tracepack/…".
bool looksLikeTracepack(std::string_view text);
// True for a tracepack whatever the order of its members (a pack run through `jq -S`): the
// first bytes, else — for documents up to 64 MB that mention the schema — a parse.
bool isTracepackDocument(std::string_view text);

// Reads a tracepack. Bad input gives one line naming the place: "spans[3].attributes[1]: key
// index 40 is beyond the 12 keys".
LoadResult readTracepack(std::string_view text, const std::string& source);

}  // namespace rootline
