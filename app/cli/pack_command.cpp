// rootline-cli pack FILE [--trace-id ID] [--max-bytes N] [--rules RULES.json] [-o OUT]
// [--tokens VAULT] [--info-logs] [--loki URL|NAME] [--logs-file F] [--prometheus URL|NAME]:
// writes the trace's tracepack (docs/tracepack.md).

#include <cstdlib>
#include <fstream>
#include <ostream>

#include "cli.h"
#include "cli_input.h"
#include "linked_signals.h"
#include "tracepack/token_vault.h"
#include "tracepack/tracepack_builder.h"

namespace rootline::cli {

namespace {

constexpr const char* kPackUsage =
    "usage: rootline-cli pack FILE [--trace-id ID] [--max-bytes N] [--rules RULES.json]\n"
    "                         [-o OUT] [--tokens VAULT] [--info-logs] [--include-messages]\n"
    "\n"
    "Writes a tracepack: the failing part of the trace with its suspects and logs, redacted,\n"
    "under a size cap, as deterministic JSON (docs/tracepack.md). To standard output without -o.\n"
    "  --trace-id ID    the trace to pack when FILE holds several; without it, the trace with\n"
    "                   the most errors\n"
    "  --max-bytes N    the size cap in bytes, at least 8192 (default 51200); 50k and 1m work\n"
    "  --rules FILE     redaction rules: denylist/allowlist, detectors, tokenisation\n"
    "  -o OUT           write the pack to OUT\n"
    "  --tokens VAULT   the local token dictionary (default: the app's data folder,\n"
    "                   redaction-tokens.json); it never leaves this machine\n"
    "  --info-logs      include info and debug log lines, not only errors and warnings\n"
    "  --include-messages\n"
    "                   keep AI agents' prompts and answers (GenAI message content); left\n"
    "                   out by default, and counted in left_out\n"
    "  --loki URL|NAME  add the trace's lines from this Loki server (or saved connection)\n"
    "  --logs-file F    add the trace's lines from an OTLP JSON log file (repeatable)\n"
    "  --prometheus URL|NAME\n"
    "                   add a metric snapshot (with exemplars) from this Prometheus server\n"
    "  A server that fails is reported and the pack is made without it.\n";

bool parseSize(const std::string& text, size_t& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (end == text.c_str() || text[0] == '-') return false;
    std::string unit(end);
    unsigned long long scale = 1;
    if (unit == "k" || unit == "K" || unit == "kb" || unit == "KB")
        scale = 1024;
    else if (unit == "m" || unit == "M" || unit == "mb" || unit == "MB")
        scale = 1024 * 1024;
    else if (!unit.empty())
        return false;
    if (v > (1ull << 40) / scale) return false;
    out = static_cast<size_t>(v * scale);
    return true;
}

}  // namespace

int packCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path, traceId, rulesPath, outPath, vaultPath, loki, prometheus;
    std::vector<std::string> logFiles;
    PackOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                printError(err, "pack: " + a + " needs a value");
                return false;
            }
            into = args[++i];
            return true;
        };
        if (a == "-h" || a == "--help") {
            out << kPackUsage;
            return kExitOk;
        } else if (a == "--trace-id") {
            if (!value(traceId)) return kExitBadInput;
        } else if (a == "--rules") {
            if (!value(rulesPath)) return kExitBadInput;
        } else if (a == "-o" || a == "--output") {
            if (!value(outPath)) return kExitBadInput;
        } else if (a == "--tokens") {
            if (!value(vaultPath)) return kExitBadInput;
        } else if (a == "--loki") {
            if (!value(loki)) return kExitBadInput;
        } else if (a == "--prometheus") {
            if (!value(prometheus)) return kExitBadInput;
        } else if (a == "--logs-file") {
            if (!value(logFiles.emplace_back())) return kExitBadInput;
        } else if (a == "--info-logs") {
            options.includeInfoLogs = true;
        } else if (a == "--include-messages") {
            options.includeMessages = true;
        } else if (a == "--max-bytes") {
            std::string n;
            if (!value(n)) return kExitBadInput;
            if (!parseSize(n, options.maxBytes) || options.maxBytes < kMinPackBytes) {
                printError(err, "pack: --max-bytes wants a size of at least " +
                                    std::to_string(kMinPackBytes) + " bytes, got '" + n + "'");
                return kExitBadInput;
            }
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "pack: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (path.empty()) {
            path = a;
        } else {
            printError(err, "pack: expected one FILE, got '" + path + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (path.empty()) {
        printError(err, "pack: missing FILE (usage: rootline-cli pack FILE [-o OUT])");
        return kExitBadInput;
    }

    std::string text, error;
    if (!rulesPath.empty()) {
        if (!readFile(rulesPath, text, error)) {
            printError(err, "pack: " + error);
            return kExitBadInput;
        }
        std::optional<RedactionRules> rules = RedactionRules::parse(text, rulesPath, error);
        if (!rules) {
            printError(err, "pack: " + error);
            return kExitBadInput;
        }
        options.rules = std::move(*rules);
    }
    if (vaultPath.empty()) vaultPath = TokenVault::defaultPath();
    TokenVault vault;
    if (!TokenVault::load(vaultPath, vault, error)) {
        // A damaged vault is left as it is: overwriting it would lose the user's tokens.
        printError(err, "pack: " + error);
        return kExitBadInput;
    }
    options.tokenKey = vault.key;

    const LoadResult result = loadInput(path);
    if (!result.ok()) {
        printError(err, describeLoadError(path, result.error));
        return kExitBadInput;
    }
    const Trace* trace = chooseTrace(*result.file, traceId, "pack", error);
    if (!trace) {
        printError(err, error);
        return kExitBadInput;
    }
    if (traceId.empty() && result.file->traces.size() > 1)
        printError(err, "pack: " + path + " holds " + std::to_string(result.file->traces.size()) +
                            " traces; packing " + trace->traceIdText() +
                            ", the one with the most errors (--trace-id picks another)");
    options.source = inputName(path) + " (" + result.file->format + ")";
    std::vector<std::pair<std::string, size_t>> fileCounts;
    if (!readLogFiles(*trace, logFiles, options.extraLogs, fileCounts, error, err, "pack")) {
        printError(err, "pack: " + error);
        return kExitBadInput;
    }
    for (const auto& [kind, value] : {std::pair{remote::SourceKind::Loki, loki},
                                      std::pair{remote::SourceKind::Prometheus, prometheus}}) {
        if (value.empty()) continue;
        remote::Connection connection;
        if (!connectionFromValue(value, kind, RemoteOptions{}, connection, error, err, "pack")) {
            printError(err, "pack: " + error);
            return kExitBadInput;
        }
        // A server that fails costs the pack that section only: the trace is still evidence.
        if (kind == remote::SourceKind::Loki)
            queryLoki(*trace, connection, options.extraLogs, err, "pack");
        else
            fetchMetrics(*trace, connection, options.metrics, err, "pack");
    }
    const Ranking ranking = trace->tracepack ? Ranking{} : rankSuspects(*trace);
    const PackResult pack = buildTracepack(*trace, ranking, options);
    if (!pack.ok()) {
        printError(err, "pack: " + path + ": " + pack.error + " (raise --max-bytes)");
        return kExitBadInput;
    }

    if (outPath.empty()) {
        out << pack.bytes;
    } else {
        std::ofstream file(outPath, std::ios::binary | std::ios::trunc);
        file << pack.bytes;
        file.close();
        if (!file) {
            printError(err, "pack: " + outPath + ": cannot write");
            return kExitBadInput;
        }
    }
    if (!pack.tokens.empty()) {
        vault.merge(pack.tokens);
        if (!vault.save(vaultPath, error)) printError(err, "pack: warning: " + error);
    }

    uint64_t redacted = 0;
    std::string rules;
    for (const RedactionCount& c : pack.redactions) {
        redacted += c.count;
        if (c.count) rules += (rules.empty() ? "" : ", ") + c.rule + " " + std::to_string(c.count);
    }
    err << "pack: " << (outPath.empty() ? std::string("wrote") : "wrote " + outPath + ":") << ' '
        << pack.bytes.size() << " of " << options.maxBytes << " bytes; " << pack.spansInPack
        << " spans, " << pack.summariesInPack << " collapsed summaries, " << pack.suspectsInPack
        << " suspects; " << redacted << " values redacted"
        << (rules.empty() ? "" : " (" + rules + ")");
    if (!pack.tokens.empty()) err << "; tokens kept in " << vaultPath;
    err << '\n';
    return kExitOk;
}

}  // namespace rootline::cli
