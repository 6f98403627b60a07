// rootline-cli inspect FILE [--json]: per trace, the facts a user checks first.

#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/trace_summary.h"
#include "cli.h"
#include "cli_input.h"
#include "formats/load.h"
#include "util/format.h"

namespace rootline::cli {

namespace {

constexpr size_t kMaxListedWarnings = 20;

nlohmann::ordered_json traceJson(const Trace& trace) {
    const TraceSummary s = summarizeTrace(trace, 1000);
    nlohmann::ordered_json j;
    j["trace_id"] = s.traceId;
    j["span_count"] = s.spanCount;
    auto& services = j["services"] = nlohmann::ordered_json::array();
    for (const ServiceInfo& svc : s.services)
        services.push_back({{"name", svc.name}, {"spans", svc.spans}, {"errors", svc.errors}});
    auto& roots = j["roots"] = nlohmann::ordered_json::array();
    for (const RootSpanInfo& r : s.roots)
        roots.push_back({{"span_id", r.spanId},
                         {"service", r.service},
                         {"name", r.name},
                         {"orphan", r.orphan}});
    j["start"] = formatTimestamp(s.startNs);
    j["start_unix_nano"] = s.startNs;
    j["duration_ns"] = s.durationNs;
    j["error_count"] = s.errorCount;
    j["inferred_error_count"] = s.inferredErrorCount;
    j["orphan_count"] = s.orphanCount;
    j["depth"] = s.depth;
    j["warning_count"] = s.warningCount;
    auto& warnings = j["warnings"] = nlohmann::ordered_json::array();
    for (const WarningInfo& w : s.warnings) {
        nlohmann::ordered_json wj;
        if (w.span >= 0) wj["span_id"] = w.spanId;
        wj["code"] = w.code;
        wj["text"] = w.text;
        warnings.push_back(std::move(wj));
    }
    if (s.warningCount > s.warnings.size())
        j["warnings_not_listed"] = s.warningCount - s.warnings.size();
    return j;
}

void printTrace(std::ostream& out, const Trace& trace) {
    const TraceSummary s = summarizeTrace(trace, kMaxListedWarnings);
    out << "trace " << s.traceId << '\n';
    out << "  spans     " << s.spanCount << '\n';
    out << "  services  " << s.services.size();
    for (size_t i = 0; i < s.services.size(); ++i)
        out << (i == 0 ? ": " : ", ") << s.services[i].name << " (" << s.services[i].spans << ")";
    out << '\n';
    for (size_t i = 0; i < s.roots.size(); ++i) {
        const RootSpanInfo& r = s.roots[i];
        out << (i == 0 ? "  root      " : "            ") << r.service << ": " << r.name
            << " (span " << r.spanId << (r.orphan ? ", orphan: its parent is missing" : "")
            << ")\n";
        if (i == 4 && s.roots.size() > 6) {
            out << "            … and " << s.roots.size() - 5 << " more roots\n";
            break;
        }
    }
    out << "  start     " << formatTimestamp(s.startNs) << '\n';
    out << "  duration  " << formatDuration(s.durationNs) << '\n';
    out << "  errors    " << s.errorCount;
    if (s.inferredErrorCount)
        out << " (" << s.inferredErrorCount << " inferred from HTTP/gRPC status codes)";
    out << '\n';
    out << "  orphans   " << s.orphanCount << '\n';
    out << "  depth     " << s.depth << '\n';
    out << "  warnings  " << s.warningCount << '\n';
    for (const WarningInfo& w : s.warnings) {
        out << "    ";
        if (w.span >= 0) out << "span " << w.spanId << ": ";
        out << w.text << '\n';
    }
    if (s.warningCount > s.warnings.size())
        out << "    … and " << s.warningCount - s.warnings.size() << " more\n";
}

}  // namespace

int inspectCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path;
    bool json = false;
    for (const std::string& a : args) {
        if (a == "--json") {
            json = true;
        } else if (a == "-h" || a == "--help") {
            out << "usage: rootline-cli inspect FILE [--json]\n";
            return kExitOk;
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "inspect: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (path.empty()) {
            path = a;
        } else {
            printError(err, "inspect: expected one FILE, got '" + path + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (path.empty()) {
        printError(err, "inspect: missing FILE (usage: rootline-cli inspect FILE [--json])");
        return kExitBadInput;
    }
    const LoadResult result = loadInput(path);
    if (!result.ok()) {
        printError(err, describeLoadError(path, result.error));
        return kExitBadInput;
    }
    const TraceFile& file = *result.file;
    for (const std::string& w : file.warnings)
        printError(err, path + ": warning: " + w);
    if (json) {
        nlohmann::ordered_json j;
        j["file"] = path;
        j["format"] = file.format;
        j["trace_count"] = file.traces.size();
        j["span_count"] = file.spanCount();
        j["warnings"] = file.warnings;
        auto& traces = j["traces"] = nlohmann::ordered_json::array();
        for (const auto& t : file.traces)
            traces.push_back(traceJson(*t));
        // Invalid UTF-8 was repaired on load, but replace rather than throw just in case.
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    out << path << ": " << file.format << ", " << file.traces.size()
        << (file.traces.size() == 1 ? " trace, " : " traces, ") << file.spanCount()
        << (file.spanCount() == 1 ? " span\n" : " spans\n");
    for (const auto& t : file.traces)
        printTrace(out, *t);
    // File warnings went to stderr above; they are not repeated here.
    return kExitOk;
}

}  // namespace rootline::cli
