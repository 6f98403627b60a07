#pragma once
// Service versions seen before this trace: the "history" against which a new release stands
// out. Read from JSON, {"service": ["1.4.2", "1.4.3"], …}; the app and the CLI pass it to the
// ranker when the user names one.

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace rootline {

struct ReleaseHistory {
    std::map<std::string, std::set<std::string>, std::less<>> versions;

    bool knows(std::string_view service) const { return versions.find(service) != versions.end(); }
    bool seen(std::string_view service, std::string_view version) const;
    // Returns false with a one-line message in `error`.
    bool load(std::string_view json, const std::string& source, std::string& error);
};

}  // namespace rootline
