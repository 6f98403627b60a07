#pragma once
// One small HTTP client for everything that talks to a server (model providers now; Jaeger,
// Tempo, Loki and Prometheus later): libcurl underneath, with a connect timeout and a total
// timeout, cancellation within ~100 ms, retries on 408/409/429/5xx honouring Retry-After up to a
// cap, and TLS verification on. Only core/net touches libcurl.
//
// Secrets travel only in request headers. Nothing here logs, and no error message carries a
// header value or a request body: messages name the host and what went wrong, in one line.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rootline::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "POST";  // GET (sends no body), POST; other methods are sent as named
    std::string url;
    Headers headers;  // may hold secrets (Authorization, x-api-key): never logged or echoed
    std::string body;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds timeout{60000};     // the whole exchange, per attempt
    size_t maxResponseBytes = 64u * 1024 * 1024;  // larger bodies fail with TooLarge
    bool verifyTls = true;  // certificate and host name; off only when a user's connection says so
    std::string caFile;     // a PEM bundle to trust instead of the system's, when set
};

struct HttpResponse {
    long status = 0;  // 0 when no HTTP status line arrived
    Headers headers;  // names lower-cased, in arrival order (the final response only)
    std::string body;

    // The first header with this name (case-insensitive), or empty.
    std::string header(std::string_view name) const;
};

enum class HttpError {
    None,       // a complete HTTP response arrived (whatever its status)
    BadUrl,     // not an http(s) URL
    Resolve,    // the host name does not resolve
    Refused,    // nothing listens there (connection refused / unreachable)
    Timeout,    // connect or total timeout
    Tls,        // certificate or handshake failure
    Truncated,  // the connection closed before the answer was complete (or without one)
    TooLarge,   // the body passed maxResponseBytes
    Cancelled,  // the cancel flag was raised
    Other,
};

struct HttpResult {
    HttpResponse response;  // with an error: the status and headers that arrived, no body
    HttpError error = HttpError::None;
    std::string message;  // one line for the user when error != None, e.g.
                          // "cannot connect to http://127.0.0.1:9 (connection refused)"
    int attempts = 0;     // 1 + retries made
    std::chrono::milliseconds elapsed{0};  // all attempts and waits

    bool ok() const { return error == HttpError::None; }
};

struct RetryPolicy {
    int maxRetries = 2;
    std::chrono::milliseconds maxRetryAfter{60000};  // a longer Retry-After is not waited for
    std::chrono::milliseconds baseBackoff{500};  // min(base·2^n, maxBackoff)·(1 − 0.25·rand)
    std::chrono::milliseconds maxBackoff{8000};
    // Whether this response may be retried. Unset: 408, 409, 429 and ≥ 500 are, unless the
    // server sent `x-should-retry: false` (`x-should-retry: true` forces a retry). Providers
    // narrow it (an OpenAI 429 with code insufficient_quota is never retried).
    std::function<bool(const HttpResponse&)> retryable;
    bool retryConnectionErrors = true;  // Refused, Timeout, Truncated
};

// The predicate used when `RetryPolicy::retryable` is unset, for providers that narrow it and
// otherwise keep the default (including `x-should-retry`).
bool defaultRetryable(const HttpResponse& response);

// When the server asks to wait: `retry-after-ms` (milliseconds), then `retry-after` as seconds
// (fractions allowed) or as an HTTP-date (against `now`). Nothing, or a value ≤ 0, gives nullopt.
std::optional<std::chrono::milliseconds> retryAfter(
    const HttpResponse& response,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// Sends the request, retrying as the policy says; waits between attempts are cancellable.
// `cancel` may be null. Blocks the calling thread: call it from a worker, never the GUI thread.
// A retryable response that asks for a wait beyond `maxRetryAfter`, and the last response when
// the retries are used up, come back as they are with error None: the status tells.
// Thread-safe: any number of threads may send at once.
HttpResult send(const HttpRequest& request, const RetryPolicy& policy = {},
                const std::atomic<bool>* cancel = nullptr);

// "scheme://host:port" of a URL, for messages (never the path or query, which may hold tokens).
std::string describeEndpoint(std::string_view url);

}  // namespace rootline::net
