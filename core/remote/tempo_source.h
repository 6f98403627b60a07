#pragma once
// Private to core/remote: the Grafana Tempo client (makeTraceSource makes it).
//
// Tempo's routes by version:
//   /api/v2/traces/{id}              since 2.6 ({"trace":…,"status":"PARTIAL","message":…})
//   /api/traces/{id}                 always ({"batches":[…]})
//   /api/v2/search/tags, tag values  scoped TraceQL identifiers, typed values
//   /api/search/tags, tag values     unscoped names, string values
//   /api/search                      TraceQL (or tags) search
// Each call tries the v2 route first and falls back when it is missing (Go's "404 page not
// found", where Tempo's own not-found is a 404 with an empty body); a route found missing is
// remembered per source object. tempo_source.cpp has the trace; tempo_search.cpp the search;
// tempo_tags.cpp tag names and values, services and operations (which are tag values).

#include <atomic>
#include <string>
#include <vector>

#include "remote/remote_call.h"
#include "remote/trace_source.h"

namespace rootline::remote {

class TempoSource final : public TraceSource {
public:
    explicit TempoSource(Connection connection);

    const Connection& connection() const override { return connection_; }
    Remote<FetchedTrace> fetchTrace(const std::string& traceId,
                                    const std::atomic<bool>* cancel) override;
    Remote<std::vector<TraceSummary>> search(const SearchQuery& query,
                                             const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> services(const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> operations(const std::string& service,
                                                const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> tagNames(const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> tagValues(const std::string& tag,
                                               const std::atomic<bool>* cancel) override;

private:
    struct TagValue {
        std::string type;  // "string", "int", "keyword", "duration", …
        std::string value;
    };
    // The values of a TraceQL identifier, filtered by the TraceQL `filter` when not empty, from
    // /api/v2/search/tag/{tag}/values; when that route is missing and `unscopedFallback`, from
    // /api/search/tag/{tag without its scope}/values (strings only, no filter), else an empty
    // list.
    Remote<std::vector<TagValue>> values(const std::string& tag, const std::string& filter,
                                         bool unscopedFallback, const std::string& what,
                                         const std::atomic<bool>* cancel);
    RemoteError wrongUrl(const Answer& last) const;

    const Connection connection_;
    const std::string endpoint_;
    RouteMemory v2Traces_;  // /api/v2/traces (2.6+)
    RouteMemory v2Tags_;    // /api/v2/search/tags and tag values
};

}  // namespace rootline::remote
