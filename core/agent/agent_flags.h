#pragma once
// Flags on tool calls: what changed state, what destroyed, what ran without a human approval,
// and what may have been steered by injected content. docs/agents.md lists the words and keys.
//
// State-changing / destructive: the step's declared risk (agent.decision.risk and the
// equivalents) or words in the tool name or arguments (kStateChangingWords, kDestructiveWords,
// matched as whole words, so "remove" matches "remove_user" but not "removed_count"'s
// neighbour "premove"). Without approval: nothing in the trace before the call shows a human
// approval (approval attributes, or a span or event named like approval / human_review /
// user_confirmation). Possible injection: the decision's context source is a tool output, a
// retrieved document or the web, or the model call that asked for the tool read a tool result
// or a retrieval that ran after the user's last turn.

#include <span>
#include <string_view>
#include <vector>

#include "agent/agent_step.h"
#include "model/trace.h"

namespace rootline {

// Whole words (split on anything not a letter or digit, camelCase split too).
extern const std::vector<std::string_view> kDestructiveWords;
extern const std::vector<std::string_view> kStateChangingWords;

// Sets `flags` on every tool-call step of `steps` (ordered by start).
void flagAgentSteps(const Trace& trace, std::vector<AgentStep>& steps);

// True when a span or event of the trace that starts at or before `beforeNs` records a human
// approval. Exposed for tests and the UI's explanation.
bool traceShowsApproval(const Trace& trace, int64_t beforeNs);
// The time of the trace's first recorded approval, INT64_MAX when none: one pass over the trace.
int64_t firstApprovalNs(const Trace& trace);

}  // namespace rootline
