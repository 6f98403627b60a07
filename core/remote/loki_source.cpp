// The Loki client: one query_range for a trace's logs. Loki answers errors as text/plain (a
// LogQL parse error says where the query is wrong), which classifyResponse quotes; a 404 is
// never "no logs" (an empty result is), only a URL that does not lead to Loki.

#include "remote/loki_source.h"

#include <limits>

#include "logs/log_ids.h"
#include "remote/loki_streams.h"
#include "remote/query_template.h"
#include "remote/remote_call.h"
#include "remote/remote_json.h"
#include "remote/search_params.h"

namespace rootline::remote {

namespace {

// Where Loki may hide: behind a reverse proxy's sub-path, or behind Grafana's data source proxy.
constexpr std::string_view kSubPathHint =
    "/loki, or /api/datasources/proxy/uid/<uid> when going through Grafana";

int64_t saturatingAdd(int64_t a, int64_t b) {
    int64_t sum;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
    return sum;
}

Remote<LokiLogs> fail(LokiLogs value, RemoteError error) {
    Remote<LokiLogs> out;
    out.value = std::move(value);
    out.error = std::move(error);
    return out;
}

}  // namespace

LogQuery logQueryFor(const Trace& trace, const Connection& loki) {
    LogQuery q;
    q.traceId = logs::traceIdFromHex(trace.traceIdText());
    if (q.traceId.empty()) q.traceId = toHex(trace.id);
    for (const StrId s : trace.services)
        if (!trace.str(s).empty()) q.services.emplace_back(trace.str(s));
    const int64_t marginNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(effectiveMargin(loki)).count();
    q.startNs = saturatingAdd(trace.startNs, -marginNs);
    // Loki's end is exclusive: one nanosecond more keeps a line written at the very end.
    q.endNs = saturatingAdd(saturatingAdd(trace.endNs, marginNs), 1);
    return q;
}

Remote<LokiLogs> queryTraceLogs(const Connection& loki, const LogQuery& query,
                                const std::atomic<bool>* cancel) {
    LokiLogs found;
    TemplateValues values;
    values.traceId = query.traceId;
    values.services = query.services;
    found.query =
        expandQueryTemplate(loki.logQuery.empty() ? kDefaultLogQl : loki.logQuery, values);

    const std::string what = "the logs of " + traceWhat(query.traceId);
    const std::string path =
        "/loki/api/v1/query_range?" + queryString({{"query", found.query},
                                                   {"start", std::to_string(query.startNs)},
                                                   {"end", std::to_string(query.endNs)},
                                                   {"limit", std::to_string(query.limit)},
                                                   {"direction", "forward"}});
    // Without it, structured metadata (where OTLP logs keep trace_id) is folded into the labels.
    const net::Headers headers = {{"X-Loki-Response-Encoding-Flags", "categorize-labels"}};
    Answer answer = get(loki, path, what, cancel, headers);
    if (!answer.error.ok()) return fail(std::move(found), answer.error);
    if (isWebPage(answer) || answer.status() == 404)
        return fail(std::move(found), wrongUrl(answer, loki, "Loki", kSubPathHint));
    if (!answer.is2xx()) return fail(std::move(found), failure(answer, loki, what));

    const std::string endpoint = loki.endpoint();
    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint, what, parsed, error))
        return fail(std::move(found), error);
    std::string detail;
    switch (readLokiStreams(parsed.doc, found, detail)) {
        case StreamsRead::Read:
            break;
        case StreamsRead::NotStreams:
            return fail(std::move(found),
                        {RemoteErrorKind::BadRequest,
                         endpoint + " answered " + what + " with a " + detail +
                             ", not log lines: the connection's LogQL template is a metric "
                             "query; it must select log lines (as the default does)"});
        case StreamsRead::ServerError:
            return fail(
                std::move(found),
                {RemoteErrorKind::BadRequest,
                 what + " on " + endpoint + " failed: the server said: " + serverMessage(detail)});
        case StreamsRead::WrongShape:
            return fail(std::move(found), unexpectedJson(endpoint, what, "Loki", detail));
    }
    found.hitLimit = query.limit > 0 && found.lines.size() >= static_cast<size_t>(query.limit);
    Remote<LokiLogs> out;
    out.value = std::move(found);
    return out;
}

}  // namespace rootline::remote
