#pragma once
// Helpers shared by the Jaeger and Tempo client tests: connections to a loopback server, the
// usual replies of those servers, and reading what the client sent.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "formats/load.h"
#include "loopback_http_server.h"
#include "remote/trace_source.h"
#include "test_support.h"

namespace rootline::test {

inline std::string readFixture(const std::string& relative) {
    std::ifstream in(fixture(relative), std::ios::binary);
    EXPECT_TRUE(in.good()) << "missing fixture " << relative;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline remote::Connection connectionTo(remote::SourceKind kind, const LoopbackHttpServer& server,
                                       std::string_view subPath = "") {
    remote::Connection c = remote::defaultConnection(kind);
    c.name = "test";
    c.baseUrl = server.url(subPath);
    c.timeout = std::chrono::seconds(5);
    return c;
}

inline bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// The servers send JSON (even their JSON errors) as text/plain as often as not.
inline ScriptedReply jsonReply(std::string body, int status = 200,
                               std::string contentType = "application/json") {
    return {.status = status, .headers = {{"Content-Type", contentType}}, .body = std::move(body)};
}

// What Go's http.NotFound answers for a route the server does not have (Jaeger ≥ 2.16, Tempo).
inline ScriptedReply goNotFound() {
    return {.status = 404,
            .headers = {{"Content-Type", "text/plain; charset=utf-8"}},
            .body = "404 page not found\n"};
}

// A single-page app's index.html, served for any path (old Jaeger UI, Grafana).
inline ScriptedReply webPage(int status = 200) {
    return {.status = status,
            .headers = {{"Content-Type", "text/html"}},
            .body =
                "<!doctype html><html><head><title>Jaeger UI</title></head><body>"
                "<div id=\"root\"></div></body></html>"};
}

inline std::string percentDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

inline std::string pathOf(const CapturedRequest& r) {
    return r.target.substr(0, r.target.find('?'));
}

// The query parameters of a request target, decoded (the last one wins for a repeated name).
inline std::map<std::string, std::string> queryOf(const CapturedRequest& r) {
    std::map<std::string, std::string> out;
    const size_t q = r.target.find('?');
    if (q == std::string::npos) return out;
    std::string_view rest = std::string_view(r.target).substr(q + 1);
    while (!rest.empty()) {
        const size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const size_t eq = pair.find('=');
        out[percentDecode(pair.substr(0, eq))] =
            eq == std::string_view::npos ? "" : percentDecode(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return out;
}

inline std::vector<std::string> pathsOf(const LoopbackHttpServer& server) {
    std::vector<std::string> out;
    for (const CapturedRequest& r : server.requests())
        out.push_back(pathOf(r));
    return out;
}

// The spans formats/load reads from a fetched body (what opening the trace would show).
inline size_t loadedSpans(const std::string& body) {
    const LoadResult r = loadTraceText(body, "remote");
    EXPECT_TRUE(r.ok()) << r.error.message;
    return r.ok() ? r.file->spanCount() : 0;
}

}  // namespace rootline::test
