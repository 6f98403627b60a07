#pragma once
// The model settings the user keeps: which provider "Explain this error" uses, and each
// provider's base URL, model, key variable, limits. Stored as JSON in
// ~/.config/Rootline/rootline/providers.json (or $XDG_CONFIG_HOME, or $ROOTLINE_PROVIDERS_FILE),
// written with mode 0600 because it may hold an API key. A key found in a file others can read is
// not used, and the warning says so.

#include <map>
#include <string>

#include "llm/provider.h"

namespace rootline::llm {

struct ProviderConfig {
    ProviderKind active = ProviderKind::Offline;
    std::map<ProviderKind, ProviderSettings> providers;  // every kind present after load

    ProviderConfig();  // the defaults of every kind, offline active
    const ProviderSettings& activeSettings() const { return providers.at(active); }
};

std::string providerConfigPath();

// A missing file gives the defaults and returns true. A damaged one returns false with `error`
// naming the file and place; `warning` is set for a key ignored because of the file's mode.
bool loadProviderConfig(const std::string& path, ProviderConfig& out, std::string& error,
                        std::string* warning = nullptr);
bool saveProviderConfig(const std::string& path, const ProviderConfig& config, std::string& error);

}  // namespace rootline::llm
