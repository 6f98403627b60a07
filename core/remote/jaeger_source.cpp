// The Jaeger client: a trace by id, services, operations (the search is jaeger_search.cpp).
// Which API answers, and how its routes are found missing, is described in jaeger_source.h.

#include "remote/jaeger_source.h"

#include <algorithm>

#include "remote/remote_json.h"

namespace rootline::remote {

namespace {

using nlohmann::json;

constexpr const char* kApi = "Jaeger";

Remote<FetchedTrace> fail(RemoteError error) {
    Remote<FetchedTrace> out;
    out.error = std::move(error);
    return out;
}

RemoteError notFound(const Connection& connection, const std::string& what) {
    return {RemoteErrorKind::NotFound, what + " not found on " + connection.endpoint()};
}

// An answer of /api/v3/traces/{id} that is not a missing route: {"result":{"resourceSpans":…}},
// or the api_v3 error JSON.
Remote<FetchedTrace> readV3Trace(Answer& answer, const Connection& connection,
                                 const std::string& hex, const std::string& what) {
    if (answer.status() == 404) return fail(notFound(connection, what));
    if (!answer.is2xx()) return fail(failure(answer, connection, what));
    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), connection.endpoint(), what, parsed, error))
        return fail(error);
    const json* result = member(parsed.doc, "result");
    if (!result) return fail(unexpectedJson(connection.endpoint(), what, kApi, "no \"result\""));
    if (parsed.spansUnder(*result) == 0) return fail(notFound(connection, what));
    Remote<FetchedTrace> out;
    out.value = {std::move(answer.body()), hex, "api_v3", {}};
    return out;
}

// An answer of /api/traces/{id}: {"data":[trace],"errors":null}, or the same envelope with
// errors and no data.
Remote<FetchedTrace> readV1Trace(Answer& answer, const Connection& connection,
                                 const std::string& hex, const std::string& what) {
    if (answer.status() == 404) return fail(notFound(connection, what));
    if (!answer.is2xx()) return fail(failure(answer, connection, what));
    JsonAnswer parsed;
    RemoteError error;
    if (!parseJsonAnswer(answer.body(), connection.endpoint(), what, parsed, error))
        return fail(error);
    if (!parsed.doc.is_object() || (!parsed.doc.contains("data") && !parsed.doc.contains("errors")))
        return fail(unexpectedJson(connection.endpoint(), what, kApi, "no \"data\""));
    // A 200 with an empty data list, or errors only: the trace is not there.
    const json* data = member(parsed.doc, "data");
    if (!data || parsed.spansUnder(*data) == 0) return fail(notFound(connection, what));
    Remote<FetchedTrace> out;
    out.value = {std::move(answer.body()), hex, "v1", {}};
    return out;
}

// The names in a list answer: strings (v1, v3 services) or objects with a name (v3 operations).
std::vector<std::string> namesIn(const json* items) {
    std::vector<std::string> names;
    if (!items || !items->is_array()) return names;
    for (const json& item : *items) {
        if (item.is_string())
            names.push_back(item.get<std::string>());
        else if (std::string name = stringOf(item, "name"); !name.empty())
            names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace

JaegerSource::JaegerSource(Connection connection)
    : connection_(std::move(connection)), endpoint_(connection_.endpoint()) {}

RemoteError JaegerSource::wrongUrl(const Answer& last) const {
    return remote::wrongUrl(last, connection_, kApi, "/jaeger");
}

Remote<FetchedTrace> JaegerSource::fetchTrace(const std::string& traceId,
                                              const std::atomic<bool>* cancel) {
    std::string hex;
    RemoteError error;
    if (!normaliseTraceId(traceId, hex, error)) return fail(error);
    const std::string what = traceWhat(hex);

    if (!v3Routes_.knownMissing()) {
        Answer v3 = get(connection_, "/api/v3/traces/" + hex, what, cancel);
        if (!v3.error.ok()) return fail(v3.error);
        if (!isMissingRoute(v3)) return readV3Trace(v3, connection_, hex, what);
    }
    Answer v1 = get(connection_, "/api/traces/" + hex, what, cancel);
    if (!v1.error.ok()) return fail(v1.error);
    if (isMissingRoute(v1)) return fail(wrongUrl(v1));
    Remote<FetchedTrace> out = readV1Trace(v1, connection_, hex, what);
    // The v1 API answered where api_v3 did not: a Jaeger older than 1.53.
    if (out.ok() || out.error.kind == RemoteErrorKind::NotFound) v3Routes_.markMissing();
    return out;
}

Remote<std::vector<std::string>> JaegerSource::list(const std::string& v3Path, const char* v3Key,
                                                    const std::string& v1Path,
                                                    const std::string& what,
                                                    const std::atomic<bool>* cancel) {
    Remote<std::vector<std::string>> out;
    const bool tryV3 = !v3Routes_.knownMissing();
    Answer answer;
    if (tryV3) {
        answer = get(connection_, v3Path, what, cancel);
        if (!answer.error.ok()) {
            out.error = answer.error;
            return out;
        }
    }
    const bool v1 = !tryV3 || isMissingRoute(answer);
    if (v1) {
        answer = get(connection_, v1Path, what, cancel);
        if (!answer.error.ok()) {
            out.error = answer.error;
            return out;
        }
        if (isMissingRoute(answer)) {
            out.error = wrongUrl(answer);
            return out;
        }
    }
    if (!answer.is2xx()) {
        out.error = failure(answer, connection_, what);
        return out;
    }
    JsonAnswer parsed;
    if (!parseJsonAnswer(answer.body(), endpoint_, what, parsed, out.error)) return out;
    if (!parsed.doc.is_object()) {
        out.error = unexpectedJson(endpoint_, what, kApi, "not a JSON object");
        return out;
    }
    // proto-JSON leaves an empty list out altogether, so a missing key is an empty list.
    out.value = namesIn(member(parsed.doc, v1 ? "data" : v3Key));
    if (v1 && tryV3) v3Routes_.markMissing();
    return out;
}

Remote<std::vector<std::string>> JaegerSource::services(const std::atomic<bool>* cancel) {
    return list("/api/v3/services", "services", "/api/services", "services", cancel);
}

Remote<std::vector<std::string>> JaegerSource::operations(const std::string& service,
                                                          const std::atomic<bool>* cancel) {
    if (service.empty()) {
        Remote<std::vector<std::string>> out;
        out.error = {RemoteErrorKind::BadRequest, "Jaeger needs a service to list operations"};
        return out;
    }
    const std::string encoded = urlEncode(service);
    return list("/api/v3/operations?service=" + encoded, "operations",
                "/api/services/" + encoded + "/operations", "operations of '" + service + "'",
                cancel);
}

Remote<std::vector<std::string>> JaegerSource::tagNames(const std::atomic<bool>*) {
    return {};
}

Remote<std::vector<std::string>> JaegerSource::tagValues(const std::string&,
                                                         const std::atomic<bool>*) {
    return {};
}

}  // namespace rootline::remote
