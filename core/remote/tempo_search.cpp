// The Tempo search: GET /api/search with a TraceQL query. Tempo writes trace ids with their
// leading zeros trimmed and leaves out every field that is zero (durationMs under 1 ms), so
// rows are read leniently.

#include <algorithm>

#include "model/ids.h"
#include "remote/remote_json.h"
#include "remote/search_params.h"
#include "remote/tempo_source.h"

namespace rootline::remote {

namespace {

using nlohmann::json;

constexpr const char* kWhat = "search";
constexpr int kDefaultLimit = 20;
constexpr int kDefaultSpansPerSpanSet = 3;
constexpr int64_t kSecondUs = 1000000;

Remote<std::vector<TraceSummary>> fail(RemoteError error) {
    Remote<std::vector<TraceSummary>> out;
    out.error = std::move(error);
    return out;
}

std::string trimmed(const std::string& s) {
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

TraceSummary row(const json& item) {
    TraceSummary out;
    // "2f3e…" with leading zeros trimmed: left-padded to 32 digits.
    const std::optional<TraceId> id = parseTraceIdStrict(stringOf(item, "traceID"));
    if (id) out.traceId = toHex(*id);
    out.rootService = stringOf(item, "rootServiceName");
    out.rootOperation = stringOf(item, "rootTraceName");
    out.startUnixUs = intOf(item, "startTimeUnixNano", 0) / 1000;
    out.durationUs = intOf(item, "durationMs", 0) * 1000;  // absent: under 1 ms
    if (const json* stats = member(item, "serviceStats"); stats && stats->is_object()) {
        out.spanCount = 0;
        out.errorCount = 0;
        for (auto it = stats->begin(); it != stats->end(); ++it) {
            out.services.push_back(it.key());
            out.spanCount += intOf(it.value(), "spanCount", 0);
            out.errorCount += intOf(it.value(), "errorCount", 0);
        }
    }
    return out;
}

}  // namespace

Remote<std::vector<TraceSummary>> TempoSource::search(const SearchQuery& query,
                                                      const std::atomic<bool>* cancel) {
    const TimeRange range = resolveTimeRange(query, nowUnixUs());
    // Whole seconds that cover the range: the start rounded down, the end up.
    const int64_t startS = range.startUs / kSecondUs;
    const int64_t endS = (range.endUs + kSecondUs - 1) / kSecondUs;
    const std::string traceQl = trimmed(query.traceQl);
    const QueryParams params = {
        {"q", traceQl.empty() ? std::string("{}") : traceQl},
        {"start", std::to_string(startS)},
        {"end", std::to_string(endS)},
        {"limit", std::to_string(query.limit > 0 ? query.limit : kDefaultLimit)},
        {"spss", std::to_string(query.spansPerSpanSet > 0 ? query.spansPerSpanSet
                                                          : kDefaultSpansPerSpanSet)},
    };
    Answer answer = get(connection_, "/api/search?" + queryString(params), kWhat, cancel);
    if (!answer.error.ok()) return fail(answer.error);
    if (isMissingRoute(answer)) return fail(wrongUrl(answer));
    // A bad TraceQL query is a 400 with Tempo's plain-text parse error, quoted in the message.
    if (!answer.is2xx()) return fail(failure(answer, connection_, kWhat));

    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint_, kWhat, parsed, error)) return fail(error);
    if (!parsed.doc.is_object())
        return fail(unexpectedJson(endpoint_, kWhat, "Tempo", "not a JSON object"));
    Remote<std::vector<TraceSummary>> out;
    if (const json* traces = member(parsed.doc, "traces")) {
        if (!traces->is_array())
            return fail(unexpectedJson(endpoint_, kWhat, "Tempo", "\"traces\" is not a list"));
        for (const json& item : *traces) {
            TraceSummary summary = row(item);
            if (!summary.traceId.empty()) out.value.push_back(std::move(summary));
        }
    }
    std::stable_sort(
        out.value.begin(), out.value.end(),
        [](const TraceSummary& a, const TraceSummary& b) { return a.startUnixUs > b.startUnixUs; });
    return out;
}

}  // namespace rootline::remote
