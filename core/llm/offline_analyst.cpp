// The embedded analyst: no network, the same answer for the same pack. It reads the tracepack's
// ranked suspects and their reasons (suspect_ranking.cpp did the hard part), follows the failed
// parents up to the entry point, and turns reason codes and span attributes into fixes and a
// test. It answers in the verdict schema, so its verdict is checked like any model's.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "http_provider_support.h"
#include "llm/verdict.h"

namespace rootline::llm {

namespace {

using nlohmann::json;

constexpr const char* kModel = "rootline-offline-analyst";

class PackView {
public:
    explicit PackView(const json& p) : p_(p) {
        if (p.contains("spans") && p["spans"].is_array())
            for (const json& s : p["spans"])
                if (s.is_object() && s.contains("span_id"))
                    spans_.emplace(s.value("span_id", std::string()), &s);
    }

    const json* span(const std::string& id) const {
        auto it = spans_.find(id);
        return it == spans_.end() ? nullptr : it->second;
    }

    // An attribute's value as text, resolving the key dictionary; empty when absent.
    std::string attr(const json& span, const std::string& key) const {
        if (!span.contains("attributes") || !span["attributes"].is_array()) return {};
        for (const json& pair : span["attributes"]) {
            if (!pair.is_array() || pair.size() != 2) continue;
            std::string k;
            if (pair[0].is_number_unsigned() && p_.contains("keys") &&
                pair[0].get<size_t>() < p_["keys"].size())
                k = p_["keys"][pair[0].get<size_t>()].get<std::string>();
            else if (pair[0].is_string())
                k = pair[0].get<std::string>();
            if (k != key) continue;
            return pair[1].is_string() ? pair[1].get<std::string>() : pair[1].dump();
        }
        return {};
    }

    // An attribute of the span's resource: the one it names, else its service's first.
    std::string resourceAttr(const json& span, const std::string& key) const {
        if (!p_.contains("resources") || !p_["resources"].is_array()) return {};
        const json& rs = p_["resources"];
        if (span.contains("resource") && span["resource"].is_number_unsigned() &&
            span["resource"].get<size_t>() < rs.size())
            return attr(rs[span["resource"].get<size_t>()], key);
        for (const json& r : rs)
            if (r.value("service", std::string()) == span.value("service", std::string()))
                return attr(r, key);
        return {};
    }

    std::string eventAttr(const json& event, const std::string& key) const {
        return attr(event, key);  // events carry attributes in the same shape
    }

    // "exception.type: exception.message" of the span's first exception event.
    std::string exception(const json& span) const {
        if (!span.contains("events") || !span["events"].is_array()) return {};
        for (const json& e : span["events"]) {
            if (e.value("name", std::string()) != "exception") continue;
            const std::string type = eventAttr(e, "exception.type");
            const std::string msg = eventAttr(e, "exception.message");
            return type.empty() ? msg : msg.empty() ? type : type + ": " + msg;
        }
        return {};
    }

    std::string exceptionType(const json& span) const {
        if (!span.contains("events") || !span["events"].is_array()) return {};
        for (const json& e : span["events"])
            if (e.value("name", std::string()) == "exception")
                return eventAttr(e, "exception.type");
        return {};
    }

    const json& pack() const { return p_; }

private:
    const json& p_;
    std::map<std::string, const json*> spans_;
};

std::string label(const json& span) {
    return span.value("service", std::string("?")) + " " + span.value("name", std::string("?"));
}

std::string duration(int64_t us) {
    char buf[32];
    if (us >= 1000000)
        std::snprintf(buf, sizeof buf, "%.2f s", static_cast<double>(us) / 1e6);
    else if (us >= 1000)
        std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(us) / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%lld µs", static_cast<long long>(us));
    return buf;
}

std::set<std::string> reasonCodes(const json& suspect) {
    std::set<std::string> codes;
    if (suspect.contains("reasons"))
        for (const json& r : suspect["reasons"])
            codes.insert(r.value("code", std::string()));
    return codes;
}

Verdict analyse(const PackView& v) {
    const json& p = v.pack();
    Verdict out;
    json suspects =
        p.contains("suspects") && p["suspects"].is_array() ? p["suspects"] : json::array();
    size_t focusGroup = SIZE_MAX;  // how many suspects lie at or below the focus span
    // Asked about one span: the suspects at or below it come first (the cause of its failure),
    // the others keep their order after them.
    std::string focus = p.contains("trace") && p["trace"].is_object()
                            ? p["trace"].value("focus_span_id", std::string())
                            : std::string();
    // Asking about the entry span is asking about the whole request.
    if (p.contains("trace") && p["trace"].contains("root") && p["trace"]["root"].is_object() &&
        p["trace"]["root"].value("span_id", std::string()) == focus)
        focus.clear();
    if (!focus.empty() && v.span(focus)) {
        auto under = [&](const json& suspect) {
            for (const json* s = v.span(suspect.value("span_id", std::string())); s;
                 s = s->contains("parent_id") ? v.span(s->value("parent_id", std::string()))
                                              : nullptr)
                if (s->value("span_id", std::string()) == focus) return true;
            return false;
        };
        json below = json::array(), rest = json::array();
        for (const json& s : suspects)
            (under(s) ? below : rest).push_back(s);
        focusGroup = below.size();
        for (const json& s : rest)
            below.push_back(s);
        suspects = std::move(below);
    }
    std::string entryLabel = "the request";
    if (p.contains("trace") && p["trace"].contains("root") && p["trace"]["root"].is_object())
        entryLabel = label(p["trace"]["root"]);
    // A trace where nothing failed and the top suspect is only "on the critical path" (every
    // trace has one) shows no failure to explain.
    const bool failed = p.contains("trace") && p["trace"].value("error_count", 0) > 0;
    bool onlyTiming = !suspects.empty();
    if (!suspects.empty())
        for (const std::string& code : reasonCodes(suspects[0]))
            onlyTiming &= code == "critical_path" || code == "critical_share";
    if (suspects.empty() || !v.span(suspects[0].value("span_id", std::string())) ||
        (!failed && onlyTiming)) {
        out.hypothesis =
            "No clear root cause: the tracepack holds no failed or anomalous span to blame.";
        out.fixSuggestions.push_back(
            "Check whether the failure was recorded at all: the services involved may not set "
            "error status on their spans.");
        out.testSuggestion = "The next trace of " + entryLabel + " completes without error.";
        out.confidence = 0.1;
        return out;
    }

    // Root spans: the top suspect, and any other within 80% of its score.
    const double top = suspects[0].value("score", 0.0);
    const double second = suspects.size() > 1 ? suspects[1].value("score", 0.0) : 0.0;
    for (size_t k = 0; k < suspects.size() && (k < focusGroup || out.rootSpans.empty()); ++k) {
        const json& s = suspects[k];
        const std::string id = s.value("span_id", std::string());
        if (!v.span(id)) continue;
        if (out.rootSpans.empty() || s.value("score", 0.0) >= 0.8 * top)
            out.rootSpans.push_back(id);
        if (out.rootSpans.size() == 3) break;
    }
    const json& first = *v.span(out.rootSpans[0]);
    const json& firstSuspect = suspects[0];
    const std::set<std::string> codes = reasonCodes(firstSuspect);

    // Hypothesis: the suspect, its strongest reasons, and how far the failure travelled.
    std::string h;
    if (!focus.empty() && v.span(focus))
        h = "Asked about " + label(*v.span(focus)) + " (span " + focus + "). ";
    h += label(first) + " (span " + out.rootSpans[0] + ") is the most likely root cause.";
    std::string reasons;
    size_t listed = 0;
    for (const json& r : firstSuspect.value("reasons", json::array()))
        if (listed++ < 3) reasons += (reasons.empty() ? "" : "; ") + r.value("text", std::string());
    if (!reasons.empty()) h += " The ranking's reasons: " + reasons + ".";
    size_t failedAbove = 0;
    std::string topFailed;
    for (const json* s = &first; s && s->contains("parent_id");) {
        s = v.span(s->value("parent_id", std::string()));
        if (s && s->value("status", std::string()) == "error") {
            ++failedAbove;
            topFailed = label(*s);
        }
    }
    if (failedAbove)
        h += " The failure propagates through " + std::to_string(failedAbove) +
             (failedAbove == 1 ? " caller" : " callers") + " up to " + topFailed + ".";
    out.hypothesis = h;

    // Log lines of a span, unless they only repeat its exception.
    auto logsOf = [&](const std::string& id, const std::string& exception) {
        if (!p.contains("logs") || !p["logs"].is_array()) return;
        for (const json& l : p["logs"]) {
            const std::string body = l.value("body", std::string());
            if (l.value("span_id", std::string()) != id || body == exception) continue;
            out.evidence.push_back(
                {id, "logged (" + l.value("severity", std::string()) + "): " + body});
        }
    };
    // Evidence: what each root span shows, then the runners-up.
    for (const std::string& id : out.rootSpans) {
        const json& s = *v.span(id);
        const std::string status = s.value("status", std::string());
        const std::string msg = s.value("status_message", std::string());
        if (status == "error")
            out.evidence.push_back(
                {id, "ends with status error" + (msg.empty() ? std::string() : ": " + msg)});
        const std::string ex = v.exception(s);
        if (!ex.empty()) out.evidence.push_back({id, "recorded the exception " + ex});
        out.evidence.push_back({id, "took " + duration(s.value("duration_us", int64_t{0})) + " (" +
                                        duration(s.value("self_us", int64_t{0})) +
                                        " of its own time)"});
        // The reasons, but not those that only repeat the status and the exception above.
        for (const json& s2 : suspects)
            if (s2.value("span_id", std::string()) == id)
                for (const json& r : s2.value("reasons", json::array())) {
                    const std::string code = r.value("code", std::string());
                    if (code == "error_origin" || code == "exception") continue;
                    out.evidence.push_back({id, r.value("text", std::string())});
                }
        logsOf(id, ex);
    }
    for (size_t k = 1; k < suspects.size() && k < 4; ++k) {
        const std::string id = suspects[k].value("span_id", std::string());
        if (!v.span(id) ||
            std::find(out.rootSpans.begin(), out.rootSpans.end(), id) != out.rootSpans.end())
            continue;
        const json reasonsK = suspects[k].value("reasons", json::array());
        if (reasonsK.empty()) continue;
        out.evidence.push_back({id, "ranked #" + std::to_string(suspects[k].value("rank", k + 1)) +
                                        " suspect: " + reasonsK[0].value("text", std::string())});
    }

    // Fixes, from the reason codes and what the span is.
    const std::string service = first.value("service", std::string());
    const std::string name = first.value("name", std::string());
    const std::string db = v.attr(first, "db.system.name").empty()
                               ? v.attr(first, "db.system")
                               : v.attr(first, "db.system.name");
    const std::string version = v.resourceAttr(first, "service.version");
    if (!db.empty())
        out.fixSuggestions.push_back("Look at the " + db + " statement \"" + name + "\" in " +
                                     service +
                                     ": its plan, the locks it waits on and the connection "
                                     "pool; add a statement timeout shorter than the caller's "
                                     "deadline.");
    if (codes.count("caused_timeout") || codes.count("critical_path") ||
        codes.count("self_time_outlier"))
        out.fixSuggestions.push_back("Find where " + label(first) +
                                     " spends its own time and bring it under the callers' "
                                     "deadline, or give the callers a deadline that fits it.");
    if (codes.count("retries"))
        out.fixSuggestions.push_back(
            "Bound the retries in front of " + service +
            ": exponential backoff with jitter and a retry budget, so a failing dependency is "
            "not called again and again within one request.");
    if (codes.count("release_mismatch") || codes.count("release_new") ||
        codes.count("release_contrast"))
        out.fixSuggestions.push_back(
            "Compare " + service + (version.empty() ? "" : " " + version) +
            " with the version the other instances run; roll it back if the failure is new in "
            "it.");
    if (codes.count("contention"))
        out.fixSuggestions.push_back("Check the pool, lock or queue limits of " + service +
                                     " under this load.");
    if (codes.count("bad_input"))
        out.fixSuggestions.push_back("Validate what " + label(first) +
                                     " sends: the service it calls refused the request.");
    if (const std::string ex = v.exceptionType(first); !ex.empty())
        out.fixSuggestions.push_back("Handle " + ex + " in " + label(first) +
                                     " and return a clear error to the caller.");
    if (codes.count("error_unhandled"))
        out.fixSuggestions.push_back("Give " + entryLabel +
                                     " a fallback or a clear error for "
                                     "when " +
                                     service +
                                     " fails, instead of failing the whole "
                                     "request.");
    if (p.contains("past_fixes") && p["past_fixes"].is_array())
        for (const json& f : p["past_fixes"])
            if (f.contains("note"))
                out.fixSuggestions.push_back("Last time this error was resolved: " +
                                             f.value("note", std::string()));
    if (out.fixSuggestions.empty())
        out.fixSuggestions.push_back("Inspect " + label(first) + " (span " + out.rootSpans[0] +
                                     ") and the attributes it carries.");

    out.testSuggestion =
        "In the next trace of " + entryLabel + ", the span " + label(first) +
        " ends without error" +
        (codes.count("caused_timeout")
             ? " and within half its current " + duration(first.value("duration_us", int64_t{0}))
             : std::string()) +
        ", and " + entryLabel + " succeeds.";

    // Confidence: how clearly the top suspect stands out, and whether a failure starts there.
    double c = 0.35;
    if (top > 0) c += 0.4 * std::clamp((top - second) / top, 0.0, 1.0);
    if (codes.count("error_origin") || codes.count("caused_timeout")) c += 0.15;
    out.confidence = std::round(std::clamp(c, 0.2, 0.9) * 100) / 100;
    return out;
}

class OfflineAnalyst : public Provider {
public:
    ModelAnswer ask(const Conversation& c, const std::atomic<bool>* cancel) override {
        ModelAnswer a;
        a.model = kModel;
        if (cancel && cancel->load()) {
            a.error = ModelError::Cancelled;
            a.message = "cancelled";
            return a;
        }
        const json p = json::parse(c.tracepack, nullptr, false);
        if (p.is_discarded() || !p.is_object() || !p.contains("spans")) {
            a.error = ModelError::BadRequest;
            a.message = "the offline analyst needs a tracepack";
            return a;
        }
        a.text = verdictToJson(analyse(PackView(p)));
        a.rawResponse = a.text;
        return a;
    }
};

}  // namespace

std::unique_ptr<Provider> makeOfflineAnalyst() {
    return std::make_unique<OfflineAnalyst>();
}

}  // namespace rootline::llm
