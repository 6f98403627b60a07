#pragma once
// What the three HTTP providers share: joining the base URL and path, sending with the provider's
// retry rules, turning transport failures and error statuses into ModelError with one clear line,
// and keeping the key out of every message.

#include <functional>
#include <memory>
#include <string>

#include "llm/provider.h"
#include "net/http_client.h"

namespace rootline::llm {

// "https://api.openai.com/v1/" + "/chat/completions" without doubled or missing slashes.
std::string joinUrl(const std::string& base, const std::string& path);

// Replaces the key, and anything shaped like a provider key (sk-…, sk-ant-…), with "[key]".
std::string scrubSecrets(std::string text, const std::string& key);

// The server's own words from an error body ({"error":{"message"}}, {"error":"…"},
// {"type":"error","error":{"message"}}), one line, at most 300 characters, scrubbed. Empty when
// the body says nothing readable.
std::string serverMessage(const std::string& body, const std::string& key);

// Retries for model calls: busy and failing servers (429, 5xx) are retried as the server asks;
// connection failures are not — a model call that timed out after minutes is not worth
// repeating twice behind the user's back, and a refused port stays refused.
net::RetryPolicy modelRetryPolicy();

// Fills answer.error/message from a failed transport or an error status. Returns false when
// the response is a success (2xx) the caller should parse. `who` names the provider in messages
// ("OpenAI-compatible server", "Anthropic", "Ollama").
bool failed(const net::HttpResult& r, const ProviderSettings& s, const std::string& who,
            ModelAnswer& answer);

std::unique_ptr<Provider> makeOpenAIProvider(const ProviderSettings& s);
std::unique_ptr<Provider> makeAnthropicProvider(const ProviderSettings& s);
std::unique_ptr<Provider> makeOllamaProvider(const ProviderSettings& s);
std::unique_ptr<Provider> makeOfflineAnalyst();

}  // namespace rootline::llm
