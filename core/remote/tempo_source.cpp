// The Tempo client: a trace by id (search, tags and the lists are in their own files). Which
// routes answer, and how one is found missing, is described in tempo_source.h.

#include "remote/tempo_source.h"

#include "remote/remote_json.h"

namespace rootline::remote {

namespace {

using nlohmann::json;

Remote<FetchedTrace> fail(RemoteError error) {
    Remote<FetchedTrace> out;
    out.error = std::move(error);
    return out;
}

// An answer of /api/v2/traces/{id} or /api/traces/{id} that is not a missing route.
Remote<FetchedTrace> readTrace(Answer& answer, const Connection& connection, const std::string& hex,
                               const std::string& what, const char* api) {
    const std::string endpoint = connection.endpoint();
    // Tempo's not-found is a 404 with an empty body (a 422 says the trace is too large: its
    // text goes into the BadRequest message).
    if (answer.status() == 404)
        return fail({RemoteErrorKind::NotFound, what + " not found on " + endpoint});
    if (!answer.is2xx()) return fail(failure(answer, connection, what));
    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), endpoint, what, parsed, error)) return fail(error);
    if (!parsed.doc.is_object())
        return fail(unexpectedJson(endpoint, what, "Tempo", "not a JSON object"));
    // v2 answers a trace it does not have with 200 and an empty "trace"; v1 with no batches.
    if (parsed.spansUnder(parsed.doc) == 0)
        return fail({RemoteErrorKind::NotFound, what + " not found on " + endpoint});

    Remote<FetchedTrace> out;
    out.value.traceId = hex;
    out.value.api = api;
    // "status" is left out when COMPLETE (proto-JSON omits the zero value).
    if (stringOf(parsed.doc, "status") == "PARTIAL") {
        const std::string message = stringOf(parsed.doc, "message");
        out.value.warnings.push_back(message.empty()
                                         ? std::string("Tempo returned a partial trace")
                                         : "Tempo returned a partial trace: " + message);
    }
    out.value.body = std::move(answer.body());
    return out;
}

}  // namespace

TempoSource::TempoSource(Connection connection)
    : connection_(std::move(connection)), endpoint_(connection_.endpoint()) {}

RemoteError TempoSource::wrongUrl(const Answer& last) const {
    return remote::wrongUrl(last, connection_, "Tempo", "/tempo");
}

Remote<FetchedTrace> TempoSource::fetchTrace(const std::string& traceId,
                                             const std::atomic<bool>* cancel) {
    std::string hex;
    RemoteError error;
    if (!normaliseTraceId(traceId, hex, error)) return fail(error);
    const std::string what = traceWhat(hex);

    if (!v2Traces_.knownMissing()) {
        Answer v2 = get(connection_, "/api/v2/traces/" + hex, what, cancel);
        if (!v2.error.ok()) return fail(v2.error);
        if (!isMissingRoute(v2)) return readTrace(v2, connection_, hex, what, "tempo v2");
    }
    Answer v1 = get(connection_, "/api/traces/" + hex, what, cancel);
    if (!v1.error.ok()) return fail(v1.error);
    if (isMissingRoute(v1)) return fail(wrongUrl(v1));
    Remote<FetchedTrace> out = readTrace(v1, connection_, hex, what, "tempo v1");
    // v1 answered where v2 did not: a Tempo older than 2.6.
    if (out.ok() || out.error.kind == RemoteErrorKind::NotFound) v2Traces_.markMissing();
    return out;
}

}  // namespace rootline::remote
