// Tying log lines to spans. By id when a line names its span; otherwise by time: the line was
// written by some span of its service that was running then, and the innermost one is the best
// guess: it is the work that was under way when the line was written.
//
// The time tie is a sweep, not a search per line: lines of one service in time order against that
// service's spans in start order, with the running spans in a heap ordered by depth. A span
// that has ended stays ended for every later line, so ended spans leave the heap lazily when
// they come to its top. O((spans + lines) log spans) for a trace of a million spans.

#include "logs/log_correlation.h"

#include <algorithm>
#include <queue>
#include <string_view>
#include <unordered_map>

#include "logs/log_ids.h"
#include "logs/text_fields.h"

namespace rootline::logs {

namespace {

// The names each thing goes by, the likeliest first.
constexpr std::string_view kTraceIdKeys[] = {"trace_id", "traceID", "traceId",
                                             "TraceID",  "TraceId", "otel_trace_id"};
constexpr std::string_view kSpanIdKeys[] = {"span_id", "spanID", "spanId",
                                            "SpanID",  "SpanId", "otel_span_id"};
constexpr std::string_view kLevelKeys[] = {"level", "detected_level", "severity", "severity_text",
                                           "lvl"};
constexpr std::string_view kServiceKeys[] = {"service_name", "service.name", "service", "app",
                                             "job"};

// pino and bunyan write the level as a number: 10 trace, 20 debug, 30 info, 40 warn, 50 error,
// 60 fatal.
LogLevel numericLevel(std::string_view text) {
    if (text.size() != 2 || text[1] != '0' || text[0] < '1' || text[0] > '6')
        return LogLevel::Unknown;
    static constexpr LogLevel kByTens[] = {LogLevel::Debug, LogLevel::Debug, LogLevel::Info,
                                           LogLevel::Warn,  LogLevel::Error, LogLevel::Error};
    return kByTens[text[0] - '1'];
}

LogLevel levelOf(std::string_view text) {
    const LogLevel level = logLevelFromText(text);
    return level != LogLevel::Unknown ? level : numericLevel(text);
}

// Fills what the line lacks from one set of fields; `find(name)` gives a field's value or null.
// A value that does not read (an id that is not hex, a level "unknown") lets the next name try.
template <typename Find>
void readFields(LogLine& line, const Find& find) {
    auto first = [&](const auto& keys, auto read, auto& into, const auto& none) {
        if (into != none) return;
        for (const std::string_view key : keys)
            if (const std::string* value = find(key))
                if (auto got = read(*value); got != none) {
                    into = std::move(got);
                    return;
                }
    };
    first(kTraceIdKeys, traceIdFromHex, line.traceId, std::string());
    first(kSpanIdKeys, spanIdFromHex, line.spanId, std::string());
    first(kLevelKeys, levelOf, line.level, LogLevel::Unknown);
    first(
        kServiceKeys, [](const std::string& v) { return v; }, line.service, std::string());
}

bool complete(const LogLine& line) {
    return !line.traceId.empty() && !line.spanId.empty() && line.level != LogLevel::Unknown &&
           !line.service.empty();
}

std::vector<uint32_t> sortedOpaqueSpans(const Trace& trace) {
    std::vector<uint32_t> out;
    out.reserve(trace.opaqueSpanIds.size());
    for (const auto& [span, text] : trace.opaqueSpanIds)
        out.push_back(span);
    std::sort(out.begin(), out.end());
    return out;
}

// Span ids that are numbers (an opaque id's hash names no span a log line could carry). The
// first span wins when ids repeat.
std::unordered_map<SpanId, uint32_t> spansById(const Trace& trace) {
    const std::vector<uint32_t> opaque = sortedOpaqueSpans(trace);
    std::unordered_map<SpanId, uint32_t> out;
    out.reserve(trace.spanCount());
    for (uint32_t i = 0; i < trace.spanCount(); ++i)
        if (!std::binary_search(opaque.begin(), opaque.end(), i)) out.emplace(trace.spanId[i], i);
    return out;
}

SpanId spanIdValue(const std::string& hex) {
    return static_cast<SpanId>(std::stoull(hex, nullptr, 16));
}

// For every line in `lines` (indices into `all`, of one service, sorted by time), the innermost
// span of `spans` (that service's spans, in start order) running at the line's time.
void tieByTime(const Trace& trace, const std::vector<uint32_t>& spans,
               const std::vector<size_t>& lines, std::vector<LogLine>& all) {
    // The top is the deepest running span; of equal depth the one started last.
    auto shallower = [&](uint32_t a, uint32_t b) {
        if (trace.depth[a] != trace.depth[b]) return trace.depth[a] < trace.depth[b];
        if (trace.start[a] != trace.start[b]) return trace.start[a] < trace.start[b];
        return a < b;
    };
    std::priority_queue<uint32_t, std::vector<uint32_t>, decltype(shallower)> running(shallower);
    size_t next = 0;
    for (const size_t l : lines) {
        const int64_t t = all[l].timeNs;
        while (next < spans.size() && trace.start[spans[next]] <= t)
            running.push(spans[next++]);
        while (!running.empty() && trace.end(running.top()) < t)
            running.pop();
        if (running.empty()) continue;
        all[l].span = running.top();
        all[l].spanInferred = true;
    }
}

}  // namespace

void readLineFields(LogLine& line) {
    readFields(line, [&](std::string_view key) -> const std::string* {
        const auto it = line.fields.find(std::string(key));
        return it != line.fields.end() ? &it->second : nullptr;
    });
    if (complete(line)) return;
    const TextFields text = textFields(line.body);
    readFields(line, [&](std::string_view key) -> const std::string* {
        for (const auto& [name, value] : text)
            if (name == key) return &value;
        return nullptr;
    });
}

Correlation correlate(const Trace& trace, std::vector<LogLine>& lines,
                      bool keepLinesWithoutTraceId) {
    Correlation counts;
    const std::string traceId = traceIdFromHex(trace.traceIdText());
    const std::unordered_map<SpanId, uint32_t> byId = spansById(trace);

    std::vector<LogLine> kept;
    kept.reserve(lines.size());
    // Lines of this trace that name no known span, waiting for the time tie, by service name.
    std::unordered_map<std::string, std::vector<size_t>> untied;
    for (LogLine& line : lines) {
        readLineFields(line);
        line.span = -1;
        line.spanInferred = false;
        const bool hasTraceId = !line.traceId.empty();
        if (hasTraceId && line.traceId != traceId) {
            ++counts.otherTraces;
            continue;
        }
        if (!hasTraceId) {
            ++counts.withoutTraceId;
            if (!keepLinesWithoutTraceId) continue;
        }
        if (!line.spanId.empty())
            if (const auto it = byId.find(spanIdValue(line.spanId)); it != byId.end())
                line.span = it->second;
        if (hasTraceId && line.span >= 0)
            ++counts.tiedBySpanId;
        else if (hasTraceId)
            untied[line.service].push_back(kept.size());
        kept.push_back(std::move(line));
    }

    if (!untied.empty()) {
        std::unordered_map<std::string_view, uint32_t> serviceIndex;
        for (uint32_t s = 0; s < trace.services.size(); ++s)
            serviceIndex.emplace(trace.str(trace.services[s]), s);
        std::vector<std::vector<uint32_t>> spansOf(trace.services.size());
        for (uint32_t i = 0; i < trace.spanCount(); ++i)
            spansOf[trace.service[i]].push_back(i);  // the trace is in start order already
        for (auto& [service, indices] : untied) {
            const auto s = serviceIndex.find(service);
            if (s != serviceIndex.end()) {
                std::stable_sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
                    return kept[a].timeNs < kept[b].timeNs;
                });
                tieByTime(trace, spansOf[s->second], indices, kept);
            }
            for (const size_t l : indices)
                ++(kept[l].span >= 0 ? counts.tiedByTime : counts.traceOnly);
        }
    }

    std::stable_sort(kept.begin(), kept.end(), [](const LogLine& a, const LogLine& b) {
        if (a.timeNs != b.timeNs) return a.timeNs < b.timeNs;
        if (a.span != b.span) return a.span < b.span;
        return a.body < b.body;
    });
    lines = std::move(kept);
    return counts;
}

}  // namespace rootline::logs
