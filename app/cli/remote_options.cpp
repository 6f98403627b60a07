#include "remote_options.h"

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "cli.h"
#include "remote/trace_url.h"

namespace rootline::cli {

const char* const kRemoteOptionsHelp =
    "  --connection NAME   a connection saved in the app (Settings › Connections)\n"
    "  --url URL           the server's base URL, e.g. http://localhost:16686 or\n"
    "                      https://grafana.example/tempo\n"
    "  --kind K            jaeger or tempo (with --url)\n"
    "  --token-env VAR     send the bearer token held in $VAR\n"
    "  --user U            basic authentication user, with --password-env VAR\n"
    "  --tenant T          the tenant (X-Scope-OrgID) for multi-tenant Tempo\n"
    "  --header NAME=VALUE an extra request header (repeatable)\n"
    "  --ca-file F         trust this PEM bundle\n"
    "  --insecure          do not verify the server's TLS certificate\n"
    "  --timeout S         seconds to wait for the server\n"
    "  --no-cache          neither read nor write the cache of remote traces\n";

bool RemoteOptions::take(const std::vector<std::string>& args, size_t& i, std::string& error) {
    const std::string& a = args[i];
    if (a == "--insecure") return insecure = true;
    if (a == "--no-cache") return noCache = true;
    std::string* target = nullptr;
    if (a == "--connection") target = &connectionName;
    if (a == "--url") target = &url;
    if (a == "--kind") target = &kind;
    if (a == "--token-env") target = &tokenEnv;
    if (a == "--user") target = &user;
    if (a == "--password-env") target = &passwordEnv;
    if (a == "--tenant") target = &tenant;
    if (a == "--ca-file") target = &caFile;
    std::string timeoutText, header;
    if (a == "--timeout") target = &timeoutText;
    if (a == "--header") target = &header;
    if (!target) return false;
    if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return true;
    }
    *target = args[++i];
    if (!header.empty()) {
        if (header.find('=') == std::string::npos || header.front() == '=')
            error = "--header takes NAME=VALUE";
        headers.push_back(header);
    }
    if (a == "--timeout") {
        char* end = nullptr;
        timeoutSeconds = std::strtod(timeoutText.c_str(), &end);
        if (timeoutText.empty() || *end || timeoutSeconds <= 0 || timeoutSeconds > 3600)
            error = "--timeout takes seconds between 0 and 3600";
    }
    return true;
}

namespace {

// "jaeger or tempo", "loki".
std::string kindList(const std::vector<remote::SourceKind>& kinds) {
    std::string out;
    for (size_t k = 0; k < kinds.size(); ++k) {
        if (k) out += k + 1 == kinds.size() ? " or " : ", ";
        out += remote::sourceKindName(kinds[k]);
    }
    return out;
}

bool allowed(const std::vector<remote::SourceKind>& kinds, remote::SourceKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

bool resolveConnection(const RemoteOptions& o, remote::Connection& out, std::string& error,
                       std::ostream& err, const std::string& command,
                       const std::string& baseFallback, const std::string& kindFallback,
                       const std::vector<remote::SourceKind>& kinds) {
    remote::ConnectionList saved;
    std::vector<std::string> warnings;
    std::string loadError;
    const std::string path = remote::connectionsPath();
    const bool haveSaved = remote::loadConnections(path, saved, loadError, &warnings);
    for (const std::string& w : warnings)
        printError(err, command + ": warning: " + w);

    const std::string url = o.url.empty() ? baseFallback : o.url;
    std::string kindName = o.kind.empty() ? kindFallback : o.kind;
    if (kindName.empty() && kinds.size() == 1) kindName = remote::sourceKindName(kinds[0]);
    if (!o.connectionName.empty()) {
        if (!haveSaved) {
            error = loadError;
            return false;
        }
        const remote::Connection* c = saved.find(o.connectionName);
        if (!c) {
            error = "no saved connection named '" + o.connectionName + "' in " + path;
            return false;
        }
        out = *c;
    } else {
        if (url.empty()) {
            error = "say which server: --url URL" +
                    (kinds.size() > 1 ? " --kind " + kindList(kinds) : std::string()) +
                    ", or --connection NAME";
            return false;
        }
        remote::SourceKind kind;
        if (!remote::sourceKindFromName(kindName, kind) || !allowed(kinds, kind)) {
            error = kindName.empty()
                        ? "--kind is needed with --url (" + kindList(kinds) + ")"
                        : "--kind must be " + kindList(kinds) + ", not '" + kindName + "'";
            return false;
        }
        out = remote::defaultConnection(kind);
        out.name = url;
        out.baseUrl = url;
        while (out.baseUrl.size() > 1 && out.baseUrl.back() == '/')
            out.baseUrl.pop_back();
        // A URL the app knows borrows that connection's authentication and settings.
        for (const remote::Connection& c : saved.connections) {
            std::string base = c.baseUrl;
            while (base.size() > 1 && base.back() == '/')
                base.pop_back();
            if (c.kind == kind && base == out.baseUrl) out = c;
        }
    }
    if (!allowed(kinds, out.kind)) {
        error = "'" + out.name + "' is a " + remote::sourceKindName(out.kind) + " connection; " +
                command + " needs " + kindList(kinds);
        return false;
    }
    if (!o.tokenEnv.empty()) {
        out.auth = remote::AuthKind::Bearer;
        out.secretEnv = o.tokenEnv;
        out.secret.clear();
        out.secretFile.clear();
    }
    if (!o.user.empty()) {
        out.auth = remote::AuthKind::Basic;
        out.username = o.user;
        out.secretEnv = o.passwordEnv;
        out.secret.clear();
        out.secretFile.clear();
    }
    if (!o.tenant.empty()) out.tenant = o.tenant;
    for (const std::string& h : o.headers) {
        const size_t eq = h.find('=');
        out.headers.push_back({h.substr(0, eq), h.substr(eq + 1), {}});
    }
    if (!o.caFile.empty()) out.caFile = o.caFile;
    if (o.insecure) out.verifyTls = false;
    if (o.timeoutSeconds > 0)
        out.timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeoutSeconds * 1000));
    if (!remote::validateConnection(out, error)) return false;
    if (const std::string w = remote::tlsWarning(out); !w.empty())
        printError(err, command + ": warning: " + w);
    return true;
}

std::unique_ptr<store::RemoteTraceCache> openCache(const RemoteOptions& options,
                                                   std::ostream& err) {
    if (options.noCache) return nullptr;
    const std::string path = store::remoteTraceCachePath();
    if (path.empty()) return nullptr;
    std::string error;
    auto cache = store::RemoteTraceCache::open(path, error);
    if (!cache) printError(err, "warning: remote traces will not be cached: " + error);
    return cache;
}

LoadResult loadTraceUrl(const std::string& url, const RemoteOptions& options, std::ostream& err) {
    auto fail = [&](const std::string& message) {
        return LoadResult{nullptr, LoadError{message, std::nullopt}, {}};
    };
    std::string error;
    const std::optional<remote::TraceUrl> parsed = remote::parseTraceUrl(url, error);
    if (!parsed) return fail(error);
    remote::Connection connection;
    if (!resolveConnection(options, connection, error, err, "fetch", parsed->baseUrl,
                           remote::sourceKindName(parsed->kind)))
        return fail(error);
    const std::unique_ptr<remote::TraceSource> source = remote::makeTraceSource(connection);
    const auto cache = openCache(options, err);
    const remote::OpenedRemoteTrace opened =
        remote::openRemoteTrace(*source, parsed->traceId, cache.get(), nullptr);
    if (!opened.ok()) return fail(opened.error.message);
    LoadResult loaded = loadTraceText(opened.body, opened.sourceName);
    if (loaded.ok())
        for (const std::string& w : opened.warnings)
            loaded.file->warnings.push_back(w);
    return loaded;
}

}  // namespace rootline::cli
