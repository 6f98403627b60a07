#include "remote/query_template.h"

#include <string_view>

namespace rootline::remote {

namespace {

// Inside "…" in LogQL and PromQL (Go string literal rules): backslash and quote escaped, and
// line breaks written as escapes so the query stays on one line.
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string servicesRegex(const std::vector<std::string>& services) {
    if (services.empty()) return ".+";
    std::string out;
    for (const std::string& s : services) {
        if (!out.empty()) out += '|';
        out += regexEscape(s);
    }
    return out;
}

}  // namespace

std::string regexEscape(std::string_view text) {
    static constexpr std::string_view kMeta = R"(\.+*?()|[]{}^$)";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (kMeta.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string expandQueryTemplate(std::string_view templ, const TemplateValues& values) {
    std::string out;
    out.reserve(templ.size() + 64);
    size_t i = 0;
    while (i < templ.size()) {
        if (templ.compare(i, 2, "${") == 0) {
            const size_t close = templ.find('}', i + 2);
            if (close != std::string_view::npos) {
                const std::string_view name = templ.substr(i + 2, close - i - 2);
                bool known = true;
                if (name == "traceId")
                    out += quoted(values.traceId);
                else if (name == "spanId")
                    out += quoted(values.spanId);
                else if (name == "services")
                    out += quoted(servicesRegex(values.services));
                else if (name == "service")
                    out += quoted(values.services.empty() ? std::string() : values.services[0]);
                else if (name == "range")
                    out += quoted(values.range);
                else
                    known = false;
                if (known) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += templ[i++];
    }
    return out;
}

}  // namespace rootline::remote
