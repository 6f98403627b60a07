// rootline-cli history [list|show ID|resolve ID NOTE] and rootline-cli audit verify: the local
// investigation history (core/store/investigation_history.h) and its audit chain.

#include <ctime>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "store/investigation_history.h"
#include "util/format.h"

namespace rootline::cli {

namespace {

using store::InvestigationHistory;

constexpr const char* kHistoryUsage =
    "usage: rootline-cli history [--db PATH] [--json] [--limit N]\n"
    "       rootline-cli history show ID [--db PATH] [--pack] [--raw]\n"
    "       rootline-cli history resolve ID NOTE [--db PATH]\n"
    "\n"
    "The investigations \"Explain this error\" ran, newest first, kept on this machine.\n"
    "  show ID          one investigation: metadata, the verdict, the resolution notes\n"
    "  resolve ID NOTE  records what fixed it; later incidents with the same error are offered\n"
    "                   the note\n"
    "  --db PATH        the history file (default: $ROOTLINE_HISTORY_DB, else\n"
    "                   ~/.local/share/Rootline/rootline/history.sqlite3)\n"
    "  --json           {\"database\", \"investigations\": [{\"id\", \"created\", \"trace_id\",\n"
    "                   \"provider\", \"model\", \"confidence\", \"hypothesis\", \"error\",\n"
    "                   \"resolution\"}]}\n"
    "  --limit N        list at most N investigations (default 50)\n"
    "  --pack           show: print only the exact tracepack bytes that were sent\n"
    "  --raw            show: also print the model's raw response\n";

constexpr const char* kAuditUsage =
    "usage: rootline-cli audit verify [--db PATH]\n"
    "\n"
    "Checks the investigation history's audit chain: every record must match its hash and link\n"
    "to the one before it. Exit status 0 when intact, 1 naming the first broken record, 2 when\n"
    "the history cannot be read.\n"
    "  --db PATH        the history file (default: $ROOTLINE_HISTORY_DB, else\n"
    "                   ~/.local/share/Rootline/rootline/history.sqlite3)\n";

constexpr size_t kDefaultLimit = 50;
constexpr size_t kElideAt = 100;  // code points on a list line, after the indent

struct Options {
    std::string db;
    bool json = false, pack = false, raw = false;
    size_t limit = kDefaultLimit;
    std::vector<std::string> words;  // positional arguments
};

// Parses options anywhere among the words; false after printing the error.
bool parseOptions(const std::vector<std::string>& args, const std::string& command, Options& o,
                  std::ostream& err) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--db" || a == "--limit") {
            if (i + 1 >= args.size()) {
                printError(err, command + ": " + a + " needs a value");
                return false;
            }
            const std::string& v = args[++i];
            if (a == "--db") {
                o.db = v;
                continue;
            }
            size_t used = 0;
            unsigned long long n = 0;
            try {
                n = std::stoull(v, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != v.size() || v[0] == '-' || n == 0) {
                printError(err, command + ": --limit wants a positive number, got '" + v + "'");
                return false;
            }
            o.limit = static_cast<size_t>(n);
        } else if (a == "--json") {
            o.json = true;
        } else if (a == "--pack") {
            o.pack = true;
        } else if (a == "--raw") {
            o.raw = true;
        } else if (a.size() > 1 && a[0] == '-') {
            printError(err, command + ": unknown option '" + a + "'");
            return false;
        } else {
            o.words.push_back(a);
        }
    }
    if (o.db.empty()) o.db = InvestigationHistory::defaultPath();
    return true;
}

std::unique_ptr<InvestigationHistory> openOrSay(const Options& o, const std::string& command,
                                                std::ostream& err) {
    std::string error;
    std::unique_ptr<InvestigationHistory> h = InvestigationHistory::openExisting(o.db, error);
    if (!h) printError(err, command + ": " + error);
    return h;
}

// "2026-11-19T02:13:07Z"
std::string isoUtc(int64_t unixMs) {
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm tm{};
    if (!::gmtime_r(&seconds, &tm)) return "?";
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Cut text ends at a word when one ends near the cut, so the line does not stop mid-word.
std::string elided(std::string cut) {
    const size_t space = cut.rfind(' ');
    if (space != std::string::npos && cut.size() - space < 24) cut.resize(space);
    return cut + "…";
}

// One line of at most `limit` code points: whitespace runs become one space, the rest is cut
// at a character boundary (at a word when one ends close by) and marked with an ellipsis.
std::string oneLine(const std::string& text, size_t limit = kElideAt) {
    std::string out;
    bool space = false;
    size_t points = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        const bool startsPoint = (static_cast<unsigned char>(c) & 0xc0) != 0x80;
        if (startsPoint) {
            if (points + (space ? 1 : 0) >= limit) return elided(std::move(out));
            if (space) {
                out += ' ';
                ++points;
                space = false;
            }
            ++points;
        }
        out += c;
    }
    return out;
}

std::string modelName(const std::string& provider, const std::string& model) {
    if (model.empty()) return provider.empty() ? "?" : provider;
    return provider.empty() ? model : provider + "/" + model;
}

std::string confidenceText(double c) {
    std::ostringstream s;
    s.precision(2);
    s << std::fixed << c;
    return s.str();
}

bool parseId(const std::string& text, int64_t& id) {
    const std::string digits = !text.empty() && text[0] == '#' ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
    id = std::stoll(digits);
    return id > 0;
}

int listInvestigations(const Options& o, std::ostream& out, std::ostream& err) {
    if (!o.words.empty()) {
        printError(err, "history: unknown subcommand '" + o.words[0] + "' (show, resolve)");
        return kExitBadInput;
    }
    const auto h = openOrSay(o, "history", err);
    if (!h) return kExitBadInput;
    const std::vector<store::InvestigationSummary> rows = h->list(o.limit);
    if (o.json) {
        nlohmann::ordered_json doc;
        doc["database"] = o.db;
        auto& list = doc["investigations"] = nlohmann::ordered_json::array();
        for (const store::InvestigationSummary& r : rows) {
            nlohmann::ordered_json j;
            j["id"] = r.id;
            j["created"] = isoUtc(r.createdUnixMs);
            j["created_unix_ms"] = r.createdUnixMs;
            j["trace_id"] = r.traceId;
            j["provider"] = r.provider;
            j["model"] = r.model;
            j["confidence"] = r.hasVerdict ? nlohmann::ordered_json(r.confidence) : nullptr;
            j["hypothesis"] = r.hypothesis;
            j["error"] = r.error;
            j["resolution"] = r.resolution.empty() ? nlohmann::ordered_json(nullptr)
                                                   : nlohmann::ordered_json(r.resolution);
            list.push_back(std::move(j));
        }
        out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    if (rows.empty()) {
        out << "no investigations in " << o.db << '\n';
        return kExitOk;
    }
    out << rows.size() << (rows.size() == 1 ? " investigation" : " investigations") << " in "
        << o.db << ", newest first\n";
    for (const store::InvestigationSummary& r : rows) {
        out << "\n#" << r.id << "  " << isoUtc(r.createdUnixMs) << "  trace "
            << (r.traceId.empty() ? "?" : r.traceId) << "  " << modelName(r.provider, r.model);
        if (r.hasVerdict) out << "  confidence " << confidenceText(r.confidence);
        out << '\n';
        if (r.hasVerdict)
            out << "    " << oneLine(r.hypothesis.empty() ? "(no hypothesis)" : r.hypothesis)
                << '\n';
        else
            out << "    failed: " << oneLine(r.error.empty() ? "no verdict" : r.error) << '\n';
        out << "    "
            << (r.resolution.empty() ? "unresolved" : "resolved: " + oneLine(r.resolution)) << '\n';
    }
    return kExitOk;
}

void printVerdict(std::ostream& out, const std::string& verdictJson) {
    const nlohmann::ordered_json doc =
        nlohmann::ordered_json::parse(verdictJson, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        out << verdictJson << '\n';
    else
        out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

int showInvestigation(const Options& o, std::ostream& out, std::ostream& err) {
    int64_t id = 0;
    if (o.words.size() != 2 || !parseId(o.words[1], id)) {
        printError(err, "history show: expected one investigation number (history show ID)");
        return kExitBadInput;
    }
    const auto h = openOrSay(o, "history show", err);
    if (!h) return kExitBadInput;
    const std::optional<store::Investigation> inv = h->get(id);
    if (!inv) {
        printError(err, "history show: " + o.db + ": no investigation " + std::to_string(id) +
                            " (or it is damaged: rootline-cli audit verify)");
        return kExitBadInput;
    }
    if (o.pack) {
        out << inv->tracepack;
        return kExitOk;
    }
    auto field = [&out](const char* label, const std::string& value) {
        if (!value.empty()) out << "  " << label << value << '\n';
    };
    out << "investigation " << inv->id << '\n';
    field("time:            ", isoUtc(inv->createdUnixMs));
    field("trace:           ", inv->traceId);
    field("source:          ", inv->source);
    field("model:           ", modelName(inv->provider, inv->model));
    field("endpoint:        ", inv->endpoint);
    field("tokens:          ",
          std::to_string(inv->inputTokens) + " in, " + std::to_string(inv->outputTokens) + " out");
    field("latency:         ", formatDuration(inv->latencyMs * 1000000));
    field("hallucinations:  ", std::to_string(inv->hallucinations) +
                                   " (span ids the model named that are not in the pack)");
    if (!inv->signature.empty())
        field("signature:       ", inv->signature.service + " | " + inv->signature.operation +
                                       " | " + inv->signature.exceptionType + " | " +
                                       inv->signature.status);
    field("request:         ", oneLine(inv->requestMetadata, 400));
    field("tracepack:       ",
          std::to_string(inv->tracepack.size()) + " bytes (--pack prints them)");
    field("error:           ", inv->error);

    out << "\nverdict:\n";
    if (inv->verdictJson.empty())
        out << "  none (the run failed)\n";
    else
        printVerdict(out, inv->verdictJson);
    if (o.raw || inv->verdictJson.empty())
        out << "\nraw response:\n" << inv->rawResponse << (inv->rawResponse.empty() ? "" : "\n");

    const std::vector<store::Resolution> notes = h->resolutionsOf(inv->id);
    out << "\nresolutions:\n";
    if (notes.empty()) out << "  none yet (rootline-cli history resolve " << inv->id << " NOTE)\n";
    for (const store::Resolution& r : notes)
        out << "  " << isoUtc(r.createdUnixMs) << "  " << r.note << '\n';
    return kExitOk;
}

int resolveInvestigation(const Options& o, std::ostream& out, std::ostream& err) {
    int64_t id = 0;
    if (o.words.size() < 3 || !parseId(o.words[1], id)) {
        printError(err,
                   "history resolve: expected an investigation number and a note "
                   "(history resolve ID NOTE)");
        return kExitBadInput;
    }
    // The words after ID are the note, so it need not be quoted.
    std::string note = o.words[2];
    for (size_t i = 3; i < o.words.size(); ++i)
        note += ' ' + o.words[i];
    const auto h = openOrSay(o, "history resolve", err);
    if (!h) return kExitBadInput;
    std::string error;
    const int64_t record = h->addResolution(id, note, error);
    if (record == 0) {
        printError(err, "history resolve: " + error);
        return kExitBadInput;
    }
    out << "investigation " << id << ": resolution noted (record " << record << ")\n";
    return kExitOk;
}

}  // namespace

int historyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    for (const std::string& a : args)
        if (a == "-h" || a == "--help") {
            out << kHistoryUsage;
            return kExitOk;
        }
    Options o;
    if (!parseOptions(args, "history", o, err)) return kExitBadInput;
    if (!o.words.empty() && o.words[0] == "list") o.words.erase(o.words.begin());
    if (!o.words.empty() && o.words[0] == "show") return showInvestigation(o, out, err);
    if (!o.words.empty() && o.words[0] == "resolve") return resolveInvestigation(o, out, err);
    return listInvestigations(o, out, err);
}

int auditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    for (const std::string& a : args)
        if (a == "-h" || a == "--help") {
            out << kAuditUsage;
            return kExitOk;
        }
    Options o;
    if (!parseOptions(args, "audit", o, err)) return kExitBadInput;
    if (o.words.size() != 1 || o.words[0] != "verify" || o.json || o.pack || o.raw) {
        printError(err, "audit: usage: rootline-cli audit verify [--db PATH]");
        return kExitBadInput;
    }
    const auto h = openOrSay(o, "audit", err);
    if (!h) return kExitBadInput;
    const store::ChainCheck check = h->verify();
    if (!check.ok) {
        printError(err, "audit: " + o.db + ": " + check.message);
        return kExitCheckFailed;
    }
    out << "audit chain intact: " << check.records << (check.records == 1 ? " record" : " records")
        << '\n';
    if (check.records > 0) out << "newest record hash: " << check.headHash << '\n';
    return kExitOk;
}

}  // namespace rootline::cli
