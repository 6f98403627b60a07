#pragma once
// An AI agent's run read from its trace: the ordered steps (agent invocations and delegations,
// model calls, tool calls, retrievals), token and cost totals per agent and for the run, flags
// on risky tool calls and the "what happened" summary. The CLI's `agent` command and the agent
// view both start here; docs/agents.md explains the rules.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agent/agent_step.h"
#include "agent/price_table.h"
#include "agent/what_happened.h"
#include "logs/log_line.h"
#include "model/trace.h"

namespace rootline {

struct AgentTotals {
    std::string agent;  // "" for the whole run
    uint32_t steps = 0;
    uint32_t modelCalls = 0;
    uint32_t toolCalls = 0;
    uint32_t failedSteps = 0;
    int64_t inputTokens = 0;  // sum of known counts
    int64_t outputTokens = 0;
    double costUsd = 0;          // sum of priced model calls
    uint32_t unpricedCalls = 0;  // model calls with tokens but no price: the cost is a floor
    int64_t durationNs = 0;      // the agent's invocation spans (the run: the trace's duration)
};

struct AgentMessage {
    std::string role;     // system, user, assistant, tool, choice
    std::string content;  // text (or compact JSON for structured parts); raw, not redacted
    std::string origin;   // the attribute or event it came from
};

struct AgentRun {
    bool isAgentTrace = false;          // any GenAI span (or agent-strace span) at all
    std::vector<AgentStep> steps;       // by start; events after their span's start order
    std::vector<AgentTotals> perAgent;  // in order of first appearance
    AgentTotals total;
    WhatHappened whatHappened;
    std::vector<std::string> unpricedModels;  // models seen with tokens but no price
};

AgentRun analyzeAgentRun(const Trace& trace, const PriceTable& prices);

// Only the steps (no flags, totals or summary): what ranking needs, at a lower cost.
std::vector<AgentStep> agentSteps(const Trace& trace, const PriceTable& prices);

// The messages of a step, read on demand (the views keep them collapsed until asked): new-style
// content attributes, deprecated gen_ai.prompt / gen_ai.completion, and per-message events.
std::vector<AgentMessage> messagesOf(const Trace& trace, const AgentStep& step);

// The same from OTLP log records (the pre-1.37 message events are often sent as logs tied to
// the span by id, as in the OpenAI JS instrumentation): the lines of `lines` whose span id is
// the step's and whose event.name is a message event, in order.
std::vector<AgentMessage> messagesFromLogs(const Trace& trace, const AgentStep& step,
                                           const std::vector<logs::LogLine>& lines);

// Redacts a value for display with the tracepack's default rules (docs/tracepack.md): key rules
// on `key`, detectors on the text, and on every key of a JSON object when `text` is one.
// Uses "[redacted:<kind>]" placeholders, never tokens.
std::string redactForDisplay(std::string_view key, std::string_view text);

}  // namespace rootline
