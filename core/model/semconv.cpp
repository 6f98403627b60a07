#include "model/semconv.h"

namespace rootline {

namespace {

using Names = std::span<const std::string_view>;

template <size_t N>
Names names(const std::array<std::string_view, N>& a) {
    return {a.data(), a.size()};
}

constexpr std::array<std::string_view, 2> kHttpMethod{"http.request.method", "http.method"};
constexpr std::array<std::string_view, 2> kHttpStatus{"http.response.status_code",
                                                      "http.status_code"};
constexpr std::array<std::string_view, 1> kHttpRoute{"http.route"};
constexpr std::array<std::string_view, 2> kUrlFull{"url.full", "http.url"};
constexpr std::array<std::string_view, 2> kUrlPath{"url.path", "http.target"};
constexpr std::array<std::string_view, 2> kUserAgent{"user_agent.original", "http.user_agent"};
constexpr std::array<std::string_view, 2> kResend{"http.request.resend_count", "http.resend_count"};
constexpr std::array<std::string_view, 3> kServerAddress{"server.address", "net.peer.name",
                                                         "net.host.name"};
constexpr std::array<std::string_view, 3> kServerPort{"server.port", "net.peer.port",
                                                      "net.host.port"};
constexpr std::array<std::string_view, 4> kClientAddress{"client.address", "net.sock.peer.addr",
                                                         "net.peer.ip", "peer.ipv4"};
constexpr std::array<std::string_view, 1> kPeerService{"peer.service"};
constexpr std::array<std::string_view, 2> kDbSystem{"db.system.name", "db.system"};
constexpr std::array<std::string_view, 2> kDbNamespace{"db.namespace", "db.name"};
constexpr std::array<std::string_view, 2> kDbOperation{"db.operation.name", "db.operation"};
constexpr std::array<std::string_view, 2> kDbQuery{"db.query.text", "db.statement"};
constexpr std::array<std::string_view, 1> kMessagingSystem{"messaging.system"};
constexpr std::array<std::string_view, 2> kMessagingDestination{"messaging.destination.name",
                                                                "messaging.destination"};
constexpr std::array<std::string_view, 1> kRpcSystem{"rpc.system"};
constexpr std::array<std::string_view, 1> kRpcService{"rpc.service"};
constexpr std::array<std::string_view, 1> kRpcMethod{"rpc.method"};
constexpr std::array<std::string_view, 1> kGrpcStatus{"rpc.grpc.status_code"};
constexpr std::array<std::string_view, 1> kErrorType{"error.type"};
constexpr std::array<std::string_view, 1> kExceptionType{"exception.type"};
constexpr std::array<std::string_view, 2> kExceptionMessage{"exception.message", "message"};
constexpr std::array<std::string_view, 2> kExceptionStack{"exception.stacktrace", "stack"};
constexpr std::array<std::string_view, 2> kCodeFunction{"code.function.name", "code.function"};
constexpr std::array<std::string_view, 2> kCodeFilepath{"code.file.path", "code.filepath"};
constexpr std::array<std::string_view, 2> kCodeLineno{"code.line.number", "code.lineno"};
constexpr std::array<std::string_view, 1> kServiceVersion{"service.version"};

}  // namespace

std::span<const std::string_view> semconvNames(SemAttr attr) {
    switch (attr) {
        case SemAttr::HttpMethod:
            return names(kHttpMethod);
        case SemAttr::HttpStatusCode:
            return names(kHttpStatus);
        case SemAttr::HttpRoute:
            return names(kHttpRoute);
        case SemAttr::UrlFull:
            return names(kUrlFull);
        case SemAttr::UrlPath:
            return names(kUrlPath);
        case SemAttr::UserAgent:
            return names(kUserAgent);
        case SemAttr::ResendCount:
            return names(kResend);
        case SemAttr::ServerAddress:
            return names(kServerAddress);
        case SemAttr::ServerPort:
            return names(kServerPort);
        case SemAttr::ClientAddress:
            return names(kClientAddress);
        case SemAttr::PeerService:
            return names(kPeerService);
        case SemAttr::DbSystem:
            return names(kDbSystem);
        case SemAttr::DbNamespace:
            return names(kDbNamespace);
        case SemAttr::DbOperation:
            return names(kDbOperation);
        case SemAttr::DbQueryText:
            return names(kDbQuery);
        case SemAttr::MessagingSystem:
            return names(kMessagingSystem);
        case SemAttr::MessagingDestination:
            return names(kMessagingDestination);
        case SemAttr::RpcSystem:
            return names(kRpcSystem);
        case SemAttr::RpcService:
            return names(kRpcService);
        case SemAttr::RpcMethod:
            return names(kRpcMethod);
        case SemAttr::GrpcStatusCode:
            return names(kGrpcStatus);
        case SemAttr::ErrorType:
            return names(kErrorType);
        case SemAttr::ExceptionType:
            return names(kExceptionType);
        case SemAttr::ExceptionMessage:
            return names(kExceptionMessage);
        case SemAttr::ExceptionStacktrace:
            return names(kExceptionStack);
        case SemAttr::CodeFunction:
            return names(kCodeFunction);
        case SemAttr::CodeFilepath:
            return names(kCodeFilepath);
        case SemAttr::CodeLineno:
            return names(kCodeLineno);
        case SemAttr::ServiceVersion:
            return names(kServiceVersion);
        case SemAttr::Count_:
            break;
    }
    return {};
}

SemconvLookup::SemconvLookup(const Dictionary& dict) {
    for (size_t a = 0; a < ids_.size(); ++a) {
        for (std::string_view name : semconvNames(static_cast<SemAttr>(a))) {
            const StrId id = dict.strings.find(name);
            if (id != StringPool::kNotFound) ids_[a].push_back(id);
        }
    }
}

const Value* SemconvLookup::find(const Trace& trace, size_t span, SemAttr attr,
                                 bool withResource) const {
    for (StrId id : ids_[static_cast<size_t>(attr)])
        if (const Value* v = trace.findAttribute(span, id, withResource)) return v;
    return nullptr;
}

}  // namespace rootline
