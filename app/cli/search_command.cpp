// rootline-cli search (--url URL --kind jaeger|tempo | --connection NAME) [query options]
// [--json]: finds traces on a Jaeger or Tempo server, newest first, one line each.

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli.h"
#include "remote_options.h"
#include "util/format.h"

namespace rootline::cli {

namespace {

const std::string kSearchUsage =
    std::string(
        "usage: rootline-cli search (--url URL --kind jaeger|tempo | --connection NAME)\n"
        "                           [query options] [connection options] [--json]\n"
        "\n"
        "Finds traces, newest first: trace id, start, duration, spans, errors, root.\n"
        "Jaeger (--service is required):\n"
        "  --service S         the service\n"
        "  --operation O       one of its operations\n"
        "  --tags 'K=V K=V'    span tags, logfmt as in Jaeger UI (error=true\n"
        "                      http.status_code=500)\n"
        "  --min-duration D    e.g. 100ms, 1.5s (Go durations)\n"
        "  --max-duration D\n"
        "Tempo:\n"
        "  --query Q           TraceQL, e.g. '{ status = error && resource.service.name =\n"
        "                      \"checkout\" }' (default {})\n"
        "  --spss N            spans per span set (default 3)\n"
        "Both:\n"
        "  --since D           the last D: 30m, 6h, 2d (default 1h)\n"
        "  --start T --end T   a time range instead: RFC 3339 (2026-11-21T09:00:00Z) or unix\n"
        "                      seconds\n"
        "  --limit N           at most N traces (default 20)\n"
        "  --json              the results as JSON\n") +
    kRemoteOptionsHelp +
    "\n"
    "exit status: 0 (also when nothing matched), 2 on bad input or usage, 3 when the server\n"
    "failed or rejected the query.\n";

// "30m", "6h", "2d", "45s" → microseconds; 0 when malformed.
int64_t parseSince(const std::string& text) {
    char* end = nullptr;
    const double n = std::strtod(text.c_str(), &end);
    if (text.empty() || end == text.c_str() || n <= 0) return 0;
    const std::string unit(end);
    const double seconds = unit == "s"   ? n
                           : unit == "m" ? n * 60
                           : unit == "h" ? n * 3600
                           : unit == "d" ? n * 86400
                                         : -1;
    return seconds > 0 ? static_cast<int64_t>(seconds * 1e6) : 0;
}

// RFC 3339 in UTC or with an offset (2026-11-21T09:00:00Z, …+01:00), or unix seconds → µs;
// 0 when malformed.
int64_t parseTime(const std::string& text) {
    char* end = nullptr;
    const double unix = std::strtod(text.c_str(), &end);
    if (!text.empty() && *end == '\0' && unix > 0) return static_cast<int64_t>(unix * 1e6);
    std::tm tm{};
    const char* rest = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    if (!rest) return 0;
    double fraction = 0;
    if (*rest == '.') {
        fraction = std::strtod(rest, &end);
        rest = end;
    }
    int64_t offset = 0;
    if (*rest == '+' || *rest == '-') {
        int h = 0, m = 0;
        if (std::sscanf(rest + 1, "%2d:%2d", &h, &m) != 2) return 0;
        offset = (*rest == '+' ? 1 : -1) * (h * 3600 + m * 60);
        rest += 6;
    } else if (*rest == 'Z' || *rest == 'z') {
        ++rest;
    }
    if (*rest) return 0;
    const int64_t seconds = static_cast<int64_t>(timegm(&tm)) - offset;
    return seconds * 1000000 + static_cast<int64_t>(fraction * 1e6);
}

bool toCount(const std::string& text, int& out) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || v <= 0 || v > 100000) return false;
    out = static_cast<int>(v);
    return true;
}

std::string countText(int64_t n) {
    return n < 0 ? "?" : std::to_string(n);
}

}  // namespace

int searchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    RemoteOptions options;
    remote::SearchQuery query;
    bool json = false;
    std::string since, start, end;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string error;
        if (options.take(args, i, error)) {
            if (!error.empty()) {
                printError(err, "search: " + error);
                return kExitBadInput;
            }
            continue;
        }
        if (a == "-h" || a == "--help") {
            out << kSearchUsage;
            return kExitOk;
        }
        if (a == "--json") {
            json = true;
            continue;
        }
        std::string* target = nullptr;
        std::string limit, spss;
        if (a == "--service") target = &query.service;
        if (a == "--operation") target = &query.operation;
        if (a == "--tags") target = &query.tags;
        if (a == "--min-duration") target = &query.minDuration;
        if (a == "--max-duration") target = &query.maxDuration;
        if (a == "--query") target = &query.traceQl;
        if (a == "--since") target = &since;
        if (a == "--start") target = &start;
        if (a == "--end") target = &end;
        if (a == "--limit") target = &limit;
        if (a == "--spss") target = &spss;
        if (!target) {
            printError(err,
                       "search: unknown argument '" + a + "' (see rootline-cli search --help)");
            return kExitBadInput;
        }
        if (i + 1 >= args.size()) {
            printError(err, "search: " + a + " needs a value");
            return kExitBadInput;
        }
        *target = args[++i];
        if ((a == "--limit" && !toCount(limit, query.limit)) ||
            (a == "--spss" && !toCount(spss, query.spansPerSpanSet))) {
            printError(err, "search: " + a + " takes a positive whole number");
            return kExitBadInput;
        }
    }
    const int64_t nowUs = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    query.endUnixUs = end.empty() ? nowUs : parseTime(end);
    if (!end.empty() && query.endUnixUs == 0) {
        printError(err, "search: --end '" + end + "' is not RFC 3339 or unix seconds");
        return kExitBadInput;
    }
    if (!start.empty()) {
        query.startUnixUs = parseTime(start);
        if (query.startUnixUs == 0) {
            printError(err, "search: --start '" + start + "' is not RFC 3339 or unix seconds");
            return kExitBadInput;
        }
    } else {
        const int64_t span = since.empty() ? int64_t(3600) * 1000000 : parseSince(since);
        if (span == 0) {
            printError(err,
                       "search: --since '" + since + "' is not a duration such as 30m, 6h, 2d");
            return kExitBadInput;
        }
        query.startUnixUs = query.endUnixUs - span;
    }
    if (query.startUnixUs >= query.endUnixUs) {
        printError(err, "search: the time range ends before it starts");
        return kExitBadInput;
    }
    remote::Connection connection;
    std::string error;
    if (!resolveConnection(options, connection, error, err, "search")) {
        printError(err, "search: " + error);
        return kExitBadInput;
    }
    if (connection.kind == remote::SourceKind::Jaeger && query.service.empty()) {
        printError(err, "search: Jaeger needs --service (list them with the app's search panel)");
        return kExitBadInput;
    }
    const auto source = remote::makeTraceSource(connection);
    const auto found = source->search(query, nullptr);
    if (!found.ok()) {
        printError(err, "search: " + found.error.message);
        return kExitRemoteFailed;
    }
    if (json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const remote::TraceSummary& s : found.value) {
            nlohmann::ordered_json t;
            t["trace_id"] = s.traceId;
            t["root_service"] = s.rootService;
            t["root_operation"] = s.rootOperation;
            t["start"] = formatTimestamp(s.startUnixUs * 1000);
            t["start_unix_us"] = s.startUnixUs;
            t["duration_us"] = s.durationUs;
            t["span_count"] =
                s.spanCount < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(s.spanCount);
            t["error_count"] =
                s.errorCount < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(s.errorCount);
            t["services"] = s.services;
            j.push_back(std::move(t));
        }
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    if (found.value.empty()) {
        err << "rootline-cli: search: no traces matched on " << connection.endpoint() << '\n';
        return kExitOk;
    }
    for (const remote::TraceSummary& s : found.value)
        out << s.traceId << "  " << formatTimestamp(s.startUnixUs * 1000) << "  "
            << formatDuration(s.durationUs * 1000) << "  " << countText(s.spanCount) << " spans  "
            << countText(s.errorCount) << " errors  " << s.rootService << ": " << s.rootOperation
            << '\n';
    return kExitOk;
}

}  // namespace rootline::cli
