#include "util/json_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rootline {

JsonFileRead readJsonFile(const std::string& path, nlohmann::json& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return JsonFileRead::Missing;
        error = path + ": cannot read (" + std::strerror(errno) + ")";
        return JsonFileRead::Failed;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
        out = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        error = path + ": not valid JSON at byte " + std::to_string(e.byte);
        return JsonFileRead::Failed;
    }
    return JsonFileRead::Read;
}

}  // namespace rootline
