#pragma once
// Private to core/remote: reading Prometheus's two answers once they are JSON, shared by the
// public parsers (parseMatrix, parseExemplars: a body in, a plain message out) and the client
// (which parses bodies with parseJsonAnswer so its messages name the server).
//
// Prometheus writes values as strings ("0.43", "NaN", "+Inf") and timestamps as float seconds;
// some producers write integers, and very old servers wrote exemplar values as numbers and
// exemplar timestamps in milliseconds. All of that is read.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric_snapshot.h"

namespace rootline::remote::prometheus {

// Why an answer could not be read: the server's error envelope, or a body of the wrong shape.
struct ReadError {
    bool fromServer = false;  // {"status":"error",…}: `text` is "errorType: error"
    std::string text;         // one line
};

// `warnings` gets the answer's warnings[] and infos[] ("info: …"), and one line when native
// histogram samples were skipped (the charts draw float samples only).
bool readMatrix(const nlohmann::json& doc, std::vector<metrics::MetricSeries>& out,
                std::vector<std::string>& warnings, ReadError& error);

bool readExemplars(const nlohmann::json& doc, const std::vector<std::string>& traceIdLabels,
                   std::vector<metrics::Exemplar>& out, ReadError& error);

// An exemplar's trace id: 1 to 32 hex digits become 32 lowercase digits (producers drop leading
// zeros); anything else (base64-looking ids of the Prometheus docs, UUIDs) is kept as sent.
std::string exemplarTraceId(std::string_view text);
// The same for a span id, to 16 digits.
std::string exemplarSpanId(std::string_view text);

}  // namespace rootline::remote::prometheus
