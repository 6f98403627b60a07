#pragma once
// What the Verdict panel shows, gathered off the GUI thread: the checked verdict, the span of
// the shown trace behind every span id it names (looked up in one pass over the spans, which
// can be a million), and what the run cost. Made from a fresh run or from a history record.

#include <QString>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "llm/investigation.h"
#include "llm/verdict.h"
#include "model/trace.h"
#include "store/investigation_history.h"

namespace rootline::ui {

struct VerdictDisplay {
    bool ok = false;
    QString error;  // one line when !ok
    llm::Verdict verdict;
    // Span id (as the pack writes it) → the span in the shown trace; ids not found are absent.
    std::map<std::string, uint32_t> spans;
    std::map<std::string, QString> labels;  // span id → "service: name"

    QString provider, model;
    int64_t inputTokens = 0, outputTokens = 0, latencyMs = 0;
    int modelCalls = -1;  // -1: not known (a record does not keep it)
    int hallucinations = 0;
    std::vector<std::string> rejectedIds;
    std::vector<store::PastFix> pastFixes;

    int64_t recordId = 0;      // the investigation in the history; 0 when not recorded
    QString historyWarning;    // the history could not be opened or written
    bool fromHistory = false;  // reopened from the history: no model was asked
    int64_t createdUnixMs = 0;
};

// `trace` may be null (a record whose trace is not open): no span links then.
VerdictDisplay verdictDisplayFor(const Trace* trace, const llm::InvestigationOutcome& outcome);
VerdictDisplay verdictDisplayFor(const Trace* trace, const store::Investigation& record);

}  // namespace rootline::ui
