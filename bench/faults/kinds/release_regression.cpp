// release_regression: a service is mid-rollout — its old instances run the current version,
// one new instance (new ReplicaSet, new service.version) runs the next. A caller calls it
// several times (in parallel or in a loop) and the calls that land on the new instance fail
// (an exception in the new code, a query against a column the migration has not added yet) or
// are many times slower than the same calls on the old instances. Label: the span on the new
// instance where each bad call's failure or delay originates.

#include <algorithm>

#include "scenario.h"

namespace rootline::faults {

namespace {

std::string nextVersion(const std::string& v) {
    const size_t a = v.find('.');
    const size_t b = v.find('.', a + 1);
    const int minor = std::stoi(v.substr(a + 1, b - a - 1));
    return v.substr(0, a) + "." + std::to_string(minor + 1) + ".0";
}

}  // namespace

void injectReleaseRegression(Scenario& sc) {
    const auto regressable = [](const ServiceDef& s) {
        return !s.edge && s.proto != Proto::Consumer;
    };
    const auto hosts = requestServers(
        sc.d, [&](int s) { return !callees(sc.d.serviceOf(s), regressable).empty(); });
    const int server = sc.rng.pick(hosts);
    const int host = workHost(sc.d, server);
    const int target = sc.rng.pick(callees(sc.d.serviceOf(server), regressable));
    const ServiceDef& svc = service(target);

    // The old instances (whatever the trace already uses, at least one), then the new one.
    std::vector<int> old;
    for (size_t r = 0; r < sc.d.resources.size(); ++r)
        if (sc.d.resources[r].service == target) old.push_back(static_cast<int>(r));
    if (old.empty()) old.push_back(sc.b.instance(target));
    const std::string oldVersion = sc.b.version(target);
    const std::string newVersion = nextVersion(oldVersion);
    const int fresh = sc.b.addInstance(target, newVersion);
    sc.b.restrictInstances(target, old);  // anything else still lands on the old version

    const int op = static_cast<int>(sc.rng.below(svc.ops.size()));
    const int n = static_cast<int>(sc.rng.range(3, 10));
    const bool parallel = sc.rng.chance(600);
    const bool fails = sc.rng.chance(550);
    const bool sql =
        svc.dbSystem == "postgresql" || svc.dbSystem == "mysql" || svc.dbSystem == "mssql";
    const bool missingColumn = fails && sql && sc.rng.chance(500);
    const bool slowInternal = !fails && !svc.internals.empty() && sc.rng.chance(500);
    const int64_t extraNs = sc.rng.us(250000, 2500000);  // how much slower the new code is
    // The in-process step the new code made slow: every call runs it, quickly on the old version.
    const std::string slowStep =
        svc.internals.empty() ? "" : std::string(sc.rng.pick(svc.internals));

    // Which calls land where: round-robin-ish, at least one on each version.
    std::vector<bool> onNew(static_cast<size_t>(n));
    for (auto&& v : onNew)
        v = sc.rng.chance(450);
    onNew[sc.rng.below(onNew.size())] = true;
    if (std::count(onNew.begin(), onNew.end(), true) == n)
        onNew[sc.rng.below(onNew.size())] = false;

    std::vector<int> clients, origins;
    sc.b.budget = std::max(sc.b.budget, 2 * n);
    for (int i = 0; i < n; ++i) {
        const bool bad = onNew[static_cast<size_t>(i)];
        const Call call = sc.b.call(host, target, op, bad ? fresh : sc.rng.pick(old));
        sc.b.fill(call.server, 0);
        clients.push_back(call.client);
        if (slowInternal && !bad) {
            const int step =
                sc.b.internal(workHost(sc.d, call.server), slowStep, sc.rng.usSkewed(80, 4000));
            insertAtRandom(sc, workHost(sc.d, call.server), step, sc.rng.usSkewed(10, 200));
        }
        if (!bad) continue;
        if (fails) {
            if (missingColumn) {
                std::string code;
                const int q = sc.b.db(workHost(sc.d, call.server), 0, sc.rng.chance(500));
                insertAtRandom(sc, workHost(sc.d, call.server), q, sc.rng.usSkewed(10, 200));
                const ExceptionInfo e = dbException(sc.rng, svc.lang, svc, "missing_column", code);
                setAttr(sc.d.at(q).attrs, "db.response.status_code", code);
                failWithException(sc.b, q, e, sc.rng.chance(800));
                origins.push_back(q);
            } else {
                origins.push_back(throwInServer(sc, call.server));
            }
        } else if (slowInternal) {
            const int slow =
                sc.b.internal(workHost(sc.d, call.server), slowStep, extraNs + sc.rng.us(0, 20000));
            insertAtRandom(sc, workHost(sc.d, call.server), slow, sc.rng.usSkewed(10, 200));
            origins.push_back(slow);
        } else {
            sc.d.at(call.server).tailNs += extraNs + sc.rng.us(0, 20000);
            origins.push_back(call.server);
        }
    }
    if (parallel) {
        for (int c : clients)
            sc.d.at(c).staggerNs = sc.rng.usSkewed(0, 700);
        insertStepAtRandom(sc, host, Step{clients, sc.rng.usSkewed(10, 300)});
    } else {
        // A loop: consecutive steps at one random place.
        insertAtRandom(sc, host, clients[0], sc.rng.usSkewed(10, 300));
        const int at = sc.d.stepOf(host, clients[0]);
        for (size_t i = 1; i < clients.size(); ++i)
            sc.d.insertStep(host, static_cast<size_t>(at) + i,
                            Step{{clients[i]}, sc.rng.usSkewed(5, 150)});
    }
    if (fails) {
        // Every bad call fails back to the caller; the caller then fails the request (a loop
        // stops at its first failure, so later calls never happen).
        for (int o : origins)
            propagateFailure(sc.b, o, host);
        int first = -1;
        for (int c : clients)
            if (sc.d.at(c).status == Status::Error) {
                first = c;
                break;
            }
        propagateFailure(sc.b, first);
    }
    for (int o : origins)
        if (sc.d.exported(o)) sc.labels.push_back(o);
    sc.note = std::string(svc.name) + " " + newVersion + " (new, on " +
              std::get<std::string>(
                  *findAttr(sc.d.resources[static_cast<size_t>(fresh)].attrs, "host.name")) +
              ") beside " + oldVersion + ": " + std::to_string(sc.labels.size()) + " of " +
              std::to_string(n) + " calls landed on it and " +
              (fails ? (missingColumn ? "failed on a missing column" : "threw") : "were slow") +
              (parallel ? " (parallel calls)" : " (a loop)");
}

}  // namespace rootline::faults
