#pragma once
// What a span event says as a log line: its level and its text. These are the tracepack's rules
// (docs/tracepack.md, `logs`), kept here so the logs panel, `rootline-cli logs` and the
// tracepack read an event the same way.

#include <string>

#include "logs/log_line.h"
#include "model/trace.h"

namespace rootline::logs {

// An `exception` event is an error whatever its attributes. Else the first attribute that names
// a level (level, log.level, severity, severity_text, loglevel: err…/fatal/critical/crit/panic/
// alert/emergency → Error, warn… → Warn, debug/trace → Debug, any other value → Info) or a true
// `error` flag (Error). Else the name: containing "error" or "fail" → Error, "warn" → Warn,
// else Info. Never Unknown.
LogLevel eventLevel(const Trace& trace, const Event& event);

// The message/log.message/msg/exception.message/event/body attribute (the first of them); with
// an exception.type, "Type: message" (or the type alone). Else the event's name.
std::string eventBody(const Trace& trace, const Event& event);

}  // namespace rootline::logs
