// rootline-cli explain FILE [--provider P] [--endpoint URL] [--model M] [--json] …: builds the
// tracepack, asks the model, prints the checked verdict and records the investigation.

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "cli_input.h"
#include "llm/investigation.h"
#include "llm/provider_config.h"
#include "tracepack/token_vault.h"

namespace rootline::cli {

namespace {

constexpr const char* kExplainUsage =
    "usage: rootline-cli explain FILE [--provider P] [--endpoint URL] [--model M] [--json]\n"
    "                            [--trace-id ID] [--span ID] [--key-env VAR] [--timeout S]\n"
    "                            [--max-tokens N] [--settings FILE] [--db PATH] [--no-history]\n"
    "\n"
    "Explains the trace's failure: builds its tracepack, sends it to a model, checks the\n"
    "verdict against the trace and prints it. Every run is recorded in the investigation\n"
    "history (rootline-cli history). Without --provider, the provider chosen in the app's\n"
    "settings; out of the box the offline analyst, which needs no network.\n"
    "  --provider P     offline, openai (any OpenAI-compatible server), anthropic, ollama\n"
    "  --endpoint URL   the provider's base URL, e.g. http://localhost:8080/v1\n"
    "  --model M        the model name the server knows\n"
    "  --key-env VAR    the environment variable holding the API key\n"
    "  --timeout S      seconds to wait for the answer (per attempt)\n"
    "  --max-tokens N   the answer's output token limit\n"
    "  --trace-id ID    the trace to explain when FILE holds several\n"
    "  --span ID        ask about this span: the cause of its failure, at or below it\n"
    "  --settings FILE  provider settings (default ~/.config/Rootline/rootline/providers.json)\n"
    "  --db PATH        the history database (default: the app's)\n"
    "  --no-history     do not record this run\n"
    "  --json           the verdict and its metadata as JSON\n"
    "\n"
    "exit status: 0 with a verdict, 2 on bad input or usage, 3 when the model or its server\n"
    "failed (unreachable, wrong key, unknown model, rate limited, an answer that broke the\n"
    "schema twice).\n";

constexpr int kExitModelFailed = 3;

bool toInt(const std::string& text, int& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v <= 0 || v > 1000000) return false;
    out = static_cast<int>(v);
    return true;
}

// "service name" of every span in the pack, to print next to the ids.
std::map<std::string, std::string> spanLabels(const std::string& pack) {
    std::map<std::string, std::string> labels;
    const nlohmann::json p = nlohmann::json::parse(pack, nullptr, false);
    if (p.is_discarded() || !p.contains("spans") || !p["spans"].is_array()) return labels;
    for (const auto& s : p["spans"])
        if (s.is_object())
            labels[s.value("span_id", std::string())] =
                s.value("service", std::string()) + " " + s.value("name", std::string());
    return labels;
}

void printText(std::ostream& out, const llm::InvestigationOutcome& o) {
    const llm::ExplainResult& r = o.explain;
    const llm::Verdict& v = r.verdict;
    const auto labels = spanLabels(o.packBytes);
    auto named = [&](const std::string& id) {
        auto it = labels.find(id);
        return it == labels.end() ? id : it->second + " [" + id + "]";
    };
    out << "Verdict from " << r.provider << " (" << r.model << "), checked against the trace\n";
    if (v.rootSpans.empty()) out << "Root cause: none confirmed\n";
    for (size_t k = 0; k < v.rootSpans.size(); ++k)
        out << (k ? "            " : "Root cause: ") << named(v.rootSpans[k]) << '\n';
    out << "Hypothesis: " << v.hypothesis << '\n';
    if (!v.evidence.empty()) out << "Evidence:\n";
    for (const llm::Evidence& e : v.evidence)
        out << "  - " << named(e.spanId) << ": " << e.observation << '\n';
    if (!v.fixSuggestions.empty()) out << "Fixes:\n";
    for (size_t k = 0; k < v.fixSuggestions.size(); ++k)
        out << "  " << k + 1 << ". " << v.fixSuggestions[k] << '\n';
    if (!v.testSuggestion.empty()) out << "Test: " << v.testSuggestion << '\n';
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.2f", v.confidence);
    out << "Confidence: " << conf << '\n';
    if (r.check.hallucinations) {
        out << "Removed: the model named " << r.check.hallucinations
            << " span id(s) that are not in the trace:";
        for (const std::string& id : r.check.rejectedIds)
            out << ' ' << id;
        out << '\n';
    }
    out << "Cost: " << r.inputTokens << " input + " << r.outputTokens << " output tokens, "
        << r.latencyMs << " ms, " << r.modelCalls << (r.modelCalls == 1 ? " call" : " calls")
        << '\n';
    if (!o.pastFixes.empty())
        out << "Seen before: " << o.pastFixes.size()
            << " resolved incident(s) with the same error were in the tracepack\n";
}

void printJson(std::ostream& out, const llm::InvestigationOutcome& o) {
    const llm::ExplainResult& r = o.explain;
    nlohmann::ordered_json j;
    j["verdict"] = nlohmann::ordered_json::parse(r.verdictJson);
    j["provider"] = r.provider;
    j["model"] = r.model;
    j["endpoint"] = r.endpoint;
    j["input_tokens"] = r.inputTokens;
    j["output_tokens"] = r.outputTokens;
    j["latency_ms"] = r.latencyMs;
    j["model_calls"] = r.modelCalls;
    j["hallucinations"] = r.check.hallucinations;
    j["rejected_span_ids"] = r.check.rejectedIds;
    j["signature"] = {{"service", o.signature.service},
                      {"operation", o.signature.operation},
                      {"exception_type", o.signature.exceptionType},
                      {"status", o.signature.status}};
    j["past_fixes"] = o.pastFixes.size();
    if (o.recordId) j["record_id"] = o.recordId;
    out << j.dump(2) << '\n';
}

}  // namespace

int explainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path, traceId, spanId, providerName, endpoint, model, keyEnv, settingsPath, dbPath;
    int timeout = 0, maxTokens = 0;
    bool json = false, noHistory = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                printError(err, "explain: " + a + " needs a value");
                return false;
            }
            into = args[++i];
            return true;
        };
        auto number = [&](int& into) {
            std::string n;
            if (!value(n)) return false;
            if (!toInt(n, into)) {
                printError(err, "explain: " + a + " wants a positive number, got '" + n + "'");
                return false;
            }
            return true;
        };
        if (a == "-h" || a == "--help") {
            out << kExplainUsage;
            return kExitOk;
        } else if (a == "--provider") {
            if (!value(providerName)) return kExitBadInput;
        } else if (a == "--endpoint") {
            if (!value(endpoint)) return kExitBadInput;
        } else if (a == "--model") {
            if (!value(model)) return kExitBadInput;
        } else if (a == "--key-env") {
            if (!value(keyEnv)) return kExitBadInput;
        } else if (a == "--trace-id") {
            if (!value(traceId)) return kExitBadInput;
        } else if (a == "--span") {
            if (!value(spanId)) return kExitBadInput;
        } else if (a == "--settings") {
            if (!value(settingsPath)) return kExitBadInput;
        } else if (a == "--db") {
            if (!value(dbPath)) return kExitBadInput;
        } else if (a == "--timeout") {
            if (!number(timeout)) return kExitBadInput;
        } else if (a == "--max-tokens") {
            if (!number(maxTokens)) return kExitBadInput;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--no-history") {
            noHistory = true;
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "explain: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (path.empty()) {
            path = a;
        } else {
            printError(err, "explain: expected one FILE, got '" + path + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (path.empty()) {
        printError(err, "explain: missing FILE (usage: rootline-cli explain FILE)");
        return kExitBadInput;
    }

    std::string error, warning;
    llm::ProviderConfig config;
    if (settingsPath.empty()) settingsPath = llm::providerConfigPath();
    if (!llm::loadProviderConfig(settingsPath, config, error, &warning)) {
        printError(err, "explain: " + error);
        return kExitBadInput;
    }
    if (!warning.empty()) printError(err, "explain: warning: " + warning);
    llm::ProviderKind kind = config.active;
    if (!providerName.empty() && !llm::providerFromName(providerName, kind)) {
        printError(err, "explain: --provider must be offline, openai, anthropic or ollama, got '" +
                            providerName + "'");
        return kExitBadInput;
    }
    llm::InvestigationRequest request;
    request.provider = config.providers.at(kind);
    if (!endpoint.empty()) request.provider.baseUrl = endpoint;
    if (!model.empty()) request.provider.model = model;
    if (!keyEnv.empty()) request.provider.apiKeyEnv = keyEnv;
    if (timeout) request.provider.timeoutSeconds = timeout;
    if (maxTokens) request.provider.maxOutputTokens = maxTokens;

    const std::string vaultPath = TokenVault::defaultPath();
    TokenVault vault;
    if (!TokenVault::load(vaultPath, vault, error)) {
        printError(err, "explain: " + error);
        return kExitBadInput;
    }
    request.pack.tokenKey = vault.key;

    const LoadResult loaded = loadInput(path);
    if (!loaded.ok()) {
        printError(err, describeLoadError(path, loaded.error));
        return kExitBadInput;
    }
    const Trace* trace = chooseTrace(*loaded.file, traceId, "explain", error);
    if (!trace) {
        printError(err, error);
        return kExitBadInput;
    }
    if (!spanId.empty()) {
        for (size_t i = 0; i < trace->spanCount() && request.pack.focusSpan < 0; ++i)
            if (trace->spanIdText(i) == spanId) request.pack.focusSpan = static_cast<int64_t>(i);
        if (request.pack.focusSpan < 0) {
            printError(err, "explain: " + path + ": no span " + spanId + " in trace " +
                                trace->traceIdText());
            return kExitBadInput;
        }
    }
    request.traceSource = inputName(path);
    request.pack.source = request.traceSource + " (" + loaded.file->format + ")";
    const Ranking ranking = trace->tracepack ? Ranking{} : rankSuspects(*trace);

    std::unique_ptr<store::InvestigationHistory> history;
    if (!noHistory) {
        if (dbPath.empty()) dbPath = store::InvestigationHistory::defaultPath();
        history = store::InvestigationHistory::open(dbPath, error);
        // The verdict matters more than its record: go on, and say so.
        if (!history) printError(err, "explain: warning: not recorded: " + error);
    }
    const llm::InvestigationOutcome o =
        llm::investigate(*trace, ranking, request, history.get(), nullptr);
    if (!o.tokens.empty()) {
        vault.merge(o.tokens);
        if (!vault.save(vaultPath, error)) printError(err, "explain: warning: " + error);
    }
    if (!o.historyError.empty())
        printError(err, "explain: warning: not recorded: " + o.historyError);
    if (!o.explain.ok) {
        printError(err, "explain: " + o.explain.message);
        return o.packBytes.empty() ? kExitBadInput : kExitModelFailed;
    }
    if (json)
        printJson(out, o);
    else
        printText(out, o);
    if (o.recordId && !json)
        err << "explain: recorded as investigation " << o.recordId << " in " << dbPath << '\n';
    return kExitOk;
}

}  // namespace rootline::cli
