#pragma once
// The options that say which trace server a command talks to, shared by `fetch`, `search` and
// every command given a trace URL (jaeger+http://…/ID, tempo+https://…/ID) instead of a FILE.
//
//   --connection NAME   a connection saved in the app (auth, tenant, headers, TLS, timeout)
//   --url URL --kind K  a server given on the command line (K: jaeger or tempo)
//   --token-env VAR     bearer token from $VAR;  --user U --password-env VAR  basic auth
//   --tenant T          X-Scope-OrgID;  --header NAME=VALUE  an extra header (repeatable)
//   --ca-file F, --insecure (TLS verification off, with a warning), --timeout S, --no-cache
//
// A --url that matches a saved connection's kind and URL borrows its authentication, so a
// user who set up the app can paste a URL without repeating the token.

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "formats/load.h"
#include "remote/connection.h"
#include "remote/remote_open.h"

namespace rootline::cli {

// Exit status when a trace server (or a model's server) failed or had no such trace.
inline constexpr int kExitRemoteFailed = 3;

struct RemoteOptions {
    std::string connectionName;
    std::string url;
    std::string kind;
    std::string tokenEnv;
    std::string user;
    std::string passwordEnv;
    std::string tenant;
    std::vector<std::string> headers;  // NAME=VALUE
    std::string caFile;
    bool insecure = false;
    double timeoutSeconds = 0;  // 0: the connection's own
    bool noCache = false;

    // Takes args[i] (and its value, advancing i) when it is one of the options above. False
    // when it is not; sets `error` when it is but its value is missing or wrong.
    bool take(const std::vector<std::string>& args, size_t& i, std::string& error);
};

// The connection the options describe. `baseFallback` (from a trace URL) stands in for --url.
// `kinds`: the kinds of server the command can use (trace sources unless told otherwise); a
// saved connection of another kind is refused, and --kind defaults to the only one.
bool resolveConnection(const RemoteOptions& options, remote::Connection& out, std::string& error,
                       std::ostream& err, const std::string& command,
                       const std::string& baseFallback = {}, const std::string& kindFallback = {},
                       const std::vector<remote::SourceKind>& kinds = {remote::SourceKind::Jaeger,
                                                                       remote::SourceKind::Tempo});

// The remote-trace cache, or null (with a warning on `err`) when it cannot be opened or the
// user said --no-cache.
std::unique_ptr<store::RemoteTraceCache> openCache(const RemoteOptions& options, std::ostream& err);

// Fetches a trace URL and loads it; the fetch's warnings (partial trace, offline copy) become
// file warnings. The error names the server.
LoadResult loadTraceUrl(const std::string& url, const RemoteOptions& options, std::ostream& err);

// The help lines for the options above, for each command's usage text.
extern const char* const kRemoteOptionsHelp;

}  // namespace rootline::cli
