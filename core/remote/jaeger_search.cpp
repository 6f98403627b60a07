// The Jaeger search: api_v3 trace-summaries (2.19+), a light list made by the server, or else
// the v1 search, which answers whole traces that are loaded and summarised here.

#include <algorithm>

#include "analysis/trace_summary.h"
#include "formats/load.h"
#include "model/ids.h"
#include "remote/jaeger_source.h"
#include "remote/remote_json.h"

namespace rootline::remote {

namespace {

using nlohmann::json;
using Tags = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kApi = "Jaeger";
constexpr const char* kWhat = "search";
constexpr int kDefaultLimit = 20;

Remote<std::vector<TraceSummary>> fail(RemoteError error) {
    Remote<std::vector<TraceSummary>> out;
    out.error = std::move(error);
    return out;
}

int limitOf(const SearchQuery& query) {
    return query.limit > 0 ? query.limit : kDefaultLimit;
}

// A listed trace id as 32 hex digits (left-padded); empty when it is not hex or base64.
std::string listedId(const std::string& text) {
    const std::optional<TraceId> id = parseTraceIdStrict(text);
    return id ? toHex(*id) : std::string();
}

void newestFirst(std::vector<TraceSummary>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const TraceSummary& a, const TraceSummary& b) {
        return a.startUnixUs > b.startUnixUs;
    });
}

// One row of {"summaries":[…]}. Times and counts may be strings (proto-JSON int64) or numbers.
TraceSummary summaryRow(const json& item) {
    TraceSummary row;
    row.traceId = listedId(stringOf(item, "traceId"));
    row.rootService = stringOf(item, "rootServiceName");
    row.rootOperation = stringOf(item, "rootOperationName");
    const int64_t startNs = intOf(item, "minStartTimeUnixNano", 0);
    const int64_t endNs = intOf(item, "maxEndTimeUnixNano", startNs);
    row.startUnixUs = startNs / 1000;
    row.durationUs = std::max<int64_t>(0, endNs - startNs) / 1000;
    row.spanCount = intOf(item, "spanCount", -1);
    row.errorCount = intOf(item, "errorSpanCount", -1);
    if (const json* services = member(item, "services"); services && services->is_array())
        for (const json& service : *services)
            if (std::string name = stringOf(service, "name"); !name.empty())
                row.services.push_back(std::move(name));
    return row;
}

// A row for a whole trace from the v1 search, as `rootline-cli inspect` would summarise it.
TraceSummary summaryOf(const Trace& trace) {
    const ::rootline::TraceSummary facts = summarizeTrace(trace, 0);
    TraceSummary row;
    row.traceId = trace.idText.empty() ? toHex(trace.id) : trace.idText;
    row.rootService = facts.rootService();
    row.rootOperation = facts.rootName();
    row.startUnixUs = facts.startNs / 1000;
    row.durationUs = facts.durationNs / 1000;
    row.spanCount = static_cast<int64_t>(facts.spanCount);
    row.errorCount = facts.errorCount;
    for (const ServiceInfo& service : facts.services)
        row.services.push_back(service.name);
    return row;
}

}  // namespace

Remote<std::vector<TraceSummary>> JaegerSource::search(const SearchQuery& query,
                                                       const std::atomic<bool>* cancel) {
    if (query.service.empty())
        return fail({RemoteErrorKind::BadRequest, "Jaeger needs a service to search"});
    Tags tags;
    std::string problem;
    if (!parseLogfmt(query.tags, tags, problem))
        return fail({RemoteErrorKind::BadRequest, problem});

    if (!v3Summaries_.knownMissing()) {
        bool missing = false;
        Remote<std::vector<TraceSummary>> out = searchSummaries(query, tags, cancel, missing);
        if (!missing) return out;
    }
    Remote<std::vector<TraceSummary>> out = searchTraces(query, tags, cancel);
    // The v1 search answered where trace-summaries did not: a Jaeger older than 2.19.
    if (out.ok()) v3Summaries_.markMissing();
    return out;
}

Remote<std::vector<TraceSummary>> JaegerSource::searchSummaries(const SearchQuery& query,
                                                                const Tags& tags,
                                                                const std::atomic<bool>* cancel,
                                                                bool& missing) {
    const TimeRange range = resolveTimeRange(query, nowUnixUs());
    // snake_case names: the only spelling before 2.19, still accepted after it.
    const QueryParams params = {
        {"query.service_name", query.service},
        {"query.operation_name", query.operation},
        {"query.start_time_min", rfc3339Nano(range.startUs)},
        {"query.start_time_max", rfc3339Nano(range.endUs)},
        {"query.duration_min", query.minDuration},
        {"query.duration_max", query.maxDuration},
        {"query.search_depth", std::to_string(limitOf(query))},
        {"query.attributes", tags.empty() ? std::string() : tagsJson(tags)},
    };
    Answer answer =
        get(connection_, "/api/v3/trace-summaries?" + queryString(params), kWhat, cancel);
    if (!answer.error.ok()) return fail(answer.error);
    if (isMissingRoute(answer)) {
        missing = true;
        return {};
    }
    // api_v3 answers an empty search with 404 {"error":{"message":"No traces found"}}.
    if (answer.status() == 404) return {};
    if (!answer.is2xx()) return fail(failure(answer, connection_, kWhat));

    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint_, kWhat, parsed, error)) return fail(error);
    if (!parsed.doc.is_object())
        return fail(unexpectedJson(endpoint_, kWhat, kApi, "not a JSON object"));
    Remote<std::vector<TraceSummary>> out;
    if (const json* summaries = member(parsed.doc, "summaries")) {
        if (!summaries->is_array())
            return fail(unexpectedJson(endpoint_, kWhat, kApi, "\"summaries\" is not a list"));
        for (const json& item : *summaries) {
            TraceSummary row = summaryRow(item);
            if (!row.traceId.empty()) out.value.push_back(std::move(row));
        }
    }
    newestFirst(out.value);
    return out;
}

Remote<std::vector<TraceSummary>> JaegerSource::searchTraces(const SearchQuery& query,
                                                             const Tags& tags,
                                                             const std::atomic<bool>* cancel) {
    const TimeRange range = resolveTimeRange(query, nowUnixUs());
    const QueryParams params = {
        {"service", query.service},
        {"operation", query.operation},
        {"tags", tags.empty() ? std::string() : tagsJson(tags)},
        {"start", std::to_string(range.startUs)},
        {"end", std::to_string(range.endUs)},
        {"minDuration", query.minDuration},
        {"maxDuration", query.maxDuration},
        {"limit", std::to_string(limitOf(query))},
    };
    Answer answer = get(connection_, "/api/traces?" + queryString(params), kWhat, cancel);
    if (!answer.error.ok()) return fail(answer.error);
    if (isMissingRoute(answer)) return fail(wrongUrl(answer));
    if (!answer.is2xx()) return fail(failure(answer, connection_, kWhat));

    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint_, kWhat, parsed, error)) return fail(error);
    if (!parsed.doc.is_object() || !parsed.doc.contains("data"))
        return fail(unexpectedJson(endpoint_, kWhat, kApi, "no \"data\""));
    const json* data = member(parsed.doc, "data");
    if (!data || parsed.spansUnder(*data) == 0) return {};  // 200 {"data":[]}: nothing matched

    const LoadResult loaded = loadTraceText(answer.body(), endpoint_);
    if (!loaded.ok())
        return fail({RemoteErrorKind::BadResponse,
                     "the answer from " + endpoint_ +
                         " to search could not be read as traces: " + loaded.error.message});
    Remote<std::vector<TraceSummary>> out;
    for (const auto& trace : loaded.file->traces)
        out.value.push_back(summaryOf(*trace));
    newestFirst(out.value);
    return out;
}

}  // namespace rootline::remote
