#include "remote/remote_call.h"

#include "model/ids.h"

namespace rootline::remote {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

net::RetryPolicy interactiveRetryPolicy() {
    net::RetryPolicy policy;
    policy.maxRetries = 2;
    policy.retryConnectionErrors = false;
    policy.maxRetryAfter = std::chrono::seconds(10);
    return policy;
}

Answer get(const Connection& connection, std::string_view pathAndQuery, std::string_view what,
           const std::atomic<bool>* cancel, const net::Headers& extraHeaders) {
    Answer answer;
    net::HttpRequest request;
    std::string problem;
    if (!buildRequest(connection, pathAndQuery, request, problem)) {
        answer.error = {RemoteErrorKind::Config, problem};
        return answer;
    }
    request.headers.insert(request.headers.end(), extraHeaders.begin(), extraHeaders.end());
    answer.http = net::send(request, interactiveRetryPolicy(), cancel);
    if (!answer.http.ok()) answer.error = failure(answer, connection, what);
    return answer;
}

RemoteError failure(const Answer& answer, const Connection& connection, std::string_view what) {
    if (answer.error.kind == RemoteErrorKind::Config) return answer.error;
    return classifyResponse(answer.http, connection.endpoint(), what);
}

bool normaliseTraceId(const std::string& text, std::string& hex, RemoteError& error) {
    const std::optional<TraceId> id = parseTraceIdStrict(trim(text));
    if (!id || id->isZero()) {
        // Quoted as typed (cut short): it is the user's own input, never a secret.
        std::string shown(trim(text).substr(0, 64));
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        error = {RemoteErrorKind::BadRequest,
                 "'" + shown + "' is not a trace id (16 or 32 hex digits, or base64)"};
        return false;
    }
    hex = toHex(*id);
    return true;
}

std::string traceWhat(const std::string& hex) {
    if (hex.size() == 32 && hex.compare(0, 16, "0000000000000000") == 0)
        return "trace " + hex.substr(16);
    return "trace " + hex.substr(0, 8) + "…";
}

bool isWebPage(const Answer& answer) {
    return answer.is2xx() && looksLikeHtml(answer.body());
}

bool isMissingRoute(const Answer& answer) {
    if (!answer.error.ok()) return false;
    if (isWebPage(answer)) return true;
    if (answer.status() != 404) return false;
    const std::string_view body = trim(answer.body());
    return !body.empty() && body.front() != '{';
}

RemoteError wrongUrl(const Answer& last, const Connection& connection, std::string_view api,
                     std::string_view subPathHint) {
    const std::string hint =
        "check the URL (does it need a sub-path such as " + std::string(subPathHint) + "?)";
    const std::string at = connection.endpoint();
    if (looksLikeHtml(last.body()))
        return {RemoteErrorKind::WrongUrl,
                at + " answered with a web page, not the " + std::string(api) + " API: " + hint};
    return {RemoteErrorKind::WrongUrl, at + " does not serve the " + std::string(api) +
                                           " API at this URL (" + std::to_string(last.status()) +
                                           " for its routes): " + hint};
}

}  // namespace rootline::remote
