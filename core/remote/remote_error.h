#pragma once
// What went wrong when asking a trace, log or metric server, in one line the user can act on.
//
// Servers answer errors in many shapes: Jaeger v1 `{"errors":[{"code","msg"}]}` and api_v3
// `{"error":{"httpCode","message"}}`, both sent as text/plain; Tempo and Loki plain text;
// Prometheus `{"status":"error","errorType","error"}`; a proxy's HTML page; nothing at all.
// classifyResponse() reads them all so a message says what the server said.

#include <string>
#include <string_view>

#include "net/http_client.h"

namespace rootline::remote {

enum class RemoteErrorKind {
    None,
    NotFound,      // the trace is not there (404, v3 "No traces found", Tempo's empty 200)
    Unauthorized,  // 401: missing or wrong credentials
    Forbidden,     // 403
    RateLimited,   // 429 after the retries
    BadRequest,    // 400/422: the server rejected the query (its words are in the message)
    Server,        // 5xx after the retries
    WrongUrl,      // an HTML page or a route the server does not have where an API was expected
    BadResponse,   // the body is not what the API sends (not JSON, truncated JSON, wrong shape)
    Network,       // refused, unresolvable, timeout, TLS, cut off (net::HttpError)
    Cancelled,
    Config,  // the connection cannot be used as set up (e.g. a secret variable unset)
};

struct RemoteError {
    RemoteErrorKind kind = RemoteErrorKind::None;
    std::string message;  // one line, naming the server as scheme://host:port; never a secret
    bool ok() const { return kind == RemoteErrorKind::None; }
};

// An error from a failed exchange (net error, or a non-2xx status), with `what` saying what was
// asked ("trace 4bf92f35…", "search", "services"). For a 2xx response returns kind None.
// The server's own words are included (cut to a line) except for 401/403, where some servers
// echo the credentials.
RemoteError classifyResponse(const net::HttpResult& result, std::string_view endpoint,
                             std::string_view what);

// Whether a body looks like an HTML page (a login page, a SPA's index.html, a proxy error).
bool looksLikeHtml(std::string_view body);

// The message inside a JSON error body of any of the shapes above, or the first line of a text
// body; empty when there is nothing readable. At most ~200 characters.
std::string serverMessage(std::string_view body);

}  // namespace rootline::remote
