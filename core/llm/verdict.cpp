#include "llm/verdict.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rootline::llm {

using nlohmann::json;

const std::string& verdictSchemaText() {
    static const std::string text = [] {
        const json str = {{"type", "string"}};
        const json strings = {{"type", "array"}, {"items", str}};
        json evidence = {{"type", "object"},
                         {"additionalProperties", false},
                         {"required", {"span_id", "observation"}},
                         {"properties", {{"span_id", str}, {"observation", str}}}};
        json schema = {
            {"type", "object"},
            {"additionalProperties", false},
            {"required",
             {"root_spans", "hypothesis", "evidence", "fix_suggestions", "test_suggestion",
              "confidence"}},
            {"properties",
             {{"root_spans",
               {{"type", "array"},
                {"items", str},
                {"description",
                 "span ids from the tracepack most likely at fault, root cause "
                 "first; empty when the data shows no clear root cause"}}},
              {"hypothesis", {{"type", "string"}, {"description", "what went wrong and why"}}},
              {"evidence",
               {{"type", "array"},
                {"items", evidence},
                {"description", "observations, each tied to a span id from the tracepack"}}},
              {"fix_suggestions", strings},
              {"test_suggestion",
               {{"type", "string"},
                {"description", "a trace-level assertion that would prove the fix"}}},
              {"confidence", {{"type", "number"}, {"description", "0 to 1"}}}}}};
        return schema.dump();
    }();
    return text;
}

namespace {

// The JSON object in a model's text: the whole text, else a ```json fence, else the outermost
// braces. Local models often wrap their answer.
std::optional<json> findObject(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_discarded()) return j;
    if (const size_t fence = text.find("```"); fence != std::string_view::npos) {
        size_t start = text.find('\n', fence);
        const size_t end = start == std::string_view::npos ? start : text.find("```", start);
        if (end != std::string_view::npos) {
            j = json::parse(text.substr(start, end - start), nullptr, false);
            if (!j.is_discarded()) return j;
        }
    }
    const size_t open = text.find('{'), close = text.rfind('}');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        j = json::parse(text.substr(open, close - open + 1), nullptr, false);
        if (!j.is_discarded()) return j;
    }
    return std::nullopt;
}

bool stringArray(const json& o, const char* name, std::vector<std::string>& out,
                 std::string& error) {
    const json& a = o.at(name);
    if (!a.is_array()) {
        error = std::string(name) + ": must be an array of strings";
        return false;
    }
    for (const json& x : a) {
        if (!x.is_string()) {
            error = std::string(name) + ": every item must be a string";
            return false;
        }
        out.push_back(x.get<std::string>());
    }
    return true;
}

}  // namespace

std::optional<Verdict> parseVerdict(std::string_view text, std::string& error) {
    const std::optional<json> found = findObject(text);
    if (!found) {
        error = "the answer is not a JSON object";
        return std::nullopt;
    }
    const json& o = *found;
    if (!o.is_object()) {
        error = "the answer must be a JSON object";
        return std::nullopt;
    }
    for (const char* name : {"root_spans", "hypothesis", "evidence", "fix_suggestions",
                             "test_suggestion", "confidence"})
        if (!o.contains(name)) {
            error = std::string(name) + ": missing (every member of the schema is required)";
            return std::nullopt;
        }
    Verdict v;
    if (!stringArray(o, "root_spans", v.rootSpans, error)) return std::nullopt;
    if (!stringArray(o, "fix_suggestions", v.fixSuggestions, error)) return std::nullopt;
    for (const char* name : {"hypothesis", "test_suggestion"})
        if (!o.at(name).is_string()) {
            error = std::string(name) + ": must be a string";
            return std::nullopt;
        }
    v.hypothesis = o.at("hypothesis").get<std::string>();
    v.testSuggestion = o.at("test_suggestion").get<std::string>();
    if (v.hypothesis.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "hypothesis: must not be empty (say \"no clear root cause\" when there is none)";
        return std::nullopt;
    }
    const json& ev = o.at("evidence");
    if (!ev.is_array()) {
        error = "evidence: must be an array of {span_id, observation}";
        return std::nullopt;
    }
    for (const json& e : ev) {
        if (!e.is_object() || !e.contains("span_id") || !e.contains("observation") ||
            !e["span_id"].is_string() || !e["observation"].is_string()) {
            error = "evidence: every item must be {\"span_id\": string, \"observation\": string}";
            return std::nullopt;
        }
        v.evidence.push_back(
            {e["span_id"].get<std::string>(), e["observation"].get<std::string>()});
    }
    const json& c = o.at("confidence");
    if (!c.is_number() || !std::isfinite(c.get<double>())) {
        error = "confidence: must be a number from 0 to 1";
        return std::nullopt;
    }
    v.confidence = c.get<double>();
    if (v.confidence < 0 || v.confidence > 1) {
        error = "confidence: " + c.dump() + " is outside 0..1";
        return std::nullopt;
    }
    return v;
}

std::string verdictToJson(const Verdict& v, bool pretty) {
    nlohmann::ordered_json o;
    o["root_spans"] = v.rootSpans;
    o["hypothesis"] = v.hypothesis;
    o["evidence"] = nlohmann::ordered_json::array();
    for (const Evidence& e : v.evidence)
        o["evidence"].push_back({{"span_id", e.spanId}, {"observation", e.observation}});
    o["fix_suggestions"] = v.fixSuggestions;
    o["test_suggestion"] = v.testSuggestion;
    o["confidence"] = v.confidence;
    return o.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

VerdictCheck checkAgainstPack(Verdict& v, const std::set<std::string>& packSpanIds) {
    VerdictCheck check;
    auto known = [&](const std::string& id) {
        if (packSpanIds.count(id)) return true;
        ++check.hallucinations;
        if (std::find(check.rejectedIds.begin(), check.rejectedIds.end(), id) ==
            check.rejectedIds.end())
            check.rejectedIds.push_back(id);
        return false;
    };
    std::vector<std::string> roots;
    for (const std::string& id : v.rootSpans)
        if (known(id)) roots.push_back(id);
    v.rootSpans = std::move(roots);
    std::vector<Evidence> evidence;
    for (Evidence& e : v.evidence)
        if (known(e.spanId)) evidence.push_back(std::move(e));
    v.evidence = std::move(evidence);
    return check;
}

std::set<std::string> spanIdsInPack(std::string_view packBytes) {
    std::set<std::string> ids;
    const json p = json::parse(packBytes, nullptr, false);
    if (p.is_discarded() || !p.is_object()) return ids;
    if (p.contains("spans") && p["spans"].is_array())
        for (const json& s : p["spans"])
            if (s.is_object() && s.contains("span_id") && s["span_id"].is_string())
                ids.insert(s["span_id"].get<std::string>());
    if (p.contains("suspects") && p["suspects"].is_array())
        for (const json& s : p["suspects"])
            if (s.is_object() && s.contains("similar_span_ids") && s["similar_span_ids"].is_array())
                for (const json& id : s["similar_span_ids"])
                    if (id.is_string()) ids.insert(id.get<std::string>());
    return ids;
}

}  // namespace rootline::llm
