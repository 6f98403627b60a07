#pragma once
// Reading a command's FILE argument: a path, '-' for standard input, or a trace URL
// (jaeger+http(s)://…/TRACE_ID, tempo+http(s)://…/TRACE_ID) fetched from the server.

#include <string>

#include "formats/load.h"

namespace rootline::cli {

LoadResult loadInput(const std::string& path);

// Reads a small side file (weights, history, rules) whole; false with "PATH: cannot open".
// How a FILE argument is named in a pack or a record: its file name (never the folders, which
// may say more about the user than the trace), or "standard input" for '-'.
std::string inputName(const std::string& path);

bool readFile(const std::string& path, std::string& text, std::string& error);

// The trace the user named with --trace-id, or the one with most errors (then most spans, then
// first). On failure sets `error` to "COMMAND: FILE: no trace ID (it holds …)".
const Trace* chooseTrace(const TraceFile& file, const std::string& wanted,
                         const std::string& command, std::string& error);

}  // namespace rootline::cli
