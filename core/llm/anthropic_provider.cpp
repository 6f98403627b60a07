// Anthropic's Messages API: the verdict schema as the input_schema of a tool the model is forced
// to call; the verdict is that tool_use block's input (an object, not a string).

#include <nlohmann/json.hpp>

#include "http_provider_support.h"
#include "llm/verdict.h"

namespace rootline::llm {

namespace {

using nlohmann::json;

constexpr const char* kTool = "report_verdict";

class AnthropicProvider : public Provider {
public:
    explicit AnthropicProvider(ProviderSettings s) : s_(std::move(s)) {}

    ModelAnswer ask(const Conversation& c, const std::atomic<bool>* cancel) override {
        json messages = json::array();
        for (const Message& m : c.messages)
            messages.push_back({{"role", m.role}, {"content", m.content}});
        // Forced tool use cannot be combined with extended thinking: none is asked for.
        const json body = {
            {"model", s_.model},
            {"max_tokens", s_.maxOutputTokens},
            {"system", c.system},
            {"messages", messages},
            {"temperature", s_.temperature},
            {"tools", json::array({{{"name", kTool},
                                    {"description", "Report the verdict on the trace failure."},
                                    {"input_schema", json::parse(verdictSchemaText())}}})},
            {"tool_choice",
             {{"type", "tool"}, {"name", kTool}, {"disable_parallel_tool_use", true}}}};

        net::HttpRequest req;
        const std::string base = s_.baseUrl;
        const bool hasVersion = base.size() >= 3 && (base.rfind("/v1") == base.size() - 3 ||
                                                     base.rfind("/v1/") == base.size() - 4);
        req.url = joinUrl(base, hasVersion ? "/messages" : "/v1/messages");
        req.headers = {{"content-type", "application/json"}, {"anthropic-version", "2023-06-01"}};
        if (const std::string key = s_.resolvedKey(); !key.empty())
            req.headers.push_back({"x-api-key", key});
        req.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
        req.timeout = std::chrono::seconds(s_.timeoutSeconds);
        // 429 and 529 (overloaded) are retried; the SDK caps Retry-After at 60 s.
        net::RetryPolicy policy = modelRetryPolicy();
        policy.maxRetryAfter = std::chrono::seconds(60);
        const net::HttpResult r = net::send(req, policy, cancel);

        ModelAnswer a;
        if (failed(r, s_, "Anthropic", a)) return a;
        const json j = json::parse(r.response.body, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("content") ||
            !j["content"].is_array()) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) + " is not a Messages response";
            return a;
        }
        a.model = j.value("model", s_.model);
        if (j.contains("usage") && j["usage"].is_object()) {
            const json& u = j["usage"];
            // input_tokens leaves out the cache: the total is the three together.
            a.inputTokens = u.value("input_tokens", int64_t{0}) +
                            u.value("cache_creation_input_tokens", int64_t{0}) +
                            u.value("cache_read_input_tokens", int64_t{0});
            a.outputTokens = u.value("output_tokens", int64_t{0});
        }
        const std::string stop = j.value("stop_reason", std::string());
        if (stop == "refusal") {
            a.error = ModelError::Refused;
            a.message = "the model declined to answer";
            return a;
        }
        if (stop == "max_tokens") {
            a.error = ModelError::Truncated;
            a.message = "the answer was cut off at " + std::to_string(s_.maxOutputTokens) +
                        " output tokens; raise the limit in Settings";
            return a;
        }
        for (const json& block : j["content"])
            if (block.is_object() && block.value("type", std::string()) == "tool_use" &&
                block.value("name", std::string()) == kTool && block.contains("input")) {
                a.text = block["input"].dump(-1, ' ', false, json::error_handler_t::replace);
                return a;
            }
        // No tool call: hand over the text, so the schema check can ask once more.
        for (const json& block : j["content"])
            if (block.is_object() && block.value("type", std::string()) == "text")
                a.text += block.value("text", std::string());
        if (a.text.empty()) {
            a.error = ModelError::BadResponse;
            a.message = "the answer from " + endpointOf(s_) + " holds no " + kTool + " call";
        }
        return a;
    }

private:
    ProviderSettings s_;
};

}  // namespace

std::unique_ptr<Provider> makeAnthropicProvider(const ProviderSettings& s) {
    return std::make_unique<AnthropicProvider>(s);
}

}  // namespace rootline::llm
