#include "llm/explain.h"

#include <chrono>
#include <nlohmann/json.hpp>

namespace rootline::llm {

ExplainResult explainPack(const std::string& packBytes, const ProviderSettings& settings,
                          const std::atomic<bool>* cancel, Provider* provider) {
    const auto started = std::chrono::steady_clock::now();
    std::unique_ptr<Provider> owned;
    if (!provider) {
        owned = makeProvider(settings);
        provider = owned.get();
    }
    ExplainResult r;
    r.provider = providerName(settings.kind);
    r.model = settings.model;
    r.endpoint = endpointOf(settings);

    Conversation conv = firstTurn(packBytes);
    std::string schemaError;
    std::optional<Verdict> verdict;
    for (int call = 0; call < 2 && !verdict; ++call) {
        const ModelAnswer a = provider->ask(conv, cancel);
        ++r.modelCalls;
        r.httpAttempts += a.httpAttempts;
        r.inputTokens += a.inputTokens;
        r.outputTokens += a.outputTokens;
        r.rawResponse = a.rawResponse;
        if (!a.model.empty()) r.model = a.model;
        if (!a.ok()) {
            r.error = a.error;
            r.message = a.message;
            break;
        }
        verdict = parseVerdict(a.text, schemaError);
        if (!verdict && call == 0) addRetryTurn(conv, a.text, schemaError);
    }
    if (!verdict && r.error == ModelError::None) {
        r.error = ModelError::BadResponse;
        r.message = "the model's answer did not match the verdict schema, twice: " + schemaError;
    }
    if (verdict) {
        r.check = checkAgainstPack(*verdict, spanIdsInPack(packBytes));
        r.verdict = std::move(*verdict);
        r.verdictJson = verdictToJson(r.verdict);
        r.ok = true;
    }
    r.latencyMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
    nlohmann::ordered_json meta;
    meta["provider"] = r.provider;
    meta["model"] = r.model;
    meta["endpoint"] = r.endpoint;
    if (!settings.apiKeyEnv.empty()) meta["api_key_env"] = settings.apiKeyEnv;  // its name only
    meta["temperature"] = settings.temperature;
    meta["max_output_tokens"] = settings.maxOutputTokens;
    meta["timeout_s"] = settings.timeoutSeconds;
    meta["model_calls"] = r.modelCalls;
    meta["http_attempts"] = r.httpAttempts;
    meta["pack_bytes"] = packBytes.size();
    meta["hallucinations"] = r.check.hallucinations;
    if (!schemaError.empty()) meta["schema_error"] = schemaError;
    r.requestMetadata = meta.dump();
    return r;
}

}  // namespace rootline::llm
