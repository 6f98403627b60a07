#include "remote/trace_source.h"

#include "remote/jaeger_source.h"
#include "remote/tempo_source.h"

namespace rootline::remote {

std::unique_ptr<TraceSource> makeTraceSource(const Connection& connection) {
    switch (connection.kind) {
        case SourceKind::Jaeger:
            return std::make_unique<JaegerSource>(connection);
        case SourceKind::Tempo:
            return std::make_unique<TempoSource>(connection);
        case SourceKind::Loki:
        case SourceKind::Prometheus:
            break;
    }
    return nullptr;
}

}  // namespace rootline::remote
