#pragma once
// Private to core/remote: one GET to a trace server as the Jaeger and Tempo clients make it, and
// the small things both need around it (the retry policy of interactive calls, trace ids, the
// "wrong URL" message, a route that is missing on an older server).

#include <atomic>
#include <string>
#include <string_view>

#include "net/http_client.h"
#include "remote/connection.h"
#include "remote/remote_error.h"

namespace rootline::remote {

// The policy of calls a user waits for: a couple of retries, never on a dead connection (the
// user retries faster than we would), and no wait beyond 10 s for a Retry-After (the 429 is
// reported instead, saying when to try again).
net::RetryPolicy interactiveRetryPolicy();

// What came back from one GET. `error` is set only when no HTTP answer arrived (Network,
// Cancelled) or the request could not be made (Config); any status comes back with error None
// and the caller decides what it means.
struct Answer {
    net::HttpResult http;
    RemoteError error;

    long status() const { return http.response.status; }
    const std::string& body() const { return http.response.body; }
    std::string& body() { return http.response.body; }
    bool is2xx() const { return error.ok() && status() >= 200 && status() < 300; }
};

// `extraHeaders` go after the connection's own (Loki's X-Loki-Response-Encoding-Flags).
Answer get(const Connection& connection, std::string_view pathAndQuery, std::string_view what,
           const std::atomic<bool>* cancel, const net::Headers& extraHeaders = {});

// The error of a non-2xx answer (or of one that did not arrive): classifyResponse with the
// connection's endpoint.
RemoteError failure(const Answer& answer, const Connection& connection, std::string_view what);

// `text` as 32 lowercase hex digits (any form parseTraceIdStrict takes); false with a
// BadRequest error otherwise.
bool normaliseTraceId(const std::string& text, std::string& hex, RemoteError& error);

// How messages name a trace: "trace 4bf92f35…", or the 16 low digits when the high half is zero
// (a Jaeger 64-bit id), which the first eight digits would not tell apart.
std::string traceWhat(const std::string& hex);

// A 2xx web page where JSON was expected: a single-page app's index.html, a sign-in page.
bool isWebPage(const Answer& answer);

// The server has no such route: Go's "404 page not found", a proxy's 404 page, or a web page
// served for any path. Used to fall back to an older API; a 404 the API itself sent (JSON, or
// Tempo's empty not-found) is not a missing route.
bool isMissingRoute(const Answer& answer);

// WrongUrl for an answer that is not the `api` ("Jaeger", "Tempo") at all, with where to look:
// "http://h:16686 answered with a web page, not the Jaeger API: check the URL (does it need a
// sub-path such as /jaeger?)".
RemoteError wrongUrl(const Answer& last, const Connection& connection, std::string_view api,
                     std::string_view subPathHint);

// Remembers that an API route is missing on this server so later calls skip the probe. Safe to
// share between threads; only "missing" is remembered (a working route costs nothing to try).
class RouteMemory {
public:
    bool knownMissing() const { return missing_.load(std::memory_order_relaxed); }
    void markMissing() { missing_.store(true, std::memory_order_relaxed); }

private:
    std::atomic<bool> missing_{false};
};

}  // namespace rootline::remote
