#pragma once
// Estimated prices of model calls: USD per million input and output tokens, by model name.
//
// The built-in table holds list prices of well-known models as published by their vendors
// (see kPricesAsOf); they are estimates, not bills: discounts, cached-input rates, batch
// prices and regional prices are ignored. Users override or extend the table with
// `agent-prices.json` in the config folder (or `rootline-cli agent --prices FILE`):
//   {"prices": [{"model": "gpt-4o-mini*", "input": 0.15, "output": 0.60}, …]}
// A pattern matches a model name case-insensitively, as a glob ('*' any run) or as a prefix
// ("gpt-4o-mini" matches "gpt-4o-mini-2024-07-18"); the longest matching pattern wins, and a
// user entry beats a built-in one of the same length.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rootline {

struct ModelPrice {
    std::string pattern;
    double inputPerMillion = 0;   // USD
    double outputPerMillion = 0;  // USD
    bool userDefined = false;
};

class PriceTable {
public:
    static constexpr std::string_view kPricesAsOf = "2025-08 vendor list prices";
    static constexpr std::string_view kFileName = "agent-prices.json";

    static PriceTable builtIn();
    static PriceTable empty() { return {}; }

    // The best entry for `model`, or null.
    const ModelPrice* find(std::string_view model) const;
    // USD for the tokens; empty when the model is unknown or neither count is known (<0).
    std::optional<double> cost(std::string_view model, int64_t inputTokens,
                               int64_t outputTokens) const;

    // Adds or replaces entries from JSON text. On error returns false with one line naming
    // `source` and the place: "agent-prices.json: prices[2]: 'input' must be a number".
    bool loadOverrides(std::string_view json, const std::string& source, std::string& error);
    // Reads `path` when it exists (a missing file is not an error: returns true, no change).
    bool loadOverridesFile(const std::string& path, std::string& error);
    // For the editable price table in the app: sets one user entry (replacing the same
    // pattern), and writes the user entries back in the file format above.
    void setPrice(const std::string& pattern, double inputPerMillion, double outputPerMillion);
    std::string userOverridesJson() const;
    // The user's agent-prices.json, when the config folder is known.
    static std::string userFilePath();

    const std::vector<ModelPrice>& entries() const { return entries_; }

private:
    std::vector<ModelPrice> entries_;
};

}  // namespace rootline
