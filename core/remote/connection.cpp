#include "remote/connection.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "net/endpoint.h"
#include "util/base64.h"
#include "util/data_dir.h"
#include "util/json_file.h"
#include "util/private_file.h"

namespace rootline::remote {

using nlohmann::json;

namespace {

constexpr const char* kKindNames[] = {"jaeger", "tempo", "loki", "prometheus"};
constexpr const char* kAuthNames[] = {"none", "bearer", "basic"};

const char* envValue(const std::string& name) {
    if (name.empty()) return nullptr;
    const char* v = std::getenv(name.c_str());
    return v && *v ? v : nullptr;
}

// RFC 7230 token characters: what a header name may be made of.
bool isHeaderName(std::string_view name) {
    if (name.empty()) return false;
    for (unsigned char c : name)
        if (!std::isalnum(c) && !std::strchr("!#$%&'*+-.^_`|~", c)) return false;
    return true;
}

bool hasLineBreak(std::string_view s) {
    return s.find_first_of("\r\n") != std::string_view::npos;
}

// A value read from a variable or a file: a trailing newline is how `echo` and mounted secrets
// leave it, and would otherwise end up inside an HTTP header.
std::string trimmedEnd(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

}  // namespace

const char* sourceKindName(SourceKind k) {
    return kKindNames[static_cast<int>(k)];
}

bool sourceKindFromName(std::string_view name, SourceKind& out) {
    for (int i = 0; i < 4; ++i)
        if (name == kKindNames[i]) {
            out = static_cast<SourceKind>(i);
            return true;
        }
    return false;
}

bool isTraceSource(SourceKind k) {
    return k == SourceKind::Jaeger || k == SourceKind::Tempo;
}

const char* authKindName(AuthKind k) {
    return kAuthNames[static_cast<int>(k)];
}

bool authKindFromName(std::string_view name, AuthKind& out) {
    for (int i = 0; i < 3; ++i)
        if (name == kAuthNames[i]) {
            out = static_cast<AuthKind>(i);
            return true;
        }
    return false;
}

std::string Connection::endpoint() const {
    return net::describeEndpoint(baseUrl);
}

std::chrono::seconds defaultMargin(SourceKind kind) {
    switch (kind) {
        case SourceKind::Loki:
            return std::chrono::seconds(5);
        case SourceKind::Prometheus:
            return std::chrono::minutes(30);
        case SourceKind::Jaeger:
        case SourceKind::Tempo:
            break;
    }
    return std::chrono::seconds(0);
}

std::chrono::seconds effectiveMargin(const Connection& c) {
    return c.margin.count() > 0 ? c.margin : defaultMargin(c.kind);
}

Connection defaultConnection(SourceKind kind) {
    Connection c;
    c.kind = kind;
    switch (kind) {
        case SourceKind::Jaeger:
            c.baseUrl = "http://localhost:16686";
            break;
        case SourceKind::Tempo:
            c.baseUrl = "http://localhost:3200";
            break;
        case SourceKind::Loki:
            c.baseUrl = "http://localhost:3100";
            break;
        case SourceKind::Prometheus:
            c.baseUrl = "http://localhost:9090";
            break;
    }
    c.name = std::string("local ") + sourceKindName(kind);
    return c;
}

std::string tlsWarning(const Connection& c) {
    if (c.verifyTls) return {};
    return "TLS verification is off for '" + c.name +
           "': anyone on the network path can read and change what it sends";
}

bool validateConnection(const Connection& c, std::string& error) {
    if (c.name.empty() || hasLineBreak(c.name)) {
        error = "a connection needs a name on one line";
        return false;
    }
    const auto endpoint = net::parseEndpoint(c.baseUrl);
    if (!endpoint || !endpoint->isHttp()) {
        error = "'" + c.name + "': the URL must start with http:// or https:// and name a host";
        return false;
    }
    const size_t hostStart = c.baseUrl.find("://") + 3;
    const size_t hostEnd = c.baseUrl.find_first_of("/?#", hostStart);
    if (c.baseUrl.find('@', hostStart) < hostEnd) {
        error = "'" + c.name + "': put the user name and password in the authentication " +
                "settings, not in the URL";
        return false;
    }
    if (c.baseUrl.find_first_of("?#") != std::string::npos || hasLineBreak(c.baseUrl)) {
        error = "'" + c.name + "': the URL must not have a query or fragment";
        return false;
    }
    if (c.auth == AuthKind::Basic && c.username.empty()) {
        error = "'" + c.name + "': basic authentication needs a user name";
        return false;
    }
    // RFC 7617: the server splits "user:password" at the first ':'.
    if (c.auth == AuthKind::Basic && c.username.find(':') != std::string::npos) {
        error = "'" + c.name + "': a basic-authentication user name cannot hold ':'";
        return false;
    }
    if (hasLineBreak(c.tenant)) {
        error = "'" + c.name + "': the tenant must be on one line";
        return false;
    }
    for (size_t i = 0; i < c.headers.size(); ++i) {
        const ExtraHeader& h = c.headers[i];
        // An invalid name is not quoted: it may be a pasted "Authorization: Bearer <token>".
        const std::string place = "'" + c.name + "': headers[" + std::to_string(i) + "]";
        if (!isHeaderName(h.name)) {
            error = place + " is not a valid header name (letters, digits and -, no spaces or ':')";
            return false;
        }
        if (hasLineBreak(h.value)) {
            error = place + " (" + h.name + "): the value holds a line break";
            return false;
        }
    }
    if (c.timeout.count() <= 0) {
        error = "'" + c.name + "': the timeout must be positive";
        return false;
    }
    for (const MetricQueryTemplate& q : c.metricQueries)
        if (q.expr.empty()) {
            error = "'" + c.name + "': the chart '" + q.title + "' has no query";
            return false;
        }
    for (const std::string& label : c.exemplarLabels)
        if (label.empty()) {
            error = "'" + c.name + "': an exemplar label name is empty";
            return false;
        }
    return true;
}

bool resolveSecret(const Connection& c, std::string& secret, std::string& error) {
    secret.clear();
    if (c.auth == AuthKind::None) return true;
    if (const char* v = envValue(c.secretEnv)) {
        secret = trimmedEnd(v);
        if (!hasLineBreak(secret)) return true;
        secret.clear();
        error = "'" + c.name + "': $" + c.secretEnv + " holds a line break";
        return false;
    }
    if (!c.secretFile.empty()) {
        if (!isPrivateFile(c.secretFile)) {
            std::ifstream probe(c.secretFile);
            error = "'" + c.name + "': " + c.secretFile +
                    (probe ? " can be read by others, so it is not used; chmod 600 it"
                           : " cannot be read");
            return false;
        }
        std::ifstream in(c.secretFile);
        std::getline(in, secret);
        secret = trimmedEnd(std::move(secret));
        if (!secret.empty()) return true;
        error = "'" + c.name + "': " + c.secretFile + " is empty";
        return false;
    }
    if (!c.secret.empty()) {
        secret = c.secret;
        return true;
    }
    const char* what = c.auth == AuthKind::Bearer ? "token" : "password";
    error = "'" + c.name + "': no " + what +
            (c.secretEnv.empty() ? std::string(" is set") : " ($" + c.secretEnv + " is not set)");
    return false;
}

std::string joinUrl(std::string_view baseUrl, std::string_view pathAndQuery) {
    std::string out(baseUrl);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    if (pathAndQuery.empty() || pathAndQuery.front() != '/') out += '/';
    out += pathAndQuery;
    return out;
}

std::string urlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool buildRequest(const Connection& c, std::string_view pathAndQuery, net::HttpRequest& out,
                  std::string& error) {
    std::string secret;
    if (!resolveSecret(c, secret, error)) return false;
    out = {};
    out.method = "GET";
    out.url = joinUrl(c.baseUrl, pathAndQuery);
    out.timeout = c.timeout;
    out.connectTimeout = std::min(out.connectTimeout, c.timeout);
    out.verifyTls = c.verifyTls;
    out.caFile = c.caFile;
    // A whole trace of a million spans is a few hundred MB of JSON.
    out.maxResponseBytes = 1024u * 1024 * 1024;
    out.headers.emplace_back("Accept", "application/json");
    if (c.auth == AuthKind::Bearer) out.headers.emplace_back("Authorization", "Bearer " + secret);
    if (c.auth == AuthKind::Basic)
        out.headers.emplace_back("Authorization",
                                 "Basic " + encodeBase64(c.username + ":" + secret));
    if (!c.tenant.empty()) out.headers.emplace_back("X-Scope-OrgID", c.tenant);
    for (const ExtraHeader& h : c.headers) {
        const char* v = envValue(h.valueEnv);
        std::string value = v ? trimmedEnd(v) : h.value;
        // Sent empty, a header meant to carry a key only comes back as a puzzling 401.
        if (value.empty() && !h.valueEnv.empty()) {
            error = "'" + c.name + "': header " + h.name + ": $" + h.valueEnv + " is not set";
            return false;
        }
        if (hasLineBreak(value)) {
            error = "'" + c.name + "': header " + h.name + ": " +
                    (v ? "$" + h.valueEnv : std::string("its value")) + " holds a line break";
            return false;
        }
        out.headers.emplace_back(h.name, std::move(value));
    }
    return true;
}

const Connection* ConnectionList::find(std::string_view name) const {
    for (const Connection& c : connections)
        if (c.name == name) return &c;
    return nullptr;
}

std::string connectionsPath() {
    if (const char* f = envValue("ROOTLINE_CONNECTIONS_FILE")) return f;
    return userConfigFile("connections.json");
}

bool loadConnections(const std::string& path, ConnectionList& out, std::string& error,
                     std::vector<std::string>* warnings) {
    out = {};
    json j;
    if (const JsonFileRead read = readJsonFile(path, j, error); read != JsonFileRead::Read)
        return read == JsonFileRead::Missing;
    if (!j.is_object() || !j.value("connections", json::array()).is_array()) {
        error = path + ": must hold {\"connections\": [...]}";
        return false;
    }
    const bool private_ = isPrivateFile(path);
    bool secretIgnored = false;
    size_t index = 0;
    for (const json& e : j.value("connections", json::array())) {
        const std::string place = path + ": connections[" + std::to_string(index++) + "]";
        try {
            if (!e.is_object()) {
                error = place + " is not an object";
                return false;
            }
            Connection c;
            c.name = e.value("name", "");
            if (!sourceKindFromName(e.value("kind", "jaeger"), c.kind)) {
                error = place + ": kind must be jaeger, tempo, loki or prometheus";
                return false;
            }
            c.baseUrl = e.value("url", "");
            if (!authKindFromName(e.value("auth", "none"), c.auth)) {
                error = place + ": auth must be none, bearer or basic";
                return false;
            }
            c.username = e.value("username", "");
            c.secretEnv = e.value("secret_env", "");
            c.secretFile = e.value("secret_file", "");
            if (e.contains("secret")) {
                if (private_)
                    c.secret = e["secret"].get<std::string>();
                else
                    secretIgnored = true;
            }
            for (const json& h : e.value("headers", json::array())) {
                ExtraHeader header{h.value("name", ""), "", h.value("value_env", "")};
                if (h.contains("value")) {
                    if (private_)
                        header.value = h["value"].get<std::string>();
                    else
                        secretIgnored = true;
                }
                c.headers.push_back(std::move(header));
            }
            c.tenant = e.value("tenant", "");
            c.verifyTls = e.value("verify_tls", true);
            c.caFile = e.value("ca_file", "");
            // Rounded, not truncated: 1.001 s is 1000.9999… ms as a double. Bounded first, since
            // a double beyond int64_t has no conversion (a negative one is refused below).
            const double seconds = e.value("timeout_s", 30.0);
            if (!(seconds <= 86400)) {
                error = place + ": timeout_s must be a number of seconds, at most 86400";
                return false;
            }
            c.timeout = std::chrono::milliseconds(std::llround(std::max(seconds, 0.0) * 1000));
            const double margin = e.value("margin_s", 0.0);
            if (!(margin >= 0 && margin <= 7 * 86400)) {
                error = place + ": margin_s must be a number of seconds, at most a week";
                return false;
            }
            c.margin = std::chrono::seconds(std::llround(margin));
            c.logQuery = e.value("log_query", "");
            for (const json& q : e.value("metric_queries", json::array()))
                c.metricQueries.push_back(
                    {q.value("title", ""), q.value("expr", ""), q.value("unit", "")});
            c.exemplarLabels = e.value("exemplar_labels", std::vector<std::string>());
            c.traceConnection = e.value("trace_connection", "");
            if (!validateConnection(c, error)) {
                error = place + ": " + error;
                return false;
            }
            if (out.find(c.name)) {
                error = place + ": a second connection named '" + c.name + "'";
                return false;
            }
            out.connections.push_back(std::move(c));
        } catch (const json::exception&) {
            // Not e.what(): it may quote the value, and the value may be a secret.
            error = place + ": a setting has the wrong type (see docs/remote.md)";
            return false;
        }
    }
    if (secretIgnored && warnings)
        warnings->push_back(path +
                            ": others can read this file, so the secrets in it are not used; "
                            "chmod 600 it");
    return true;
}

bool saveConnections(const std::string& path, const ConnectionList& list, std::string& error) {
    json all = json::array();
    for (const Connection& c : list.connections) {
        json e = {{"name", c.name},
                  {"kind", sourceKindName(c.kind)},
                  {"url", c.baseUrl},
                  {"auth", authKindName(c.auth)},
                  {"verify_tls", c.verifyTls},
                  {"timeout_s", static_cast<double>(c.timeout.count()) / 1000.0}};
        if (!c.username.empty()) e["username"] = c.username;
        if (!c.secretEnv.empty()) e["secret_env"] = c.secretEnv;
        if (!c.secret.empty()) e["secret"] = c.secret;
        if (!c.secretFile.empty()) e["secret_file"] = c.secretFile;
        if (!c.tenant.empty()) e["tenant"] = c.tenant;
        if (!c.caFile.empty()) e["ca_file"] = c.caFile;
        if (c.margin.count() > 0) e["margin_s"] = static_cast<double>(c.margin.count());
        if (!c.logQuery.empty()) e["log_query"] = c.logQuery;
        if (!c.metricQueries.empty()) {
            json qs = json::array();
            for (const MetricQueryTemplate& q : c.metricQueries)
                qs.push_back({{"title", q.title}, {"expr", q.expr}, {"unit", q.unit}});
            e["metric_queries"] = qs;
        }
        if (!c.exemplarLabels.empty()) e["exemplar_labels"] = c.exemplarLabels;
        if (!c.traceConnection.empty()) e["trace_connection"] = c.traceConnection;
        if (!c.headers.empty()) {
            json hs = json::array();
            for (const ExtraHeader& h : c.headers) {
                json hj = {{"name", h.name}};
                if (!h.value.empty()) hj["value"] = h.value;
                if (!h.valueEnv.empty()) hj["value_env"] = h.valueEnv;
                hs.push_back(hj);
            }
            e["headers"] = hs;
        }
        all.push_back(e);
    }
    return writePrivateFile(path, json{{"connections", all}}.dump(2) + "\n", error);
}

}  // namespace rootline::remote
