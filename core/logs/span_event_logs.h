#pragma once
// Span events as log lines (Jaeger "logs", OTLP events), with the level and text rules of the
// tracepack (docs/tracepack.md, `logs`): `exception` events are errors; else the first
// level/log.level/severity/severity_text attribute (or a true `error` attribute), else the event
// name (error, fail… → error; warn… → warn), else info. The body is the event's
// message/log.message/msg/exception.message/event/body attribute (an exception as
// "Type: message"), else its name.

#include <vector>

#include "logs/log_line.h"
#include "model/trace.h"

namespace rootline::logs {

// Every event of every span, in time order, each tied to its span (span set, not inferred),
// with the trace id, span id and service filled in and the event's attributes as fields.
std::vector<LogLine> spanEventLogs(const Trace& trace);

}  // namespace rootline::logs
