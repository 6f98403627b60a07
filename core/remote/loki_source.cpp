#include "remote/loki_source.h"

namespace rootline::remote {

// TODO(helper A)
LogQuery logQueryFor(const Trace&, const Connection&) {
    return {};
}
bool parseLokiStreams(std::string_view, LokiLogs&, std::string& error) {
    error = "not read yet";
    return false;
}
Remote<LokiLogs> queryTraceLogs(const Connection&, const LogQuery&, const std::atomic<bool>*) {
    Remote<LokiLogs> r;
    r.error = {RemoteErrorKind::Config, "Loki is not wired up yet"};
    return r;
}

}  // namespace rootline::remote
