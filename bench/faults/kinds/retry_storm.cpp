// retry_storm: a caller retries a call to an overloaded dependency, attempt after attempt with
// backoff (HTTP attempts carry http.request.resend_count), and every attempt is turned away —
// 503 from a load shedder, a connection pool that cannot hand out a connection, 429 from a rate
// limiter, gRPC UNAVAILABLE / RESOURCE_EXHAUSTED — until the caller gives up and the request
// fails. Label: for each attempt, the dependency-side span where its failure originates (the
// server span that rejected it, or the pool span under it).

#include "scenario.h"

namespace rootline::faults {

namespace {

struct PoolError {
    std::string span;
    ExceptionInfo e;
};

PoolError poolError(Lang lang, int64_t waitMs) {
    const std::string ms = std::to_string(waitMs);
    switch (lang) {
        case Lang::Java:
            return {"HikariPool.getConnection",
                    {"java.sql.SQLTransientConnectionException",
                     "HikariPool-1 - Connection is not available, request timed out after " + ms +
                         "ms.",
                     ""}};
        case Lang::Go:
            return {"pgxpool.Acquire",
                    {"*errors.errorString",
                     "failed to acquire connection: context deadline exceeded", ""}};
        case Lang::Python:
            return {
                "pool.acquire",
                {"sqlalchemy.exc.TimeoutError",
                 "QueuePool limit of size 10 overflow 5 reached, connection timed out, timeout " +
                     std::to_string(waitMs / 1000) + "." + std::to_string(waitMs % 1000 / 10),
                 ""}};
        case Lang::Node:
            return {"pg-pool.connect", {"Error", "timeout exceeded when trying to connect", ""}};
        case Lang::DotNet:
            return {
                "SqlConnection.Open",
                {"System.InvalidOperationException",
                 "Timeout expired.  The timeout period elapsed prior to obtaining a connection "
                 "from "
                 "the pool.  This may have occurred because all pooled connections were in use and "
                 "max pool size was reached.",
                 ""}};
        case Lang::Ruby:
            return {"ActiveRecord::ConnectionPool#checkout",
                    {"ActiveRecord::ConnectionTimeoutError",
                     "could not obtain a connection from the pool within " +
                         std::to_string(waitMs / 1000) +
                         ".000 seconds; all pooled connections were in use",
                     ""}};
        case Lang::Rust:
            return {"sqlx::pool::acquire",
                    {"sqlx::Error", "pool timed out while waiting for an open connection", ""}};
    }
    return {"pool.acquire", {"PoolTimeout", "pool exhausted", ""}};
}

}  // namespace

void injectRetryStorm(Scenario& sc) {
    const auto hosts =
        requestServers(sc.d, [&](int s) { return !calleesOf(sc.d.serviceOf(s)).empty(); });
    const int server = sc.rng.pick(hosts);
    const int host = workHost(sc.d, server);
    const int callee = sc.rng.pick(calleesOf(sc.d.serviceOf(server)));
    const ServiceDef& dep = service(callee);
    const int op = static_cast<int>(sc.rng.below(dep.ops.size()));
    const bool grpc = dep.proto == Proto::Grpc;
    const bool hasPool = !dep.dbSystem.empty() && dep.dbSystem != "elasticsearch";
    // 0: shed with 503/UNAVAILABLE, 1: pool exhausted, 2: rate limited (429/RESOURCE_EXHAUSTED)
    uint32_t mode = sc.rng.below(3);
    if (mode == 1 && !hasPool) mode = 0;
    const int attempts = static_cast<int>(sc.rng.range(3, 6));
    const int64_t poolWaitMs = sc.rng.pick(std::vector<int64_t>{250, 500, 1000, 2000});
    const int64_t backoffMs = sc.rng.range(20, 200);
    static const std::vector<std::string> kShed = {
        "upstream overloaded: max concurrent requests (256) reached",
        "work queue is full (capacity 1000)", "server is shedding load",
        "too many pending requests; try again later"};
    const std::string shedText = sc.rng.pick(kShed);

    std::vector<int> clients;
    for (int i = 0; i < attempts; ++i) {
        const Call call = sc.b.call(host, callee, op);  // each attempt may land on another instance
        if (!grpc && i > 0)
            setAttr(sc.d.at(call.client).attrs, "http.request.resend_count", int64_t{i});
        int origin = call.server;
        if (mode == 1) {
            const PoolError pe = poolError(dep.lang, poolWaitMs);
            const int pool =
                sc.b.internal(call.server, pe.span, poolWaitMs * kMs + sc.rng.usSkewed(50, 3000));
            sc.d.sequential(call.server, pool);
            failWithException(sc.b, pool, pe.e, sc.rng.chance(800));
            origin = pool;
            if (grpc)
                failServer(sc.b, call.server, 0, sc.rng.chance(500) ? 14 : 13, pe.e.message);
            else
                failServer(sc.b, call.server, sc.rng.chance(600) ? 503 : 500, -1, "");
            sc.d.at(call.server).status = Status::Error;
            if (sc.rng.chance(600)) recordException(sc.d.at(call.server), pe.e, sc.rng.us(5, 100));
        } else if (mode == 2) {
            // A rate limiter's 4xx: not an error on the server span (OTel), an error for the
            // client.
            if (grpc)
                failServer(sc.b, call.server, 0, 8, "rate limit exceeded: 200 requests per second");
            else
                failServer(sc.b, call.server, 429, -1, "");
            sc.d.at(call.server).leadNs = sc.rng.usSkewed(30, 600);
            sc.d.at(call.server).tailNs = sc.rng.usSkewed(20, 300);
        } else {
            if (grpc)
                failServer(sc.b, call.server, 0, 14, shedText);
            else
                failServer(sc.b, call.server, 503, -1, "");
            sc.d.at(call.server).leadNs = sc.rng.usSkewed(40, 3000);
        }
        // The attempt fails at the client (from the server's answer); the host retries.
        propagateFailure(sc.b, call.server, host);
        sc.labels.push_back(origin);
        clients.push_back(call.client);
        const int64_t backoff =
            i == 0 ? 0 : (backoffMs << (i - 1)) * kMs + sc.rng.usSkewed(0, 20000);
        sc.d.sequential(host, call.client, backoff);
    }
    // Move the attempts to a random place among the host's steps (they were appended).
    auto& steps = sc.d.at(host).steps;
    std::vector<Step> tail(steps.end() - attempts, steps.end());
    steps.erase(steps.end() - attempts, steps.end());
    size_t at = static_cast<size_t>(sc.rng.range(0, static_cast<int64_t>(steps.size())));
    for (int i = 0; i < attempts; ++i)
        sc.d.insertStep(host, at + static_cast<size_t>(i), tail[static_cast<size_t>(i)]);

    static const char* const kModes[] = {"shedding load", "out of database connections",
                                         "rate limiting"};
    sc.note = std::string(dep.name) + " was " + kModes[mode] + ": " + std::to_string(attempts) +
              " attempts of " + sc.d.at(clients[0]).name + " from " +
              std::string(sc.b.serviceOfSpan(host).name) + " failed; the request failed";
    propagateFailure(sc.b, clients.back());
}

}  // namespace rootline::faults
