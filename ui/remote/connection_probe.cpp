#include "remote/connection_probe.h"

#include <QCoreApplication>
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace rootline::ui {

namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

// A login page, a proxy's landing page or a single-page app's index: HTML where JSON (or
// Tempo's "echo") was expected.
bool isWebPage(const net::HttpResponse& response) {
    std::string type = response.header("content-type");
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (type.find("text/html") != std::string::npos) return true;
    std::string_view body = response.body;
    const size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    body.remove_prefix(start);
    return startsWithNoCase(body, "<!doctype html") || startsWithNoCase(body, "<html");
}

}  // namespace

const char* probePath(remote::SourceKind kind) {
    switch (kind) {
        case remote::SourceKind::Jaeger:
            return "/api/services";
        case remote::SourceKind::Tempo:
            return "/api/echo";
        case remote::SourceKind::Loki:
            return "/loki/api/v1/labels";
        case remote::SourceKind::Prometheus:
            return "/api/v1/status/buildinfo";
    }
    return "/";
}

ConnectionProbeResult describeProbeAnswer(const remote::Connection& c, const net::HttpResult& r) {
    ConnectionProbeResult out;
    if (!r.ok()) {
        out.text = QString::fromStdString(r.message);
        return out;
    }
    const long status = r.response.status;
    if (status == 401) {
        out.text = QCoreApplication::translate("rootline::ui::ConnectionProbe",
                                               "401: the server rejected the credentials");
    } else if (status == 403) {
        out.text = QCoreApplication::translate(
            "rootline::ui::ConnectionProbe",
            "403: these credentials may not read this (check the tenant and the rights)");
    } else if (status == 404) {
        out.text =
            QCoreApplication::translate("rootline::ui::ConnectionProbe",
                                        "404: nothing at that path — check the URL (sub-path?)");
    } else if (status >= 200 && status < 300) {
        if (isWebPage(r.response)) {
            out.text =
                QCoreApplication::translate("rootline::ui::ConnectionProbe",
                                            "answered with a web page, not the API: check the URL");
        } else {
            out.ok = true;
            out.text =
                QCoreApplication::translate("rootline::ui::ConnectionProbe", "Connected to %1")
                    .arg(QString::fromStdString(c.endpoint()));
        }
    } else {
        out.text =
            QCoreApplication::translate("rootline::ui::ConnectionProbe", "HTTP %1").arg(status);
    }
    return out;
}

ConnectionProbeResult probeConnection(const remote::Connection& c,
                                      const std::atomic<bool>* cancel) {
    net::HttpRequest request;
    std::string error;
    if (!remote::buildRequest(c, probePath(c.kind), request, error)) {
        ConnectionProbeResult out;
        out.text = QString::fromStdString(error);
        return out;
    }
    // The answers asked for are small; a server that sends megabytes is not the API.
    request.maxResponseBytes = 8u * 1024 * 1024;
    // The user waits for this answer: one attempt, so a refusal or a 5xx shows at once.
    net::RetryPolicy once;
    once.maxRetries = 0;
    once.retryConnectionErrors = false;
    return describeProbeAnswer(c, net::send(request, once, cancel));
}

}  // namespace rootline::ui
