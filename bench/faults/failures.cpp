#include "failures.h"

namespace rootline::faults {

namespace {

// How often a language's server framework records the escaping exception on the server span
// (Spring and FastAPI do nearly always; Go's otelhttp/otelgrpc never record events).
uint32_t serverRecordsException(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return 750;
        case Lang::Python:
            return 800;
        case Lang::DotNet:
            return 500;
        case Lang::Ruby:
            return 600;
        case Lang::Node:
            return 250;
        case Lang::Go:
            return 100;
        case Lang::Rust:
            return 0;
    }
    return 0;
}

// The status message an instrumentation sets for an exception (empty: none).
std::string statusMessageFor(Rng& rng, Lang lang, Kind kind, const std::string& type,
                             const std::string& message) {
    switch (lang) {
        case Lang::Java:  // the agent never sets one; hand-written spans sometimes do
            return kind == Kind::Internal && rng.chance(500) ? message : "";
        case Lang::Go:
            return rng.chance(850) ? message : "";
        case Lang::Python: {
            const size_t dot = type.rfind('.');
            return (dot == std::string::npos ? type : type.substr(dot + 1)) + ": " + message;
        }
        case Lang::Node:
            return rng.chance(800) ? message : "";
        case Lang::DotNet:
            return rng.chance(700) ? message : "";
        case Lang::Ruby:
            return "Unhandled exception of type: " + type;
        case Lang::Rust:
            return message;
    }
    return "";
}

std::string grpcClientExceptionType(Lang lang) {
    switch (lang) {
        case Lang::Java:
            return "io.grpc.StatusRuntimeException";
        case Lang::Go:
            return "*status.Error";
        case Lang::Python:
            return "grpc._channel._InactiveRpcError";
        case Lang::Node:
            return "Error";
        case Lang::DotNet:
            return "Grpc.Core.RpcException";
        case Lang::Ruby:
            return "GRPC::BadStatus";
        case Lang::Rust:
            return "tonic::Status";
    }
    return "RpcError";
}

std::string grpcClientMessage(Lang lang, int code, const std::string& desc) {
    const std::string name(grpcCodeName(code));
    switch (lang) {
        case Lang::Java:
            return name + (desc.empty() ? "" : ": " + desc);
        case Lang::Go: {
            // codes.Internal prints as "Internal": CamelCase of the constant
            std::string camel;
            bool upper = true;
            for (char c : name) {
                if (c == '_') {
                    upper = true;
                    continue;
                }
                camel.push_back(upper ? c : static_cast<char>(c - 'A' + 'a'));
                upper = false;
            }
            return "rpc error: code = " + camel + " desc = " + desc;
        }
        case Lang::Python:
            return "<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode." +
                   name + "\n\tdetails = \"" + desc + "\"\n>";
        case Lang::Node:
            return std::to_string(code) + " " + name + ": " + desc;
        case Lang::DotNet:
            return "Status(StatusCode=\"" + name + "\", Detail=\"" + desc + "\")";
        case Lang::Ruby:
            return std::to_string(code) + ":" + desc;
        case Lang::Rust:
            return "status: " + name + ", message: \"" + desc + "\"";
    }
    return desc;
}

std::pair<std::string, std::string> httpClientException(Lang lang, int code,
                                                        const std::string& url) {
    const std::string reason(httpReason(code));
    const std::string status = std::to_string(code);
    switch (lang) {
        case Lang::Java:
            return {code >= 500 ? "org.springframework.web.client.HttpServerErrorException"
                                : "org.springframework.web.client.HttpClientErrorException",
                    status + " " + reason + ": [no body]"};
        case Lang::Go:
            return {"*errors.errorString", "unexpected status " + status + " from " + url};
        case Lang::Python:
            return {"requests.exceptions.HTTPError",
                    status + (code >= 500 ? " Server Error: " : " Client Error: ") + reason +
                        " for url: " + url};
        case Lang::Node:
            return {"AxiosError", "Request failed with status code " + status};
        case Lang::DotNet:
            return {
                "System.Net.Http.HttpRequestException",
                "Response status code does not indicate success: " + status + " (" + reason + ")."};
        case Lang::Ruby:
            return {code >= 500 ? "Faraday::ServerError" : "Faraday::ClientError",
                    "the server responded with status " + status};
        case Lang::Rust:
            return {"reqwest::Error",
                    "HTTP status " + (code >= 500 ? std::string("server") : "client") + " error (" +
                        status + " " + reason + ") for url (" + url + ")"};
    }
    return {"HttpError", status};
}

std::string textAttr(const Span& s, const std::string& key) {
    const AttrValue* v = findAttr(s.attrs, key);
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
}

bool isGrpc(const Span& s) {
    return findAttr(s.attrs, "rpc.system") != nullptr;
}

// The ancestor stops where the failure reached it: later steps never start (most of the time;
// some code goes on with unrelated work, but never repeats the call that just failed — that
// would read as a retry).
void cutAfter(Builder& b, int ancestor, int child) {
    const int step = b.draft.stepOf(ancestor, child);
    if (step < 0) return;
    const bool goOn = !b.rng.chance(900);
    const Span& failed = b.draft.at(child);
    auto& steps = b.draft.at(ancestor).steps;
    for (size_t i = static_cast<size_t>(step) + 1; i < steps.size(); ++i) {
        bool repeats = false;
        for (int s : steps[i].spans)
            repeats =
                repeats || (b.draft.at(s).name == failed.name && b.draft.at(s).kind == failed.kind);
        if (goOn && !repeats) continue;
        for (int s : steps[i].spans)
            b.draft.skipSubtree(s);
    }
}

}  // namespace

bool grpcServerError(int code) {
    // UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS
    return code == 2 || code == 4 || code == 12 || code == 13 || code == 14 || code == 15;
}

std::string_view grpcCodeName(int code) {
    static const char* const kNames[] = {"OK",
                                         "CANCELLED",
                                         "UNKNOWN",
                                         "INVALID_ARGUMENT",
                                         "DEADLINE_EXCEEDED",
                                         "NOT_FOUND",
                                         "ALREADY_EXISTS",
                                         "PERMISSION_DENIED",
                                         "RESOURCE_EXHAUSTED",
                                         "FAILED_PRECONDITION",
                                         "ABORTED",
                                         "OUT_OF_RANGE",
                                         "UNIMPLEMENTED",
                                         "INTERNAL",
                                         "UNAVAILABLE",
                                         "DATA_LOSS",
                                         "UNAUTHENTICATED"};
    return code >= 0 && code <= 16 ? kNames[code] : "UNKNOWN";
}

std::string_view httpReason(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
        case 422:
            return "Unprocessable Entity";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
    }
    return "Error";
}

void recordException(Span& span, const ExceptionInfo& e, int64_t beforeEndNs) {
    Event ev;
    ev.name = "exception";
    ev.fromEnd = true;
    ev.offsetNs = beforeEndNs;
    ev.attrs.push_back({"exception.type", e.type});
    ev.attrs.push_back({"exception.message", e.message});
    if (!e.stack.empty()) ev.attrs.push_back({"exception.stacktrace", e.stack});
    span.events.push_back(std::move(ev));
}

void failWithException(Builder& b, int index, const ExceptionInfo& e, bool recordEvent) {
    Span& s = b.draft.at(index);
    const Lang lang = b.lang(index);
    s.status = Status::Error;
    s.statusMessage = statusMessageFor(b.rng, lang, s.kind, e.type, e.message);
    if (s.kind != Kind::Internal) setAttr(s.attrs, "error.type", e.type);
    if (recordEvent) recordException(s, e, b.rng.us(5, 300));
    s.failure.type = e.type;
    s.failure.message = e.message;
    s.failure.stack = e.stack;
}

void failServer(Builder& b, int index, int httpStatus, int grpcCode,
                const std::string& description) {
    Span& s = b.draft.at(index);
    if (grpcCode >= 0) {
        setAttr(s.attrs, "rpc.grpc.status_code", int64_t{grpcCode});
        if (grpcServerError(grpcCode)) {
            s.status = Status::Error;
            // grpc-java's instrumentation leaves the description out more often than not.
            s.statusMessage = b.lang(index) == Lang::Java && b.rng.chance(600) ? "" : description;
        }
    } else {
        setAttr(s.attrs, "http.response.status_code", int64_t{httpStatus});
        if (httpStatus >= 500) {
            s.status = Status::Error;
            if (!findAttr(s.attrs, "error.type"))
                setAttr(s.attrs, "error.type", std::to_string(httpStatus));
        }
    }
    s.failure.http = grpcCode >= 0 ? 0 : httpStatus;
    s.failure.grpc = grpcCode;
    s.failure.message = description;
}

void propagateFailure(Builder& b, int origin, int stopBefore) {
    Draft& d = b.draft;
    Failure cur = d.at(origin).failure;
    int child = origin;
    for (int a = d.at(origin).parent; a >= 0 && a != stopBefore; child = a, a = d.at(a).parent) {
        cutAfter(b, a, child);
        Span& A = d.at(a);
        const Span& C = d.at(child);
        const Lang lang = b.lang(a);
        const ServiceDef& svc = b.serviceOfSpan(a);
        const std::string frame(svc.internals.empty() ? std::string_view("Handler.handle")
                                                      : svc.internals[0]);
        A.status = Status::Error;
        if (A.kind == Kind::Client && C.kind == Kind::Server && C.resource != A.resource) {
            // Across processes the caller sees only the response.
            if (isGrpc(A)) {
                const int code = C.failure.grpc > 0 ? C.failure.grpc : 2;
                const std::string desc = C.failure.message;
                setAttr(A.attrs, "rpc.grpc.status_code", int64_t{code});
                A.statusMessage = lang == Lang::Java && b.rng.chance(500) ? "" : desc;
                Failure next;
                next.type = grpcClientExceptionType(lang);
                next.message = grpcClientMessage(lang, code, desc);
                next.grpc = code;
                next.timeout = code == 4;
                next.stack = stackTrace(lang, svc, next.type, next.message, frame);
                if (lang == Lang::Java && b.rng.chance(500))
                    recordException(A, {next.type, next.message, next.stack}, b.rng.us(5, 200));
                cur = next;
            } else {
                const int code = C.failure.http >= 400 ? C.failure.http : 500;
                setAttr(A.attrs, "http.response.status_code", int64_t{code});
                setAttr(A.attrs, "error.type", std::to_string(code));
                A.statusMessage = "";  // inferable from the status code: semconv says leave it out
                const auto [type, message] =
                    httpClientException(lang, code, textAttr(A, "url.full"));
                cur = Failure{type, message, code, -1, stackTrace(lang, svc, type, message, frame),
                              false};
            }
        } else if (A.kind == Kind::Server) {
            const bool escaped = !cur.type.empty();
            if (isGrpc(A)) {
                int code = 2;
                std::string desc = cur.message;
                if (cur.grpc > 0 && b.rng.chance(500)) {
                    code = cur.grpc;  // the callee's status passed through unchanged
                } else if (b.rng.chance(500)) {
                    code = 13;
                } else if (lang == Lang::Python) {
                    desc = "Exception calling application: " + cur.message;
                } else if (lang == Lang::DotNet) {
                    desc = "Exception was thrown by handler. " + cur.type + ": " + cur.message;
                } else if (lang == Lang::Java) {
                    desc = "";
                }
                failServer(b, a, 0, code, desc);
                cur.grpc = code;
                cur.message = desc.empty() ? cur.message : desc;
            } else {
                int code = 500;
                if (cur.timeout && b.rng.chance(500)) code = 504;
                if (cur.http == 503 && b.rng.chance(400)) code = 503;
                if (cur.http >= 500 && code == 500 && b.rng.chance(200)) code = 502;
                if (escaped) setAttr(d.at(a).attrs, "error.type", cur.type);
                failServer(b, a, code, -1, "");
                cur.http = code;
            }
            Span& A2 = d.at(a);
            A2.status = Status::Error;
            if (escaped && b.rng.chance(serverRecordsException(lang)))
                recordException(A2, {cur.type, cur.message, cur.stack}, b.rng.us(5, 250));
        } else {
            // In-process: the same exception passes through a hand-written span.
            if (lang == Lang::Go && !cur.message.empty()) {
                // Go wraps errors with context at each level: "reserve: <cause>".
                const std::string& n = A.name;
                cur.message = n.substr(n.rfind('.') == std::string::npos ? 0 : n.rfind('.') + 1) +
                              ": " + cur.message;
                cur.type = "*fmt.wrapError";
            }
            A.statusMessage = statusMessageFor(b.rng, lang, A.kind, cur.type, cur.message);
            if (!cur.type.empty() && b.rng.chance(550))
                recordException(A, {cur.type, cur.message, cur.stack}, b.rng.us(5, 250));
        }
        d.at(a).failure = cur;
    }
}

}  // namespace rootline::faults
