#pragma once
// "What happened": the actions of an agent's run that changed state, each with the decision
// that led to it and what it touched — the three questions an engineer asks first.
//
// A state-changing action is a tool step flagged StateChanging or Destructive (agent_flags.h).
// Its decision is its own decision attributes, else the nearest preceding decision of the
// same run (an agent-strace decision event, a model call's reasoning). What it touched: tables,
// files, URLs and resources named in its arguments and attributes (db.collection.name,
// db.sql.table, file paths, url.full, server.address, k8s.*.name…), in its descendants too
// (the first 256 spans of its subtree).

#include <string>
#include <vector>

#include "agent/agent_step.h"
#include "model/trace.h"

namespace rootline {

struct TouchedResource {
    std::string kind;  // "table", "file", "url", "host", "resource", "command"
    std::string name;
    bool operator==(const TouchedResource&) const = default;
};

struct StateChange {
    size_t step = 0;     // index into AgentRun::steps
    std::string action;  // tool name (or step name)
    bool destructive = false;
    bool failed = false;
    bool withoutApproval = false;
    bool possibleInjection = false;
    std::string decision;        // the reasoning / choice that led to it, "" when none found
    std::string decisionSource;  // "own attributes", "decision event", "model call #3", …
    std::vector<TouchedResource> touched;
};

struct WhatHappened {
    std::vector<StateChange> changes;  // by start
    std::vector<std::string> lines;    // the short text summary (a few lines), redacted
};

WhatHappened summarizeWhatHappened(const Trace& trace, const std::vector<AgentStep>& steps);

// What one span (and its descendants) names: exposed for tests.
std::vector<TouchedResource> touchedBy(const Trace& trace, const AgentStep& step);

}  // namespace rootline
