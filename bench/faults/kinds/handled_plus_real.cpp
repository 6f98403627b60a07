// handled_plus_real: handled errors that cause nothing — a 404 lookup the caller falls back
// from, a call that failed once and succeeded on retry, a cache error followed by a database
// read — next to the real failure (an exception, a database error or a failing downstream
// handler) that propagates to the root. Label: the real failure's origin.

#include "handled.h"

namespace rootline::faults {

void injectHandledPlusReal(Scenario& sc) {
    const auto hosts = requestServers(sc.d);
    const int server = sc.rng.pick(hosts);
    const ServiceDef& svc = sc.b.serviceOfSpan(server);
    int origin = -1;
    const uint32_t variant = sc.rng.below(3);
    if (variant == 0 && !svc.tables.empty() && svc.dbSystem != "elasticsearch") {
        origin = failDbQuery(sc, workHost(sc.d, server));
    } else if (variant == 1 && server != sc.d.root) {
        origin = throwInServer(sc, server);
    } else {
        origin = throwInLeaf(sc, workHost(sc.d, server));
    }
    sc.labels = {origin};
    propagateFailure(sc.b, origin);
    std::string handled;
    const int64_t count = sc.rng.range(1, 3);
    for (int64_t i = 0; i < count; ++i) {
        const std::string h = addHandledError(sc, true);
        if (!h.empty()) handled += (handled.empty() ? "" : "; ") + h;
    }
    sc.note = "real failure at " + describe(sc, origin) + " (" + sc.d.at(origin).failure.type +
              "); handled: " + handled;
}

}  // namespace rootline::faults
