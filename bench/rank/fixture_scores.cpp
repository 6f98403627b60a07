#include "fixture_scores.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace rootline::faults {

namespace {

bool readFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

}  // namespace

FixtureScores scoreFixtures(const std::string& labelsPath, const std::string& fixturesDir) {
    FixtureScores out;
    std::string text;
    if (!readFile(labelsPath, text)) {
        out.status = labelsPath + " is missing: no labelled fixtures scored";
        return out;
    }
    nlohmann::json labels;
    try {
        labels = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        out.status = labelsPath + " is not valid JSON (" + e.what() + "): no fixtures scored";
        return out;
    }
    if (!labels.is_array() || labels.empty()) {
        out.status = labelsPath + " lists no fixtures yet";
        return out;
    }
    int index = 0;
    for (const auto& entry : labels) {
        ++index;
        CaseResult r;
        const std::string file = entry.value("file", "");
        r.id = file.empty() ? "entry " + std::to_string(index) : file;
        r.kind = entry.value("kind", "fixture");
        r.format = "fixture";
        std::vector<std::string> ids;
        if (entry.contains("root_span_ids") && entry["root_span_ids"].is_array())
            for (const auto& id : entry["root_span_ids"])
                if (id.is_string()) ids.push_back(id.get<std::string>());
        std::string json;
        const std::string path = (std::filesystem::path(fixturesDir) / file).string();
        if (file.empty() || ids.empty()) {
            r.labels = ids;
            r.error = "entry needs \"file\" and \"root_span_ids\"";
        } else if (!readFile(path, json)) {
            r.labels = ids;
            r.error = "cannot read " + path;
        } else {
            const std::string id = r.id, kind = r.kind;
            r = scoreTrace(json, file, entry.value("trace_id", ""), ids);
            r.id = id;
            r.kind = kind;
            r.format = "fixture";
        }
        out.results.push_back(std::move(r));
    }
    out.status = std::to_string(out.results.size()) + " labelled fixtures from " + labelsPath;
    return out;
}

}  // namespace rootline::faults
