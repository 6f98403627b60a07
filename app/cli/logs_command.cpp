// rootline-cli logs FILE [--loki URL | --connection NAME] [--logs-file F]… [--json]: the log
// lines of a trace, span by span: its span events, the lines Loki holds for it, and the lines
// of OTLP JSON log files, each tied to the span it names (or the span of its service that was
// running when it was written).

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "cli_input.h"
#include "linked_signals.h"
#include "logs/span_event_logs.h"
#include "util/format.h"

namespace rootline::cli {

namespace {

const std::string kLogsUsage =
    std::string(
        "usage: rootline-cli logs FILE [--loki URL | --connection NAME] [--logs-file F]...\n"
        "                         [--trace-id ID] [--level L] [--json] [connection options]\n"
        "\n"
        "Prints the log lines of a trace under the spans they belong to: the span events, the\n"
        "lines a Loki server holds for the trace (its LogQL template over the trace's time plus\n"
        "a margin), and the lines of OTLP JSON log files. A line belongs to the span its\n"
        "span_id names, else to the span of its service running at its time.\n"
        "  --loki URL|NAME     the Loki server: a URL, or a connection saved in the app\n"
        "  --logs-file F       an OTLP JSON log file (repeatable)\n"
        "  --trace-id ID       the trace to use when FILE holds several (default: most errors)\n"
        "  --level L           only lines at level L or worse: debug, info, warn, error\n"
        "  --json              one JSON document instead of text\n") +
    kRemoteOptionsHelp +
    "\n"
    "exit status: 0 with the lines, 2 on bad input or usage, 3 when Loki failed (the lines\n"
    "from the other sources are still printed).\n";

struct LogsArgs {
    std::string file;
    std::string traceId;
    std::vector<std::string> logFiles;
    logs::LogLevel minLevel = logs::LogLevel::Unknown;
    bool json = false;
    std::string loki;  // --loki: a URL or a saved connection's name
    RemoteOptions remote;
};

// "+12.345 ms" from the trace start.
std::string offset(const Trace& t, int64_t timeNs) {
    const int64_t d = timeNs - t.startNs;
    return (d < 0 ? "-" : "+") + formatDuration(d < 0 ? -d : d);
}

nlohmann::ordered_json lineJson(const Trace& t, const logs::LogLine& l) {
    nlohmann::ordered_json j;
    j["time_unix_nano"] = l.timeNs;
    j["t_us"] = (l.timeNs - t.startNs) / 1000;
    j["level"] = logs::logLevelName(l.level);
    j["service"] = l.service;
    j["source"] = logs::logSourceName(l.source);
    j["body"] = l.body;
    if (!l.spanId.empty()) j["span_id"] = l.spanId;
    if (l.spanInferred) j["tied_by"] = "service and time";
    return j;
}

void printLine(std::ostream& out, const Trace& t, const logs::LogLine& l) {
    std::string level = logs::logLevelName(l.level);
    std::transform(level.begin(), level.end(), level.begin(), ::toupper);
    out << "  " << offset(t, l.timeNs) << "  " << (level.empty() ? "-" : level) << "  " << l.service
        << "  " << l.body << "  (" << logs::logSourceName(l.source)
        << (l.spanInferred ? ", by time" : "") << ")\n";
}

std::string spanTitle(const Trace& t, size_t i) {
    return t.spanIdText(i) + "  " + std::string(t.serviceOf(i)) + ": " + std::string(t.nameOf(i)) +
           (t.isError(i) ? "  [error]" : "");
}

}  // namespace

int logsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    LogsArgs a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        std::string error;
        auto value = [&](const char* what) -> const std::string* {
            if (i + 1 >= args.size()) {
                printError(err, "logs: " + arg + " needs " + what);
                return nullptr;
            }
            return &args[++i];
        };
        if (arg == "--loki") {
            const std::string* v = value("a URL or a connection name");
            if (!v) return kExitBadInput;
            a.loki = *v;
        } else if (a.remote.take(args, i, error)) {
            if (!error.empty()) {
                printError(err, "logs: " + error);
                return kExitBadInput;
            }
        } else if (arg == "-h" || arg == "--help") {
            out << kLogsUsage;
            return kExitOk;
        } else if (arg == "--logs-file") {
            const std::string* v = value("a FILE");
            if (!v) return kExitBadInput;
            a.logFiles.push_back(*v);
        } else if (arg == "--trace-id") {
            const std::string* v = value("an ID");
            if (!v) return kExitBadInput;
            a.traceId = *v;
        } else if (arg == "--level") {
            const std::string* v = value("a level");
            if (!v) return kExitBadInput;
            a.minLevel = logs::logLevelFromText(*v);
            if (a.minLevel == logs::LogLevel::Unknown) {
                printError(err,
                           "logs: --level must be debug, info, warn or error, not '" + *v + "'");
                return kExitBadInput;
            }
        } else if (arg == "--json") {
            a.json = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            printError(err, "logs: unknown option '" + arg + "'");
            return kExitBadInput;
        } else if (a.file.empty()) {
            a.file = arg;
        } else {
            printError(err, "logs: expected one FILE, got '" + a.file + "' and '" + arg + "'");
            return kExitBadInput;
        }
    }
    if (a.file.empty()) {
        printError(err, "logs: missing FILE (see rootline-cli logs --help)");
        return kExitBadInput;
    }
    const LoadResult loaded = loadInput(a.file);
    if (!loaded.ok()) {
        printError(err, "logs: " + loaded.error.message);
        return kExitBadInput;
    }
    std::string error;
    const Trace* chosen = chooseTrace(*loaded.file, a.traceId, "logs", error);
    if (!chosen) {
        printError(err, error);
        return kExitBadInput;
    }
    const Trace& t = *chosen;

    std::vector<logs::LogLine> lines = logs::spanEventLogs(t);
    const size_t spanEvents = lines.size();
    std::vector<std::pair<std::string, size_t>> fileCounts;
    if (!readLogFiles(t, a.logFiles, lines, fileCounts, error, err, "logs")) {
        printError(err, "logs: " + error);
        return kExitBadInput;
    }
    LokiOutcome loki;
    const bool askLoki =
        !a.loki.empty() || !a.remote.url.empty() || !a.remote.connectionName.empty();
    if (askLoki) {
        remote::Connection connection;
        const bool resolved = a.loki.empty()
                                  ? resolveConnection(a.remote, connection, error, err, "logs", {},
                                                      {}, {remote::SourceKind::Loki})
                                  : connectionFromValue(a.loki, remote::SourceKind::Loki, a.remote,
                                                        connection, error, err, "logs");
        if (!resolved) {
            printError(err, "logs: " + error);
            return kExitBadInput;
        }
        loki = queryLoki(t, connection, lines, err, "logs");
    }
    if (a.minLevel != logs::LogLevel::Unknown)
        std::erase_if(lines, [&](const logs::LogLine& l) { return l.level < a.minLevel; });
    std::stable_sort(
        lines.begin(), lines.end(),
        [](const logs::LogLine& x, const logs::LogLine& y) { return x.timeNs < y.timeNs; });

    // Span by span in the trace's order (start time), then the lines tied to no span.
    std::vector<std::vector<const logs::LogLine*>> bySpan(t.spanCount());
    std::vector<const logs::LogLine*> unattached;
    for (const logs::LogLine& l : lines) {
        if (l.span >= 0 && static_cast<size_t>(l.span) < t.spanCount())
            bySpan[static_cast<size_t>(l.span)].push_back(&l);
        else
            unattached.push_back(&l);
    }

    if (a.json) {
        nlohmann::ordered_json j;
        j["trace_id"] = t.traceIdText();
        nlohmann::ordered_json sources;
        sources["span_events"] = spanEvents;
        for (const auto& [name, count] : fileCounts)
            sources["files"].push_back({{"file", name}, {"lines", count}});
        if (askLoki) {
            nlohmann::ordered_json lj;
            lj["connection"] = loki.connection;
            if (loki.error.empty()) {
                lj["query"] = loki.query;
                lj["lines"] = loki.lines;
                lj["categorized"] = loki.categorized;
                lj["hit_limit"] = loki.hitLimit;
            } else {
                lj["error"] = loki.error;
            }
            sources["loki"] = lj;
        }
        j["sources"] = sources;
        j["spans"] = nlohmann::ordered_json::array();
        for (size_t i = 0; i < t.spanCount(); ++i) {
            if (bySpan[i].empty()) continue;
            nlohmann::ordered_json s;
            s["span_id"] = t.spanIdText(i);
            s["service"] = std::string(t.serviceOf(i));
            s["name"] = std::string(t.nameOf(i));
            s["error"] = t.isError(i);
            for (const logs::LogLine* l : bySpan[i])
                s["lines"].push_back(lineJson(t, *l));
            j["spans"].push_back(std::move(s));
        }
        j["unattached"] = nlohmann::ordered_json::array();
        for (const logs::LogLine* l : unattached)
            j["unattached"].push_back(lineJson(t, *l));
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        out << "trace " << t.traceIdText() << ": " << lines.size() << " log line"
            << (lines.size() == 1 ? "" : "s") << " (" << spanEvents << " span events";
        for (const auto& [name, count] : fileCounts)
            out << ", " << count << " from " << name;
        if (askLoki)
            out << ", " << (loki.error.empty() ? std::to_string(loki.lines) : std::string("none"))
                << " from Loki " << loki.connection;
        out << ")\n";
        for (size_t i = 0; i < t.spanCount(); ++i) {
            if (bySpan[i].empty()) continue;
            out << "\n" << spanTitle(t, i) << "\n";
            for (const logs::LogLine* l : bySpan[i])
                printLine(out, t, *l);
        }
        if (!unattached.empty()) {
            out << "\nnot tied to a span\n";
            for (const logs::LogLine* l : unattached)
                printLine(out, t, *l);
        }
    }
    return loki.error.empty() ? kExitOk : kExitRemoteFailed;
}

}  // namespace rootline::cli
