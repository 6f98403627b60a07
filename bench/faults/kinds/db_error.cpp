// db_error: a database client span fails — a deadlock victim, a unique-constraint violation,
// a refused connection — and the callers fail with it up to the root. Label: the database
// client span.

#include "scenario.h"

namespace rootline::faults {

namespace {

bool sqlOrMongo(const ServiceDef& s) {
    return s.dbSystem == "postgresql" || s.dbSystem == "mysql" || s.dbSystem == "mongodb" ||
           s.dbSystem == "mssql";
}

}  // namespace

void injectDbError(Scenario& sc) {
    auto hosts = requestServers(sc.d, [&](int s) { return sqlOrMongo(sc.b.serviceOfSpan(s)); });
    if (hosts.empty()) {
        // No service with a database on the path yet: the request also calls one.
        const auto from = requestServers(
            sc.d, [&](int s) { return !callees(sc.d.serviceOf(s), sqlOrMongo).empty(); });
        const int server = sc.rng.pick(from);
        const int callee = sc.rng.pick(callees(sc.d.serviceOf(server), sqlOrMongo));
        const Call call = sc.b.call(workHost(sc.d, server), callee,
                                    static_cast<int>(sc.rng.below(service(callee).ops.size())));
        sc.b.fill(call.server, 0);
        insertAtRandom(sc, workHost(sc.d, server), call.client, sc.rng.usSkewed(10, 400));
        hosts = {call.server};
    }
    const int server = sc.rng.pick(hosts);
    const int origin = failDbQuery(sc, workHost(sc.d, server));
    sc.labels = {origin};
    const AttrValue* code = findAttr(sc.d.at(origin).attrs, "db.response.status_code");
    sc.note = describe(sc, origin) + " failed: " + sc.d.at(origin).failure.type +
              (code ? " (" + std::get<std::string>(*code) + ")" : "") +
              "; callers failed up to the root";
    propagateFailure(sc.b, origin);
}

}  // namespace rootline::faults
