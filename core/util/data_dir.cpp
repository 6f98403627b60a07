#include "util/data_dir.h"

#include <cstdlib>

namespace rootline {

std::string userDataFile(std::string_view name) {
    std::string base;
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/') {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        if (!home || !home[0]) return {};
        base = std::string(home) + "/.local/share";
    }
    return base + "/Rootline/rootline/" + std::string(name);
}

}  // namespace rootline
