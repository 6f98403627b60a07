#pragma once
// A tracepack before it is written: every section gathered from the trace (or carried over
// from the tracepack the trace was read from) and already redacted. pack_writer.h turns it into
// bytes under the size cap. Internal to core/tracepack.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tracepack/subgraph.h"
#include "tracepack/tracepack_builder.h"

namespace rootline {

using ojson = nlohmann::ordered_json;

struct PackAttr {
    std::string key;
    nlohmann::json value;  // string, number, bool, array or object (keys sorted); never null
};

struct PackEvent {
    int64_t tUs = 0;  // from the trace start
    std::string name;
    std::vector<PackAttr> attrs;
};

struct PackLink {
    std::string traceId;
    std::string spanId;
    std::string type;  // "follows_from", "link", "child_of"
    std::vector<PackAttr> attrs;
};

struct PackSpan {
    std::string id;
    std::string parentId;
    bool parentFollowsFrom = false;  // an asynchronous parent (Jaeger FOLLOWS_FROM)
    std::string name;
    std::string kind;
    std::string service;
    int32_t resource = -1;  // index into resources, written only when the service has several
    std::string status;     // "error", "ok" or "" (unset)
    std::string statusMessage;
    int64_t startUs = 0;
    int64_t durationUs = 0;
    int64_t selfUs = 0;
    std::string role;  // "suspect", "error", "ancestor", "sibling"
    uint32_t rank = 0;
    std::vector<PackAttr> attrs;
    std::vector<PackEvent> events;
    std::vector<PackLink> links;
    std::vector<std::string> warnings;
    // For the budget, not written.
    double importance = 0;
    uint32_t depth = 0;
    int32_t packParent = -1;  // index of the parent in PackDocument::spans, -1 when not there
};

struct PackOperation {
    std::string service;
    std::string name;
    uint64_t count = 0;
};

struct PackSummary {
    std::string parentId;  // "" for roots nobody kept
    int32_t packParent = -1;
    uint64_t spans = 0;
    std::vector<PackOperation> operations;  // most frequent first
    uint64_t moreOperations = 0;            // distinct operations not listed
    int64_t startUs = 0;
    int64_t endUs = 0;
    int64_t totalUs = 0;  // summed durations of the collapsed subtrees' top spans
    int64_t maxUs = 0;    // the longest of them
};

struct PackLog {
    int64_t tUs = 0;
    std::string spanId;
    std::string service;
    std::string severity;  // "error", "warn", "info", "debug"
    std::string body;
    std::string source;    // "span_event"
    uint64_t repeats = 0;  // further identical lines (same service, severity, body) folded here
};

struct PackMetricSeries {
    std::vector<std::pair<std::string, std::string>> labels;  // sorted by name
    std::vector<std::pair<int64_t, double>> points;           // (t_us from trace start, value)
};

struct PackExemplar {
    std::string traceId;
    std::string spanId;
    int64_t tUs = 0;
    double value = 0;
    bool thisTrace = false;  // the exemplar is the packed trace itself
};

// One chart of the metric snapshot, downsampled when gathered; the writer sheds more.
struct PackMetric {
    std::string title;
    std::string unit;
    std::string query;
    std::string error;  // the chart's query failed (one line)
    std::vector<PackMetricSeries> series;
    std::vector<PackExemplar> exemplars;  // the pack's trace first, then nearest in time
};

struct PackCodeLocation {
    std::string function;
    std::string file;
    int64_t line = 0;
    std::string ns;
    std::vector<std::string> spanIds;
};

struct PackResource {
    std::string service;
    std::vector<PackAttr> attrs;
};

struct PackDocument {
    ojson trace;      // the header object
    ojson suspects;   // array
    ojson pastFixes;  // array: {"trace_id", "resolved_unix_us", "hypothesis", "note"}
    std::vector<PackResource> resources;
    std::vector<PackSpan> spans;  // in trace order
    std::vector<PackSummary> summaries;
    std::vector<PackLog> logs;
    std::string metricsConnection;  // the Prometheus connection's name
    std::vector<PackMetric> metrics;
    std::vector<PackCodeLocation> codeLocations;
    std::vector<LeftOut> leftOut;  // before the budget: collapsed spans, filtered logs, …
    ojson redaction;               // {"mode", "tokenised", "rules": [{"rule", "count"}]}
};

// Attribute lists and nested values in pack form (redacted by the caller).
nlohmann::json attributeValueJson(const Value& value, const Dictionary& dict);

}  // namespace rootline
