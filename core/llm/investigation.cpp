#include "llm/investigation.h"

#include <chrono>

#include "llm/error_signature.h"

namespace rootline::llm {

InvestigationOutcome investigate(const Trace& trace, const Ranking& ranking,
                                 const InvestigationRequest& request,
                                 store::InvestigationHistory* history,
                                 const std::atomic<bool>* cancel, Provider* provider) {
    InvestigationOutcome out;
    out.signature = errorSignature(trace, ranking);
    PackOptions pack = request.pack;
    if (history && !out.signature.empty()) {
        out.pastFixes = history->pastFixes(out.signature);
        for (const store::PastFix& f : out.pastFixes)
            pack.pastFixes.push_back({f.traceId, f.resolvedUnixMs, f.hypothesis, f.note});
    }
    const PackResult packed = buildTracepack(trace, ranking, pack);
    if (!packed.ok()) {
        out.explain.error = ModelError::BadRequest;
        out.explain.message = "no tracepack: " + packed.error;
        return out;
    }
    out.packBytes = packed.bytes;
    out.tokens = packed.tokens;
    out.explain = explainPack(out.packBytes, request.provider, cancel, provider);
    // A cancelled run is not an investigation; everything else (failures too) is recorded.
    if (!history || out.explain.error == ModelError::Cancelled) return out;
    store::Investigation inv;
    inv.createdUnixMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    inv.traceId = trace.traceIdText();
    inv.source = request.traceSource;
    inv.tracepack = out.packBytes;
    inv.provider = out.explain.provider;
    inv.model = out.explain.model;
    inv.endpoint = out.explain.endpoint;
    inv.requestMetadata = out.explain.requestMetadata;
    inv.rawResponse = out.explain.rawResponse;
    inv.verdictJson = out.explain.verdictJson;
    inv.error = out.explain.ok ? std::string() : out.explain.message;
    inv.inputTokens = out.explain.inputTokens;
    inv.outputTokens = out.explain.outputTokens;
    inv.latencyMs = out.explain.latencyMs;
    inv.hallucinations = out.explain.check.hallucinations;
    inv.signature = out.signature;
    // The key must never land in the file, whatever a server echoed back.
    if (const std::string key = request.provider.resolvedKey(); key.size() >= 8)
        history->setSecretsToRefuse({key});
    out.recordId = history->append(std::move(inv), out.historyError);
    return out;
}

}  // namespace rootline::llm
