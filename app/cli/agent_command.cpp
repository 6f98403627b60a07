// rootline-cli agent FILE [--trace-id ID] [--json] [--prices FILE] [--messages]: an AI agent's
// run read from its GenAI spans — what happened (the state-changing actions, why, and what they
// touched), the steps, the flags on risky tool calls, and tokens and estimated cost per agent.

#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "agent/agent_flags.h"
#include "agent/agent_run.h"
#include "cli.h"
#include "cli_input.h"
#include "util/format.h"

namespace rootline::cli {

namespace {

constexpr const char* kAgentUsage =
    "usage: rootline-cli agent FILE [--trace-id ID] [--json] [--prices FILE] [--messages]\n"
    "\n"
    "An AI agent's run from its GenAI spans (OpenTelemetry GenAI, old and new conventions;\n"
    "agent-strace exports; OpenInference): what happened, the steps, flags, tokens and cost.\n"
    "  --trace-id ID    the trace to read when FILE holds several; without it, the first\n"
    "                   trace with GenAI spans\n"
    "  --json           {\"trace_id\", \"is_agent_trace\", \"what_happened\", \"steps\", "
    "\"flags\",\n"
    "                   \"agents\", \"total\", \"prices\"} (docs/cli.md)\n"
    "  --prices FILE    model prices overriding the built-in estimates and the user's\n"
    "                   agent-prices.json: {\"prices\": [{\"model\", \"input\", \"output\"}]}\n"
    "                   in USD per million tokens\n"
    "  --messages       also print each step's messages (redacted); off by default\n";

constexpr size_t kCellWidth = 44;

// Costs to 1e-8 USD: a small model call costs a few millionths of a dollar.
double rounded(double v, double scale = 1e8) {
    return std::round(v * scale) / scale;
}

std::string cut(std::string text, size_t width) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (text.size() <= width) return text;
    return text.substr(0, width - 3) + "...";
}

std::string money(double usd) {
    std::ostringstream s;
    s << '$' << std::fixed << std::setprecision(usd < 0.01 ? 5 : 4) << usd;
    return s.str();
}

std::string tokens(int64_t n) {
    return n < 0 ? "-" : std::to_string(n);
}

// What the step did, in one cell: the tool and its (redacted) arguments, the model, the agent.
std::string stepSubject(const AgentStep& s) {
    switch (s.kind) {
        case GenAiKind::ToolCall:
            return s.toolName +
                   (s.arguments.empty()
                        ? ""
                        : " " + redactForDisplay("gen_ai.tool.call.arguments", s.arguments));
        case GenAiKind::ModelCall:
        case GenAiKind::Embeddings:
            return s.model.empty() ? s.name : s.model;
        case GenAiKind::AgentInvocation:
            return s.event < 0 ? (s.agent.empty() ? s.name : s.agent) : s.name;
        default:
            return s.name;
    }
}

std::string flagCodes(const AgentStep& s) {
    std::string out;
    for (const AgentFlag& f : s.flags)
        out += (out.empty() ? "" : ",") + std::string(agentFlagCodeName(f.code));
    return out;
}

std::string agentLabel(const std::string& agent) {
    return agent.empty() ? "(no agent)" : agent;
}

void printTotals(std::ostream& out, const AgentTotals& t, const std::string& label) {
    out << "  " << std::left << std::setw(20) << cut(label, 20) << std::right << t.modelCalls
        << " model call(s), " << t.toolCalls << " tool call(s), " << t.failedSteps
        << " failed; tokens " << t.inputTokens << " in / " << t.outputTokens << " out; cost ~"
        << money(t.costUsd);
    if (t.unpricedCalls) out << " + " << t.unpricedCalls << " unpriced call(s)";
    if (t.durationNs > 0) out << "; " << formatDuration(t.durationNs);
    out << '\n';
}

void printRun(std::ostream& out, const Trace& t, const AgentRun& run, bool messages) {
    out << "trace " << t.traceIdText() << ": agent run, " << run.steps.size() << " steps ("
        << run.total.modelCalls << " model calls, " << run.total.toolCalls << " tool calls) by "
        << run.perAgent.size() << " agent(s)\n\n";
    out << "What happened\n";
    for (const std::string& line : run.whatHappened.lines)
        out << "  " << line << '\n';

    out << "\nSteps\n";
    out << "  " << std::left << std::setw(4) << "#" << std::setw(18) << "agent" << std::setw(11)
        << "kind" << std::setw(kCellWidth + 2) << "model / tool / agent" << std::right
        << std::setw(8) << "in" << std::setw(8) << "out" << std::setw(11) << "cost" << std::setw(11)
        << "duration"
        << "  " << std::left << std::setw(7) << "status"
        << "flags" << std::right << '\n';
    for (size_t i = 0; i < run.steps.size(); ++i) {
        const AgentStep& s = run.steps[i];
        const std::string indent(std::min<uint32_t>(s.level, 4) * 2, ' ');
        out << "  " << std::left << std::setw(4) << (i + 1) << std::setw(18)
            << cut(agentLabel(s.agent), 17) << std::setw(11) << genAiKindName(s.kind)
            << std::setw(kCellWidth + 2) << cut(indent + stepSubject(s), kCellWidth) << std::right
            << std::setw(8) << tokens(s.inputTokens) << std::setw(8) << tokens(s.outputTokens)
            << std::setw(11) << (s.costUsd ? money(*s.costUsd) : "-") << std::setw(11)
            << formatDuration(s.durationNs) << "  " << std::left << std::setw(7)
            << (s.failed ? "error" : "ok") << flagCodes(s) << std::right << '\n';
        if (s.failed && !s.errorMessage.empty())
            out << "        error: " << cut(redactForDisplay("", s.errorMessage), 100) << '\n';
        if (s.decision.present()) {
            out << "        decision:";
            if (!s.decision.choice.empty())
                out << " " << cut(redactForDisplay("", s.decision.choice), 80);
            if (!s.decision.reasoning.empty())
                out << " reasoning: " << cut(redactForDisplay("", s.decision.reasoning), 80);
            if (!s.decision.contextSource.empty()) out << " context: " << s.decision.contextSource;
            if (!s.decision.risk.empty()) out << " risk: " << s.decision.risk;
            out << '\n';
        }
        if (messages && s.hasMessages) {
            for (const AgentMessage& m : messagesOf(t, s))
                out << "        " << m.role << ": " << cut(redactForDisplay("", m.content), 100)
                    << '\n';
        }
    }

    out << "\nFlags\n";
    size_t flagged = 0;
    for (size_t i = 0; i < run.steps.size(); ++i)
        for (const AgentFlag& f : run.steps[i].flags) {
            ++flagged;
            out << "  step " << (i + 1) << " " << run.steps[i].toolName << ": "
                << agentFlagCodeName(f.code) << " — " << redactForDisplay("", f.reason) << '\n';
        }
    if (!flagged) out << "  none\n";

    out << "\nTotals\n";
    for (const AgentTotals& a : run.perAgent)
        printTotals(out, a, agentLabel(a.agent));
    printTotals(out, run.total, "run");
    out << "\nCosts are estimates from list prices (" << PriceTable::kPricesAsOf
        << "; override with --prices or " << PriceTable::kFileName << ").";
    if (!run.unpricedModels.empty()) {
        out << " No price for:";
        for (const std::string& m : run.unpricedModels)
            out << ' ' << m;
        out << '.';
    }
    out << '\n';
}

nlohmann::ordered_json totalsJson(const AgentTotals& t) {
    return {{"agent", t.agent},
            {"steps", t.steps},
            {"model_calls", t.modelCalls},
            {"tool_calls", t.toolCalls},
            {"failed_steps", t.failedSteps},
            {"input_tokens", t.inputTokens},
            {"output_tokens", t.outputTokens},
            {"cost_usd", rounded(t.costUsd)},
            {"unpriced_calls", t.unpricedCalls},
            {"duration_ns", t.durationNs}};
}

nlohmann::ordered_json runJson(const Trace& t, const AgentRun& run, bool messages) {
    nlohmann::ordered_json j;
    j["trace_id"] = t.traceIdText();
    j["is_agent_trace"] = run.isAgentTrace;
    nlohmann::ordered_json wh;
    wh["summary"] = run.whatHappened.lines;
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const StateChange& c : run.whatHappened.changes) {
        nlohmann::ordered_json cj{{"step", c.step + 1},
                                  {"action", c.action},
                                  {"destructive", c.destructive},
                                  {"failed", c.failed},
                                  {"without_approval", c.withoutApproval},
                                  {"possible_injection", c.possibleInjection},
                                  {"decision", redactForDisplay("", c.decision)},
                                  {"decision_source", c.decisionSource}};
        auto& touched = cj["touched"] = nlohmann::ordered_json::array();
        for (const TouchedResource& r : c.touched)
            touched.push_back({{"kind", r.kind}, {"name", redactForDisplay("", r.name)}});
        changes.push_back(std::move(cj));
    }
    wh["changes"] = std::move(changes);
    j["what_happened"] = std::move(wh);
    // Filled as locals: ordered_json keeps its keys in a vector, so a reference to one member
    // does not survive adding the next.
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    nlohmann::ordered_json flags = nlohmann::ordered_json::array();
    for (size_t i = 0; i < run.steps.size(); ++i) {
        const AgentStep& s = run.steps[i];
        nlohmann::ordered_json sj;
        sj["step"] = i + 1;
        sj["span_id"] = t.spanIdText(s.span);
        sj["event_index"] = s.event;
        sj["kind"] = genAiKindName(s.kind);
        sj["level"] = s.level;
        sj["parent_step"] = s.parentStep < 0 ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(s.parentStep + 1);
        sj["agent"] = s.agent;
        sj["name"] = s.name;
        sj["provider"] = s.provider;
        sj["model"] = s.model;
        sj["input_tokens"] = s.inputTokens < 0 ? nlohmann::ordered_json(nullptr)
                                               : nlohmann::ordered_json(s.inputTokens);
        sj["output_tokens"] = s.outputTokens < 0 ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(s.outputTokens);
        sj["cost_usd"] = s.costUsd ? nlohmann::ordered_json(rounded(*s.costUsd))
                                   : nlohmann::ordered_json(nullptr);
        sj["start_ns"] = s.startNs;
        sj["duration_ns"] = s.durationNs;
        sj["tool"] = s.toolName;
        sj["tool_call_id"] = s.toolCallId;
        sj["arguments"] = redactForDisplay("gen_ai.tool.call.arguments", s.arguments);
        sj["status"] = s.failed ? "error" : "ok";
        sj["error"] = redactForDisplay("", s.errorMessage);
        sj["decision"] = {{"reasoning", redactForDisplay("", s.decision.reasoning)},
                          {"choice", redactForDisplay("", s.decision.choice)},
                          {"context_source", s.decision.contextSource},
                          {"risk", s.decision.risk}};
        sj["has_messages"] = s.hasMessages;
        if (messages) {
            auto& list = sj["messages"] = nlohmann::ordered_json::array();
            for (const AgentMessage& m : messagesOf(t, s))
                list.push_back({{"role", m.role},
                                {"content", redactForDisplay("", m.content)},
                                {"origin", m.origin}});
        }
        auto& codes = sj["flags"] = nlohmann::ordered_json::array();
        for (const AgentFlag& f : s.flags) {
            codes.push_back(agentFlagCodeName(f.code));
            flags.push_back({{"step", i + 1},
                             {"code", agentFlagCodeName(f.code)},
                             {"reason", redactForDisplay("", f.reason)}});
        }
        steps.push_back(std::move(sj));
    }
    j["steps"] = std::move(steps);
    j["flags"] = std::move(flags);
    nlohmann::ordered_json agents = nlohmann::ordered_json::array();
    for (const AgentTotals& a : run.perAgent)
        agents.push_back(totalsJson(a));
    j["agents"] = std::move(agents);
    j["total"] = totalsJson(run.total);
    j["prices"] = {{"note", "estimates from list prices: " + std::string(PriceTable::kPricesAsOf)},
                   {"unpriced_models", run.unpricedModels}};
    return j;
}

}  // namespace

int agentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path, traceId, pricesPath;
    bool json = false, messages = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                printError(err, "agent: " + a + " needs a value");
                return false;
            }
            into = args[++i];
            return true;
        };
        if (a == "--json") {
            json = true;
        } else if (a == "--messages") {
            messages = true;
        } else if (a == "-h" || a == "--help") {
            out << kAgentUsage;
            return kExitOk;
        } else if (a == "--trace-id") {
            if (!value(traceId)) return kExitBadInput;
        } else if (a == "--prices") {
            if (!value(pricesPath)) return kExitBadInput;
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "agent: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (path.empty()) {
            path = a;
        } else {
            printError(err, "agent: expected one FILE, got '" + path + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (path.empty()) {
        printError(err, "agent: missing FILE (usage: rootline-cli agent FILE [--json])");
        return kExitBadInput;
    }

    // Built-in estimates, then the user's file, then --prices: the later one wins.
    PriceTable prices = PriceTable::builtIn();
    std::string error;
    const std::string userPrices = PriceTable::userFilePath();
    if (!userPrices.empty() && !prices.loadOverridesFile(userPrices, error)) {
        printError(err, "agent: " + error);
        return kExitBadInput;
    }
    if (!pricesPath.empty()) {
        std::string text;
        if (!readFile(pricesPath, text, error) || !prices.loadOverrides(text, pricesPath, error)) {
            printError(err, "agent: " + error);
            return kExitBadInput;
        }
    }

    const LoadResult result = loadInput(path);
    if (!result.ok()) {
        printError(err, describeLoadError(path, result.error));
        return kExitBadInput;
    }
    for (const std::string& w : result.file->warnings)
        printError(err, path + ": warning: " + w);
    const Trace* trace = nullptr;
    if (traceId.empty()) {
        // The first trace with GenAI spans: an agent file may hold unrelated traces too.
        for (const auto& candidate : result.file->traces)
            if (!agentSteps(*candidate, PriceTable::empty()).empty()) {
                trace = candidate.get();
                break;
            }
    }
    if (!trace) trace = chooseTrace(*result.file, traceId, "agent", error);
    if (!trace) {
        printError(err, error);
        return kExitBadInput;
    }

    const AgentRun run = analyzeAgentRun(*trace, prices);
    if (!run.isAgentTrace)
        printError(err, path + ": no GenAI spans in trace " + trace->traceIdText());
    if (json) {
        out << runJson(*trace, run, messages)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
        return kExitOk;
    }
    if (run.isAgentTrace) printRun(out, *trace, run, messages);
    return kExitOk;
}

}  // namespace rootline::cli
