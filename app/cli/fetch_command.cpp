// rootline-cli fetch (--url URL --kind jaeger|tempo | --connection NAME) TRACE_ID [-o FILE]:
// downloads one trace from Jaeger or Tempo and writes it as the server sent it, a file every
// Rootline command (and Jaeger UI or Grafana) can open again.

#include <fstream>
#include <iostream>
#include <ostream>

#include "cli.h"
#include "remote/trace_url.h"
#include "remote_options.h"

namespace rootline::cli {

namespace {

const std::string kFetchUsage =
    std::string(
        "usage: rootline-cli fetch (--url URL --kind jaeger|tempo | --connection NAME) TRACE_ID\n"
        "                          [-o FILE] [connection options]\n"
        "\n"
        "Downloads a trace from Jaeger (api_v3, else the v1 API) or Grafana Tempo (/api/v2,\n"
        "else /api/traces) and writes it as the server sent it: to FILE, or to standard output.\n"
        "TRACE_ID is 16 or 32 hex digits, or base64. Traces fetched are kept in a local cache;\n"
        "when the server cannot be reached, the cached copy is used and a warning says so.\n"
        "  -o FILE             write the trace here instead of standard output\n") +
    kRemoteOptionsHelp +
    "\n"
    "exit status: 0 with the trace, 2 on bad input or usage, 3 when the server failed or has\n"
    "no such trace.\n";

}  // namespace

int fetchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    RemoteOptions options;
    std::string id, output;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string error;
        if (options.take(args, i, error)) {
            if (!error.empty()) {
                printError(err, "fetch: " + error);
                return kExitBadInput;
            }
        } else if (a == "-h" || a == "--help") {
            out << kFetchUsage;
            return kExitOk;
        } else if (a == "-o" || a == "--output") {
            if (i + 1 >= args.size()) {
                printError(err, "fetch: " + a + " needs a FILE");
                return kExitBadInput;
            }
            output = args[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "fetch: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (id.empty()) {
            id = a;
        } else {
            printError(err, "fetch: expected one TRACE_ID, got '" + id + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (id.empty()) {
        printError(err, "fetch: missing TRACE_ID (see rootline-cli fetch --help)");
        return kExitBadInput;
    }
    std::string error;
    if (!remote::normalizeTraceIdInput(id, error)) {
        printError(err, "fetch: " + error);
        return kExitBadInput;
    }
    remote::Connection connection;
    if (!resolveConnection(options, connection, error, err, "fetch")) {
        printError(err, "fetch: " + error);
        return kExitBadInput;
    }
    const auto source = remote::makeTraceSource(connection);
    const auto cache = openCache(options, err);
    const remote::OpenedRemoteTrace opened =
        remote::openRemoteTrace(*source, id, cache.get(), nullptr);
    if (!opened.ok()) {
        printError(err, "fetch: " + opened.error.message);
        return opened.error.kind == remote::RemoteErrorKind::BadRequest ? kExitBadInput
                                                                        : kExitRemoteFailed;
    }
    for (const std::string& w : opened.warnings)
        printError(err, "fetch: warning: " + w);
    // Checked before it is written, so a file that says it is a trace holds one.
    const LoadResult loaded = loadTraceText(opened.body, opened.sourceName);
    if (!loaded.ok()) {
        printError(err, "fetch: " + connection.endpoint() +
                            " sent something that is not a trace: " + loaded.error.message);
        return kExitRemoteFailed;
    }
    if (output.empty() || output == "-") {
        out << opened.body;
        if (!opened.body.empty() && opened.body.back() != '\n') out << '\n';
    } else {
        std::ofstream file(output, std::ios::binary | std::ios::trunc);
        file << opened.body;
        if (!file) {
            printError(err, "fetch: " + output + ": cannot write");
            return kExitBadInput;
        }
    }
    err << "rootline-cli: fetch: trace " << opened.traceId << " from " << connection.endpoint()
        << (opened.fromCache ? " (cached copy)" : "") << ": " << loaded.file->spanCount()
        << (loaded.file->spanCount() == 1 ? " span" : " spans")
        << (output.empty() || output == "-" ? "" : ", written to " + output) << '\n';
    return kExitOk;
}

}  // namespace rootline::cli
