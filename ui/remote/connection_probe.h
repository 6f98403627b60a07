#pragma once
// Connections › Test connection: one GET, with the connection's auth, tenant, headers, TLS
// settings and timeout, to a path every server of that kind answers cheaply (Jaeger
// /api/services, Tempo /api/echo, Loki /loki/api/v1/labels, Prometheus
// /api/v1/status/buildinfo), under the URL's sub-path. The answer becomes one line for the
// dialog; it never holds a secret or the body of a refusal.

#include <QString>
#include <atomic>

#include "net/http_client.h"
#include "remote/connection.h"

namespace rootline::ui {

struct ConnectionProbeResult {
    bool ok = false;
    QString text;  // "Connected to http://host:port", or the error line
};

// The path asked for a server of this kind, starting with '/'.
const char* probePath(remote::SourceKind kind);

// What the answer to the probe of `c` says, in one line: 2xx is "Connected to <endpoint>" (unless
// a web page came back), 401/403 say the credentials were refused (never the body), 404 says the
// URL is wrong, others "HTTP N"; a network error is net's message.
ConnectionProbeResult describeProbeAnswer(const remote::Connection& c, const net::HttpResult& r);

// Sends the probe without retries. Blocks: worker threads only. `cancel` may be null.
ConnectionProbeResult probeConnection(const remote::Connection& c,
                                      const std::atomic<bool>* cancel = nullptr);

}  // namespace rootline::ui
