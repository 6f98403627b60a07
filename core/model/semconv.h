#pragma once
// OpenTelemetry semantic-convention attributes under their current and older names.
//
// Producers of different ages name the same fact differently (`http.method` before 1.21,
// `http.request.method` after; `db.statement` → `db.query.text`, `net.peer.name` →
// `server.address`…). Analyses ask for the fact, not a spelling: SemconvLookup tries the
// current name first, then the older ones, and the raw attributes stay as the producer wrote
// them for display and search.

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "model/trace.h"

namespace rootline {

enum class SemAttr {
    HttpMethod,
    HttpStatusCode,
    HttpRoute,
    UrlFull,
    UrlPath,
    UserAgent,
    ResendCount,
    ServerAddress,
    ServerPort,
    ClientAddress,
    PeerService,
    DbSystem,
    DbNamespace,
    DbOperation,
    DbQueryText,
    MessagingSystem,
    MessagingDestination,
    RpcSystem,
    RpcService,
    RpcMethod,
    GrpcStatusCode,
    ErrorType,
    ExceptionType,
    ExceptionMessage,
    ExceptionStacktrace,
    CodeFunction,
    CodeFilepath,
    CodeLineno,
    ServiceVersion,
    Count_
};

// Every accepted spelling, current first.
std::span<const std::string_view> semconvNames(SemAttr attr);

// Resolves the names to ids in one dictionary once, then looks attributes up by fact.
class SemconvLookup {
public:
    explicit SemconvLookup(const Dictionary& dict);
    // The span's value for the fact (then its resource's, when `withResource`), or null.
    const Value* find(const Trace& trace, size_t span, SemAttr attr,
                      bool withResource = false) const;

private:
    std::array<std::vector<StrId>, static_cast<size_t>(SemAttr::Count_)> ids_;
};

}  // namespace rootline
