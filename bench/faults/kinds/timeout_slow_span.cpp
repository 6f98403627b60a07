// timeout_slow_span: a client gives up at its deadline (gRPC DEADLINE_EXCEEDED, an HTTP read
// timeout) and the failure propagates to the root, but the cause is a span underneath it that
// never failed: a slow query, a long computation, a lock wait or a slow third-party call, one
// to a few levels below the client. The server side keeps running after the client is gone.
// Label: the slow span (a leaf: its own time holds the delay).

#include <algorithm>

#include "scenario.h"

namespace rootline::faults {

namespace {

// The slow work, under `site` (a server or in-process span of the callee's subtree).
int addSlowSpan(Scenario& sc, int site, int64_t slowNs, std::string& what) {
    const ServiceDef& svc = sc.b.serviceOfSpan(site);
    const bool sql = svc.dbSystem == "postgresql" || svc.dbSystem == "mysql" ||
                     svc.dbSystem == "mssql" || svc.dbSystem == "mongodb";
    const uint32_t pick = sc.rng.below(4);
    int span = -1;
    if ((pick == 0 || pick == 1) && sql) {
        span = sc.b.db(site, sc.rng.below(svc.tables.size()), pick == 1);
        what = pick == 1 ? "a write waiting on a row lock" : "a slow query";
    } else if (pick == 2 && !svc.externalHost.empty()) {
        span = sc.b.external(site);
        what = "a slow third-party call";
    } else {
        span = sc.b.internal(site, std::string(sc.rng.pick(svc.internals)), 0);
        what = "a long in-process computation";
    }
    sc.d.at(span).leadNs = slowNs;
    insertAtRandom(sc, site, span, sc.rng.usSkewed(10, 500));
    return span;
}

}  // namespace

void injectTimeoutSlowSpan(Scenario& sc) {
    const auto hosts =
        requestServers(sc.d, [&](int s) { return !calleesOf(sc.d.serviceOf(s)).empty(); });
    const int server = sc.rng.pick(hosts);
    const int host = workHost(sc.d, server);
    const int callee = sc.rng.pick(calleesOf(sc.d.serviceOf(server)));
    const int op = static_cast<int>(sc.rng.below(service(callee).ops.size()));
    const Call call = sc.b.call(host, callee, op);
    sc.b.fill(call.server, static_cast<int>(sc.rng.range(0, 2)));
    insertAtRandom(sc, host, call.client, sc.rng.usSkewed(10, 400));

    // Where below the client the time goes: the callee's handler or anything in-process
    // further down.
    std::vector<int> sites;
    for (int s : subtree(sc.d, call.server))
        if (sc.d.at(s).kind == Kind::Server || (sc.d.at(s).kind == Kind::Internal))
            sites.push_back(s);
    const int site = sc.rng.pick(sites);

    static const int64_t kDeadlinesMs[] = {500, 800, 1000, 2000, 3000, 5000, 10000};
    const int64_t deadline = sc.rng.pick(kDeadlinesMs) * kMs;
    // Slow enough that the work alone outlasts the deadline, whatever else runs.
    const int64_t slow = deadline + deadline * sc.rng.range(20, 250) / 100;
    std::string what;
    const int slowSpan = addSlowSpan(sc, site, slow, what);

    Span& client = sc.d.at(call.client);
    client.deadlineNs = deadline;
    client.overshootNs = sc.rng.usSkewed(40, 4000);
    const Lang lang = sc.b.lang(call.client);
    const ServiceDef& target = service(callee);
    if (target.proto == Proto::Grpc) {
        std::string desc = "context deadline exceeded";
        if (lang == Lang::Java)
            desc = "deadline exceeded after " + std::to_string(deadline / kMs / 1000) + "." +
                   std::to_string(sc.rng.range(900000000, 999999999)) +
                   "s. [closed=[], open=[[remote_addr=" + std::string(target.name) + "/10.0." +
                   std::to_string(sc.rng.range(0, 15)) + "." +
                   std::to_string(sc.rng.range(2, 254)) + ":" + std::to_string(target.port) + "]]]";
        else if (lang != Lang::Go)
            desc = "Deadline Exceeded";
        client.status = Status::Error;
        client.statusMessage = lang == Lang::Java && sc.rng.chance(500) ? "" : desc;
        setAttr(client.attrs, "rpc.grpc.status_code", int64_t{4});
        client.failure =
            Failure{lang == Lang::Java ? "io.grpc.StatusRuntimeException" : "DeadlineExceeded",
                    desc,
                    0,
                    4,
                    "",
                    true};
        if (lang == Lang::Java && sc.rng.chance(500))
            recordException(client,
                            {"io.grpc.StatusRuntimeException", "DEADLINE_EXCEEDED: " + desc, ""},
                            sc.rng.us(5, 100));
    } else {
        removeAttr(client.attrs, "http.response.status_code");  // no response ever came
        const AttrValue* url = findAttr(client.attrs, "url.full");
        ExceptionInfo e =
            timeoutException(lang, url ? std::get<std::string>(*url) : "", deadline / kMs);
        failWithException(sc.b, call.client, e,
                          lang == Lang::Java || lang == Lang::Python || lang == Lang::DotNet
                              ? sc.rng.chance(700)
                              : sc.rng.chance(300));
        sc.d.at(call.client).failure.timeout = true;
    }
    sc.labels = {slowSpan};
    sc.note = describe(sc, call.client) + " gave up after " + std::to_string(deadline / kMs) +
              " ms; the time went to " + what + ", " + describe(sc, slowSpan) + " (" +
              std::to_string(slow / kMs) + " ms)";
    propagateFailure(sc.b, call.client);
}

}  // namespace rootline::faults
