#pragma once
// One "Explain this error" run end to end, shared by the app and `rootline-cli explain`: the
// error signature, what fixed it last time (from the history), the tracepack, the model's
// checked verdict, and the record in the history.

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "llm/explain.h"
#include "model/trace.h"
#include "store/investigation_history.h"
#include "tracepack/tracepack_builder.h"

namespace rootline::llm {

struct InvestigationRequest {
    ProviderSettings provider;
    PackOptions pack;         // its pastFixes are filled in from the history
    std::string traceSource;  // for the record: the file or server the trace came from
};

struct InvestigationOutcome {
    ExplainResult explain;
    std::string packBytes;  // empty when the pack could not be built (explain.message says why)
    std::map<std::string, std::string> tokens;  // redaction tokens → values, for the local vault
    store::ErrorSignature signature;
    std::vector<store::PastFix> pastFixes;
    int64_t recordId = 0;      // in the history; 0 when not recorded
    std::string historyError;  // one line when recording failed (the verdict still stands)
};

// `history` may be null (nothing looked up or recorded). Blocks: worker threads only.
InvestigationOutcome investigate(const Trace& trace, const Ranking& ranking,
                                 const InvestigationRequest& request,
                                 store::InvestigationHistory* history,
                                 const std::atomic<bool>* cancel = nullptr,
                                 Provider* provider = nullptr);

}  // namespace rootline::llm
