#pragma once
// Writes a PackDocument as tracepack bytes under the size cap.
//
// Layout: one JSON object, each top-level member on its own line and each span, summary and
// log line on its own line, so a pack reads and diffs well and costs one byte per line for it.
// Repeated attribute keys go into "keys" and are written as their index; nulls and empties are
// never written. When the pack is over the cap, the writer sheds in a fixed order (the levels
// in pack_writer.cpp, documented in docs/tracepack.md): shorter strings, shorter arrays, fewer
// events per span, fewer log lines, no attributes on ancestors and siblings; then whole spans,
// least important first. Everything shed is counted in "left_out".

#include <cstddef>

#include "tracepack/pack_document.h"

namespace rootline {

// Fills bytes, leftOut, spansInPack, summariesInPack, suspectsInPack, or error.
void writePack(const PackDocument& doc, size_t maxBytes, PackResult& result);

// Cuts `text` to at most `limit` bytes (on a UTF-8 boundary), ending with a marker that says
// how much was cut: "…[+1234 bytes]". Text within the limit is returned unchanged, so cutting
// twice cuts once.
std::string truncateText(std::string_view text, size_t limit, bool& cut);

}  // namespace rootline
