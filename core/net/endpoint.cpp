#include "net/endpoint.h"

#include <curl/curl.h>

#include <memory>

#include "net/http_client.h"

namespace rootline::net {

namespace {

struct UrlDeleter {
    void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// One part of the parsed URL, or empty when the URL has none.
std::string part(CURLU* url, CURLUPart which, unsigned int flags = 0) {
    char* text = nullptr;
    if (curl_url_get(url, which, &text, flags) != CURLUE_OK || !text) return {};
    std::string out = text;
    curl_free(text);
    return out;
}

}  // namespace

std::optional<Endpoint> parseEndpoint(std::string_view url) {
    const std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
    if (!handle) return std::nullopt;
    // curl_url_set needs a terminated string, and a URL with a NUL inside is junk anyway.
    const std::string text(url);
    if (text.find('\0') != std::string::npos) return std::nullopt;
    // No default scheme: "example.com/x" is not taken for an http URL.
    if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
        CURLUE_OK)
        return std::nullopt;
    Endpoint endpoint;
    endpoint.scheme = part(handle.get(), CURLUPART_SCHEME);
    for (char& c : endpoint.scheme)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    endpoint.host = part(handle.get(), CURLUPART_HOST);
    endpoint.port = part(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    if (endpoint.scheme.empty() || endpoint.host.empty()) return std::nullopt;
    return endpoint;
}

std::string describeEndpoint(std::string_view url) {
    const std::optional<Endpoint> endpoint = parseEndpoint(url);
    if (!endpoint) return "the server";
    std::string out = endpoint->scheme + "://" + endpoint->host;
    if (!endpoint->port.empty()) out += ":" + endpoint->port;
    return out;
}

}  // namespace rootline::net
