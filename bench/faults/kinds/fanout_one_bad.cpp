// fanout_one_bad: a parent calls one operation N times in parallel (a price per line item, the
// stock of each SKU) and exactly one call fails — its handler throws, its query fails, or
// something it calls in turn fails — while the others succeed; the parent fails with it.
// Label: the span where that one failure originates.

#include <algorithm>

#include "scenario.h"

namespace rootline::faults {

void injectFanoutOneBad(Scenario& sc) {
    const auto hosts =
        requestServers(sc.d, [&](int s) { return !calleesOf(sc.d.serviceOf(s)).empty(); });
    const int server = sc.rng.pick(hosts);
    const int host = workHost(sc.d, server);
    const int callee = sc.rng.pick(calleesOf(sc.d.serviceOf(server)));
    const int op = static_cast<int>(sc.rng.below(service(callee).ops.size()));
    const int n = static_cast<int>(sc.rng.range(3, 16));
    const int hops = sc.rng.chance(300) ? 1 : 0;
    std::vector<int> clients, servers;
    for (int i = 0; i < n; ++i) {
        const Call call = sc.b.call(host, callee, op);
        sc.d.at(call.client).staggerNs = sc.rng.usSkewed(0, 800);
        sc.b.budget = std::max(sc.b.budget, 6);  // every call does the same work
        sc.b.fill(call.server, hops);
        clients.push_back(call.client);
        servers.push_back(call.server);
    }
    insertStepAtRandom(sc, host, Step{clients, sc.rng.usSkewed(10, 300)});

    const int bad = servers[sc.rng.below(servers.size())];
    const ServiceDef& dep = service(callee);
    int origin = -1;
    std::vector<int> deeper;  // servers the failing call calls in turn
    for (int s : subtree(sc.d, bad))
        if (s != bad && sc.d.at(s).kind == Kind::Server) deeper.push_back(s);
    const uint32_t variant = sc.rng.below(4);
    if (variant == 0 && !deeper.empty()) {
        origin = throwInServer(sc, sc.rng.pick(deeper));
    } else if (variant == 1 && !dep.tables.empty() && dep.dbSystem != "elasticsearch") {
        origin = failDbQuery(sc, workHost(sc.d, bad));
    } else if (variant == 2 && !dep.internals.empty()) {
        origin = throwInLeaf(sc, workHost(sc.d, bad));
    } else {
        origin = throwInServer(sc, bad);
    }
    sc.labels = {origin};
    sc.note = "1 of " + std::to_string(n) + " parallel calls to " + std::string(dep.name) + " '" +
              sc.d.at(bad).name + "' failed at " + describe(sc, origin) + " (" +
              sc.d.at(origin).failure.type + ")";
    propagateFailure(sc.b, origin);
}

}  // namespace rootline::faults
