#include "handled.h"

#include <algorithm>

namespace rootline::faults {

namespace {

// A handled error may sit in any server on the request path, even one that fails later for
// the real reason (it is placed before that), but not in a server whose failure starts in
// itself — a handler that threw, shed load or rejected the request — nor in a labelled span:
// there it would read as the cause.
bool canHost(const Scenario& sc, int server) {
    if (std::find(sc.labels.begin(), sc.labels.end(), server) != sc.labels.end()) return false;
    // A 4xx or a gRPC code is a failure even where the status stays unset (a rejection).
    const Span& self = sc.d.at(server);
    if (self.status != Status::Error && self.failure.http < 400 && self.failure.grpc <= 0)
        return true;
    for (int s : subtree(sc.d, server))
        if (s != server && sc.d.at(s).status == Status::Error) return true;
    return false;
}

// A server on the request path that can call a service answering lookups.
bool pickLookup(Scenario& sc, int& host, int& callee, int& op) {
    std::vector<std::pair<int, int>> options;  // (server span, callee)
    for (int s : requestServers(sc.d, [&](int server) { return canHost(sc, server); }))
        for (int c : calleesOf(sc.d.serviceOf(s)))
            options.push_back({s, c});
    if (options.empty()) return false;
    const auto [server, c] = sc.rng.pick(options);
    const ServiceDef& dep = service(c);
    std::vector<int> reads;
    for (size_t i = 0; i < dep.ops.size(); ++i)
        if (!isWriteOp(dep.ops[i])) reads.push_back(static_cast<int>(i));
    if (reads.empty()) return false;
    host = workHost(sc.d, server);
    callee = c;
    op = sc.rng.pick(reads);
    return true;
}

}  // namespace

std::string addBenignNotFound(Scenario& sc) {
    int host = -1, callee = -1, op = 0;
    if (!pickLookup(sc, host, callee, op)) return "";
    const Call call = sc.b.call(host, callee, op);
    const ServiceDef& dep = service(callee);
    if (!dep.tables.empty() && dep.dbSystem != "elasticsearch" && sc.rng.chance(600))
        sc.d.sequential(call.server, sc.b.db(call.server, 0, false));  // found nothing
    if (dep.proto == Proto::Grpc)
        failServer(sc.b, call.server, 0, 5, "not found: " + std::to_string(sc.b.randomId(6)));
    else
        failServer(sc.b, call.server, 404, -1, "");
    propagateFailure(sc.b, call.server, host);  // the client sees it; the caller handles it
    Step step{{call.client}, sc.rng.usSkewed(10, 300)};
    insertStepAtRandom(sc, host, step);
    return "benign not-found from " + describe(sc, call.server);
}

std::string addHandledError(Scenario& sc, bool allowRetry) {
    const uint32_t kind = sc.rng.below(allowRetry ? 3 : 2);
    if (kind == 0) return addBenignNotFound(sc);
    if (kind == 1) {
        // A cache that errors; the service reads its database instead.
        const auto hosts = requestServers(sc.d, [&](int s) {
            const ServiceDef& svc = sc.b.serviceOfSpan(s);
            if (!canHost(sc, s)) return false;
            return svc.redis && !svc.tables.empty() && svc.dbSystem != "elasticsearch";
        });
        if (hosts.empty()) return addBenignNotFound(sc);
        const int host = workHost(sc.d, sc.rng.pick(hosts));
        const ServiceDef& svc = sc.b.serviceOfSpan(host);
        const int get =
            sc.b.redis(host, "GET", std::string(svc.name.substr(0, svc.name.find('-'))) + ":?");
        std::pair<std::string, std::string> error;
        switch (svc.lang) {
            case Lang::Java:
                error = {"io.lettuce.core.RedisCommandTimeoutException",
                         "Command timed out after 50 millisecond(s)"};
                break;
            case Lang::Python:
                error = {"redis.exceptions.ConnectionError",
                         "Error 104 while writing to socket. Connection reset by peer."};
                break;
            case Lang::Node:
                error = {"ReplyError", "LOADING Redis is loading the dataset in memory"};
                break;
            case Lang::DotNet:
                error = {"StackExchange.Redis.RedisTimeoutException",
                         "Timeout awaiting response (outbound=0KiB, inbound=0KiB, 5021ms elapsed, "
                         "timeout "
                         "is 5000ms)"};
                break;
            default:
                error = {"*errors.errorString", "redis: connection pool timeout"};
                break;
        }
        const auto& [type, message] = error;
        sc.d.at(get).leadNs = sc.rng.us(2000, 52000);
        failWithException(sc.b, get, {type, message, ""}, sc.rng.chance(500));
        const int read = sc.b.db(host, sc.rng.below(svc.tables.size()), false);
        // Both steps go in together, the fallback right after the failed GET.
        insertStepAtRandom(sc, host, Step{{get}, sc.rng.usSkewed(10, 200)});
        const int at = sc.d.stepOf(host, get);
        sc.d.insertStep(host, static_cast<size_t>(at) + 1, Step{{read}, sc.rng.usSkewed(20, 300)});
        return "handled cache error at " + describe(sc, get);
    }
    // A call that fails once and succeeds on the retry.
    int host = -1, callee = -1, op = 0;
    if (!pickLookup(sc, host, callee, op)) return "";
    const Call first = sc.b.call(host, callee, op);
    const ServiceDef& dep = service(callee);
    if (dep.proto == Proto::Grpc)
        failServer(sc.b, first.server, 0, 14, "connection reset by peer");
    else
        failServer(sc.b, first.server, 503, -1, "");
    propagateFailure(sc.b, first.server, host);
    const Call second = sc.b.call(host, callee, op, -1);
    if (dep.proto != Proto::Grpc)
        setAttr(sc.d.at(second.client).attrs, "http.request.resend_count", int64_t{1});
    insertStepAtRandom(sc, host, Step{{first.client}, sc.rng.usSkewed(10, 300)});
    const int at = sc.d.stepOf(host, first.client);
    sc.d.insertStep(host, static_cast<size_t>(at) + 1,
                    Step{{second.client}, sc.rng.us(20000, 120000)});  // backoff
    return "retried-then-succeeded call " + describe(sc, first.client);
}

}  // namespace rootline::faults
