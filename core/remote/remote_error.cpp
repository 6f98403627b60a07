// Turning a failed exchange into one line the user can act on. The servers' own words are worth
// showing (a TraceQL parse error says where the query is wrong), so every error shape they use
// is read; but they are cut to one short line, and never shown for 401/403, where some proxies
// echo the credentials they were sent.

#include "remote/remote_error.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rootline::remote {

namespace {

using nlohmann::json;

// Longer server messages are cut: a stack trace or a page of HTML helps nobody in a status line.
constexpr size_t kMaxMessageBytes = 200;
// Error bodies are small; a larger one is not parsed as JSON (its first line is used instead).
constexpr size_t kMaxJsonErrorBytes = 64 * 1024;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string lowerCase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

// Control characters become spaces and runs of spaces one space: the message stays one line.
std::string oneLine(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : trim(s)) {
        const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        const char put = control ? ' ' : c;
        if (put == ' ' && !out.empty() && out.back() == ' ') continue;
        out += put;
    }
    return out;
}

// Cut at a character boundary (never inside a UTF-8 sequence), marked with an ellipsis.
std::string shorten(std::string s) {
    if (s.size() <= kMaxMessageBytes) return s;
    size_t cut = kMaxMessageBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    s.resize(cut);
    return std::string(trim(s)) + "…";
}

std::string stringField(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The message of a JSON error body in any shape we know; empty when none is found.
std::string jsonMessage(const json& doc) {
    if (!doc.is_object()) return {};
    // Jaeger v1: {"data":null,"errors":[{"code":404,"msg":"trace not found"}]}
    if (const auto errors = doc.find("errors"); errors != doc.end() && errors->is_array()) {
        std::string joined;
        for (const json& e : *errors) {
            std::string msg = e.is_object() ? stringField(e, "msg") : std::string();
            if (msg.empty() && e.is_object()) msg = stringField(e, "message");
            if (msg.empty() && e.is_string()) msg = e.get<std::string>();
            if (msg.empty()) continue;
            if (!joined.empty()) joined += "; ";
            joined += msg;
        }
        if (!joined.empty()) return joined;
    }
    if (const auto error = doc.find("error"); error != doc.end()) {
        // Jaeger api_v3 (and grpc-gateway): {"error":{"httpCode":404,"message":"No traces found"}}
        if (error->is_object()) {
            std::string msg = stringField(*error, "message");
            if (msg.empty()) msg = stringField(*error, "msg");
            if (!msg.empty()) return msg;
        }
        // Prometheus and Mimir: {"status":"error","errorType":"bad_data","error":"…"}
        if (error->is_string()) {
            const std::string type = stringField(doc, "errorType");
            const std::string msg = error->get<std::string>();
            return type.empty() || msg.empty() ? msg : type + ": " + msg;
        }
    }
    // Older grpc-gateway and assorted proxies: {"code":5,"message":"…"}, {"msg":"…"}, …
    for (const char* key : {"message", "msg", "detail", "error_description"})
        if (std::string msg = stringField(doc, key); !msg.empty()) return msg;
    return {};
}

// The <title> of an HTML page ("502 Bad Gateway"), which is usually all it says.
std::string htmlTitle(std::string_view body) {
    const std::string head = lowerCase(body.substr(0, 4096));
    const size_t open = head.find("<title");
    if (open == std::string::npos) return {};
    const size_t start = head.find('>', open);
    const size_t end = head.find("</title", open);
    if (start == std::string::npos || end == std::string::npos || end <= start) return {};
    return std::string(body.substr(start + 1, end - start - 1));
}

std::string firstLine(std::string_view text) {
    text = trim(text);
    const size_t end = text.find_first_of("\r\n");
    return std::string(text.substr(0, end));
}

std::string statusText(long status) {
    return std::to_string(status);
}

// "try again in 30 s" when the server said how long to wait.
std::string whenToRetry(const net::HttpResponse& response) {
    const auto wait = net::retryAfter(response);
    if (!wait) return "try again later";
    const auto seconds = std::max<long long>(1, (wait->count() + 999) / 1000);
    return "try again in " + std::to_string(seconds) + " s";
}

bool isGoNotFoundPage(std::string_view body) {
    // Go's http.NotFound: what Jaeger ≥ 2.16 and Tempo answer for a route they do not have.
    return trim(body) == "404 page not found";
}

}  // namespace

bool looksLikeHtml(std::string_view body) {
    body = trim(body);
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body = trim(body.substr(3));  // a UTF-8 BOM
    if (body.empty() || body.front() != '<') return false;
    // A page names itself within its first bytes; XML that is not a page (an S3 error) does not.
    const std::string head = lowerCase(body.substr(0, 1024));
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<title", "<meta"})
        if (head.find(tag) != std::string::npos) return true;
    return false;
}

std::string serverMessage(std::string_view body) {
    body = trim(body);
    if (body.empty()) return {};
    if (looksLikeHtml(body)) return shorten(oneLine(htmlTitle(body)));
    if ((body.front() == '{' || body.front() == '[') && body.size() <= kMaxJsonErrorBytes) {
        const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
        if (!doc.is_discarded()) return shorten(oneLine(jsonMessage(doc)));
        // Not JSON after all: fall through to the first line.
    }
    return shorten(oneLine(firstLine(body)));
}

RemoteError classifyResponse(const net::HttpResult& result, std::string_view endpoint,
                             std::string_view what) {
    const std::string asked(what);
    const std::string at(endpoint);
    if (result.error == net::HttpError::Cancelled)
        return {RemoteErrorKind::Cancelled, asked + ": " + result.message};
    if (result.error != net::HttpError::None)
        return {RemoteErrorKind::Network, asked + ": " + result.message};

    const net::HttpResponse& response = result.response;
    const long status = response.status;
    if (status >= 200 && status < 300) return {};

    // 401 and 403 bodies are never quoted: some servers and proxies echo the credentials.
    if (status == 401 || status == 407)
        return {RemoteErrorKind::Unauthorized, at + " rejected the credentials (" +
                                                   statusText(status) +
                                                   "): check the connection's authentication"};
    if (status == 403)
        return {RemoteErrorKind::Forbidden,
                at + " refused access to " + asked +
                    " (403): check the connection's credentials, their permissions and the tenant"};

    const std::string said = serverMessage(response.body);
    const std::string saying = said.empty() ? std::string() : ": the server said: " + said;
    if (status == 404) {
        if (looksLikeHtml(response.body) || isGoNotFoundPage(response.body))
            return {RemoteErrorKind::WrongUrl,
                    at + " has no such API route (404): check the URL (does it need a sub-path?)"};
        return {RemoteErrorKind::NotFound, asked + " not found on " + at};
    }
    if (status == 429)
        return {RemoteErrorKind::RateLimited, at + " is limiting requests (429) and refused " +
                                                  asked + ": " + whenToRetry(response) + saying};
    if (status >= 500)
        return {RemoteErrorKind::Server,
                asked + " on " + at + " failed (server error " + statusText(status) + ")" + saying};
    if (status >= 400)
        return {RemoteErrorKind::BadRequest,
                said.empty() ? at + " rejected " + asked + " (" + statusText(status) + ")"
                             : asked + " on " + at + " failed" + saying};
    if (status >= 300 && status < 400)
        // A redirect is usually a sign-in page in front of the API (the Location is not named:
        // it may carry a token).
        return {RemoteErrorKind::WrongUrl,
                at + " redirected " + asked + " elsewhere (" + statusText(status) +
                    "): check the URL, or whether a proxy in front wants a sign-in"};
    return {RemoteErrorKind::BadResponse,
            at + " answered " + asked + " with an unexpected status " + statusText(status)};
}

}  // namespace rootline::remote
