#include "agent/agent_flags.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <unordered_map>

namespace rootline {

// Deletes, destroys or moves money: worth a second look every time.
const std::vector<std::string_view> kDestructiveWords{
    "delete",  "del",      "drop",   "purge", "remove",    "rm",     "rmdir",     "truncate",
    "destroy", "wipe",     "erase",  "kill",  "terminate", "revoke", "uninstall", "pay",
    "payment", "transfer", "refund", "shred", "unlink",    "reset",  "overwrite", "force"};

// Writes, sends, runs or deploys: changes something outside the agent.
const std::vector<std::string_view> kStateChangingWords{
    "write", "edit",    "update", "insert",  "create",  "put",      "patch",   "post",
    "send",  "email",   "mail",   "publish", "deploy",  "exec",     "execute", "run",
    "bash",  "shell",   "sh",     "cmd",     "commit",  "push",     "merge",   "move",
    "mv",    "rename",  "upload", "apply",   "install", "restart",  "scale",   "mkdir",
    "chmod", "chown",   "append", "save",    "modify",  "replace",  "set",     "alter",
    "grant", "approve", "submit", "book",    "order",   "rollback", "migrate", "sql"};

namespace {

// Splits on anything not a letter or digit and at lower→Upper steps ("deleteRows" → delete,
// rows), lower-cased.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    char previous = 0;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (!std::isalnum(u)) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            if (std::isupper(u) && std::islower(static_cast<unsigned char>(previous)) &&
                !current.empty()) {
                out.push_back(std::move(current));
                current.clear();
            }
            current += static_cast<char>(std::tolower(u));
        }
        previous = c;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string firstWordFrom(const std::vector<std::string>& found,
                          const std::vector<std::string_view>& list) {
    for (const std::string& w : found)
        if (std::find(list.begin(), list.end(), w) != list.end()) return w;
    return {};
}

bool riskIsDestructive(const std::string& risk) {
    const std::string r = asciiLower(risk);
    return r == "high" || r == "critical" || r == "destructive" || r == "dangerous" ||
           r == "irreversible";
}

bool riskIsStateChanging(const std::string& risk) {
    const std::string r = asciiLower(risk);
    return r == "medium" || r == "moderate" || r == "write" || r == "state_changing" ||
           r == "state-changing" || r == "mutating";
}

// Context sources that are not the user: what a prompt injection would travel through.
bool untrustedContextSource(const std::string& source) {
    const std::string s = asciiLower(source);
    if (s.empty()) return false;
    for (std::string_view trusted : {"user", "human", "system", "operator", "developer"})
        if (s == trusted || s.starts_with(std::string(trusted) + "_input") ||
            s.starts_with(std::string(trusted) + "_prompt") ||
            s.starts_with(std::string(trusted) + "_message"))
            return false;
    return true;  // tool_output, retrieval, retrieved_document, web, email, file, memory…
}

// Tools whose output is content from outside (pages, mails, documents): a channel for injection.
bool readsExternalContent(const AgentStep& step) {
    // Reading the agent's own files (read, get) is left out: every coding agent does it,
    // and flagging every call after it would bury the calls that matter.
    static const std::vector<std::string_view> kExternal{
        "fetch", "browse", "browser",  "web",   "search",   "scrape", "url", "http",    "email",
        "mail",  "inbox",  "download", "crawl", "document", "docs",   "rag", "retrieve"};
    const std::vector<std::string> found = words(step.toolName);
    return !firstWordFrom(found, kExternal).empty();
}

bool nameLooksLikeApproval(std::string_view name) {
    const std::string n = asciiLower(name);
    for (std::string_view marker :
         {"approv", "human_review", "human-review", "human review", "user_confirmation",
          "user-confirmation", "confirm", "consent", "human_in_the_loop", "hitl"})
        if (n.find(marker) != std::string::npos) return true;
    return false;
}

bool valueDenies(std::string_view value) {
    const std::string v = asciiLower(value);
    return v == "false" || v == "no" || v == "denied" || v == "rejected" || v == "0" ||
           v == "pending" || v.empty();
}

int64_t stepEnd(const AgentStep& s) {
    return s.startNs + std::max<int64_t>(s.durationNs, 0);
}

}  // namespace

std::string_view agentFlagCodeName(AgentFlagCode code) {
    switch (code) {
        case AgentFlagCode::StateChanging:
            return "state_changing";
        case AgentFlagCode::Destructive:
            return "destructive";
        case AgentFlagCode::WithoutApproval:
            return "without_approval";
        case AgentFlagCode::PossibleInjection:
            return "possible_injection";
    }
    return "";
}

int64_t firstApprovalNs(const Trace& trace) {
    const StringPool& pool = trace.dict->strings;
    const AttributeStore& store = trace.dict->attrs;
    // Names repeat (a million spans, a few hundred names and keys): each is judged once.
    std::unordered_map<StrId, bool> approvalName;
    auto looksLikeApproval = [&](StrId id) {
        auto [it, added] = approvalName.try_emplace(id, false);
        if (added) it->second = nameLooksLikeApproval(pool.view(id));
        return it->second;
    };
    auto attrsApprove = [&](std::span<const PairId> set) {
        for (PairId pid : set) {
            const Attribute& a = store.pair(pid);
            if (!looksLikeApproval(a.key)) continue;
            if (!valueDenies(valueToString(a.value, pool, store))) return true;
        }
        return false;
    };
    int64_t first = INT64_MAX;
    for (size_t i = 0; i < trace.spanCount(); ++i) {
        if (trace.start[i] >= first) break;  // spans are sorted by start
        if ((looksLikeApproval(trace.name[i]) && !trace.isError(i)) ||
            attrsApprove(trace.attributesOf(i)))
            first = std::min(first, trace.start[i]);
        for (const Event& e : trace.eventsOf(i))
            if (looksLikeApproval(e.name) || attrsApprove(store.set(e.attrs)))
                first = std::min(first, e.timeNs);
    }
    return first;
}

bool traceShowsApproval(const Trace& trace, int64_t beforeNs) {
    return firstApprovalNs(trace) <= beforeNs;
}

void flagAgentSteps(const Trace& trace, std::vector<AgentStep>& steps) {
    const int64_t approvedAt = firstApprovalNs(trace);  // once: the trace is read in one pass
    for (size_t i = 0; i < steps.size(); ++i) {
        AgentStep& step = steps[i];
        if (step.kind != GenAiKind::ToolCall) continue;
        step.flags.clear();
        const std::vector<std::string> nameWords = words(step.toolName);
        const std::vector<std::string> argWords = words(step.arguments);

        // Destructive beats state-changing: one flag, the stronger one.
        std::string why;
        if (riskIsDestructive(step.decision.risk)) {
            why = "declared risk '" + step.decision.risk + "'";
        } else if (std::string w = firstWordFrom(nameWords, kDestructiveWords); !w.empty()) {
            why = "tool name '" + step.toolName + "' contains '" + w + "'";
        } else if (std::string a = firstWordFrom(argWords, kDestructiveWords); !a.empty()) {
            why = "arguments contain '" + a + "'";
        }
        bool changesState = !why.empty();
        if (changesState) {
            step.flags.push_back({AgentFlagCode::Destructive, "destructive: " + why});
        } else {
            if (riskIsStateChanging(step.decision.risk)) {
                why = "declared risk '" + step.decision.risk + "'";
            } else if (std::string w = firstWordFrom(nameWords, kStateChangingWords); !w.empty()) {
                why = "tool name '" + step.toolName + "' contains '" + w + "'";
            } else if (std::string a = firstWordFrom(
                           argWords, {"update", "insert", "alter", "create", "write"});
                       !a.empty()) {
                why = "arguments contain '" + a + "'";
            }
            if (!why.empty()) {
                changesState = true;
                step.flags.push_back({AgentFlagCode::StateChanging, "changes state: " + why});
            }
        }
        if (changesState && approvedAt > step.startNs)
            step.flags.push_back({AgentFlagCode::WithoutApproval,
                                  "no human approval recorded in the trace before this call"});

        // Injection path: declared, or seen in the steps.
        if (untrustedContextSource(step.decision.contextSource)) {
            step.flags.push_back({AgentFlagCode::PossibleInjection,
                                  "the decision's context came from '" +
                                      step.decision.contextSource + "', not the user"});
            continue;
        }
        if (!changesState) continue;  // every agent loop reads tool output; flag where it matters
        // The model call that asked for this tool: the latest one of the same agent that ended
        // by the time the tool started (the same start counts: clocks are coarse).
        int32_t asking = -1;
        for (size_t j = 0; j < i; ++j) {
            const AgentStep& s = steps[j];
            if (s.kind == GenAiKind::ModelCall && s.parentStep == step.parentStep &&
                stepEnd(s) <= step.startNs)
                asking = static_cast<int32_t>(j);
        }
        const int64_t askedAt = asking >= 0 ? steps[asking].startNs : step.startNs;
        for (size_t j = 0; j < i; ++j) {
            const AgentStep& s = steps[j];
            if (s.parentStep != step.parentStep || static_cast<int32_t>(j) == asking) continue;
            if (s.startNs > askedAt || stepEnd(s) > askedAt) continue;
            const bool retrieved = s.kind == GenAiKind::Retrieval;
            const bool external = s.kind == GenAiKind::ToolCall && readsExternalContent(s);
            if (!retrieved && !external) continue;
            std::string reason = "the context before it includes ";
            reason += retrieved ? "retrieved documents" : "the output of tool '" + s.toolName + "'";
            reason += " (step " + std::to_string(j + 1) + ")";
            if (asking >= 0) reason += ", read by model call step " + std::to_string(asking + 1);
            step.flags.push_back({AgentFlagCode::PossibleInjection, reason});
            break;
        }
    }
}

}  // namespace rootline
