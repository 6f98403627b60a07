// rootline-cli rank FILE [--trace-id ID] [--top N] [--json] [--weights FILE] [--history FILE]:
// the ranked suspects of one trace, best first, with the reasons behind each score.

#include <cmath>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "analysis/suspect_ranking.h"
#include "cli.h"
#include "cli_input.h"
#include "model/ids.h"

namespace rootline::cli {

namespace {

constexpr const char* kRankUsage =
    "usage: rootline-cli rank FILE [--trace-id ID] [--top N] [--json] [--weights FILE]\n"
    "                         [--history FILE]\n"
    "\n"
    "Ranks the spans most likely to have caused the trace's failure, with their reasons.\n"
    "  --trace-id ID    the trace to rank when FILE holds several (32 or 16 hex digits);\n"
    "                   without it, the trace with the most errors\n"
    "  --top N          list at most N suspects (default 10)\n"
    "  --json           {\"trace_id\", \"suspects\": [{\"span_id\", \"service\", \"name\", "
    "\"score\",\n"
    "                   \"reasons\": [{\"code\", \"text\", \"points\"}], \"similar_span_ids\"}]}\n"
    "  --weights FILE   JSON object overriding ranking weights (docs/ranking.md)\n"
    "  --history FILE   JSON object of service versions seen before, {\"svc\": [\"1.4.2\"]}\n";

double rounded(double v) {
    return std::round(v * 1000) / 1000;
}

nlohmann::ordered_json rankingJson(const Trace& t, const Ranking& r, size_t top) {
    nlohmann::ordered_json j;
    j["trace_id"] = t.traceIdText();
    auto& list = j["suspects"] = nlohmann::ordered_json::array();
    for (size_t k = 0; k < r.suspects.size() && k < top; ++k) {
        const Suspect& s = r.suspects[k];
        nlohmann::ordered_json sj;
        sj["rank"] = k + 1;
        sj["span_id"] = t.spanIdText(s.span);
        sj["service"] = std::string(t.serviceOf(s.span));
        sj["name"] = std::string(t.nameOf(s.span));
        sj["score"] = rounded(s.score);
        auto& reasons = sj["reasons"] = nlohmann::ordered_json::array();
        for (const SuspectReason& reason : s.reasons)
            reasons.push_back(
                {{"code", reason.code}, {"text", reason.text}, {"points", rounded(reason.points)}});
        auto& similar = sj["similar_span_ids"] = nlohmann::ordered_json::array();
        for (uint32_t o : s.similar)
            similar.push_back(t.spanIdText(o));
        list.push_back(std::move(sj));
    }
    return j;
}

void printRanking(std::ostream& out, const Trace& t, const Ranking& r, size_t top) {
    out << "trace " << t.traceIdText() << ": ";
    if (r.suspects.empty()) {
        out << "no suspects (no span failed and none stands out)\n";
        return;
    }
    out << r.suspects.size() << (r.suspects.size() == 1 ? " suspect" : " suspects") << " among "
        << t.spanCount() << " spans\n";
    for (size_t k = 0; k < r.suspects.size() && k < top; ++k) {
        const Suspect& s = r.suspects[k];
        out << '\n'
            << std::setw(3) << ("#" + std::to_string(k + 1)) << "  score " << std::fixed
            << std::setprecision(1) << s.score << "  " << t.serviceOf(s.span) << ": "
            << t.nameOf(s.span) << "  (span " << t.spanIdText(s.span) << ")\n";
        for (const SuspectReason& reason : s.reasons)
            out << "       " << std::showpos << std::setw(5) << reason.points << std::noshowpos
                << "  " << std::left << std::setw(22) << reason.code << std::right << reason.text
                << '\n';
        if (!s.similar.empty())
            out << "       and " << s.similar.size() << " similar span"
                << (s.similar.size() == 1 ? "" : "s") << ", first " << t.spanIdText(s.similar[0])
                << '\n';
    }
    if (r.suspects.size() > top)
        out << "\n… and " << r.suspects.size() - top << " more (--top N lists more)\n";
}

}  // namespace

int rankCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string path, traceId, weightsPath, historyPath;
    bool json = false;
    size_t top = 10;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                printError(err, "rank: " + a + " needs a value");
                return false;
            }
            into = args[++i];
            return true;
        };
        if (a == "--json") {
            json = true;
        } else if (a == "-h" || a == "--help") {
            out << kRankUsage;
            return kExitOk;
        } else if (a == "--trace-id") {
            if (!value(traceId)) return kExitBadInput;
        } else if (a == "--weights") {
            if (!value(weightsPath)) return kExitBadInput;
        } else if (a == "--history") {
            if (!value(historyPath)) return kExitBadInput;
        } else if (a == "--top") {
            std::string n;
            if (!value(n)) return kExitBadInput;
            char* end = nullptr;
            const long v = std::strtol(n.c_str(), &end, 10);
            if (n.empty() || *end != '\0' || v < 1) {
                printError(err, "rank: --top wants a positive number, got '" + n + "'");
                return kExitBadInput;
            }
            top = static_cast<size_t>(v);
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, "rank: unknown option '" + a + "'");
            return kExitBadInput;
        } else if (path.empty()) {
            path = a;
        } else {
            printError(err, "rank: expected one FILE, got '" + path + "' and '" + a + "'");
            return kExitBadInput;
        }
    }
    if (path.empty()) {
        printError(err, "rank: missing FILE (usage: rootline-cli rank FILE [--json])");
        return kExitBadInput;
    }

    RankOptions options;
    ReleaseHistory history;
    std::string text, error;
    if (!weightsPath.empty()) {
        if (!readFile(weightsPath, text, error) ||
            !options.weights.loadOverrides(text, weightsPath, error)) {
            printError(err, "rank: " + error);
            return kExitBadInput;
        }
    }
    if (!historyPath.empty()) {
        if (!readFile(historyPath, text, error) || !history.load(text, historyPath, error)) {
            printError(err, "rank: " + error);
            return kExitBadInput;
        }
        options.history = &history;
    }

    const LoadResult result = loadInput(path);
    if (!result.ok()) {
        printError(err, describeLoadError(path, result.error));
        return kExitBadInput;
    }
    for (const std::string& w : result.file->warnings)
        printError(err, path + ": warning: " + w);
    const Trace* trace = chooseTrace(*result.file, traceId, "rank", error);
    if (!trace) {
        printError(err, error);
        return kExitBadInput;
    }
    if (traceId.empty() && result.file->traces.size() > 1)
        printError(err, path + ": holds " + std::to_string(result.file->traces.size()) +
                            " traces; ranking " + trace->traceIdText() +
                            " (most errors); choose another with --trace-id");

    const Ranking ranking = rankSuspects(*trace, options);
    if (json) {
        out << rankingJson(*trace, ranking, top)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
        return kExitOk;
    }
    printRanking(out, *trace, ranking, top);
    return kExitOk;
}

}  // namespace rootline::cli
