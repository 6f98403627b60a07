#include "http_provider_support.h"

#include <cctype>
#include <nlohmann/json.hpp>

namespace rootline::llm {

using nlohmann::json;

std::string joinUrl(const std::string& base, const std::string& path) {
    std::string b = base;
    while (!b.empty() && b.back() == '/')
        b.pop_back();
    return path.empty() || path[0] == '/' ? b + path : b + "/" + path;
}

std::string scrubSecrets(std::string text, const std::string& key) {
    if (key.size() >= 4) {
        size_t at = 0;
        while ((at = text.find(key, at)) != std::string::npos) {
            text.replace(at, key.size(), "[key]");
            at += 5;
        }
    }
    // Provider keys quoted back by servers, even masked ("sk-proj-****abcd").
    for (size_t at = text.find("sk-"); at != std::string::npos; at = text.find("sk-", at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0)) continue;
        size_t end = at + 3;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                     text[end] == '-' || text[end] == '_' || text[end] == '*'))
            ++end;
        if (end - at >= 8) text.replace(at, end - at, "[key]");
    }
    return text;
}

std::string serverMessage(const std::string& body, const std::string& key) {
    const json j = json::parse(body, nullptr, false);
    std::string m;
    if (!j.is_discarded() && j.is_object() && j.contains("error")) {
        const json& e = j["error"];
        if (e.is_string())
            m = e.get<std::string>();
        else if (e.is_object() && e.contains("message") && e["message"].is_string())
            m = e["message"].get<std::string>();
    } else if (!j.is_discarded() && j.is_object() && j.contains("message") &&
               j["message"].is_string()) {
        m = j["message"].get<std::string>();
    } else if (j.is_discarded() && !body.empty() && body.size() < 300 && body[0] != '<') {
        m = body;  // plain-text errors from proxies; HTML pages are not worth quoting
    }
    for (char& c : m)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (m.size() > 300) m = m.substr(0, 297) + "...";
    return scrubSecrets(m, key);
}

net::RetryPolicy modelRetryPolicy() {
    net::RetryPolicy p;
    p.retryConnectionErrors = false;
    return p;
}

namespace {

std::string errorCode(const std::string& body) {
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("error") || !j["error"].is_object())
        return {};
    const json& e = j["error"];
    for (const char* k : {"code", "type"})
        if (e.contains(k) && e[k].is_string()) return e[k].get<std::string>();
    return {};
}

bool mentionsMissingModel(const std::string& text) {
    std::string t;
    for (char c : text)
        t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t.find("model") != std::string::npos &&
           (t.find("not found") != std::string::npos ||
            t.find("does not exist") != std::string::npos ||
            t.find("not exist") != std::string::npos || t.find("unknown") != std::string::npos);
}

}  // namespace

bool failed(const net::HttpResult& r, const ProviderSettings& s, const std::string& who,
            ModelAnswer& answer) {
    const std::string key = s.resolvedKey();
    const std::string where = endpointOf(s);
    answer.httpAttempts = r.attempts;
    answer.rawResponse = scrubSecrets(r.response.body, key);
    if (!r.ok()) {
        switch (r.error) {
            case net::HttpError::Timeout:
                answer.error = ModelError::Timeout;
                break;
            case net::HttpError::Cancelled:
                answer.error = ModelError::Cancelled;
                break;
            case net::HttpError::Truncated:
                answer.error = ModelError::Truncated;
                break;
            case net::HttpError::TooLarge:
                answer.error = ModelError::BadResponse;
                break;
            default:
                answer.error = ModelError::Unreachable;
                break;
        }
        answer.message =
            answer.error == ModelError::Cancelled ? "cancelled" : scrubSecrets(r.message, key);
        return true;
    }
    const long status = r.response.status;
    if (status >= 200 && status < 300) return false;
    const std::string said = serverMessage(r.response.body, key);
    const std::string code = errorCode(r.response.body);
    const std::string saying = said.empty() ? "" : ": " + said;
    const std::string tries =
        r.attempts > 1 ? " after " + std::to_string(r.attempts) + " attempts" : "";
    if (status == 401 || status == 403) {
        answer.error = ModelError::Auth;
        // The server's words are left out: some quote part of the key back.
        answer.message =
            who + " at " + where + " refused the API key (HTTP " + std::to_string(status) +
            "); check " +
            (s.apiKeyEnv.empty() ? std::string("the key in Settings") : "$" + s.apiKeyEnv);
    } else if (status == 404 || ((status == 400 || status == 422) && mentionsMissingModel(said))) {
        answer.error = ModelError::UnknownModel;
        answer.message = who + " at " + where + " does not know the model '" + s.model +
                         "' (HTTP " + std::to_string(status) + ")" + saying;
    } else if (code == "insufficient_quota" || code == "billing_error") {
        answer.error = ModelError::Quota;
        answer.message = who + " at " + where + ": the account's quota is used up" + saying;
    } else if (status == 429) {
        answer.error = ModelError::RateLimited;
        const auto wait = net::retryAfter(r.response);
        answer.message =
            who + " at " + where + " is rate limiting requests" + tries +
            (wait ? "; retry after " + std::to_string((wait->count() + 999) / 1000) + " s" : "") +
            saying;
    } else if (status >= 500) {
        answer.error = ModelError::Server;
        answer.message =
            who + " at " + where + " failed with HTTP " + std::to_string(status) + tries + saying;
    } else {
        answer.error = ModelError::BadRequest;
        answer.message = who + " at " + where + " rejected the request (HTTP " +
                         std::to_string(status) + ")" + saying;
    }
    return true;
}

}  // namespace rootline::llm
