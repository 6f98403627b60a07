#pragma once
// Ties log lines to a trace's spans. A line names its trace and span in structured metadata or
// labels (trace_id, traceID, traceId, TraceID, TraceId, otel_trace_id; span_id, spanID, spanId,
// SpanID, SpanId, otel_span_id), in a JSON body's fields, or in logfmt fields of the text.

#include <cstddef>
#include <vector>

#include "logs/log_line.h"
#include "model/trace.h"

namespace rootline::logs {

// Fills what the line does not have yet from its fields and body: trace id (left-padded to 32
// lowercase hex), span id (16), level (level, detected_level, severity, severity_text, lvl) and
// service (service_name, service.name, service, app, job).
void readLineFields(LogLine& line);

struct Correlation {
    size_t tiedBySpanId = 0;    // the line's span id is a span of the trace
    size_t tiedByTime = 0;      // same trace, no (known) span id: the innermost span of the
                                // line's service that was running at the line's time
    size_t traceOnly = 0;       // same trace, no span could be chosen
    size_t withoutTraceId = 0;  // kept only when keepLinesWithoutTraceId
    size_t otherTraces = 0;     // dropped: they name another trace
};

// Reads every line's fields (readLineFields), drops lines of other traces, ties the rest to
// spans (LogLine::span, spanInferred) and sorts them by time (then span, then body). Lines that
// name no trace are kept when `keepLinesWithoutTraceId` (a Loki query already selected them by
// the trace id in their text) and dropped otherwise (an OTLP log file holds every trace's logs).
// A kept line without a trace id is tied to its span when its span id is one of the trace's,
// never by time (nothing says it was this trace's work). Every line counts in exactly one of the
// Correlation counters. Fast for a million spans and ten thousand lines (a sweep per service).
Correlation correlate(const Trace& trace, std::vector<LogLine>& lines,
                      bool keepLinesWithoutTraceId);

}  // namespace rootline::logs
