#pragma once
// Named connections to the servers a trace can come from (Jaeger, Tempo) and, next, the servers
// that hold its logs and metrics (Loki, Prometheus). The user keeps them in
// ~/.config/Rootline/rootline/connections.json (or $XDG_CONFIG_HOME, or
// $ROOTLINE_CONNECTIONS_FILE), written with mode 0600.
//
// Secrets (a bearer token, a basic-auth password, a header value) are never written in a log, a
// message, a cache row or a tracepack. They are referenced by environment variable, or read from
// a file only its owner can read (the connections file itself, or a separate secret file such as
// a mounted Kubernetes secret). A secret found in a file others can read is not used, and the
// warning says so.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_client.h"

namespace rootline::remote {

enum class SourceKind { Jaeger, Tempo, Loki, Prometheus };
const char* sourceKindName(SourceKind k);  // "jaeger", "tempo", "loki", "prometheus"
bool sourceKindFromName(std::string_view name, SourceKind& out);
bool isTraceSource(SourceKind k);  // Jaeger, Tempo

enum class AuthKind { None, Bearer, Basic };
const char* authKindName(AuthKind k);  // "none", "bearer", "basic"
bool authKindFromName(std::string_view name, AuthKind& out);

struct ExtraHeader {
    std::string name;
    std::string value;     // kept in the 0600 file; may be a secret (never logged)
    std::string valueEnv;  // or the environment variable that holds it (wins when set)
};

// A chart of a Prometheus connection: a PromQL template (remote/query_template.h) and how to
// label it.
struct MetricQueryTemplate {
    std::string title;  // "p95 latency"
    std::string expr;   // histogram_quantile(0.95, sum by (le, service) (rate(…[${range}])))
    std::string unit;   // "s", "req/s", "ratio" or ""
};

struct Connection {
    std::string name;  // unique among the user's connections, e.g. "prod jaeger"
    SourceKind kind = SourceKind::Jaeger;
    std::string baseUrl;  // scheme://host[:port][/sub/path], e.g. https://grafana.example/tempo
    AuthKind auth = AuthKind::None;
    std::string username;    // basic auth
    std::string secretEnv;   // the variable holding the token (bearer) or password (basic)
    std::string secret;      // or the secret itself, kept in the 0600 connections file
    std::string secretFile;  // or a file holding it (first line), which must be mode 0600
    std::vector<ExtraHeader> headers;
    std::string tenant;     // sent as X-Scope-OrgID when set (Tempo, Loki, Mimir multi-tenancy)
    bool verifyTls = true;  // turning it off is allowed, with tlsWarning() shown
    std::string caFile;     // a PEM bundle to trust, e.g. a company CA
    std::chrono::milliseconds timeout{30000};

    // Loki and Prometheus: how far before and after the trace to look (Loki default 5 s, the
    // tracepack's log window; Prometheus default 30 min, to see whether it was an incident).
    std::chrono::seconds margin{0};  // 0: the kind's default (defaultMargin)
    // Loki: the LogQL template; empty means remote::kDefaultLogQl.
    std::string logQuery;
    // Prometheus: the charts; empty means defaultMetricQueries().
    std::vector<MetricQueryTemplate> metricQueries;
    // Prometheus: the exemplar labels that hold a trace id, tried in order; empty means
    // defaultExemplarLabels().
    std::vector<std::string> exemplarLabels;
    // Prometheus: the Jaeger or Tempo connection that opens an exemplar's trace; empty means
    // the one the current trace came from, else the first trace connection.
    std::string traceConnection;

    // "scheme://host:port" of baseUrl: what messages may name (never a path, query or secret).
    std::string endpoint() const;
};

std::chrono::seconds defaultMargin(SourceKind kind);
// The margin in effect: `margin`, or the kind's default when it is 0.
std::chrono::seconds effectiveMargin(const Connection& c);

// Defaults for a new connection of this kind (the usual local URL: Jaeger :16686, Tempo :3200,
// Loki :3100, Prometheus :9090).
Connection defaultConnection(SourceKind kind);

// Empty when the connection is safe; else one line to show beside it, e.g. "TLS verification is
// off for 'prod': anyone on the network path can read and change what it sends".
std::string tlsWarning(const Connection& c);

// Checks a connection before it is saved or used: a name, an http(s) base URL without a query
// or credentials in it, a username for basic auth, header names that are tokens. One line.
bool validateConnection(const Connection& c, std::string& error);

// The secret to send: $secretEnv when set and non-empty, else the secret file's first line,
// else `secret`. False with a one-line error (naming the variable or file, never a value) when
// the auth kind needs a secret and none can be had, or the secret file is readable by others.
bool resolveSecret(const Connection& c, std::string& secret, std::string& error);

// The GET request for `pathAndQuery` (starting with '/') under the base URL's sub-path, with
// auth, tenant, extra headers, TLS settings and timeout applied. False with a one-line error
// when a secret cannot be resolved.
bool buildRequest(const Connection& c, std::string_view pathAndQuery, net::HttpRequest& out,
                  std::string& error);

// Joins a base URL (with or without a trailing '/') and a path starting with '/'.
std::string joinUrl(std::string_view baseUrl, std::string_view pathAndQuery);

// Percent-encodes a path segment or query value (RFC 3986 unreserved characters stay).
std::string urlEncode(std::string_view text);

struct ConnectionList {
    std::vector<Connection> connections;
    const Connection* find(std::string_view name) const;
};

std::string connectionsPath();

// A missing file gives an empty list and returns true. A damaged one returns false with `error`
// naming the file and place. `warnings` gets one line per secret ignored because the file is
// readable by others.
bool loadConnections(const std::string& path, ConnectionList& out, std::string& error,
                     std::vector<std::string>* warnings = nullptr);
// Written atomically (temporary file, rename) with mode 0600.
bool saveConnections(const std::string& path, const ConnectionList& list, std::string& error);

}  // namespace rootline::remote
