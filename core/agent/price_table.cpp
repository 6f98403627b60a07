#include "agent/price_table.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/ascii.h"
#include "util/data_dir.h"
#include "util/json_file.h"

namespace rootline {

namespace {

// '*' matches any run; the whole text must match.
bool globMatch(std::string_view pattern, std::string_view text) {
    size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool matches(const std::string& pattern, const std::string& model) {
    if (pattern.find('*') != std::string::npos) return globMatch(pattern, model);
    return model.compare(0, pattern.size(), pattern) == 0;
}

}  // namespace

PriceTable PriceTable::builtIn() {
    // USD per million tokens, input then output: vendors' public list prices (kPricesAsOf).
    // Longer patterns win, so "gpt-4o-mini" is not priced as "gpt-4o" and "gpt-4o" not as "gpt-4".
    static const std::vector<ModelPrice> kPrices{
        {"gpt-4o-mini", 0.15, 0.60},
        {"gpt-4o", 2.50, 10.00},
        {"gpt-4.1-nano", 0.10, 0.40},
        {"gpt-4.1-mini", 0.40, 1.60},
        {"gpt-4.1", 2.00, 8.00},
        {"gpt-4-turbo", 10.00, 30.00},
        {"gpt-4", 30.00, 60.00},
        {"gpt-3.5-turbo", 0.50, 1.50},
        {"gpt-5-nano", 0.05, 0.40},
        {"gpt-5-mini", 0.25, 2.00},
        {"gpt-5", 1.25, 10.00},
        {"o4-mini", 1.10, 4.40},
        {"o3-mini", 1.10, 4.40},
        {"o3", 2.00, 8.00},
        {"o1-mini", 1.10, 4.40},
        {"o1", 15.00, 60.00},
        {"claude-opus-4", 15.00, 75.00},
        {"claude-sonnet-4", 3.00, 15.00},
        {"claude-3-7-sonnet", 3.00, 15.00},
        {"claude-3-5-sonnet", 3.00, 15.00},
        {"claude-3-5-haiku", 0.80, 4.00},
        {"claude-haiku-4", 1.00, 5.00},
        {"claude-3-haiku", 0.25, 1.25},
        {"claude-3-opus", 15.00, 75.00},
        {"gemini-2.5-pro", 1.25, 10.00},
        {"gemini-2.5-flash", 0.30, 2.50},
        {"gemini-2.0-flash", 0.10, 0.40},
        {"gemini-1.5-pro", 1.25, 5.00},
        {"gemini-1.5-flash", 0.075, 0.30},
        {"mistral-large", 2.00, 6.00},
        {"deepseek-chat", 0.27, 1.10},
        {"deepseek-reasoner", 0.55, 2.19},
    };
    PriceTable table;
    table.entries_ = kPrices;
    return table;
}

const ModelPrice* PriceTable::find(std::string_view model) const {
    if (model.empty()) return nullptr;
    const std::string name = asciiLower(model);
    const ModelPrice* best = nullptr;
    for (const ModelPrice& entry : entries_) {
        if (!matches(asciiLower(entry.pattern), name)) continue;
        if (!best || entry.pattern.size() > best->pattern.size() ||
            (entry.pattern.size() == best->pattern.size() && entry.userDefined))
            best = &entry;
    }
    return best;
}

std::optional<double> PriceTable::cost(std::string_view model, int64_t inputTokens,
                                       int64_t outputTokens) const {
    if (inputTokens < 0 && outputTokens < 0) return std::nullopt;
    const ModelPrice* price = find(model);
    if (!price) return std::nullopt;
    const double in = inputTokens > 0 ? static_cast<double>(inputTokens) : 0.0;
    const double out = outputTokens > 0 ? static_cast<double>(outputTokens) : 0.0;
    return (in * price->inputPerMillion + out * price->outputPerMillion) / 1e6;
}

bool PriceTable::loadOverrides(std::string_view json, const std::string& source,
                               std::string& error) {
    const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded()) {
        error = source + ": not valid JSON";
        return false;
    }
    if (!doc.is_object() || !doc.contains("prices") || !doc["prices"].is_array()) {
        error = source + ": expected an object with a \"prices\" array";
        return false;
    }
    std::vector<ModelPrice> added;
    const nlohmann::json& prices = doc["prices"];
    for (size_t i = 0; i < prices.size(); ++i) {
        const std::string place = source + ": prices[" + std::to_string(i) + "]";
        const nlohmann::json& item = prices[i];
        if (!item.is_object()) {
            error = place + ": expected an object";
            return false;
        }
        for (const auto& [key, value] : item.items()) {
            if (key != "model" && key != "input" && key != "output") {
                error = place + ": unknown key '" + key + "'";
                return false;
            }
        }
        if (!item.contains("model") || !item["model"].is_string() ||
            item["model"].get<std::string>().empty()) {
            error = place + ": 'model' must be a non-empty string";
            return false;
        }
        ModelPrice price;
        price.pattern = item["model"].get<std::string>();
        price.userDefined = true;
        for (const char* key : {"input", "output"}) {
            if (!item.contains(key) || !item[key].is_number() || item[key].get<double>() < 0) {
                error = place + ": '" + key + "' must be a number of USD per million tokens";
                return false;
            }
        }
        price.inputPerMillion = item["input"].get<double>();
        price.outputPerMillion = item["output"].get<double>();
        added.push_back(std::move(price));
    }
    // All or nothing: a broken file changes nothing.
    for (ModelPrice& price : added) {
        auto same = std::find_if(entries_.begin(), entries_.end(), [&](const ModelPrice& e) {
            return asciiLower(e.pattern) == asciiLower(price.pattern);
        });
        if (same != entries_.end())
            *same = std::move(price);
        else
            entries_.push_back(std::move(price));
    }
    return true;
}

bool PriceTable::loadOverridesFile(const std::string& path, std::string& error) {
    nlohmann::json doc;
    switch (readJsonFile(path, doc, error)) {
        case JsonFileRead::Missing:
            return true;
        case JsonFileRead::Failed:
            return false;
        case JsonFileRead::Read:
            break;
    }
    return loadOverrides(doc.dump(), path, error);
}

void PriceTable::setPrice(const std::string& pattern, double inputPerMillion,
                          double outputPerMillion) {
    ModelPrice price{pattern, inputPerMillion, outputPerMillion, true};
    auto same = std::find_if(entries_.begin(), entries_.end(), [&](const ModelPrice& e) {
        return asciiLower(e.pattern) == asciiLower(pattern);
    });
    if (same != entries_.end())
        *same = std::move(price);
    else
        entries_.push_back(std::move(price));
}

std::string PriceTable::userOverridesJson() const {
    nlohmann::ordered_json prices = nlohmann::ordered_json::array();
    for (const ModelPrice& e : entries_)
        if (e.userDefined)
            prices.push_back({{"model", e.pattern},
                              {"input", e.inputPerMillion},
                              {"output", e.outputPerMillion}});
    nlohmann::ordered_json doc;
    doc["prices"] = std::move(prices);
    return doc.dump(2) + "\n";
}

std::string PriceTable::userFilePath() {
    return userConfigFile(kFileName);
}

}  // namespace rootline
