#pragma once
// Builds a tracepack: the part of a trace that matters for its failure, redacted and under a
// size cap, as deterministic JSON bytes (schema "rootline.tracepack/v1", docs/tracepack.md).
//
// Steps: pick the error subgraph (subgraph.h), gather the document (pack_document.h: header,
// spans, collapsed summaries, suspects, logs, code locations), redact every value (redaction.h),
// then write it under the cap (pack_writer.h), shedding in a fixed order and listing what was
// left out. The same trace, ranking and options give the same bytes.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "logs/log_line.h"
#include "metrics/metric_snapshot.h"
#include "model/trace.h"
#include "tracepack/redaction.h"

namespace rootline {

inline constexpr std::string_view kTracepackSchema = "rootline.tracepack/v1";
inline constexpr size_t kDefaultPackBytes = 50 * 1024;
inline constexpr size_t kMinPackBytes = 8 * 1024;

// A past incident with the same error signature and the note that resolved it, from the
// investigation history: written into the pack as "what fixed it last time".
struct PackPastFix {
    std::string traceId;
    int64_t resolvedUnixMs = 0;
    std::string hypothesis;  // what the verdict said then
    std::string note;        // what the user wrote when resolving it
};

struct PackOptions {
    size_t maxBytes = kDefaultPackBytes;
    RedactionRules rules = RedactionRules::defaults();
    TokenKey tokenKey;
    int64_t logWindowNs = 5'000'000'000;  // span-event logs within ±5 s of an error span
    bool includeInfoLogs = false;         // errors and warnings only by default
    std::string source;                  // where the trace came from: "checkout.json (Jaeger JSON)"
    std::vector<PackPastFix> pastFixes;  // newest first; redacted like everything else
    // The span the user asked about (a trace index; -1 for the whole trace): always kept, with
    // its ancestors, and named in the header as `focus_span_id`.
    int64_t focusSpan = -1;
    // Log lines from Loki or an OTLP log file, already correlated with this trace
    // (logs/log_correlation.h): those within logWindowNs of an error span join the span events
    // under the same rules (level filter, folding, budget), with their own `source`.
    std::vector<logs::LogLine> extraLogs;
    // Metric charts around the trace (remote/prometheus_source.h), written as the `metrics`
    // section: downsampled, with the exemplars nearest the trace, shed first when over the cap.
    metrics::MetricSnapshot metrics;
    // AI agent traces: the content of prompts and answers (gen_ai.input.messages,
    // gen_ai.output.messages, gen_ai.system_instructions, gen_ai.prompt / gen_ai.completion,
    // per-message events' text) is left out and counted in left_out as "message_content"
    // unless this is set. Decision attributes, token counts and tool arguments (redacted by the
    // rules like any value) are always kept.
    bool includeMessages = false;
};

struct LeftOut {
    std::string what;  // "spans", "healthy_spans", "log_lines", "attributes", …
    uint64_t count = 0;
    std::string why;               // "over the size cap", "collapsed into summaries", …
    std::vector<std::string> ids;  // for spans dropped over the cap: up to 20 span ids
};

struct PackResult {
    std::string bytes;  // empty when `error` is set
    std::string error;  // one line, when even the smallest pack is over the cap
    std::vector<RedactionCount> redactions;     // as recorded in the pack
    std::map<std::string, std::string> tokens;  // token → value: stays on this machine
    std::vector<LeftOut> leftOut;               // as recorded in the pack
    size_t spansInPack = 0;
    size_t summariesInPack = 0;
    size_t suspectsInPack = 0;
    bool ok() const { return error.empty(); }
};

// `ranking` is the trace's ranking (the app has it already; the CLI ranks first). When the
// trace was read from a tracepack (trace.tracepack is set) its stored header, suspects, logs,
// summaries and records are carried over, so pack → open → pack gives the same bytes.
PackResult buildTracepack(const Trace& trace, const Ranking& ranking, const PackOptions& options);

}  // namespace rootline
