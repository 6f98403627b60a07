#include "llm/provider.h"

#include <cstdlib>

#include "http_provider_support.h"
#include "net/http_client.h"

namespace rootline::llm {

const char* providerName(ProviderKind k) {
    switch (k) {
        case ProviderKind::Offline:
            return "offline";
        case ProviderKind::OpenAI:
            return "openai";
        case ProviderKind::Anthropic:
            return "anthropic";
        case ProviderKind::Ollama:
            return "ollama";
    }
    return "offline";
}

bool providerFromName(const std::string& name, ProviderKind& out) {
    for (ProviderKind k : {ProviderKind::Offline, ProviderKind::OpenAI, ProviderKind::Anthropic,
                           ProviderKind::Ollama})
        if (name == providerName(k)) {
            out = k;
            return true;
        }
    return false;
}

std::string ProviderSettings::resolvedKey() const {
    if (!apiKeyEnv.empty())
        if (const char* v = std::getenv(apiKeyEnv.c_str()); v && *v) return v;
    return apiKey;
}

ProviderSettings defaultSettings(ProviderKind kind) {
    ProviderSettings s;
    s.kind = kind;
    switch (kind) {
        case ProviderKind::Offline:
            s.model = "rootline-offline-analyst";
            break;
        case ProviderKind::OpenAI:
            s.baseUrl = "https://api.openai.com/v1";
            s.model = "gpt-4o-mini";
            s.apiKeyEnv = "OPENAI_API_KEY";
            break;
        case ProviderKind::Anthropic:
            s.baseUrl = "https://api.anthropic.com";
            s.model = "claude-sonnet-4-5";
            s.apiKeyEnv = "ANTHROPIC_API_KEY";
            break;
        case ProviderKind::Ollama:
            s.baseUrl = "http://localhost:11434";
            s.model = "llama3.1";
            s.timeoutSeconds = 300;  // a local model on a laptop CPU is slow
            break;
    }
    return s;
}

std::string endpointOf(const ProviderSettings& s) {
    return s.kind == ProviderKind::Offline ? "embedded" : net::describeEndpoint(s.baseUrl);
}

std::unique_ptr<Provider> makeProvider(const ProviderSettings& s) {
    switch (s.kind) {
        case ProviderKind::Offline:
            return makeOfflineAnalyst();
        case ProviderKind::OpenAI:
            return makeOpenAIProvider(s);
        case ProviderKind::Anthropic:
            return makeAnthropicProvider(s);
        case ProviderKind::Ollama:
            return makeOllamaProvider(s);
    }
    return makeOfflineAnalyst();
}

}  // namespace rootline::llm
