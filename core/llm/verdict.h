#pragma once
// The verdict a model returns for a tracepack, its JSON schema, and the checks it passes before
// anyone sees it: the schema (types, confidence in [0, 1]) and the trace itself (every span id it
// names must be a span in the pack; the others are removed and counted as hallucinations).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rootline::llm {

struct Evidence {
    std::string spanId;
    std::string observation;
};

struct Verdict {
    std::vector<std::string> rootSpans;  // span ids, most likely at fault first
    std::string hypothesis;
    std::vector<Evidence> evidence;
    std::vector<std::string> fixSuggestions;
    std::string testSuggestion;  // a trace-level assertion that would prove the fix
    double confidence = 0;       // 0..1
};

// The schema as JSON text, valid for OpenAI strict mode (every property required,
// additionalProperties false, no minimum/maximum: those are checked here).
const std::string& verdictSchemaText();

// A model's answer, as text: the JSON object, possibly wrapped in a ```json fence or preceded by
// prose (local models do that). On a violation returns nullopt and sets `error` to one line that
// names the member ("confidence: 1.7 is outside 0..1"), fit to send back to the model.
std::optional<Verdict> parseVerdict(std::string_view text, std::string& error);

std::string verdictToJson(const Verdict& v, bool pretty = false);

struct VerdictCheck {
    int hallucinations = 0;                // span ids named that are not in the pack
    std::vector<std::string> rejectedIds;  // those ids, each once, in the order met
};

// Removes every span id that is not in `packSpanIds` from rootSpans and evidence.
VerdictCheck checkAgainstPack(Verdict& v, const std::set<std::string>& packSpanIds);

// The span ids a verdict may cite: the pack's spans and the look-alikes its suspects list.
// Empty when the text is not a tracepack.
std::set<std::string> spanIdsInPack(std::string_view packBytes);

}  // namespace rootline::llm
