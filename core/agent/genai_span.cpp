#include "agent/genai_span.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace rootline {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// gen_ai.operation.name values (current semconv, and the agent-strace / older spellings).
GenAiKind kindFromOperation(std::string_view op) {
    static constexpr std::array<std::string_view, 5> kAgent{
        "invoke_agent", "create_agent", "invoke_workflow", "agent.session", "agent"};
    static constexpr std::array<std::string_view, 5> kModel{
        "chat", "text_completion", "generate_content", "completion", "gen_ai.client.operation"};
    static constexpr std::array<std::string_view, 3> kTool{"execute_tool", "tool.call", "execute"};
    if (op.empty()) return GenAiKind::None;
    if (std::find(kAgent.begin(), kAgent.end(), op) != kAgent.end())
        return GenAiKind::AgentInvocation;
    if (std::find(kModel.begin(), kModel.end(), op) != kModel.end()) return GenAiKind::ModelCall;
    if (std::find(kTool.begin(), kTool.end(), op) != kTool.end()) return GenAiKind::ToolCall;
    if (op == "embeddings") return GenAiKind::Embeddings;
    if (op == "retrieval") return GenAiKind::Retrieval;
    return GenAiKind::Other;
}

// Span names written by the spec's name patterns and by agent-strace, for producers that leave
// gen_ai.operation.name out. Returns the tool name a prefix carries in `tool`.
GenAiKind kindFromSpanName(std::string_view name, std::string& tool) {
    struct Prefix {
        std::string_view text;
        GenAiKind kind;
        bool carriesTool;
    };
    static constexpr std::array<Prefix, 12> kPrefixes{{
        {"invoke_agent", GenAiKind::AgentInvocation, false},
        {"create_agent", GenAiKind::AgentInvocation, false},
        {"invoke_workflow", GenAiKind::AgentInvocation, false},
        {"agent-session", GenAiKind::AgentInvocation, false},
        {"gen_ai.agent.session", GenAiKind::AgentInvocation, false},
        {"chat ", GenAiKind::ModelCall, false},
        {"text_completion", GenAiKind::ModelCall, false},
        {"generate_content", GenAiKind::ModelCall, false},
        {"gen_ai.client.operation", GenAiKind::ModelCall, false},
        {"execute_tool ", GenAiKind::ToolCall, true},
        {"tool/", GenAiKind::ToolCall, true},
        {"gen_ai.tool.call/", GenAiKind::ToolCall, true},
    }};
    for (const Prefix& p : kPrefixes) {
        if (!startsWith(name, p.text)) continue;
        if (p.carriesTool) tool = std::string(name.substr(p.text.size()));
        return p.kind;
    }
    if (startsWith(name, "embeddings")) return GenAiKind::Embeddings;
    if (startsWith(name, "retrieval")) return GenAiKind::Retrieval;
    return GenAiKind::None;
}

GenAiKind kindFromOpenInference(std::string_view spanKind) {
    const std::string k = asciiLower(spanKind);
    if (k == "llm") return GenAiKind::ModelCall;
    if (k == "tool") return GenAiKind::ToolCall;
    if (k == "agent") return GenAiKind::AgentInvocation;
    if (k == "retriever") return GenAiKind::Retrieval;
    if (k == "embedding") return GenAiKind::Embeddings;
    return k.empty() ? GenAiKind::None : GenAiKind::Other;
}

bool isMessageKeyNamed(std::string_view key) {
    return key == "gen_ai.input.messages" || key == "gen_ai.output.messages" ||
           key == "gen_ai.system_instructions" || key == "gen_ai.prompt" ||
           key == "gen_ai.completion" || startsWith(key, "gen_ai.prompt.") ||
           startsWith(key, "gen_ai.completion.") || startsWith(key, "llm.input_messages.") ||
           startsWith(key, "llm.output_messages.");
}

void setInt(int64_t& slot, const Value& v, const Trace& t) {
    int64_t n = 0;
    if (slot < 0 && valueAsInt(v, t.dict->strings, n)) slot = n;
}

void setText(std::string& slot, const std::string& text) {
    if (slot.empty()) slot = text;
}

}  // namespace

std::string_view genAiKindName(GenAiKind kind) {
    switch (kind) {
        case GenAiKind::None:
            return "";
        case GenAiKind::AgentInvocation:
            return "agent";
        case GenAiKind::ModelCall:
            return "model";
        case GenAiKind::ToolCall:
            return "tool";
        case GenAiKind::Embeddings:
            return "embeddings";
        case GenAiKind::Retrieval:
            return "retrieval";
        case GenAiKind::Other:
            return "other";
    }
    return "";
}

bool isGenAiContentKey(std::string_view key, bool onModelCall) {
    if (isMessageKeyNamed(key)) return true;
    return onModelCall &&
           (key == "input.value" || key == "output.value" || key == "input" || key == "output");
}

// Old-style per-message span events and agent-strace's prompt / response events.
bool isGenAiMessageEvent(std::string_view name) {
    return (startsWith(name, "gen_ai.") && name.ends_with(".message")) || name == "gen_ai.choice" ||
           name == "user_prompt" || name == "assistant_response";
}

bool isGenAiMessageEventContentKey(std::string_view key) {
    return key == "content" || key == "body" || key == "prompt" || key == "text" ||
           key == "message" || key == "tool_calls" || key == "gen_ai.prompt" ||
           key == "gen_ai.completion" || key == "gen_ai.event.content";
}

bool mayContainGenAi(const Trace& trace) {
    static constexpr std::array<std::string_view, 9> kMarkers{"mcp.method.name",
                                                              "gen_ai.operation.name",
                                                              "gen_ai.system",
                                                              "gen_ai.provider.name",
                                                              "gen_ai.tool.name",
                                                              "gen_ai.request.model",
                                                              "tool.name",
                                                              "openinference.span.kind",
                                                              "agent.decision.reasoning"};
    const StringPool& pool = trace.dict->strings;
    for (std::string_view key : kMarkers)
        if (pool.find(key) != StringPool::kNotFound) return true;
    return false;
}

GenAiSpan classifyGenAiSpan(const Trace& trace, size_t span) {
    GenAiSpan out;
    const StringPool& pool = trace.dict->strings;
    const AttributeStore& store = trace.dict->attrs;
    bool anyGenAiKey = false;
    bool agentStraceTool = false;  // tool.name / tool.input.* without gen_ai.*
    bool mcpToolCall = false;      // an MCP client or server span of a tool call
    std::string openInferenceKind, inputValue, outputValue;
    nlohmann::json flatArguments = nlohmann::json::object();

    for (PairId pid : trace.attributesOf(span)) {
        const Attribute& a = store.pair(pid);
        const std::string_view key = pool.view(a.key);
        // Every key read below starts with one of these letters; most keys of an ordinary
        // span (http.*, db.*, k8s.*, net.*) are skipped without a comparison.
        if (key.empty() || std::string_view("gatldiome").find(key[0]) == std::string_view::npos)
            continue;
        auto text = [&] { return valueToString(a.value, pool, store); };
        if (startsWith(key, "gen_ai.")) anyGenAiKey = true;
        if (key == "gen_ai.operation.name") {
            out.operation = text();
        } else if (key == "gen_ai.provider.name") {
            out.provider = text();  // the current name wins over gen_ai.system
        } else if (key == "gen_ai.system" || key == "llm.provider" || key == "llm.system") {
            setText(out.provider, text());
        } else if (key == "gen_ai.request.model" || key == "llm.model_name") {
            setText(out.requestModel, text());
        } else if (key == "gen_ai.response.model") {
            out.responseModel = text();
        } else if (key == "gen_ai.usage.input_tokens" || key == "gen_ai.usage.prompt_tokens" ||
                   key == "llm.token_count.prompt") {
            setInt(out.inputTokens, a.value, trace);
        } else if (key == "gen_ai.usage.output_tokens" || key == "gen_ai.usage.completion_tokens" ||
                   key == "llm.token_count.completion") {
            setInt(out.outputTokens, a.value, trace);
        } else if (key == "gen_ai.agent.name" || key == "agent.name") {
            setText(out.agentName, text());
        } else if (key == "gen_ai.agent.id" || key == "agent.session_id") {
            setText(out.agentId, text());
        } else if (key == "gen_ai.tool.name") {
            out.toolName = text();
        } else if (key == "tool.name") {
            agentStraceTool = true;
            setText(out.toolName, text());
        } else if (key == "gen_ai.tool.call.id") {
            out.toolCallId = text();
        } else if (key == "gen_ai.tool.type") {
            out.toolType = text();
        } else if (key == "gen_ai.tool.call.arguments" || key == "tool.parameters") {
            setText(out.toolArguments, text());
        } else if (key == "gen_ai.tool.call.result" || key == "tool.output" ||
                   key == "gen_ai.tool.output") {
            setText(out.toolResult, text());
        } else if (startsWith(key, "tool.input.") || startsWith(key, "gen_ai.tool.input.")) {
            // agent-strace flattens the arguments into one attribute per key.
            agentStraceTool = agentStraceTool || startsWith(key, "tool.");
            flatArguments[std::string(key.substr(key.rfind('.') + 1))] = text();
        } else if (key == "input.value" || key == "input") {
            inputValue = text();
        } else if (key == "output.value" || key == "output") {
            outputValue = text();
        } else if (key == "openinference.span.kind") {
            openInferenceKind = text();
        } else if (key == "gen_ai.data_source.id") {
            out.dataSource = text();
        } else if (key == "agent.decision.reasoning" || key == "agent.decision.reason" ||
                   key == "decision.reasoning" || key == "decision.reason") {
            setText(out.decision.reasoning, text());
        } else if (key == "agent.decision.context_source" || key == "decision.context_source" ||
                   key == "agent.context_source") {
            setText(out.decision.contextSource, text());
        } else if (key == "agent.decision.risk" || key == "decision.risk" || key == "agent.risk" ||
                   key == "gen_ai.tool.risk" || key == "tool.risk") {
            setText(out.decision.risk, text());
        } else if (key == "agent.decision.choice" || key == "decision.choice") {
            setText(out.decision.choice, text());
        } else if (key == "mcp.method.name") {
            mcpToolCall = text() == "tools/call";
        } else if (key == "error.message") {
            out.failed = true;
            setText(out.errorMessage, text());
        } else if (key == "error.type") {
            out.failed = true;
            if (out.errorMessage.empty()) out.errorMessage = text();
        }
        if (isMessageKeyNamed(key)) out.hasMessages = true;
    }

    // Kind: operation first, then span-name patterns, then dialect markers.
    const std::string_view name = trace.nameOf(span);
    std::string toolFromName;
    out.kind = kindFromOperation(out.operation);
    const GenAiKind byName = kindFromSpanName(name, toolFromName);
    if (out.kind == GenAiKind::None || out.kind == GenAiKind::Other) {
        if (byName != GenAiKind::None) out.kind = byName;
    }
    if (out.kind == GenAiKind::None) out.kind = kindFromOpenInference(openInferenceKind);
    if (out.kind == GenAiKind::None && mcpToolCall) {
        out.kind = GenAiKind::ToolCall;
        if (name.starts_with("tools/call ")) toolFromName = std::string(name.substr(11));
    }
    if (out.kind == GenAiKind::None && (agentStraceTool || !out.toolName.empty()))
        out.kind = GenAiKind::ToolCall;
    if (out.kind == GenAiKind::None && anyGenAiKey)
        out.kind = out.requestModel.empty() ? GenAiKind::Other : GenAiKind::ModelCall;
    if (out.kind == GenAiKind::None) return out;

    if (out.kind == GenAiKind::ToolCall) {
        if (out.toolName.empty()) out.toolName = toolFromName;
        if (out.toolName.empty() && agentStraceTool) out.toolName = std::string(name);
        if (out.toolArguments.empty() && !flatArguments.empty())
            out.toolArguments = flatArguments.dump();
        if (out.toolArguments.empty()) out.toolArguments = inputValue;
        if (out.toolResult.empty()) out.toolResult = outputValue;
    } else if (out.kind == GenAiKind::ModelCall && (!inputValue.empty() || !outputValue.empty())) {
        out.hasMessages = true;  // OpenInference's input.value / output.value hold the messages
    }
    if (out.kind == GenAiKind::AgentInvocation && out.agentName.empty()) {
        // "invoke_agent weather_agent", "agent-session (claude-code)"
        const size_t space = name.find(' ');
        if (space != std::string_view::npos) {
            std::string rest(name.substr(space + 1));
            if (rest.size() > 2 && rest.front() == '(' && rest.back() == ')')
                rest = rest.substr(1, rest.size() - 2);
            out.agentName = rest;
        }
    }

    // Status and the events: failure, decisions, per-message events.
    if (trace.isError(span)) {
        out.failed = true;
        const std::string_view msg = trace.str(trace.statusMessage[span]);
        if (!msg.empty()) out.errorMessage = std::string(msg);
    }
    for (const Event& e : trace.eventsOf(span)) {
        const std::string_view ename = trace.str(e.name);
        if (isGenAiMessageEvent(ename)) out.hasMessages = true;
        if (ename == "exception") {
            out.failed = true;
            for (PairId pid : store.set(e.attrs)) {
                const Attribute& a = store.pair(pid);
                if (pool.view(a.key) == "exception.message")
                    setText(out.errorMessage, valueToString(a.value, pool, store));
            }
        }
    }
    return out;
}

}  // namespace rootline
