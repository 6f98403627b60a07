#pragma once
// "Explain this error", without the UI: the tracepack goes to the chosen provider, the answer is
// checked against the verdict schema (one retry carrying the validation error), then against the
// pack (span ids it does not hold are removed and counted as hallucinations).

#include <atomic>
#include <cstdint>
#include <string>

#include "llm/provider.h"
#include "llm/verdict.h"

namespace rootline::llm {

struct ExplainResult {
    bool ok = false;
    ModelError error = ModelError::None;
    std::string message;  // one line when !ok

    Verdict verdict;     // checked: every span id is in the pack
    VerdictCheck check;  // what the check removed
    std::string verdictJson;

    std::string provider, model, endpoint;
    int64_t inputTokens = 0, outputTokens = 0;  // summed over the calls
    int64_t latencyMs = 0;                      // all calls, waits included
    int modelCalls = 0;                         // 2 when the schema retry was needed
    int httpAttempts = 0;
    std::string rawResponse;      // the last answer as received
    std::string requestMetadata;  // JSON: provider, model, endpoint, limits, attempts; no secret
};

// `provider` null: one is made from `settings`.
ExplainResult explainPack(const std::string& packBytes, const ProviderSettings& settings,
                          const std::atomic<bool>* cancel = nullptr, Provider* provider = nullptr);

}  // namespace rootline::llm
