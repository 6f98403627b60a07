#pragma once
// Asking a trace store for traces: one interface over Jaeger (jaeger_source.cpp) and Grafana
// Tempo (tempo_source.cpp), each speaking every API version still deployed. The clients return
// response bodies as they came; formats/load reads every shape they can be (Jaeger v1 and
// api_v3, Tempo v1 "batches" and v2 "trace", base64 or hex ids).
//
// Every call blocks its thread on the network: call from a worker, never the GUI thread. Each
// takes a cancel flag (may be null), honoured within ~100 ms.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "remote/connection.h"
#include "remote/remote_error.h"

namespace rootline::remote {

// One row of a search result.
struct TraceSummary {
    std::string traceId;  // 32 lowercase hex digits (left-padded, whatever the server sent)
    std::string rootService;
    std::string rootOperation;
    int64_t startUnixUs = 0;
    int64_t durationUs = 0;
    int64_t spanCount = -1;   // -1 when the server did not say
    int64_t errorCount = -1;  // spans with an error; -1 when the server did not say
    std::vector<std::string> services;
};

struct SearchQuery {
    int64_t startUnixUs = 0;  // the time range; 0 and 0 mean the last hour
    int64_t endUnixUs = 0;
    int limit = 20;
    // Jaeger
    std::string service;      // required by Jaeger
    std::string operation;    // optional
    std::string tags;         // logfmt, as in Jaeger UI: error=true http.status_code=500
    std::string minDuration;  // Go durations: 100ms, 1.5s, 500us
    std::string maxDuration;
    // Tempo
    std::string traceQl;  // e.g. { status = error }; empty means {}
    int spansPerSpanSet = 3;
};

struct FetchedTrace {
    std::string body;     // loadable by formats/load
    std::string traceId;  // 32 lowercase hex
    std::string api;      // which API answered, e.g. "api_v3", "v1", "tempo v2", "tempo v1"
    std::vector<std::string> warnings;  // e.g. "Tempo returned a partial trace: Trace exceeds…"
};

template <typename T>
struct Remote {
    T value{};
    RemoteError error;
    bool ok() const { return error.ok(); }
};

class TraceSource {
public:
    virtual ~TraceSource() = default;
    virtual const Connection& connection() const = 0;

    // The trace with this id (any form parseTraceIdStrict accepts). NotFound when the server
    // has no such trace.
    virtual Remote<FetchedTrace> fetchTrace(const std::string& traceId,
                                            const std::atomic<bool>* cancel) = 0;
    // Newest first.
    virtual Remote<std::vector<TraceSummary>> search(const SearchQuery& query,
                                                     const std::atomic<bool>* cancel) = 0;
    // Jaeger: the services list. Tempo: the values of resource.service.name. Sorted.
    virtual Remote<std::vector<std::string>> services(const std::atomic<bool>* cancel) = 0;
    // Jaeger: the operations of a service. Tempo: the span names (values of `name`). Sorted.
    virtual Remote<std::vector<std::string>> operations(const std::string& service,
                                                        const std::atomic<bool>* cancel) = 0;
    // Completion for a query editor. Jaeger: empty. Tempo: TraceQL identifiers from
    // /api/v2/search/tags, scoped ("resource.service.name", "span.http.method", "name"…).
    virtual Remote<std::vector<std::string>> tagNames(const std::atomic<bool>* cancel) = 0;
    // Tempo: values of one TraceQL identifier from /api/v2/search/tag/{tag}/values, with strings
    // quoted as TraceQL wants them ("\"frontend\"") and other types bare. Jaeger: empty.
    virtual Remote<std::vector<std::string>> tagValues(const std::string& tag,
                                                       const std::atomic<bool>* cancel) = 0;
};

// The client for a Jaeger or Tempo connection; null for other kinds.
std::unique_ptr<TraceSource> makeTraceSource(const Connection& connection);

}  // namespace rootline::remote
