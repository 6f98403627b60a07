// async_consumer_link: the request publishes a message and succeeds; a consumer in the same
// trace — a child of the producer span that also links to it, or a root of its own that only
// links to it (Jaeger: a FOLLOWS_FROM reference) — fails while processing the message: the
// event does not decode, a duplicate delivery violates a unique key, a service it calls fails,
// the third-party API it posts to is down. Label: the consumer-side span where the failure
// originates.

#include "scenario.h"

namespace rootline::faults {

void injectAsyncConsumer(Scenario& sc) {
    const auto publishes = [](const ServiceDef& s) { return !s.publishes.empty(); };
    auto hosts = requestServers(sc.d, [&](int s) { return publishes(sc.b.serviceOfSpan(s)); });
    if (hosts.empty()) {
        // The edges call a publishing service (checkout, orders); add that call.
        const int root = sc.d.root;
        const int callee = sc.rng.pick(callees(sc.d.serviceOf(root), publishes));
        const ServiceDef& dep = service(callee);
        int op = 0;
        for (size_t i = 0; i < dep.ops.size(); ++i)
            if (isWriteOp(dep.ops[i])) op = static_cast<int>(i);
        const Call call = sc.b.call(workHost(sc.d, root), callee, op);
        sc.b.fill(call.server, 0);
        insertAtRandom(sc, workHost(sc.d, root), call.client, sc.rng.usSkewed(10, 400));
        hosts = {call.server};
    }
    const int server = sc.rng.pick(hosts);
    const int host = workHost(sc.d, server);
    const int producer = sc.b.publish(host);
    insertAtRandom(sc, host, producer, sc.rng.usSkewed(10, 300));
    const std::string topic(sc.b.serviceOfSpan(host).publishes);
    const std::vector<int> consumers = consumersOf(topic);
    const int consumerService = sc.rng.pick(consumers);
    const bool child = sc.rng.chance(500);
    const int consumer = sc.b.consume(producer, consumerService, child);
    sc.b.budget = std::max(sc.b.budget, 8);
    sc.b.fill(consumer, 1);
    // Another subscriber may process the same message without trouble.
    for (int other : consumers)
        if (other != consumerService && sc.rng.chance(400))
            sc.b.fill(sc.b.consume(producer, other, sc.rng.chance(500)), 1);

    const ServiceDef& svc = service(consumerService);
    const int work = workHost(sc.d, consumer);
    std::vector<int> called;  // servers the consumer calls
    for (int s : subtree(sc.d, consumer))
        if (sc.d.at(s).kind == Kind::Server) called.push_back(s);
    int origin = -1;
    std::string how;
    const uint32_t variant = sc.rng.below(4);
    if (variant == 0 && !svc.tables.empty()) {
        origin = failDbQuery(sc, work);
        how = "its database call failed";
    } else if (variant == 1 && !called.empty()) {
        const int target = sc.rng.pick(called);
        const ServiceDef& t = sc.b.serviceOfSpan(target);
        const bool db = !t.tables.empty() && t.dbSystem != "elasticsearch" && sc.rng.chance(500);
        origin = db ? failDbQuery(sc, workHost(sc.d, target)) : throwInServer(sc, target);
        how = "a service it called failed";
    } else if (variant == 2 && !svc.externalHost.empty()) {
        origin = sc.b.external(work);
        insertAtRandom(sc, work, origin, sc.rng.usSkewed(10, 300));
        const int status = sc.rng.pick(std::vector<int>{500, 502, 503, 401});
        setAttr(sc.d.at(origin).attrs, "http.response.status_code", int64_t{status});
        setAttr(sc.d.at(origin).attrs, "error.type", std::to_string(status));
        sc.d.at(origin).status = Status::Error;
        sc.d.at(origin).failure.http = status;
        sc.d.at(origin).failure.type =
            "AxiosError";  // the only consumer with an external API is Node
        sc.d.at(origin).failure.message =
            "Request failed with status code " + std::to_string(status);
        how = "the third-party API answered " + std::to_string(status);
    } else {
        origin = throwInLeaf(sc, work);
        how = "its handler threw " + sc.d.at(origin).failure.type;
    }
    sc.labels = {origin};
    sc.note = std::string(svc.name) + " consumed the '" + topic + "' message published by " +
              describe(sc, producer) + (child ? " (child + link)" : " (link only)") +
              " and failed: " + how + " at " + describe(sc, origin) +
              "; the request itself succeeded";
    propagateFailure(sc.b, origin, producer);
}

}  // namespace rootline::faults
