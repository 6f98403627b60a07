#include "fault_cases.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "noise.h"
#include "scenario.h"
#include "writers.h"

namespace rootline::faults {

namespace {

using Inject = void (*)(Scenario&);

constexpr size_t kMinSpans = 15;
constexpr size_t kMaxSpans = 300;

struct KindEntry {
    std::string name;
    Inject inject;
};

const std::vector<KindEntry>& kindTable() {
    static const std::vector<KindEntry> kKinds = {
        {"leaf_exception", injectLeafException},
        {"db_error", injectDbError},
        {"timeout_slow_span", injectTimeoutSlowSpan},
        {"retry_storm", injectRetryStorm},
        {"bad_input_4xx", injectBadInput},
        {"fanout_one_bad", injectFanoutOneBad},
        {"async_consumer_link", injectAsyncConsumer},
        {"handled_plus_real", injectHandledPlusReal},
        {"release_regression", injectReleaseRegression},
        {"pure_latency", injectPureLatency},
    };
    return kKinds;
}

std::string hex32(Rng& rng) {
    return hex16(rng.next()) + hex16(rng.next());
}

// The healthy request every case starts from: an edge request, 1–3 service hops deep, with a
// span budget between 15 and 300.
void buildBackground(Builder& b, Rng& rng) {
    const std::vector<int> edges = {serviceIndex("frontend"), serviceIndex("api-gateway")};
    const int edge = rng.pick(edges);
    const int op = static_cast<int>(rng.below(service(edge).ops.size()));
    b.budget = static_cast<int>(rng.chance(500) ? rng.range(15, 300) : rng.skewed(15, 300));
    const int root = b.edgeRoot(edge, op);
    b.fill(root, static_cast<int>(rng.range(1, 3)));
    // Small budgets can end up with very little: add calls until the floor is reached.
    const std::vector<int> callees = calleesOf(edge);
    for (int guard = 0; b.draft.spans.size() < 15 && guard < 20; ++guard) {
        b.budget = std::max(b.budget, 15 - static_cast<int>(b.draft.spans.size()) + 2);
        const int callee = rng.pick(callees);
        const Call call =
            b.call(root, callee, static_cast<int>(rng.below(service(callee).ops.size())));
        b.fill(call.server, 1);
        b.draft.sequential(root, call.client, rng.usSkewed(10, 300));
    }
}

void check(const Draft& d, const FaultCase& c, const std::vector<int>& labels) {
    const auto fail = [&](const std::string& what) {
        throw std::logic_error("fault case " + c.id + ": " + what);
    };
    if (c.kind != kControlKind && labels.empty()) fail("no label");
    std::vector<uint64_t> ids;
    for (size_t i = 0; i < d.spans.size(); ++i)
        if (d.exported(static_cast<int>(i))) ids.push_back(d.spans[i].id);
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) fail("duplicate span id");
    for (int l : labels)
        if (!d.exported(l)) fail("label " + hex16(d.at(l).id) + " is not exported");
    for (size_t i = 0; i < d.spans.size(); ++i) {
        const Span& s = d.spans[i];
        if (d.exported(static_cast<int>(i)) &&
            (s.endNs < s.startNs || s.startNs % 1000 || s.endNs % 1000))
            fail("span " + hex16(s.id) + " has bad times");
    }
}

}  // namespace

const std::vector<std::string>& faultKinds() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const KindEntry& k : kindTable())
            names.push_back(k.name);
        return names;
    }();
    return kNames;
}

namespace {

FaultCase attempt(uint64_t caseSeed, const std::string& kind, const KindEntry* entry, int index) {
    Rng rng(caseSeed);
    Draft d;
    d.traceIdHex = hex32(rng);
    // Somewhere in late 2025, on a whole microsecond.
    d.epochNs =
        (int64_t{1760000000} + rng.range(0, 60 * 86400)) * kSec + rng.range(0, 999999) * kUs;
    Builder b(d, rng, caseSeed);
    buildBackground(b, rng);

    Scenario sc{b, d, rng, {}, ""};
    // Faults bring their own spans; give their healthy parts (a callee's work) a little room.
    b.budget = std::max(b.budget, 0) + static_cast<int>(rng.range(4, 30));
    if (entry) entry->inject(sc);
    if (!entry) sc.note = "healthy request, no fault";

    FaultCase c;
    char number[16];
    std::snprintf(number, sizeof number, "%02d", index);
    c.id = kind + "-" + number;
    c.kind = kind;
    if (rng.chance(333)) c.noise = addNoise(sc, kind != "pure_latency");

    layoutTimes(d);
    check(d, c, sc.labels);
    c.traceIdHex = d.traceIdHex;
    for (int l : sc.labels)
        c.rootSpanIds.push_back(hex16(d.at(l).id));
    c.note = sc.note;
    for (size_t i = 0; i < d.spans.size(); ++i)
        c.spanCount += d.exported(static_cast<int>(i)) ? 1 : 0;
    if (c.spanCount >= kMinSpans && c.spanCount <= kMaxSpans) {
        c.jaegerJson = writeJaeger(d, mixSeed(caseSeed, 0x4A414547));
        c.otlpJson = writeOtlp(d);
    }
    return c;
}

}  // namespace

FaultCase generateFaultCase(uint64_t seed, const std::string& kind, int index) {
    const KindEntry* entry = nullptr;
    for (const KindEntry& k : kindTable())
        if (k.name == kind) entry = &k;
    if (!entry && kind != kControlKind) throw std::invalid_argument("unknown fault kind: " + kind);
    // A failure early in a small request can leave very few spans (the rest never ran): such a
    // draw is replaced by the next one, so every case has 15–300 spans.
    for (uint64_t n = 0;; ++n) {
        const uint64_t caseSeed =
            mixSeed(seed, hashName(kind) + static_cast<uint64_t>(index) + (n << 32));
        FaultCase c = attempt(caseSeed, kind, entry, index);
        if (!c.jaegerJson.empty()) return c;
        if (n == 200)
            throw std::logic_error("fault case " + c.id + ": no draw within 15–300 spans");
    }
}

std::vector<FaultCase> generateFaultCases(uint64_t seed, int casesPerKind) {
    std::vector<FaultCase> out;
    for (const std::string& kind : faultKinds())
        for (int i = 0; i < casesPerKind; ++i)
            out.push_back(generateFaultCase(seed, kind, i));
    const int controls = std::max(1, (casesPerKind + 1) / 2);
    for (int i = 0; i < controls && casesPerKind > 0; ++i)
        out.push_back(generateFaultCase(seed, kControlKind, i));
    return out;
}

std::string labelsJson(const std::vector<FaultCase>& cases) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const FaultCase& c : cases)
        out.push_back({{"case", c.id},
                       {"kind", c.kind},
                       {"trace_id", c.traceIdHex},
                       {"root_span_ids", c.rootSpanIds},
                       {"noise", c.noise},
                       {"note", c.note},
                       {"spans", c.spanCount}});
    return out.dump(2) + "\n";
}

}  // namespace rootline::faults
