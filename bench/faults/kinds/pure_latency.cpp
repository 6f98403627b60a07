// pure_latency: nothing fails; the request is slow because of one span — a query without an
// index, a row-lock wait, a stop-the-world GC pause inside a handler, a slow third-party API.
// Label: the span whose own (self) time holds the delay. The delay is at least three times
// the largest own time of any other span, so the label is unambiguous by construction.

#include <algorithm>

#include "scenario.h"

namespace rootline::faults {

namespace {

int64_t ownTime(const Span& s) {
    int64_t t = s.leadNs + s.tailNs;
    for (const Step& step : s.steps)
        t += step.gapBeforeNs;
    return t;
}

bool sqlOrMongo(const ServiceDef& s) {
    return s.dbSystem == "postgresql" || s.dbSystem == "mysql" || s.dbSystem == "mongodb" ||
           s.dbSystem == "mssql";
}

}  // namespace

void injectPureLatency(Scenario& sc) {
    int64_t largest = 0;
    for (size_t i = 0; i < sc.d.spans.size(); ++i)
        if (sc.d.exported(static_cast<int>(i))) largest = std::max(largest, ownTime(sc.d.spans[i]));
    const int64_t delay = std::max(sc.rng.us(450000, 4500000), 3 * largest + sc.rng.us(0, 50000));

    const auto all = requestServers(sc.d);
    const auto withDb =
        requestServers(sc.d, [&](int s) { return sqlOrMongo(sc.b.serviceOfSpan(s)); });
    const auto withApi =
        requestServers(sc.d, [&](int s) { return !sc.b.serviceOfSpan(s).externalHost.empty(); });
    const auto managed = requestServers(sc.d, [&](int s) {
        const Lang l = sc.b.lang(s);
        return l == Lang::Java || l == Lang::DotNet || l == Lang::Go || l == Lang::Node;
    });
    uint32_t variant = sc.rng.below(4);
    if (variant == 0 && withDb.empty()) variant = 1;
    if (variant == 3 && withApi.empty()) variant = 1;
    if (variant == 2 && managed.empty()) variant = 1;

    int slow = -1;
    std::string what;
    if (variant == 0) {
        const int host = workHost(sc.d, sc.rng.pick(withDb));
        const ServiceDef& svc = sc.b.serviceOfSpan(host);
        slow = sc.b.db(host, sc.rng.below(svc.tables.size()), false);
        insertAtRandom(sc, host, slow, sc.rng.usSkewed(10, 300));
        what = "a query without a usable index";
    } else if (variant == 1) {
        const int host = workHost(sc.d, sc.rng.pick(all));
        const ServiceDef& svc = sc.b.serviceOfSpan(host);
        if (sqlOrMongo(svc) && svc.dbSystem != "mongodb" && sc.rng.chance(500)) {
            slow = sc.b.db(host, sc.rng.below(svc.tables.size()), true);
            what = "a write waiting on a row lock";
        } else {
            static const std::vector<std::string> kLocks = {
                "acquireLock", "DistributedLock.acquire", "lock.wait", "MutexGuard::lock"};
            slow = sc.b.internal(host, sc.rng.pick(kLocks), 0);
            setAttr(sc.d.at(slow).attrs, "lock.name",
                    std::string(svc.name.substr(0, svc.name.find('-'))) + ":" +
                        std::to_string(sc.b.randomId(5)));
            what = "a lock wait";
        }
        insertAtRandom(sc, host, slow, sc.rng.usSkewed(10, 300));
    } else if (variant == 2) {
        // A GC pause: the handler's own time, between two of its steps or at its end.
        slow = sc.rng.pick(managed);
        Span& s = sc.d.at(slow);
        if (!s.steps.empty() && sc.rng.chance(600))
            s.steps[sc.rng.below(s.steps.size())].gapBeforeNs += delay;
        else
            s.tailNs += delay;
        what = "a stop-the-world GC pause in the handler";
    } else {
        const int host = workHost(sc.d, sc.rng.pick(withApi));
        slow = sc.b.external(host);
        insertAtRandom(sc, host, slow, sc.rng.usSkewed(10, 300));
        what = "a slow third-party API";
    }
    if (variant != 2) sc.d.at(slow).leadNs = delay;
    sc.labels = {slow};
    sc.note = "no errors; " + describe(sc, slow) + " took " + std::to_string(delay / kMs) +
              " ms of its own: " + what;
}

}  // namespace rootline::faults
