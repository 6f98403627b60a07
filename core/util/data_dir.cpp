#include "util/data_dir.h"

#include <cstdlib>

namespace rootline {

namespace {

// $variable when it is an absolute path (the XDG spec ignores relative ones), else ~/fallback.
std::string xdgFile(const char* variable, const char* fallback, std::string_view name) {
    std::string base;
    const char* xdg = std::getenv(variable);
    if (xdg && xdg[0] == '/') {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        if (!home || !home[0]) return {};
        base = std::string(home) + "/" + fallback;
    }
    return base + "/Rootline/rootline/" + std::string(name);
}

}  // namespace

std::string userDataFile(std::string_view name) {
    return xdgFile("XDG_DATA_HOME", ".local/share", name);
}

std::string userConfigFile(std::string_view name) {
    return xdgFile("XDG_CONFIG_HOME", ".config", name);
}

}  // namespace rootline
