#pragma once
// The parts of a URL that may appear in a message: scheme, host and port. Never userinfo, path,
// query or fragment, which may carry tokens.

#include <optional>
#include <string>
#include <string_view>

namespace rootline::net {

struct Endpoint {
    std::string scheme;  // lower-case
    std::string host;    // an IPv6 address keeps its brackets
    std::string port;    // the scheme's default when the URL names none; empty when unknown

    bool isHttp() const { return scheme == "http" || scheme == "https"; }
};

// nullopt when `url` is not an absolute URL with a host. Parsed by libcurl's own URL parser, so
// what the message names is what the transfer connects to.
std::optional<Endpoint> parseEndpoint(std::string_view url);

}  // namespace rootline::net
