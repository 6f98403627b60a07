// OpenAI Chat Completions, and every server that speaks it (vLLM, llama.cpp server, LM Studio,
// Ollama's /v1): response_format json_schema in strict mode; the verdict arrives as a JSON string
// in choices[0].message.content.

#include <nlohmann/json.hpp>

#include "http_provider_support.h"
#include "llm/verdict.h"

namespace rootline::llm {

namespace {

using nlohmann::json;

class OpenAIProvider : public Provider {
public:
    explicit OpenAIProvider(ProviderSettings s) : s_(std::move(s)) {}

    ModelAnswer ask(const Conversation& c, const std::atomic<bool>* cancel) override {
        const std::string key = s_.resolvedKey();
        json messages = json::array({{{"role", "system"}, {"content", c.system}}});
        for (const Message& m : c.messages)
            messages.push_back({{"role", m.role}, {"content", m.content}});
        json body = {{"model", s_.model},
                     {"messages", messages},
                     {"response_format",
                      {{"type", "json_schema"},
                       {"json_schema",
                        {{"name", "trace_verdict"},
                         {"strict", true},
                         {"schema", json::parse(verdictSchemaText())}}}}},
                     {"temperature", s_.temperature}};
        // OpenAI itself wants max_completion_tokens (max_tokens is refused by its reasoning
        // models); the compatible servers all read max_tokens.
        const bool openai = endpointOf(s_).find("api.openai.com") != std::string::npos;
        body[openai ? "max_completion_tokens" : "max_tokens"] = s_.maxOutputTokens;

        net::HttpRequest req;
        req.url = joinUrl(s_.baseUrl, "/chat/completions");
        req.headers = {{"Content-Type", "application/json"}};
        if (!key.empty()) req.headers.push_back({"Authorization", "Bearer " + key});
        req.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
        req.timeout = std::chrono::seconds(s_.timeoutSeconds);
        net::RetryPolicy policy = modelRetryPolicy();
        // Two kinds of 429: a rate limit passes, a used-up quota does not.
        policy.retryable = [](const net::HttpResponse& r) {
            return r.body.find("insufficient_quota") == std::string::npos &&
                   net::defaultRetryable(r);
        };
        const net::HttpResult r = net::send(req, policy, cancel);

        ModelAnswer a;
        if (failed(r, s_, "the OpenAI-compatible server", a)) return a;
        const json j = json::parse(r.response.body, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("choices") ||
            !j["choices"].is_array() || j["choices"].empty() ||
            !j["choices"][0].contains("message")) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) +
                        " is not a Chat Completions response (no choices[0].message)";
            return a;
        }
        a.model = j.value("model", s_.model);
        if (j.contains("usage") && j["usage"].is_object()) {
            a.inputTokens = j["usage"].value("prompt_tokens", int64_t{0});
            a.outputTokens = j["usage"].value("completion_tokens", int64_t{0});
        }
        const json& choice = j["choices"][0];
        const json& msg = choice["message"];
        if (msg.contains("refusal") && msg["refusal"].is_string()) {
            a.error = ModelError::Refused;
            a.message = "the model declined to answer: " + msg["refusal"].get<std::string>();
            return a;
        }
        if (choice.value("finish_reason", std::string()) == "length") {
            a.error = ModelError::Truncated;
            a.message = "the answer was cut off at " + std::to_string(s_.maxOutputTokens) +
                        " output tokens; raise the limit in Settings";
            return a;
        }
        if (!msg.contains("content") || !msg["content"].is_string()) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) + " has no message content";
            return a;
        }
        a.text = msg["content"].get<std::string>();
        return a;
    }

private:
    ProviderSettings s_;
};

}  // namespace

std::unique_ptr<Provider> makeOpenAIProvider(const ProviderSettings& s) {
    return std::make_unique<OpenAIProvider>(s);
}

}  // namespace rootline::llm
