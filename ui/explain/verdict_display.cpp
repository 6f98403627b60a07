#include "explain/verdict_display.h"

#include <set>

namespace rootline::ui {

namespace {

void resolveSpans(const Trace* trace, VerdictDisplay& d) {
    std::set<std::string> wanted(d.verdict.rootSpans.begin(), d.verdict.rootSpans.end());
    for (const llm::Evidence& e : d.verdict.evidence)
        wanted.insert(e.spanId);
    if (!trace || wanted.empty()) return;
    for (size_t i = 0; i < trace->spanCount() && d.spans.size() < wanted.size(); ++i) {
        std::string id = trace->spanIdText(i);
        if (!wanted.count(id)) continue;
        d.labels[id] = QStringLiteral("%1: %2").arg(
            QString::fromUtf8(trace->serviceOf(i).data(), qsizetype(trace->serviceOf(i).size())),
            QString::fromUtf8(trace->nameOf(i).data(), qsizetype(trace->nameOf(i).size())));
        d.spans.emplace(std::move(id), uint32_t(i));
    }
}

}  // namespace

VerdictDisplay verdictDisplayFor(const Trace* trace, const llm::InvestigationOutcome& outcome) {
    const llm::ExplainResult& r = outcome.explain;
    VerdictDisplay d;
    d.ok = r.ok;
    d.error = QString::fromStdString(r.message);
    d.verdict = r.verdict;
    d.provider = QString::fromStdString(r.provider);
    d.model = QString::fromStdString(r.model);
    d.inputTokens = r.inputTokens;
    d.outputTokens = r.outputTokens;
    d.latencyMs = r.latencyMs;
    d.modelCalls = r.modelCalls;
    d.hallucinations = r.check.hallucinations;
    d.rejectedIds = r.check.rejectedIds;
    d.pastFixes = outcome.pastFixes;
    d.recordId = outcome.recordId;
    d.historyWarning = QString::fromStdString(outcome.historyError);
    if (d.ok) resolveSpans(trace, d);
    return d;
}

VerdictDisplay verdictDisplayFor(const Trace* trace, const store::Investigation& record) {
    VerdictDisplay d;
    d.fromHistory = true;
    d.recordId = record.id;
    d.createdUnixMs = record.createdUnixMs;
    d.provider = QString::fromStdString(record.provider);
    d.model = QString::fromStdString(record.model);
    d.inputTokens = record.inputTokens;
    d.outputTokens = record.outputTokens;
    d.latencyMs = record.latencyMs;
    d.hallucinations = record.hallucinations;
    if (!record.error.empty()) {
        d.error = QString::fromStdString(record.error);
        return d;
    }
    std::string error;
    if (auto v = llm::parseVerdict(record.verdictJson, error)) {
        d.ok = true;
        d.verdict = std::move(*v);
        resolveSpans(trace, d);
    } else {
        d.error = QString::fromStdString(error);
    }
    return d;
}

}  // namespace rootline::ui
