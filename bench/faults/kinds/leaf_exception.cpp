// leaf_exception: code throws in a leaf — an in-process span with no children, or the server
// span of a service that calls nothing — and the exception travels up to the root: every
// ancestor fails, frameworks record it again on the way. Label: the leaf.

#include "scenario.h"

namespace rootline::faults {

void injectLeafException(Scenario& sc) {
    // Half the time a leaf service's handler throws (a call to a service that calls nobody).
    if (sc.rng.chance(500)) {
        const auto hosts = requestServers(sc.d, [&](int s) {
            return !callees(sc.d.serviceOf(s), [](const ServiceDef& c) {
                        return c.callees.empty();
                    }).empty();
        });
        if (!hosts.empty()) {
            const int server = sc.rng.pick(hosts);
            const int host = workHost(sc.d, server);
            const auto leaves = callees(sc.d.serviceOf(server),
                                        [](const ServiceDef& c) { return c.callees.empty(); });
            const int callee = sc.rng.pick(leaves);
            const int op = static_cast<int>(sc.rng.below(service(callee).ops.size()));
            const Call call = sc.b.call(host, callee, op);
            insertAtRandom(sc, host, call.client, sc.rng.usSkewed(10, 400));
            sc.d.at(call.server).leadNs += sc.rng.usSkewed(100, 6000);
            const int origin = throwInServer(sc, call.server);
            sc.labels = {origin};
            sc.note = "the handler of " + describe(sc, origin) + " threw " +
                      sc.d.at(origin).failure.type + "; the failure reached the root";
            propagateFailure(sc.b, origin);
            return;
        }
    }
    const auto hosts = requestServers(sc.d);
    // Prefer a server below the edge: most bugs are not in the gateway.
    std::vector<int> deeper;
    for (int s : hosts)
        if (s != sc.d.root) deeper.push_back(s);
    const int server =
        !deeper.empty() && sc.rng.chance(800) ? sc.rng.pick(deeper) : sc.rng.pick(hosts);
    const int origin = throwInLeaf(sc, workHost(sc.d, server));
    sc.labels = {origin};
    sc.note = describe(sc, origin) + " threw " + sc.d.at(origin).failure.type +
              "; the exception propagated to the root";
    propagateFailure(sc.b, origin);
}

}  // namespace rootline::faults
