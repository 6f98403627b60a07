#include "rank_eval.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "formats/load.h"

namespace rootline::faults {

std::string normalTraceId(std::string_view hex) {
    std::string s;
    for (char c : hex)
        s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (s.size() < 32) s.insert(0, 32 - s.size(), '0');
    return s;
}

CaseResult scoreTrace(std::string_view json, const std::string& source,
                      const std::string& traceIdHex, const std::vector<std::string>& labels,
                      const RankOptions& options) {
    CaseResult r;
    r.labels = labels;
    std::vector<std::string> wanted;  // span ids compare in lowercase, as spanIdText prints them
    for (const std::string& l : labels) {
        std::string id;
        for (char c : l)
            id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        wanted.push_back(id);
    }
    const LoadResult loaded = loadTraceText(json, source, {}, {});
    if (!loaded.ok()) {
        r.error = describeLoadError(source, loaded.error);
        return r;
    }
    const Trace* trace = nullptr;
    if (traceIdHex.empty()) {
        if (loaded.file->traces.size() == 1)
            trace = loaded.file->traces[0].get();
        else
            r.error =
                std::to_string(loaded.file->traces.size()) + " traces and no trace_id to pick one";
    } else {
        const std::string want = normalTraceId(traceIdHex);
        for (const auto& t : loaded.file->traces)
            if (normalTraceId(t->traceIdText()) == want) trace = t.get();
        if (!trace && r.error.empty()) r.error = "trace " + traceIdHex + " is not in the file";
    }
    if (!trace) return r;
    r.spans = trace->spanCount();
    const Ranking ranking = rankSuspects(*trace, options);
    r.suspects = ranking.suspects.size();
    const auto labelled = [&](uint32_t span) {
        return std::find(wanted.begin(), wanted.end(), trace->spanIdText(span)) != wanted.end();
    };
    for (size_t rank = 0; rank < ranking.suspects.size(); ++rank) {
        const Suspect& s = ranking.suspects[rank];
        bool hit = labelled(s.span);
        for (uint32_t f : s.similar)
            hit = hit || labelled(f);
        if (hit && r.hitRank == 0) r.hitRank = static_cast<int>(rank + 1);
        if (rank < 3) {
            TopSuspect t;
            t.spanId = trace->spanIdText(s.span);
            t.service = std::string(trace->serviceOf(s.span));
            t.name = std::string(trace->nameOf(s.span));
            t.score = s.score;
            for (const SuspectReason& reason : s.reasons)
                t.reasons.push_back(reason.code);
            t.folded = s.similar.size();
            r.top.push_back(std::move(t));
        }
    }
    return r;
}

std::vector<CaseResult> scoreCase(const FaultCase& c, const RankOptions& options) {
    std::vector<CaseResult> out;
    out.push_back(
        scoreTrace(c.jaegerJson, c.id + ".jaeger.json", c.traceIdHex, c.rootSpanIds, options));
    out.back().format = "jaeger";
    out.push_back(
        scoreTrace(c.otlpJson, c.id + ".otlp.json", c.traceIdHex, c.rootSpanIds, options));
    out.back().format = "otlp";
    for (CaseResult& r : out) {
        r.id = c.id;
        r.kind = c.kind;
    }
    return out;
}

void Tally::add(const CaseResult& r) {
    ++cases;
    for (int k = 1; k <= 3; ++k)
        if (r.hitRank >= 1 && r.hitRank <= k) ++hits[k - 1];
}

std::string describeMiss(const CaseResult& r) {
    std::string line = r.id + " " + r.kind + " " + r.format + "  label [";
    for (size_t i = 0; i < r.labels.size(); ++i)
        line += (i ? "," : "") + r.labels[i];
    line += "]";
    if (!r.error.empty()) return line + "  error: " + r.error;
    line += r.hitRank ? "  found at rank " + std::to_string(r.hitRank)
                      : "  not in the " + std::to_string(r.suspects) + " suspects";
    line += "  top:";
    if (r.top.empty()) line += " (no suspects)";
    for (size_t i = 0; i < r.top.size(); ++i) {
        const TopSuspect& t = r.top[i];
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", t.score);
        line += " " + std::to_string(i + 1) + ". " + t.spanId + " " + t.service + " '" + t.name +
                "' " + score;
        if (t.folded) line += " (+" + std::to_string(t.folded) + " folded)";
        line += " [";
        for (size_t k = 0; k < t.reasons.size(); ++k)
            line += (k ? "," : "") + t.reasons[k];
        line += "]";
    }
    return line;
}

}  // namespace rootline::faults
