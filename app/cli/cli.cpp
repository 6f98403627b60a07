#include "cli.h"

#include <ostream>

namespace rootline::cli {

namespace {

constexpr const char* kUsage =
    "usage: rootline-cli <command> [options]\n"
    "\n"
    "Rootline's headless companion: the same trace engine as the app, for scripts and CI.\n"
    "\n"
    "commands:\n"
    "  inspect FILE [--json]   summarise every trace in FILE (Jaeger, OTLP, Tempo or Zipkin\n"
    "                          JSON; '-' reads standard input)\n"
    "  fetch TRACE_ID          download a trace from Jaeger or Tempo (--url URL --kind K,\n"
    "                          or --connection NAME; -o FILE)\n"
    "  search [--json]         find traces on Jaeger (--service, --operation, --tags) or\n"
    "                          Tempo (--query TRACEQL), newest first\n"
    "  rank FILE [--json]      the spans most likely to have caused the failure, with the\n"
    "                          reasons (--trace-id ID, --top N, --weights F, --history F)\n"
    "  logs FILE [--json]      the trace's log lines span by span: span events, Loki\n"
    "                          (--loki URL or --connection NAME), OTLP log files\n"
    "                          (--logs-file F)\n"
    "  agent FILE [--json]     an AI agent's run from its GenAI spans: what happened, the\n"
    "                          steps, flags on risky tool calls, tokens and estimated cost\n"
    "                          (--trace-id ID, --prices F, --messages)\n"
    "  pack FILE [-o OUT]      a tracepack: the failing part of the trace, redacted, under a\n"
    "                          size cap (--trace-id ID, --max-bytes N, --rules F, --tokens F)\n"
    "  explain FILE [--json]   ask a model why the trace failed and print its verdict,\n"
    "                          checked against the trace (--provider P, --endpoint URL,\n"
    "                          --model M; offline by default)\n"
    "  history [show ID | resolve ID NOTE]\n"
    "                          past \"Explain this error\" runs kept on this machine, and what\n"
    "                          fixed them (--db PATH, --json, --limit N)\n"
    "  audit verify            check that the history's audit chain is intact (--db PATH)\n"
    "\n"
    "Every FILE may also be a trace URL: jaeger+http(s)://HOST[/PATH]/TRACE_ID or\n"
    "tempo+http(s)://HOST[/PATH]/TRACE_ID (authentication from the app's saved connection\n"
    "with that URL).\n"
    "\n"
    "options:\n"
    "  -h, --help              show this help\n"
    "  --version               show the version\n"
    "\n"
    "exit status: 0 on success, 1 when audit verify finds the chain broken, 2 on unreadable\n"
    "or invalid input or a usage error, 3 when a server failed (explain's model, or the trace\n"
    "store fetch or search asked, or Loki).\n";

}  // namespace

void printError(std::ostream& err, const std::string& message) {
    // One line, whatever the message holds.
    std::string line = message;
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    err << "rootline-cli: " << line << '\n';
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        (args.empty() ? err : out) << kUsage;
        return args.empty() ? kExitBadInput : kExitOk;
    }
    if (args[0] == "--version") {
        out << "rootline-cli " << ROOTLINE_VERSION << '\n';
        return kExitOk;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "inspect") return inspectCommand(rest, out, err);
    if (args[0] == "rank") return rankCommand(rest, out, err);
    if (args[0] == "pack") return packCommand(rest, out, err);
    if (args[0] == "explain") return explainCommand(rest, out, err);
    if (args[0] == "history") return historyCommand(rest, out, err);
    if (args[0] == "audit") return auditCommand(rest, out, err);
    if (args[0] == "fetch") return fetchCommand(rest, out, err);
    if (args[0] == "search") return searchCommand(rest, out, err);
    if (args[0] == "logs") return logsCommand(rest, out, err);
    if (args[0] == "agent") return agentCommand(rest, out, err);
    printError(err, "unknown command '" + args[0] + "' (try --help)");
    return kExitBadInput;
}

}  // namespace rootline::cli
