#pragma once
// What one span says about an AI agent's run, read from any of the dialects in the wild.
//
// OpenTelemetry GenAI spans come in two conventions that real traces mix (the instrumentation
// keeps the old form by default): before semconv 1.37 `gen_ai.system`, `gen_ai.usage.prompt_
// tokens` and one event per message; after it `gen_ai.provider.name`, `gen_ai.usage.input_tokens`
// and the `gen_ai.input.messages` / `gen_ai.output.messages` attributes. agent-strace's `otlp`
// and `otlp-genai` exports bend the names further (`tool/<name>`, `gen_ai.tool.call/<name>`,
// `tool.input.<arg>`, `tool.output`, a failed tool named after the bare tool), and OpenInference
// (Phoenix, Arize) has its own (`openinference.span.kind`, `llm.token_count.*`). The classifier
// reads all of them into one shape, so nothing downstream cares which one it was.
// docs/agents.md lists every attribute read.

#include <cstdint>
#include <string>
#include <string_view>

#include "model/trace.h"

namespace rootline {

enum class GenAiKind : uint8_t {
    None,             // not a GenAI span
    AgentInvocation,  // invoke_agent, create_agent, invoke_workflow, an agent-strace session
    ModelCall,        // chat, text_completion, generate_content
    ToolCall,         // execute_tool, agent-strace tool spans, MCP tools/call
    Embeddings,
    Retrieval,
    Other,  // a GenAI span with another operation (memory, plan, …)
};

// "agent", "model", "tool", "embeddings", "retrieval", "other", "" for None. Stable: used in JSON.
std::string_view genAiKindName(GenAiKind kind);

// Why the agent did something, when the producer recorded it.
struct AgentDecision {
    std::string reasoning;      // agent.decision.reasoning, agent-strace decision `reason`
    std::string contextSource;  // agent.decision.context_source: user, tool_output, retrieval, …
    std::string risk;           // agent.decision.risk: low, high, destructive, …
    std::string choice;         // agent-strace decision `choice`: what was decided
    bool present() const {
        return !reasoning.empty() || !contextSource.empty() || !risk.empty() || !choice.empty();
    }
};

struct GenAiSpan {
    GenAiKind kind = GenAiKind::None;
    std::string operation;  // gen_ai.operation.name as written (or the inferred one)
    std::string provider;   // gen_ai.provider.name, else gen_ai.system, else llm.provider
    std::string requestModel;
    std::string responseModel;
    int64_t inputTokens = -1;  // -1 when the span does not say
    int64_t outputTokens = -1;
    std::string agentName;
    std::string agentId;
    std::string toolName;
    std::string toolCallId;
    std::string toolType;       // function, extension, datastore
    std::string toolArguments;  // JSON text (agent-strace tool.input.<arg> become one object)
    std::string toolResult;
    std::string dataSource;  // gen_ai.data_source.id (retrieval)
    AgentDecision decision;
    bool hasMessages = false;  // content attributes or per-message events on the span
    bool failed = false;       // status ERROR, error.type, error.message or an exception event
    std::string errorMessage;  // status message, error.message, exception.message or error.type

    bool isGenAi() const { return kind != GenAiKind::None; }
    // The model that answered, else the one asked for.
    const std::string& model() const {
        return responseModel.empty() ? requestModel : responseModel;
    }
};

// Reads one span. Cheap enough to call on every span of a small agent trace; callers that scan
// large traces ask `mayContainGenAi` first.
GenAiSpan classifyGenAiSpan(const Trace& trace, size_t span);

// Message content, which the tracepack leaves out unless asked (docs/tracepack.md): the content
// attributes (gen_ai.input.messages, gen_ai.output.messages, gen_ai.system_instructions, the
// deprecated gen_ai.prompt / gen_ai.completion and their flattened forms, OpenInference's
// llm.input_messages.* / llm.output_messages.*; input.value / output.value on model calls)…
bool isGenAiContentKey(std::string_view key, bool onModelCall);
// …per-message events (gen_ai.user.message, gen_ai.choice, agent-strace user_prompt, …)…
bool isGenAiMessageEvent(std::string_view name);
// …and, on those events, the attributes that carry the text (content, body, prompt, text, …).
bool isGenAiMessageEventContentKey(std::string_view key);

// False when the trace's dictionary holds none of the keys or names any GenAI dialect uses, so
// ranking can skip the agent analysis on ordinary traces without touching a span.
bool mayContainGenAi(const Trace& trace);

}  // namespace rootline
