#include "agent/what_happened.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

#include "agent/agent_run.h"
#include "util/ascii.h"

namespace rootline {

namespace {

void add(std::vector<TouchedResource>& out, std::string kind, std::string name) {
    if (name.empty()) return;
    if (name.size() > 200) name = name.substr(0, 197) + "...";
    TouchedResource r{std::move(kind), std::move(name)};
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
}

// Table names after FROM / INTO / UPDATE / TABLE / JOIN in SQL text.
void tablesInSql(std::string_view sql, std::vector<TouchedResource>& out) {
    static const std::regex kTable(R"(\b(?:from|into|update|table|join)\s+([A-Za-z_][\w.\"`]*))",
                                   std::regex::icase);
    const std::string text(sql);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kTable);
         it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[1].str();
        std::erase_if(name, [](char c) { return c == '"' || c == '`'; });
        add(out, "table", name);
    }
}

void urlsIn(std::string_view text, std::vector<TouchedResource>& out) {
    static const std::regex kUrl(R"(\b[a-z][a-z0-9+.-]*://[^\s"'<>]+)", std::regex::icase);
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), kUrl); it != std::sregex_iterator();
         ++it)
        add(out, "url", it->str());
}

// What an argument key names, by its (lower-case) key; "" when the key says nothing.
std::string kindOfArgument(const std::string& key) {
    static const std::vector<std::pair<std::string_view, std::string_view>> kKeys{
        {"file_path", "file"},
        {"filepath", "file"},
        {"filename", "file"},
        {"path", "file"},
        {"file", "file"},
        {"dir", "file"},
        {"directory", "file"},
        {"destination", "file"},
        {"table", "table"},
        {"table_name", "table"},
        {"collection", "table"},
        {"database", "table"},
        {"index", "table"},
        {"url", "url"},
        {"uri", "url"},
        {"endpoint", "url"},
        {"href", "url"},
        {"host", "host"},
        {"hostname", "host"},
        {"command", "command"},
        {"cmd", "command"},
        {"script", "command"},
        {"resource", "resource"},
        {"bucket", "resource"},
        {"namespace", "resource"},
        {"pod", "resource"},
        {"deployment", "resource"},
        {"branch", "resource"},
        {"repo", "resource"},
        {"repository", "resource"},
        {"to", "recipient"},
        {"recipient", "recipient"},
        {"account", "resource"},
        {"query", "query"},
        {"sql", "query"},
        {"statement", "query"}};
    for (const auto& [k, kind] : kKeys)
        if (key == k) return std::string(kind);
    return {};
}

void fromArguments(const std::string& arguments, std::vector<TouchedResource>& out) {
    const nlohmann::json doc = nlohmann::json::parse(arguments, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        urlsIn(arguments, out);
        tablesInSql(arguments, out);
        return;
    }
    for (const auto& [key, value] : doc.items()) {
        const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
        const std::string kind = kindOfArgument(asciiLower(key));
        if (kind == "query") {
            tablesInSql(text, out);
        } else if (kind == "command") {
            add(out, "command", text);
            urlsIn(text, out);
        } else if (!kind.empty()) {
            add(out, kind, text);
        } else {
            urlsIn(text, out);
        }
    }
}

// Attribute keys that name what a span touched.
std::string kindOfAttribute(std::string_view key) {
    if (key == "db.collection.name" || key == "db.sql.table" || key == "db.mongodb.collection" ||
        key == "db.cassandra.table")
        return "table";
    if (key == "url.full" || key == "http.url" || key == "mcp.resource.uri") return "url";
    if (key == "file.path" || key == "file.name" || key == "file.directory") return "file";
    if (key == "server.address" || key == "net.peer.name") return "host";
    if ((key.starts_with("k8s.") && key.ends_with(".name") && key != "k8s.node.name" &&
         key != "k8s.cluster.name") ||
        key == "aws.s3.bucket" || key == "messaging.destination.name" || key == "cloud.resource_id")
        return "resource";
    if (key == "db.query.text" || key == "db.statement") return "query";
    return {};
}

// `budget`: spans still to look at. A tool call's subtree is usually a few spans; a tool that
// ran a whole service's request can have thousands, and the first ones name what it touched.
void fromSpan(const Trace& trace, size_t span, std::vector<TouchedResource>& out, size_t& budget) {
    if (budget == 0) return;
    --budget;
    const StringPool& pool = trace.dict->strings;
    const AttributeStore& store = trace.dict->attrs;
    for (PairId pid : trace.attributesOf(span)) {
        const Attribute& a = store.pair(pid);
        const std::string kind = kindOfAttribute(pool.view(a.key));
        if (kind.empty()) continue;
        const std::string text = valueToString(a.value, pool, store);
        if (kind == "query")
            tablesInSql(text, out);
        else
            add(out, kind, text);
    }
    for (uint32_t child : trace.childrenOf(span))
        fromSpan(trace, child, out, budget);
}

std::string decisionText(const AgentDecision& d) {
    std::string text = d.choice;
    if (!d.reasoning.empty()) text += (text.empty() ? "" : " — ") + d.reasoning;
    return text;
}

}  // namespace

std::vector<TouchedResource> touchedBy(const Trace& trace, const AgentStep& step) {
    std::vector<TouchedResource> out;
    fromArguments(step.arguments, out);
    constexpr size_t kSpansLookedAt = 256;
    size_t budget = kSpansLookedAt;
    if (step.event < 0 && step.span < trace.spanCount()) fromSpan(trace, step.span, out, budget);
    return out;
}

WhatHappened summarizeWhatHappened(const Trace& trace, const std::vector<AgentStep>& steps) {
    WhatHappened out;
    size_t destructive = 0, unapproved = 0, injection = 0, failedTools = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        const AgentStep& step = steps[i];
        if (step.kind == GenAiKind::ToolCall && step.failed) ++failedTools;
        const bool isDestructive = step.hasFlag(AgentFlagCode::Destructive);
        if (!isDestructive && !step.hasFlag(AgentFlagCode::StateChanging)) continue;
        StateChange change;
        change.step = i;
        change.action = step.toolName.empty() ? step.name : step.toolName;
        change.destructive = isDestructive;
        change.failed = step.failed;
        change.withoutApproval = step.hasFlag(AgentFlagCode::WithoutApproval);
        change.possibleInjection = step.hasFlag(AgentFlagCode::PossibleInjection);
        if (!decisionText(step.decision).empty()) {
            change.decision = decisionText(step.decision);
            change.decisionSource = "its own decision";
        } else {
            // The nearest earlier step that recorded why (a decision, a model's reasoning).
            for (size_t j = i; j-- > 0;) {
                if (decisionText(steps[j].decision).empty()) continue;
                change.decision = decisionText(steps[j].decision);
                change.decisionSource = "decision at step " + std::to_string(j + 1);
                break;
            }
            if (change.decision.empty()) {
                for (size_t j = i; j-- > 0;) {
                    if (steps[j].kind != GenAiKind::ModelCall) continue;
                    change.decisionSource =
                        "asked for by model call step " + std::to_string(j + 1) +
                        (steps[j].model.empty() ? "" : " (" + steps[j].model + ")") +
                        "; no reasoning recorded";
                    break;
                }
            }
        }
        change.touched = touchedBy(trace, step);
        destructive += change.destructive;
        unapproved += change.withoutApproval;
        injection += change.possibleInjection;
        out.changes.push_back(std::move(change));
    }

    // "What it did" in one line, whatever changed: each tool with its count, in first use order.
    std::vector<std::pair<std::string, size_t>> toolUses;
    for (const AgentStep& step : steps) {
        if (step.kind != GenAiKind::ToolCall) continue;
        auto it = std::find_if(toolUses.begin(), toolUses.end(),
                               [&](const auto& u) { return u.first == step.toolName; });
        if (it == toolUses.end())
            toolUses.emplace_back(step.toolName, 1);
        else
            ++it->second;
    }
    std::string toolsLine;
    if (!toolUses.empty()) {
        toolsLine = "Tools called:";
        for (size_t u = 0; u < toolUses.size(); ++u)
            toolsLine += (u ? ", " : " ") + toolUses[u].first +
                         (toolUses[u].second > 1 ? " x" + std::to_string(toolUses[u].second) : "");
        toolsLine += ".";
    }

    if (out.changes.empty()) {
        out.lines.push_back(
            "No state-changing tool calls" +
            std::string(failedTools ? "; " + std::to_string(failedTools) + " tool call(s) failed."
                                    : "."));
        if (!toolsLine.empty()) out.lines.push_back(redactForDisplay("", toolsLine));
        return out;
    }
    std::string head = std::to_string(out.changes.size()) + " state-changing action(s)";
    head += ": " + std::to_string(destructive) + " destructive, " + std::to_string(unapproved) +
            " without recorded approval, " + std::to_string(injection) +
            " on a possible injection path";
    if (failedTools) head += "; " + std::to_string(failedTools) + " tool call(s) failed";
    out.lines.push_back(head + ".");
    constexpr size_t kMaxLines = 10;
    for (size_t c = 0; c < out.changes.size() && c < kMaxLines; ++c) {
        const StateChange& change = out.changes[c];
        std::string line = "step " + std::to_string(change.step + 1) + " " + change.action;
        std::vector<std::string> marks;
        if (change.destructive) marks.push_back("destructive");
        if (change.failed) marks.push_back("failed");
        if (change.withoutApproval) marks.push_back("no approval");
        if (change.possibleInjection) marks.push_back("possible injection");
        if (!marks.empty()) {
            line += " [";
            for (size_t m = 0; m < marks.size(); ++m)
                line += (m ? ", " : "") + marks[m];
            line += "]";
        }
        line += " touched: ";
        if (change.touched.empty()) line += "nothing named";
        for (size_t t = 0; t < change.touched.size() && t < 4; ++t)
            line += (t ? ", " : "") + change.touched[t].kind + " " + change.touched[t].name;
        if (change.touched.size() > 4)
            line += " (+" + std::to_string(change.touched.size() - 4) + " more)";
        line += "; why: ";
        line += change.decision.empty()
                    ? change.decisionSource.empty() ? "no decision recorded" : change.decisionSource
                    : change.decision + " (" + change.decisionSource + ")";
        out.lines.push_back(redactForDisplay("", line));
    }
    if (out.changes.size() > kMaxLines)
        out.lines.push_back("… and " + std::to_string(out.changes.size() - kMaxLines) + " more.");
    if (!toolsLine.empty()) out.lines.push_back(redactForDisplay("", toolsLine));
    return out;
}

}  // namespace rootline
