// Ollama's native /api/chat: `format` set to the verdict schema, `stream: false` (it streams
// NDJSON by default); the verdict is message.content as a JSON string.

#include <nlohmann/json.hpp>

#include "http_provider_support.h"
#include "llm/verdict.h"

namespace rootline::llm {

namespace {

using nlohmann::json;

class OllamaProvider : public Provider {
public:
    explicit OllamaProvider(ProviderSettings s) : s_(std::move(s)) {}

    ModelAnswer ask(const Conversation& c, const std::atomic<bool>* cancel) override {
        json messages = json::array({{{"role", "system"}, {"content", c.system}}});
        for (const Message& m : c.messages)
            messages.push_back({{"role", m.role}, {"content", m.content}});
        const json body = {
            {"model", s_.model},
            {"messages", messages},
            {"stream", false},
            {"format", json::parse(verdictSchemaText())},
            {"options", {{"temperature", s_.temperature}, {"num_predict", s_.maxOutputTokens}}}};
        net::HttpRequest req;
        req.url = joinUrl(s_.baseUrl, "/api/chat");
        req.headers = {{"Content-Type", "application/json"}};
        // Ollama needs no key locally; one behind a proxy may.
        if (const std::string key = s_.resolvedKey(); !key.empty())
            req.headers.push_back({"Authorization", "Bearer " + key});
        req.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
        req.timeout = std::chrono::seconds(s_.timeoutSeconds);
        const net::HttpResult r = net::send(req, modelRetryPolicy(), cancel);

        ModelAnswer a;
        if (failed(r, s_, "Ollama", a)) return a;
        const json j = json::parse(r.response.body, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) + " is not JSON";
            return a;
        }
        if (j.contains("error")) {  // a failure reported with status 200
            a.error = ModelError::Server;
            a.message = "Ollama at " + endpointOf(s_) + ": " +
                        serverMessage(r.response.body, s_.resolvedKey());
            return a;
        }
        if (!j.contains("message") || !j["message"].is_object() ||
            !j["message"].contains("content") || !j["message"]["content"].is_string()) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) + " has no message content";
            return a;
        }
        a.model = j.value("model", s_.model);
        a.inputTokens = j.value("prompt_eval_count", int64_t{0});
        a.outputTokens = j.value("eval_count", int64_t{0});
        if (j.value("done_reason", std::string()) == "length") {
            a.error = ModelError::Truncated;
            a.message = "the answer was cut off at " + std::to_string(s_.maxOutputTokens) +
                        " output tokens; raise the limit in Settings";
            return a;
        }
        a.text = j["message"]["content"].get<std::string>();
        return a;
    }

private:
    ProviderSettings s_;
};

}  // namespace

std::unique_ptr<Provider> makeOllamaProvider(const ProviderSettings& s) {
    return std::make_unique<OllamaProvider>(s);
}

}  // namespace rootline::llm
