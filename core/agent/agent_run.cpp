#include "agent/agent_run.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "agent/agent_flags.h"
#include "tracepack/redaction.h"

namespace rootline {

namespace {

std::string attrText(const Trace& trace, const Attribute& a) {
    return valueToString(a.value, trace.dict->strings, trace.dict->attrs);
}

bool isDecisionEvent(std::string_view name) {
    return name == "decision" || name == "agent.decision" || name == "gen_ai.agent.decision";
}

// agent-strace's `otlp` export has no LLM spans: each call is a pair of events on the session
// span, a request (`gen_ai.system.message` with the model and input tokens) and a response
// (`gen_ai.assistant.message` with output tokens). Real per-message events carry content
// instead, so only events with usage or a model become steps.
void addEventSteps(const Trace& trace, size_t span, const std::string& agent,
                   std::vector<AgentStep>& steps, std::vector<AgentStep>& decisions) {
    const std::span<const Event> events = trace.eventsOf(span);
    AgentStep* open = nullptr;
    for (size_t e = 0; e < events.size(); ++e) {
        const std::string_view name = trace.str(events[e].name);
        std::string model, provider;
        int64_t in = -1, out = -1;
        AgentDecision decision;
        for (PairId pid : trace.dict->attrs.set(events[e].attrs)) {
            const Attribute& a = trace.dict->attrs.pair(pid);
            const std::string_view key = trace.str(a.key);
            int64_t n = 0;
            if (key == "gen_ai.request.model") model = attrText(trace, a);
            if (key == "gen_ai.system" || key == "gen_ai.provider.name")
                provider = attrText(trace, a);
            if ((key == "gen_ai.usage.input_tokens" || key == "gen_ai.usage.prompt_tokens") &&
                valueAsInt(a.value, trace.dict->strings, n))
                in = n;
            if ((key == "gen_ai.usage.output_tokens" || key == "gen_ai.usage.completion_tokens") &&
                valueAsInt(a.value, trace.dict->strings, n))
                out = n;
            if (key == "reason" || key == "reasoning") decision.reasoning = attrText(trace, a);
            if (key == "choice") decision.choice = attrText(trace, a);
            if (key == "context_source") decision.contextSource = attrText(trace, a);
            if (key == "risk") decision.risk = attrText(trace, a);
        }
        if (isDecisionEvent(name) && decision.present()) {
            AgentStep d;
            d.span = static_cast<uint32_t>(span);
            d.event = static_cast<int32_t>(e);
            d.startNs = events[e].timeNs;
            d.decision = std::move(decision);
            decisions.push_back(std::move(d));
            continue;
        }
        const bool request = !model.empty() || in >= 0;
        if (request && name != "gen_ai.assistant.message" && name != "gen_ai.choice") {
            AgentStep step;
            step.span = static_cast<uint32_t>(span);
            step.event = static_cast<int32_t>(e);
            step.kind = GenAiKind::ModelCall;
            step.agent = agent;
            step.name = std::string(name);
            step.model = model;
            step.provider = provider;
            step.inputTokens = in;
            step.startNs = events[e].timeNs;
            steps.push_back(std::move(step));
            open = &steps.back();
        } else if (open && out >= 0) {
            open->outputTokens = out;
            open->durationNs = events[e].timeNs - open->startNs;
            open = nullptr;
        }
    }
}

void addToTotals(AgentTotals& t, const AgentStep& s) {
    ++t.steps;
    if (s.kind == GenAiKind::ModelCall) ++t.modelCalls;
    if (s.kind == GenAiKind::ToolCall) ++t.toolCalls;
    if (s.failed) ++t.failedSteps;
    // Tokens roll up from model calls and embeddings only: agent spans often repeat the sum of
    // their children (or leave it out), and counting both would double it.
    if (s.kind != GenAiKind::ModelCall && s.kind != GenAiKind::Embeddings) return;
    if (s.inputTokens > 0) t.inputTokens += s.inputTokens;
    if (s.outputTokens > 0) t.outputTokens += s.outputTokens;
    if (s.costUsd)
        t.costUsd += *s.costUsd;
    else if (s.inputTokens > 0 || s.outputTokens > 0)
        ++t.unpricedCalls;
}

// Text of one message in the current semconv shape: {role, parts:[{type, content|…}]}.
std::string partsText(const nlohmann::json& message) {
    if (!message.contains("parts") || !message["parts"].is_array())
        return message.is_string() ? message.get<std::string>() : message.dump();
    std::string text;
    for (const nlohmann::json& part : message["parts"]) {
        if (!text.empty()) text += "\n";
        if (part.is_object() && part.value("type", "") == "text" && part.contains("content") &&
            part["content"].is_string())
            text += part["content"].get<std::string>();
        else
            text += part.dump();
    }
    return text;
}

void messagesFromJson(const std::string& text, const std::string& defaultRole,
                      const std::string& origin, std::vector<AgentMessage>& out) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_array()) {
        for (const nlohmann::json& m : doc) {
            std::string role = defaultRole;
            if (m.is_object() && m.contains("role") && m["role"].is_string())
                role = m["role"].get<std::string>();
            out.push_back({role, partsText(m), origin});
        }
    } else if (doc.is_object() && doc.contains("text") && doc["text"].is_string()) {
        out.push_back({defaultRole, doc["text"].get<std::string>(), origin});
    } else {
        out.push_back({defaultRole, text, origin});
    }
}

}  // namespace

std::vector<AgentStep> agentSteps(const Trace& trace, const PriceTable& prices) {
    if (trace.spanCount() == 0 || !mayContainGenAi(trace)) return {};

    // Kinds for every span, the full reading only for GenAI ones: a GenAiSpan is a few hundred
    // bytes, and most spans of a large trace are not GenAI.
    std::vector<GenAiKind> kinds(trace.spanCount(), GenAiKind::None);
    std::unordered_map<uint32_t, GenAiSpan> genAi;
    for (size_t i = 0; i < trace.spanCount(); ++i) {
        GenAiSpan g = classifyGenAiSpan(trace, i);
        kinds[i] = g.kind;
        if (g.isGenAi()) genAi.emplace(static_cast<uint32_t>(i), std::move(g));
    }

    // The nearest enclosing agent invocation of each span and how many enclose it, top down
    // through the tree (children can start at the same instant as their parent, so start order
    // alone does not say), in one pass whatever the depth.
    std::vector<int32_t> agentAbove(trace.spanCount(), -1);
    std::vector<uint32_t> agentsAbove(trace.spanCount(), 0);
    std::vector<uint32_t> pending(trace.roots.begin(), trace.roots.end());
    while (!pending.empty()) {
        const uint32_t p = pending.back();
        pending.pop_back();
        const bool isAgent = kinds[p] == GenAiKind::AgentInvocation;
        for (uint32_t c : trace.childrenOf(p)) {
            agentAbove[c] = isAgent ? static_cast<int32_t>(p) : agentAbove[p];
            agentsAbove[c] = agentsAbove[p] + (isAgent ? 1 : 0);
            pending.push_back(c);
        }
    }
    auto enclosingAgent = [&](size_t i) { return agentAbove[i]; };
    auto agentLevel = [&](size_t i) { return agentsAbove[i]; };

    std::vector<AgentStep> steps, decisions;
    for (size_t i = 0; i < trace.spanCount(); ++i) {
        if (kinds[i] == GenAiKind::None) continue;
        const GenAiSpan& g = genAi.at(static_cast<uint32_t>(i));
        const int32_t agentSpan = enclosingAgent(i);
        AgentStep step;
        step.span = static_cast<uint32_t>(i);
        step.kind = g.kind;
        step.level = agentLevel(i);
        step.agent = g.kind == GenAiKind::AgentInvocation ? g.agentName
                     : agentSpan >= 0 ? genAi.at(static_cast<uint32_t>(agentSpan)).agentName
                                      : std::string();
        step.name = std::string(trace.nameOf(i));
        step.provider = g.provider;
        step.model = g.model();
        step.inputTokens = g.inputTokens;
        step.outputTokens = g.outputTokens;
        step.startNs = trace.start[i];
        step.durationNs = trace.duration[i];
        step.toolName = g.toolName;
        step.toolCallId = g.toolCallId;
        step.arguments = g.toolArguments;
        step.result = g.toolResult;
        step.failed = g.failed;
        step.errorMessage = g.errorMessage;
        step.decision = g.decision;
        step.hasMessages = g.hasMessages;
        steps.push_back(std::move(step));
        if (g.kind == GenAiKind::AgentInvocation) {
            const size_t before = steps.size();
            addEventSteps(trace, i, g.agentName, steps, decisions);
            for (size_t s = before; s < steps.size(); ++s)
                steps[s].level = agentLevel(i) + 1;
        }
    }
    if (steps.empty()) return steps;

    std::stable_sort(steps.begin(), steps.end(), [](const AgentStep& a, const AgentStep& b) {
        if (a.startNs != b.startNs) return a.startNs < b.startNs;
        // At the same instant an agent comes before what it does.
        return (a.kind == GenAiKind::AgentInvocation && a.event < 0) >
               (b.kind == GenAiKind::AgentInvocation && b.event < 0);
    });

    // Parent steps, from the span tree (event steps belong to their own span's agent).
    std::map<uint32_t, int32_t> stepOfAgentSpan;
    for (size_t s = 0; s < steps.size(); ++s)
        if (steps[s].kind == GenAiKind::AgentInvocation && steps[s].event < 0)
            stepOfAgentSpan[steps[s].span] = static_cast<int32_t>(s);
    for (AgentStep& step : steps) {
        const int32_t agentSpan =
            step.event >= 0 ? static_cast<int32_t>(step.span) : enclosingAgent(step.span);
        if (agentSpan >= 0 && stepOfAgentSpan.count(agentSpan))
            step.parentStep = stepOfAgentSpan[agentSpan];
    }

    // A decision event explains the next tool call of its agent that has no decision of its own.
    for (const AgentStep& d : decisions) {
        for (AgentStep& step : steps) {
            if (step.kind != GenAiKind::ToolCall || step.startNs < d.startNs ||
                step.decision.present())
                continue;
            const auto owner = stepOfAgentSpan.find(d.span);
            if (owner != stepOfAgentSpan.end() && step.parentStep != owner->second) continue;
            step.decision = d.decision;
            break;
        }
    }

    for (AgentStep& step : steps)
        if (step.kind == GenAiKind::ModelCall || step.kind == GenAiKind::Embeddings)
            step.costUsd = prices.cost(step.model, step.inputTokens, step.outputTokens);
    return steps;
}

AgentRun analyzeAgentRun(const Trace& trace, const PriceTable& prices) {
    AgentRun run;
    std::vector<AgentStep> steps = agentSteps(trace, prices);
    run.isAgentTrace = !steps.empty();  // every GenAI span is a step
    if (!run.isAgentTrace) return run;
    for (const AgentStep& step : steps)
        if ((step.kind == GenAiKind::ModelCall || step.kind == GenAiKind::Embeddings) &&
            !step.costUsd && (step.inputTokens > 0 || step.outputTokens > 0)) {
            const std::string model = step.model.empty() ? "(no model)" : step.model;
            if (std::find(run.unpricedModels.begin(), run.unpricedModels.end(), model) ==
                run.unpricedModels.end())
                run.unpricedModels.push_back(model);
        }

    flagAgentSteps(trace, steps);

    for (const AgentStep& step : steps) {
        auto it = std::find_if(run.perAgent.begin(), run.perAgent.end(),
                               [&](const AgentTotals& t) { return t.agent == step.agent; });
        if (it == run.perAgent.end()) {
            run.perAgent.push_back({});
            run.perAgent.back().agent = step.agent;
            it = run.perAgent.end() - 1;
        }
        addToTotals(*it, step);
        if (step.kind == GenAiKind::AgentInvocation && step.event < 0)
            it->durationNs += std::max<int64_t>(step.durationNs, 0);
        addToTotals(run.total, step);
    }
    run.total.durationNs = trace.durationNs();
    run.steps = std::move(steps);
    run.whatHappened = summarizeWhatHappened(trace, run.steps);
    return run;
}

std::vector<AgentMessage> messagesOf(const Trace& trace, const AgentStep& step) {
    std::vector<AgentMessage> out;
    if (step.span >= trace.spanCount()) return out;
    const StringPool& pool = trace.dict->strings;
    const AttributeStore& store = trace.dict->attrs;
    if (step.event < 0) {
        // Instructions, then the input, then the output, whatever order the producer wrote the
        // attributes in.
        std::vector<AgentMessage> system, input, output;
        for (PairId pid : trace.attributesOf(step.span)) {
            const Attribute& a = store.pair(pid);
            const std::string key(pool.view(a.key));
            const std::string text = valueToString(a.value, pool, store);
            if (key == "gen_ai.system_instructions")
                messagesFromJson(text, "system", key, system);
            else if (key == "gen_ai.input.messages" || key == "gen_ai.prompt")
                messagesFromJson(text, "user", key, input);
            else if (key == "gen_ai.output.messages" || key == "gen_ai.completion")
                messagesFromJson(text, "assistant", key, output);
            else if (key.starts_with("llm.input_messages.") && key.ends_with(".message.content"))
                input.push_back({"message", text, key});
            else if (key.starts_with("llm.output_messages.") && key.ends_with(".message.content"))
                output.push_back({"assistant", text, key});
        }
        for (auto* part : {&system, &input, &output})
            out.insert(out.end(), part->begin(), part->end());
    }
    const std::span<const Event> events = trace.eventsOf(step.span);
    for (size_t e = 0; e < events.size(); ++e) {
        if (step.event >= 0 && static_cast<int32_t>(e) != step.event) continue;
        const std::string name(trace.str(events[e].name));
        std::string role;
        if (name.starts_with("gen_ai.") && name.ends_with(".message"))
            role = name.substr(7, name.size() - 7 - 8);
        else if (name == "gen_ai.choice")
            role = "choice";
        else if (name == "user_prompt")
            role = "user";
        else if (name == "assistant_response")
            role = "assistant";
        if (role.empty()) continue;
        for (PairId pid : store.set(events[e].attrs)) {
            const Attribute& a = store.pair(pid);
            const std::string_view key = pool.view(a.key);
            if (key == "content" || key == "prompt" || key == "text" || key == "message" ||
                key == "gen_ai.prompt" || key == "gen_ai.completion" || key == "body")
                out.push_back({role, valueToString(a.value, pool, store), name});
        }
    }
    return out;
}

std::vector<AgentMessage> messagesFromLogs(const Trace& trace, const AgentStep& step,
                                           const std::vector<logs::LogLine>& lines) {
    std::vector<AgentMessage> out;
    if (step.event >= 0 || step.span >= trace.spanCount()) return out;
    const std::string spanId = trace.spanIdText(step.span);
    for (const logs::LogLine& line : lines) {
        if (line.spanId != spanId) continue;
        const auto event = line.fields.find("event.name");
        if (event == line.fields.end() || !isGenAiMessageEvent(event->second)) continue;
        const std::string& name = event->second;
        std::string role = name == "gen_ai.choice" ? "choice" : name;
        if (name.starts_with("gen_ai.") && name.ends_with(".message"))
            role = name.substr(7, name.size() - 7 - 8);  // "gen_ai.user.message" → "user"
        out.push_back({role, line.body, name});
    }
    return out;
}

std::string redactForDisplay(std::string_view key, std::string_view text) {
    RedactionRules rules = RedactionRules::defaults();
    rules.tokenise = false;  // placeholders only: nothing here goes to a vault
    Redactor redactor(std::move(rules), TokenKey{});
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_discarded() && (doc.is_object() || doc.is_array())) {
        redactor.redactAttribute(key, doc);
        return doc.dump();
    }
    if (key.empty()) return redactor.redactText(text);
    nlohmann::json value = std::string(text);
    redactor.redactAttribute(key, value);
    return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace rootline
