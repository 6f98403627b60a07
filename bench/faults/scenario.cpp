#include "scenario.h"

#include <algorithm>

namespace rootline::faults {

bool underConsumer(const Draft& d, int span) {
    for (int s = span; s >= 0; s = d.at(s).parent)
        if (d.at(s).kind == Kind::Consumer) return true;
    return false;
}

std::vector<int> requestServers(const Draft& d, const std::function<bool(int)>& pred) {
    std::vector<int> out;
    for (size_t i = 0; i < d.spans.size(); ++i) {
        const int s = static_cast<int>(i);
        const Span& sp = d.at(s);
        if (sp.kind != Kind::Server || !d.exported(s) || underConsumer(d, s)) continue;
        // Reachable from the root (not a follower's subtree).
        int top = s;
        while (d.at(top).parent >= 0)
            top = d.at(top).parent;
        if (top != d.root) continue;
        if (!pred || pred(s)) out.push_back(s);
    }
    return out;
}

std::vector<int> subtree(const Draft& d, int top) {
    std::vector<int> out;
    std::vector<int> stack{top};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        if (!d.exported(s)) continue;
        out.push_back(s);
        for (const Step& step : d.at(s).steps)
            stack.insert(stack.end(), step.spans.rbegin(), step.spans.rend());
    }
    return out;
}

int workHost(const Draft& d, int server) {
    const Span& s = d.at(server);
    if (!s.steps.empty() && s.steps[0].spans.size() == 1) {
        const int first = s.steps[0].spans[0];
        if (d.at(first).kind == Kind::Internal && d.at(first).resource == s.resource &&
            s.steps.size() == 1)
            return first;
    }
    return server;
}

bool tainted(const Scenario& sc, int span) {
    for (int s : subtree(sc.d, span)) {
        if (sc.d.at(s).status == Status::Error) return true;
        if (std::find(sc.labels.begin(), sc.labels.end(), s) != sc.labels.end()) return true;
    }
    // Followers (message consumers) are not part of it: their failures happen after the
    // request's steps and do not decide where a handled error may go.
    return false;
}

void insertStepAtRandom(Scenario& sc, int host, Step step) {
    const auto& steps = sc.d.at(host).steps;
    size_t limit = steps.size();
    for (size_t i = 0; i < steps.size(); ++i) {
        bool bad = false;
        for (int s : steps[i].spans)
            bad = bad || sc.d.at(s).skipped || tainted(sc, s);
        if (bad) {
            limit = i;
            break;
        }
    }
    // The later of two draws: most requests do some work before the step that matters, and a
    // failure placed first would cut the rest of the request short every time.
    const int64_t a = sc.rng.range(0, static_cast<int64_t>(limit));
    const int64_t b = sc.rng.range(0, static_cast<int64_t>(limit));
    sc.d.insertStep(host, static_cast<size_t>(std::max(a, b)), std::move(step));
}

void insertAtRandom(Scenario& sc, int host, int span, int64_t gapNs) {
    insertStepAtRandom(sc, host, Step{{span}, gapNs});
}

std::vector<int> callees(int service, const std::function<bool(const ServiceDef&)>& pred) {
    std::vector<int> out;
    for (int c : calleesOf(service))
        if (!pred || pred(faults::service(c))) out.push_back(c);
    return out;
}

std::string hex16(uint64_t id) {
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, id >>= 4)
        s[static_cast<size_t>(i)] = digits[id & 0xF];
    return s;
}

std::string describe(const Scenario& sc, int span) {
    const Span& s = sc.d.at(span);
    return std::string(sc.b.serviceOfSpan(span).name) + " '" + s.name + "' (" + hex16(s.id) + ")";
}

// ---- shared origins ----

int throwInLeaf(Scenario& sc, int host) {
    const ServiceDef& svc = sc.b.serviceOfSpan(host);
    // Not the host's own name: a method does not usually appear inside itself.
    std::vector<std::string_view> names;
    for (std::string_view n : svc.internals)
        if (n != sc.d.at(host).name) names.push_back(n);
    const std::string name(names.empty() ? svc.internals[0] : sc.rng.pick(names));
    const int leaf = sc.b.internal(host, name, sc.rng.usSkewed(80, 9000));
    insertAtRandom(sc, host, leaf, sc.rng.usSkewed(10, 300));
    static const std::vector<std::string_view> kCategories = {"null", "state", "parse"};
    const ExceptionInfo e = appException(sc.rng, svc.lang, svc, name, sc.rng.pick(kCategories));
    failWithException(sc.b, leaf, e, sc.rng.chance(850));
    return leaf;
}

int failDbQuery(Scenario& sc, int host) {
    const ServiceDef& svc = sc.b.serviceOfSpan(host);
    const bool write = sc.rng.chance(750);
    const int q = sc.b.db(host, sc.rng.below(svc.tables.size()), write);
    insertAtRandom(sc, host, q, sc.rng.usSkewed(10, 400));
    std::string category = "refused";
    if (write) {
        static const std::vector<std::string> kWrite = {"deadlock", "unique", "refused", "deadlock",
                                                        "unique"};
        category = sc.rng.pick(kWrite);
    }
    std::string code;
    const ExceptionInfo e = dbException(sc.rng, svc.lang, svc, category, code);
    Span& span = sc.d.at(q);
    if (category == "deadlock") {
        // PostgreSQL checks for deadlocks after deadlock_timeout (1 s); InnoDB and SQL Server's
        // lock monitor notice within milliseconds to a few seconds.
        span.leadNs = svc.dbSystem == "postgresql" ? sc.rng.us(1000000, 1150000)
                                                   : sc.rng.usSkewed(3000, 900000);
    } else if (category == "refused") {
        span.leadNs = sc.rng.usSkewed(300, 4000);
    } else {
        span.leadNs = sc.rng.usSkewed(600, 9000);
    }
    if (!code.empty()) setAttr(sc.d.at(q).attrs, "db.response.status_code", code);
    failWithException(sc.b, q, e, svc.lang == Lang::Java ? sc.rng.chance(900) : sc.rng.chance(600));
    return q;
}

int throwInServer(Scenario& sc, int server) {
    const ServiceDef& svc = sc.b.serviceOfSpan(server);
    static const std::vector<std::string_view> kCategories = {"null", "state", "parse", "state"};
    const ExceptionInfo e =
        appException(sc.rng, svc.lang, svc, sc.rng.pick(svc.internals), sc.rng.pick(kCategories));
    failWithException(sc.b, server, e, sc.rng.chance(700));
    if (svc.proto == Proto::Grpc) {
        const bool internal = sc.rng.chance(500);
        failServer(sc.b, server, 0, internal ? 13 : 2, internal ? e.message : "");
    } else {
        failServer(sc.b, server, 500, -1, "");
    }
    // failServer set the codes; the exception is what this process saw.
    sc.d.at(server).failure.type = e.type;
    sc.d.at(server).failure.stack = e.stack;
    return server;
}

}  // namespace rootline::faults
