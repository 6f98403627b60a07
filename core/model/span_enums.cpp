#include "model/span_enums.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace rootline {

namespace {
std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}
std::string_view stripPrefix(std::string_view text, std::string_view prefix) {
    if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix)
        return text.substr(prefix.size());
    return text;
}
}  // namespace

std::optional<bool> boolFromText(std::string_view t) {
    if (t == "true" || t == "True" || t == "TRUE" || t == "1") return true;
    if (t == "false" || t == "False" || t == "FALSE" || t == "0") return false;
    return std::nullopt;
}

std::string_view kindName(SpanKind kind) {
    switch (kind) {
        case SpanKind::Unspecified:
            return "";
        case SpanKind::Internal:
            return "internal";
        case SpanKind::Server:
            return "server";
        case SpanKind::Client:
            return "client";
        case SpanKind::Producer:
            return "producer";
        case SpanKind::Consumer:
            return "consumer";
    }
    return "";
}

std::string_view statusName(StatusCode status) {
    switch (status) {
        case StatusCode::Unset:
            return "unset";
        case StatusCode::Ok:
            return "ok";
        case StatusCode::Error:
            return "error";
    }
    return "unset";
}

std::string_view refTypeName(RefType type) {
    switch (type) {
        case RefType::ChildOf:
            return "child_of";
        case RefType::FollowsFrom:
            return "follows_from";
        case RefType::Link:
            return "link";
    }
    return "link";
}

SpanKind kindFromOtlpNumber(int64_t n) {
    switch (n) {
        case 1:
            return SpanKind::Internal;
        case 2:
            return SpanKind::Server;
        case 3:
            return SpanKind::Client;
        case 4:
            return SpanKind::Producer;
        case 5:
            return SpanKind::Consumer;
        default:
            return SpanKind::Unspecified;
    }
}

SpanKind parseKind(std::string_view text) {
    // The spellings producers actually send, without allocating.
    if (text == "server") return SpanKind::Server;
    if (text == "client") return SpanKind::Client;
    if (text == "internal") return SpanKind::Internal;
    if (text == "producer") return SpanKind::Producer;
    if (text == "consumer") return SpanKind::Consumer;
    if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0])))
        return kindFromOtlpNumber(text[0] - '0');
    const std::string lower = lowerAscii(text);
    const std::string_view k = stripPrefix(lower, "span_kind_");
    if (k == "server") return SpanKind::Server;
    if (k == "client") return SpanKind::Client;
    if (k == "producer") return SpanKind::Producer;
    if (k == "consumer") return SpanKind::Consumer;
    if (k == "internal") return SpanKind::Internal;
    return SpanKind::Unspecified;
}

StatusCode statusFromOtlpNumber(int64_t n) {
    switch (n) {
        case 1:
            return StatusCode::Ok;
        case 2:
            return StatusCode::Error;
        default:
            return StatusCode::Unset;
    }
}

StatusCode parseStatus(std::string_view text) {
    if (text == "ERROR" || text == "STATUS_CODE_ERROR") return StatusCode::Error;
    if (text == "OK" || text == "STATUS_CODE_OK") return StatusCode::Ok;
    if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0])))
        return statusFromOtlpNumber(text[0] - '0');
    const std::string lower = lowerAscii(text);
    const std::string_view s = stripPrefix(lower, "status_code_");
    if (s == "error") return StatusCode::Error;
    if (s == "ok") return StatusCode::Ok;
    return StatusCode::Unset;
}

}  // namespace rootline
