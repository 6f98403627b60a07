#pragma once
// Private to core/remote: the Jaeger client (makeTraceSource makes it).
//
// Jaeger serves two APIs on its query port, and which routes exist depends on the version:
//   api_v3 traces/{id}, services, operations   since 1.53 (the hand-written HTTP gateway)
//   api_v3 trace-summaries                      since 2.19 (the light search list)
//   v1 /api/traces/{id}                         always
//   v1 search, services, operations             until 2.20 (removed on main after it)
// So each call tries api_v3 first and falls back to v1 when the route is missing; a route found
// missing is remembered per source object and not asked again. Trace bodies are returned as
// they came (formats/load reads both shapes). jaeger_source.cpp has the trace, services and
// operations; jaeger_search.cpp the search.

#include <atomic>
#include <string>
#include <vector>

#include "remote/remote_call.h"
#include "remote/search_params.h"
#include "remote/trace_source.h"

namespace rootline::remote {

class JaegerSource final : public TraceSource {
public:
    explicit JaegerSource(Connection connection);

    const Connection& connection() const override { return connection_; }
    Remote<FetchedTrace> fetchTrace(const std::string& traceId,
                                    const std::atomic<bool>* cancel) override;
    Remote<std::vector<TraceSummary>> search(const SearchQuery& query,
                                             const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> services(const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> operations(const std::string& service,
                                                const std::atomic<bool>* cancel) override;
    // Jaeger has no tag completion API: both answer an empty list.
    Remote<std::vector<std::string>> tagNames(const std::atomic<bool>* cancel) override;
    Remote<std::vector<std::string>> tagValues(const std::string& tag,
                                               const std::atomic<bool>* cancel) override;

private:
    // The search through api_v3 trace-summaries; `missing` is set (and nothing else) when the
    // route is not there.
    Remote<std::vector<TraceSummary>> searchSummaries(
        const SearchQuery& query, const std::vector<std::pair<std::string, std::string>>& tags,
        const std::atomic<bool>* cancel, bool& missing);
    // The v1 search, which answers whole traces; summarised here.
    Remote<std::vector<TraceSummary>> searchTraces(
        const SearchQuery& query, const std::vector<std::pair<std::string, std::string>>& tags,
        const std::atomic<bool>* cancel);
    // A list of names from api_v3 (`v3Path`, an array under `v3Key`) or else v1 (`v1Path`, an
    // array under "data"); items are strings or objects with a "name". Deduplicated, sorted.
    Remote<std::vector<std::string>> list(const std::string& v3Path, const char* v3Key,
                                          const std::string& v1Path, const std::string& what,
                                          const std::atomic<bool>* cancel);
    RemoteError wrongUrl(const Answer& last) const;

    const Connection connection_;
    const std::string endpoint_;
    RouteMemory v3Routes_;     // traces/{id}, services, operations (1.53+)
    RouteMemory v3Summaries_;  // trace-summaries (2.19+)
};

}  // namespace rootline::remote
