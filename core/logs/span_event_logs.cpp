#include "logs/span_event_logs.h"

#include <algorithm>

#include "logs/event_text.h"
#include "logs/log_ids.h"

namespace rootline::logs {

std::vector<LogLine> spanEventLogs(const Trace& trace) {
    std::vector<LogLine> out;
    out.reserve(trace.events.size());
    // An opaque trace id ("trace-1") is kept as the producer wrote it: it names nothing in Loki
    // or a log file anyway.
    std::string traceId = traceIdFromHex(trace.traceIdText());
    if (traceId.empty()) traceId = trace.traceIdText();
    for (size_t i = 0; i < trace.spanCount(); ++i) {
        const auto events = trace.eventsOf(i);
        if (events.empty()) continue;
        const std::string spanId = trace.spanIdText(i);
        const std::string service(trace.serviceOf(i));
        for (const Event& event : events) {
            LogLine line;
            line.timeNs = event.timeNs;
            line.level = eventLevel(trace, event);
            line.source = LogSource::SpanEvent;
            line.service = service;
            line.body = eventBody(trace, event);
            line.traceId = traceId;
            line.spanId = spanId;
            line.span = static_cast<int64_t>(i);
            for (const PairId p : trace.dict->attrs.set(event.attrs)) {
                const Attribute& a = trace.dict->attrs.pair(p);
                line.fields.emplace(std::string(trace.str(a.key)),
                                    valueToString(a.value, trace.dict->strings, trace.dict->attrs));
            }
            out.push_back(std::move(line));
        }
    }
    // Spans are in start order and each span's events in its own order; a stable sort by time
    // keeps that order among events of the same instant.
    std::stable_sort(out.begin(), out.end(),
                     [](const LogLine& a, const LogLine& b) { return a.timeNs < b.timeNs; });
    return out;
}

}  // namespace rootline::logs
