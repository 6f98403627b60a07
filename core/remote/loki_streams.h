#pragma once
// Private to core/remote: reading a parsed query_range answer, so that the client can parse the
// body with the remote JSON reader (its messages say where a cut-off body ends) and still share
// the reading with parseLokiStreams().

#include <nlohmann/json.hpp>
#include <string>

#include "remote/loki_source.h"

namespace rootline::remote {

enum class StreamsRead {
    Read,
    NotStreams,   // a metric query's matrix, vector or scalar (`detail` names it)
    ServerError,  // "status":"error" (`detail` is the server's message)
    WrongShape,   // not a query_range answer (`detail` says what is missing)
};

// Appends the entries to `out.lines` (and sets `out.categorized`, `out.warnings`).
StreamsRead readLokiStreams(const nlohmann::json& doc, LokiLogs& out, std::string& detail);

}  // namespace rootline::remote
