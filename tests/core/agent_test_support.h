#pragma once
// Helpers for the agent tests: GenAI fixtures, attribute-map fixtures turned into one-span
// traces, and finding steps.

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "agent/agent_run.h"
#include "span_tree_builder.h"
#include "test_support.h"

namespace rootline::test {

inline const Trace& loadFixtureTrace(const std::string& relative) {
    static std::vector<std::shared_ptr<LoadResult>> kept;
    kept.push_back(std::make_shared<LoadResult>(loadTraceFile(fixture(relative))));
    const LoadResult& r = *kept.back();
    static const Trace kEmpty;
    EXPECT_TRUE(r.ok()) << relative << ": " << r.error.message;
    if (!r.ok() || r.file->traces.empty()) return kEmpty;
    return *r.file->traces[0];
}

// An attribute-map fixture ({"key": value, …}) as the attributes of one span named `name`:
// strings as strings, integers as integers, anything else as its JSON text.
inline const Trace& attributeMapTrace(const std::string& relative, const std::string& name) {
    std::ifstream in(fixture(relative));
    EXPECT_TRUE(in) << relative;
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json map = nlohmann::json::parse(text.str());
    SpanTree tree;
    SpanSpec& span = tree.span("1").service("agent").name(name).client().at(0, 10);
    for (const auto& [key, value] : map.items()) {
        if (value.is_string())
            span.str(key, value.get<std::string>());
        else if (value.is_number_integer())
            span.num(key, value.get<int64_t>());
        else
            span.str(key, value.dump());
    }
    return onlyTrace(load(tree.json()));
}

inline std::vector<const AgentStep*> stepsOfKind(const AgentRun& run, GenAiKind kind) {
    std::vector<const AgentStep*> out;
    for (const AgentStep& s : run.steps)
        if (s.kind == kind) out.push_back(&s);
    return out;
}

inline const AgentStep* toolStep(const AgentRun& run, const std::string& tool, size_t nth = 0) {
    for (const AgentStep& s : run.steps)
        if (s.kind == GenAiKind::ToolCall && s.toolName == tool && nth-- == 0) return &s;
    return nullptr;
}

}  // namespace rootline::test
