#pragma once
// One step of an agent's run (an agent invocation, a model call, a tool call, …) and the flags
// raised on it. Built by analyzeAgentRun (agent_run.h); the CLI and the agent view show them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agent/genai_span.h"

namespace rootline {

enum class AgentFlagCode : uint8_t {
    StateChanging,      // a tool call that writes, sends or runs something
    Destructive,        // …that deletes, drops, purges, pays, or declared a high/destructive risk
    WithoutApproval,    // a state-changing call with no human approval anywhere in the trace
    PossibleInjection,  // the context behind the call came from a tool output or a document
};

// "state_changing", "destructive", "without_approval", "possible_injection". Stable: JSON, docs.
std::string_view agentFlagCodeName(AgentFlagCode code);

struct AgentFlag {
    AgentFlagCode code = AgentFlagCode::StateChanging;
    std::string reason;  // one line, English: "tool name 'delete_rows' contains 'delete'"
};

struct AgentStep {
    uint32_t span = 0;   // the span the step comes from
    int32_t event = -1;  // index into eventsOf(span) when the step is an event (agent-strace's
                         // LLM calls are events on the session span), else -1
    GenAiKind kind = GenAiKind::Other;
    uint32_t level = 0;  // enclosing agent invocations: 0 for the top agent, 1 for its steps…
    int32_t parentStep = -1;  // the enclosing agent invocation step, -1 at the top
    std::string agent;        // name of the enclosing (or, for an invocation, this) agent
    std::string name;         // span name (or event name)
    std::string provider;
    std::string model;
    int64_t inputTokens = -1;  // -1 unknown
    int64_t outputTokens = -1;
    std::optional<double> costUsd;  // estimate from the price table; empty when unpriced
    int64_t startNs = 0;
    int64_t durationNs = 0;
    std::string toolName;
    std::string toolCallId;
    std::string arguments;  // raw: show through redactForDisplay (agent_run.h)
    std::string result;     // raw tool result
    bool failed = false;
    std::string errorMessage;
    AgentDecision decision;  // the step's own decision attributes (or an attached decision event)
    bool hasMessages = false;
    std::vector<AgentFlag> flags;

    bool hasFlag(AgentFlagCode code) const {
        for (const AgentFlag& f : flags)
            if (f.code == code) return true;
        return false;
    }
};

}  // namespace rootline
