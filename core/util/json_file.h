#pragma once
// Reading a small JSON settings file (connections, model providers) with the messages users see:
// "PATH: cannot read (reason)", "PATH: not valid JSON at byte N".

#include <nlohmann/json.hpp>
#include <string>

namespace rootline {

enum class JsonFileRead { Read, Missing, Failed };

// Missing when the file does not exist (the caller's defaults apply); Failed with `error` set.
JsonFileRead readJsonFile(const std::string& path, nlohmann::json& out, std::string& error);

}  // namespace rootline
