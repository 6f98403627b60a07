// rootline-bench-explain: how often the offline analyst's verdict names the labelled root cause
// on the fault-injected set (bench/faults: seed 7, 10 cases per kind, Jaeger), the same set
// rootline-bench-rank scores the ranking on. For each case: rank, build the 50 KB tracepack,
// explain it offline, check the verdict against the pack (as the app does), and compare.
//
// A fault case is a hit when the verdict's first root span is a labelled root-cause span (or a
// look-alike its suspect folded in); "any" when one of its root spans is. A control (no fault) is
// right when the verdict names no root span. Prints a table per kind and the totals; exit 0.

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "fault_cases.h"
#include "formats/load.h"
#include "llm/explain.h"
#include "tracepack/tracepack_builder.h"

using namespace rootline;

namespace {

struct Row {
    int cases = 0, first = 0, any = 0, hallucinations = 0;
};

// The span ids a suspect stands for: itself and the look-alikes folded into it.
std::set<std::string> coveredBy(const nlohmann::json& pack, const std::string& id) {
    std::set<std::string> ids{id};
    for (const auto& s : pack.value("suspects", nlohmann::json::array()))
        if (s.value("span_id", std::string()) == id)
            for (const auto& x : s.value("similar_span_ids", nlohmann::json::array()))
                ids.insert(x.get<std::string>());
    return ids;
}

}  // namespace

int main() {
    const auto cases = faults::generateFaultCases(7, 10);
    std::map<std::string, Row> rows;
    Row total, controls;
    const llm::ProviderSettings offline = llm::defaultSettings(llm::ProviderKind::Offline);
    for (const faults::FaultCase& c : cases) {
        const LoadResult loaded = loadTraceText(c.jaegerJson, c.id + ".json");
        if (!loaded.ok() || loaded.file->traces.empty()) {
            std::fprintf(stderr, "%s: does not load\n", c.id.c_str());
            continue;
        }
        const Trace& t = *loaded.file->traces.front();
        PackOptions o;
        o.tokenKey = {1, 2};
        const PackResult pack = buildTracepack(t, rankSuspects(t), o);
        const llm::ExplainResult r = explainPack(pack.bytes, offline);
        const auto p = nlohmann::json::parse(pack.bytes);
        Row& row = c.kind == faults::kControlKind ? controls : rows[c.kind];
        ++row.cases;
        row.hallucinations += r.check.hallucinations;
        if (c.kind == faults::kControlKind) {
            row.first += r.verdict.rootSpans.empty();
            continue;
        }
        const std::set<std::string> labels(c.rootSpanIds.begin(), c.rootSpanIds.end());
        auto hits = [&](const std::string& id) {
            for (const std::string& x : coveredBy(p, id))
                if (labels.count(x)) return true;
            return false;
        };
        bool any = false;
        for (const std::string& id : r.verdict.rootSpans)
            any |= hits(id);
        const bool first = !r.verdict.rootSpans.empty() && hits(r.verdict.rootSpans[0]);
        row.first += first;
        row.any += any;
        ++total.cases;
        total.first += first;
        total.any += any;
        total.hallucinations += r.check.hallucinations;
    }
    std::printf("offline analyst on the fault set (seed 7, 10 cases per kind, Jaeger)\n");
    std::printf("%-24s %6s %8s %8s\n", "kind", "cases", "first", "any");
    for (const auto& [kind, row] : rows)
        std::printf("%-24s %6d %7.0f%% %7.0f%%\n", kind.c_str(), row.cases,
                    100.0 * row.first / row.cases, 100.0 * row.any / row.cases);
    std::printf("%-24s %6d %7.1f%% %7.1f%%\n", "all faults", total.cases,
                total.cases ? 100.0 * total.first / total.cases : 0,
                total.cases ? 100.0 * total.any / total.cases : 0);
    std::printf("%-24s %6d %7.0f%% (no root span named)\n", "controls (no fault)", controls.cases,
                controls.cases ? 100.0 * controls.first / controls.cases : 0);
    std::printf("hallucinated span ids: %d\n", total.hallucinations + controls.hallucinations);
    return 0;
}
