#include "analysis/span_outcome.h"

#include <algorithm>

#include "analysis/text_match.h"
#include "model/semconv.h"

namespace rootline {

namespace {

enum class Fact : uint8_t { None, Http, Grpc, Resend, ErrorType, Peer };

// What one attribute set holds; spans share sets, so each set is read once.
struct SetFacts {
    StrId peer = kEmptyStr;  // server.address or peer.service
    int32_t http = 0;
    int32_t grpc = -1;
    int32_t resend = 0;
    bool timeoutText = false;  // error.type or similar says timeout
    bool read = false;
};

std::vector<StrId> idsOf(const Dictionary& dict, SemAttr attr) {
    std::vector<StrId> ids;
    for (std::string_view name : semconvNames(attr)) {
        const StrId id = dict.strings.find(name);
        if (id != StringPool::kNotFound) ids.push_back(id);
    }
    return ids;
}

bool contains(const std::vector<StrId>& ids, StrId id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// gRPC codes that mean the caller's request was refused as it stood.
bool grpcRejection(int32_t code) {
    switch (code) {
        case 3:   // INVALID_ARGUMENT
        case 5:   // NOT_FOUND
        case 6:   // ALREADY_EXISTS
        case 7:   // PERMISSION_DENIED
        case 9:   // FAILED_PRECONDITION
        case 11:  // OUT_OF_RANGE
        case 16:  // UNAUTHENTICATED
            return true;
        default:
            return false;
    }
}

}  // namespace

bool textSaysTimeout(std::string_view text) {
    for (std::string_view needle : {"timeout", "timed out", "time out", "deadline exceeded",
                                    "deadline_exceeded", "deadlineexceeded", "deadline expired"})
        if (containsFolded(text, needle)) return true;
    return false;
}

std::string SpanOutcomes::failureText(const Trace& t, size_t span) const {
    const StringPool& strings = t.dict->strings;
    const StrId typeKey = strings.find("exception.type");
    const StrId messageKey = strings.find("exception.message");
    for (const Event& e : t.eventsOf(span)) {
        if (t.str(e.name) != "exception") continue;
        std::string type, message;
        for (PairId p : t.dict->attrs.set(e.attrs)) {
            const Attribute& a = t.dict->attrs.pair(p);
            if (a.key == typeKey) type = valueToString(a.value, strings, t.dict->attrs);
            if (a.key == messageKey) message = valueToString(a.value, strings, t.dict->attrs);
        }
        if (!type.empty() && !message.empty()) return type + ": " + message;
        if (!type.empty() || !message.empty()) return type + message;
    }
    return std::string(t.str(t.statusMessage[span]));
}

SpanOutcomes readSpanOutcomes(const Trace& t) {
    const size_t n = t.spanCount();
    const Dictionary& dict = *t.dict;
    SpanOutcomes o;
    o.httpStatus.assign(n, 0);
    o.grpcStatus.assign(n, -1);
    o.resendCount.assign(n, 0);
    o.exceptionCount.assign(n, 0);
    o.failed.assign(n, 0);
    o.timeout.assign(n, 0);
    o.rejection.assign(n, 0);
    o.overloaded.assign(n, 0);
    o.callee.assign(n, 0);

    const std::vector<StrId> httpKeys = idsOf(dict, SemAttr::HttpStatusCode);
    const std::vector<StrId> grpcKeys = idsOf(dict, SemAttr::GrpcStatusCode);
    const std::vector<StrId> resendKeys = idsOf(dict, SemAttr::ResendCount);
    const std::vector<StrId> errorTypeKeys = idsOf(dict, SemAttr::ErrorType);
    const std::vector<StrId> messageKeys = idsOf(dict, SemAttr::ExceptionMessage);
    const std::vector<StrId> typeKeys = idsOf(dict, SemAttr::ExceptionType);
    const std::vector<StrId> addressKeys = idsOf(dict, SemAttr::ServerAddress);
    const std::vector<StrId> peerKeys = idsOf(dict, SemAttr::PeerService);
    const StrId exceptionName = dict.strings.find("exception");
    // One table lookup per attribute instead of a search through every spelling: most sets
    // are unique on a big trace, so this loop runs over millions of pairs.
    std::vector<Fact> factOfKey(dict.strings.size(), Fact::None);
    auto mark = [&](const std::vector<StrId>& ids, Fact fact) {
        for (StrId id : ids)
            if (id < factOfKey.size()) factOfKey[id] = fact;
    };
    mark(httpKeys, Fact::Http);
    mark(grpcKeys, Fact::Grpc);
    mark(resendKeys, Fact::Resend);
    mark(errorTypeKeys, Fact::ErrorType);
    mark(addressKeys, Fact::Peer);
    mark(peerKeys, Fact::Peer);

    std::vector<SetFacts> sets(dict.attrs.setCount());
    std::vector<int8_t> eventSetTimeout(dict.attrs.setCount(), -1);  // -1: not read yet
    // Status messages repeat: each distinct string is read once (-1: not read yet).
    std::vector<int8_t> timeoutText(dict.strings.size(), -1);
    auto says = [&](StrId text) {
        if (text == kEmptyStr || text >= timeoutText.size()) return false;
        if (timeoutText[text] < 0) timeoutText[text] = textSaysTimeout(dict.str(text));
        return timeoutText[text] == 1;
    };

    for (size_t i = 0; i < n; ++i) {
        SetFacts& f = sets[t.attrs[i]];
        if (!f.read) {
            f.read = true;
            for (PairId p : dict.attrs.set(t.attrs[i])) {
                const Attribute& a = dict.attrs.pair(p);
                const Fact fact = a.key < factOfKey.size() ? factOfKey[a.key] : Fact::None;
                if (fact == Fact::None) continue;
                int64_t v = 0;
                if (fact == Fact::Http && valueAsInt(a.value, dict.strings, v))
                    f.http = static_cast<int32_t>(v);
                else if (fact == Fact::Grpc && valueAsInt(a.value, dict.strings, v))
                    f.grpc = static_cast<int32_t>(v);
                else if (fact == Fact::Resend && valueAsInt(a.value, dict.strings, v))
                    f.resend = static_cast<int32_t>(v);
                else if (fact == Fact::ErrorType && a.value.type == ValueType::String)
                    f.timeoutText = says(a.value.str);
                else if (fact == Fact::Peer && a.value.type == ValueType::String &&
                         f.peer == kEmptyStr)
                    f.peer = a.value.str;
            }
        }
        o.httpStatus[i] = f.http;
        o.grpcStatus[i] = f.grpc;
        o.resendCount[i] = f.resend;

        bool timeout = f.timeoutText || says(t.statusMessage[i]) || f.grpc == 4 || f.http == 504 ||
                       f.http == 408;
        uint16_t exceptions = 0;
        if (exceptionName != StringPool::kNotFound) {
            for (const Event& e : t.eventsOf(i)) {
                if (e.name != exceptionName) continue;
                ++exceptions;
                int8_t& known = eventSetTimeout[e.attrs];
                if (known < 0) {
                    known = 0;
                    for (PairId p : dict.attrs.set(e.attrs)) {
                        const Attribute& a = dict.attrs.pair(p);
                        if ((contains(messageKeys, a.key) || contains(typeKeys, a.key)) &&
                            a.value.type == ValueType::String && says(a.value.str))
                            known = 1;
                    }
                }
                timeout |= known == 1;
            }
        }
        o.exceptionCount[i] = exceptions;
        // A server that answered with a 4xx, or a gRPC code that OpenTelemetry does not mark
        // as a server error (RESOURCE_EXHAUSTED, INVALID_ARGUMENT…), still produced the
        // failure its client records: the frontier must see it there.
        const bool answeredWithError =
            t.kind[i] == SpanKind::Server && (f.http >= 400 || f.grpc > 0);
        o.failed[i] = t.isError(i) || exceptions > 0 || answeredWithError;
        o.timeout[i] = o.failed[i] && timeout;
        const bool httpRejection = f.http >= 400 && f.http < 500 && f.http != 408 && f.http != 429;
        o.rejection[i] = httpRejection || grpcRejection(f.grpc);
        o.overloaded[i] = f.http == 429 || f.http == 503 || f.grpc == 8 || f.grpc == 14;
        if (t.kind[i] == SpanKind::Client || t.kind[i] == SpanKind::Producer) {
            for (uint32_t c : t.childrenOf(i))
                if (t.service[c] != t.service[i]) {
                    o.callee[i] = (uint64_t{1} << 32) | t.service[c];
                    break;
                }
            if (o.callee[i] == 0 && f.peer != kEmptyStr) o.callee[i] = (uint64_t{2} << 32) | f.peer;
        }
    }
    return o;
}

}  // namespace rootline
