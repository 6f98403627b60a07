#pragma once
// One interface for every model Rootline can ask: the embedded offline analyst and the
// OpenAI-compatible, Anthropic and Ollama HTTP APIs. A provider turns a Conversation into the
// model's answer text (the verdict JSON, unchecked) plus what the exchange cost; explain.h does
// the checking and the one retry.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "llm/prompt.h"

namespace rootline::llm {

enum class ProviderKind { Offline, OpenAI, Anthropic, Ollama };

const char* providerName(ProviderKind k);  // "offline", "openai", "anthropic", "ollama"
bool providerFromName(const std::string& name, ProviderKind& out);

struct ProviderSettings {
    ProviderKind kind = ProviderKind::Offline;
    std::string baseUrl;    // e.g. https://api.openai.com/v1, https://api.anthropic.com,
                            // http://localhost:11434
    std::string model;      // e.g. gpt-4o-mini, claude-sonnet-4-5, llama3.1
    std::string apiKeyEnv;  // the environment variable holding the key, e.g. OPENAI_API_KEY
    std::string apiKey;     // from the 0600 settings file, used when apiKeyEnv is unset or empty
    int timeoutSeconds = 120;
    int maxOutputTokens = 1500;
    double temperature = 0;

    // The key to send: $apiKeyEnv when set and non-empty, else apiKey. Never logged or stored.
    std::string resolvedKey() const;
};

// Sensible settings for each kind (base URL, model, key variable).
ProviderSettings defaultSettings(ProviderKind kind);

enum class ModelError {
    None,
    Auth,          // 401/403: wrong or missing key
    UnknownModel,  // 404 or the server says the model does not exist
    Quota,         // quota or billing exhausted: not retried
    RateLimited,   // 429 still after the retries, or asked to wait longer than the cap
    Unreachable,   // refused, DNS, TLS
    Timeout,
    Cancelled,
    Refused,    // the model declined to answer
    Truncated,  // cut off by the output token limit or a closed connection
    Server,     // 5xx after the retries
    BadRequest,
    BadResponse,  // a 200 whose body is not the provider's response shape
};

struct ModelAnswer {
    std::string text;         // the verdict JSON text as the model gave it
    std::string rawResponse;  // the HTTP body as received (or the offline analyst's output)
    std::string model;        // as the server reports it
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int httpAttempts = 0;
    ModelError error = ModelError::None;
    std::string message;  // one line for the user when error != None; never holds the key

    bool ok() const { return error == ModelError::None; }
};

class Provider {
public:
    virtual ~Provider() = default;
    // Blocks (worker threads only). `cancel` may be null.
    virtual ModelAnswer ask(const Conversation& c, const std::atomic<bool>* cancel) = 0;
};

std::unique_ptr<Provider> makeProvider(const ProviderSettings& settings);

// "scheme://host:port" of the provider's endpoint, or "embedded" for the offline analyst.
std::string endpointOf(const ProviderSettings& settings);

}  // namespace rootline::llm
