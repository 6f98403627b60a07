#include "logs/text_fields.h"

#include <nlohmann/json.hpp>

namespace rootline::logs {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-' || c == '@';
}

// False when the text is not a JSON object (most log lines are not: no exception is thrown).
bool jsonFields(std::string_view text, TextFields& out) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return false;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const nlohmann::json& v = it.value();
        if (v.is_string())
            out.emplace_back(it.key(), v.get<std::string>());
        else if (v.is_number() || v.is_boolean())
            out.emplace_back(it.key(), v.dump());
    }
    return true;
}

// `key=value` and `key="quoted \" value"` wherever they stand among the words.
void logfmtFields(std::string_view text, TextFields& out) {
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        while (i < n && isSpace(text[i]))
            ++i;
        const size_t keyStart = i;
        while (i < n && isKeyChar(text[i]))
            ++i;
        const size_t keyEnd = i;
        if (i < n && text[i] == '=' && keyEnd > keyStart) {
            ++i;
            std::string value;
            if (i < n && text[i] == '"') {
                for (++i; i < n && text[i] != '"'; ++i) {
                    if (text[i] == '\\' && i + 1 < n) ++i;
                    value += text[i];
                }
                if (i < n) ++i;  // the closing quote
            } else {
                while (i < n && !isSpace(text[i]))
                    value += text[i++];
            }
            out.emplace_back(std::string(text.substr(keyStart, keyEnd - keyStart)),
                             std::move(value));
        }
        // The rest of a word that is not a pair ("ERROR", "[main]", "{…}").
        while (i < n && !isSpace(text[i]))
            ++i;
    }
}

}  // namespace

TextFields textFields(std::string_view body) {
    TextFields out;
    size_t first = 0;
    while (first < body.size() && isSpace(body[first]))
        ++first;
    if (first < body.size() && body[first] == '{' && jsonFields(body.substr(first), out))
        return out;
    logfmtFields(body, out);
    return out;
}

}  // namespace rootline::logs
