#include "llm/provider_config.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "util/data_dir.h"
#include "util/json_file.h"
#include "util/private_file.h"

namespace rootline::llm {

using nlohmann::json;

ProviderConfig::ProviderConfig() {
    for (ProviderKind k : {ProviderKind::Offline, ProviderKind::OpenAI, ProviderKind::Anthropic,
                           ProviderKind::Ollama})
        providers[k] = defaultSettings(k);
}

std::string providerConfigPath() {
    if (const char* f = std::getenv("ROOTLINE_PROVIDERS_FILE"); f && *f) return f;
    return userConfigFile("providers.json");
}

bool loadProviderConfig(const std::string& path, ProviderConfig& out, std::string& error,
                        std::string* warning) {
    out = ProviderConfig();
    json j;
    if (const JsonFileRead read = readJsonFile(path, j, error); read != JsonFileRead::Read)
        return read == JsonFileRead::Missing;
    if (!j.is_object()) {
        error = path + ": must hold a JSON object";
        return false;
    }
    const bool private_ = isPrivateFile(path);
    try {
        if (j.contains("active") && !providerFromName(j["active"].get<std::string>(), out.active)) {
            error = path + ": \"active\" names no provider (offline, openai, anthropic, ollama)";
            return false;
        }
        if (j.contains("providers"))
            for (auto& [name, p] : j["providers"].items()) {
                ProviderKind k;
                if (!providerFromName(name, k)) {
                    error = path + ": providers." + name +
                            " is not a provider (offline, openai, anthropic, ollama)";
                    return false;
                }
                ProviderSettings& s = out.providers[k];
                s.baseUrl = p.value("base_url", s.baseUrl);
                s.model = p.value("model", s.model);
                s.apiKeyEnv = p.value("api_key_env", s.apiKeyEnv);
                s.timeoutSeconds = p.value("timeout_s", s.timeoutSeconds);
                s.maxOutputTokens = p.value("max_output_tokens", s.maxOutputTokens);
                s.temperature = p.value("temperature", s.temperature);
                if (p.contains("api_key")) {
                    if (private_)
                        s.apiKey = p["api_key"].get<std::string>();
                    else if (warning)
                        *warning = path +
                                   ": others can read this file, so the API key in it "
                                   "is not used; chmod 600 it";
                }
            }
    } catch (const json::exception&) {
        error = path + ": a setting has the wrong type (see docs/models.md)";
        return false;
    }
    return true;
}

bool saveProviderConfig(const std::string& path, const ProviderConfig& config, std::string& error) {
    json j;
    j["active"] = providerName(config.active);
    for (const auto& [k, s] : config.providers) {
        json p = {{"base_url", s.baseUrl},
                  {"model", s.model},
                  {"api_key_env", s.apiKeyEnv},
                  {"timeout_s", s.timeoutSeconds},
                  {"max_output_tokens", s.maxOutputTokens},
                  {"temperature", s.temperature}};
        if (!s.apiKey.empty()) p["api_key"] = s.apiKey;
        j["providers"][providerName(k)] = p;
    }
    return writePrivateFile(path, j.dump(2) + "\n", error);
}

}  // namespace rootline::llm
