#include "analysis/release_history.h"

#include <nlohmann/json.hpp>

namespace rootline {

bool ReleaseHistory::seen(std::string_view service, std::string_view version) const {
    auto it = versions.find(service);
    return it != versions.end() && it->second.count(std::string(version)) > 0;
}

bool ReleaseHistory::load(std::string_view json, const std::string& source, std::string& error) {
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = source + ": expected a JSON object {\"service\": [\"version\", …], …}";
        return false;
    }
    std::map<std::string, std::set<std::string>, std::less<>> next;
    for (const auto& [service, list] : doc.items()) {
        if (!list.is_array()) {
            error = source + ": the versions of '" + service + "' must be an array of strings";
            return false;
        }
        auto& set = next[service];
        for (const auto& v : list) {
            if (!v.is_string()) {
                error = source + ": the versions of '" + service + "' must be an array of strings";
                return false;
            }
            set.insert(v.get<std::string>());
        }
    }
    versions = std::move(next);
    return true;
}

}  // namespace rootline
