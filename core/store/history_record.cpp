#include "store/history_record.h"

#include <nlohmann/json.hpp>

#include "util/sha256.h"

namespace rootline::store::record {

namespace {

using nlohmann::json;

std::string dumpCanonical(const json& doc) {
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

json envelope(std::string_view kind, int64_t seq, int64_t createdUnixMs) {
    json doc = json::object();
    doc["v"] = kFormatVersion;
    doc["kind"] = kind;
    doc["seq"] = seq;
    doc["created_unix_ms"] = createdUnixMs;
    return doc;
}

std::optional<json> parseObject(std::string_view bytes) {
    json doc = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    return doc;
}

// Reads member `key` into `into` when present; false when it is present with the wrong type.
// Absent members keep their defaults, so a record of a later format with fewer members still
// reads; the ones the chain depends on are required in readEnvelope().
bool read(const json& doc, const char* key, std::string& into) {
    const auto it = doc.find(key);
    if (it == doc.end()) return true;
    if (!it->is_string()) return false;
    into = it->get<std::string>();
    return true;
}

template <typename Int>
bool read(const json& doc, const char* key, Int& into) {
    const auto it = doc.find(key);
    if (it == doc.end()) return true;
    if (!it->is_number_integer()) return false;
    into = it->get<Int>();
    return true;
}

}  // namespace

std::string encode(const Investigation& inv, int64_t seq) {
    json doc = envelope(kInvestigation, seq, inv.createdUnixMs);
    doc["trace_id"] = inv.traceId;
    doc["source"] = inv.source;
    doc["tracepack"] = inv.tracepack;
    doc["provider"] = inv.provider;
    doc["model"] = inv.model;
    doc["endpoint"] = inv.endpoint;
    doc["request_metadata"] = inv.requestMetadata;
    doc["raw_response"] = inv.rawResponse;
    doc["verdict_json"] = inv.verdictJson;
    doc["error"] = inv.error;
    doc["input_tokens"] = inv.inputTokens;
    doc["output_tokens"] = inv.outputTokens;
    doc["latency_ms"] = inv.latencyMs;
    doc["hallucinations"] = inv.hallucinations;
    doc["signature"] = {{"service", inv.signature.service},
                        {"operation", inv.signature.operation},
                        {"exception_type", inv.signature.exceptionType},
                        {"status", inv.signature.status}};
    return dumpCanonical(doc);
}

std::string encode(const Resolution& res, int64_t seq) {
    json doc = envelope(kResolution, seq, res.createdUnixMs);
    doc["investigation_id"] = res.investigationId;
    doc["note"] = res.note;
    return dumpCanonical(doc);
}

std::string chainHash(std::string_view prevHash, std::string_view canonical) {
    Sha256 h;
    h.update(prevHash);
    h.update(canonical);
    return h.hexDigest();
}

namespace {

bool fromJson(const json& doc, Investigation& inv) {
    std::string kind;
    bool ok =
        read(doc, "kind", kind) && kind == kInvestigation && read(doc, "seq", inv.id) &&
        read(doc, "created_unix_ms", inv.createdUnixMs) && read(doc, "trace_id", inv.traceId) &&
        read(doc, "source", inv.source) && read(doc, "tracepack", inv.tracepack) &&
        read(doc, "provider", inv.provider) && read(doc, "model", inv.model) &&
        read(doc, "endpoint", inv.endpoint) && read(doc, "request_metadata", inv.requestMetadata) &&
        read(doc, "raw_response", inv.rawResponse) && read(doc, "verdict_json", inv.verdictJson) &&
        read(doc, "error", inv.error) && read(doc, "input_tokens", inv.inputTokens) &&
        read(doc, "output_tokens", inv.outputTokens) && read(doc, "latency_ms", inv.latencyMs) &&
        read(doc, "hallucinations", inv.hallucinations);
    if (!ok) return false;
    const auto sig = doc.find("signature");
    if (sig == doc.end()) return true;
    return sig->is_object() && read(*sig, "service", inv.signature.service) &&
           read(*sig, "operation", inv.signature.operation) &&
           read(*sig, "exception_type", inv.signature.exceptionType) &&
           read(*sig, "status", inv.signature.status);
}

bool fromJson(const json& doc, Resolution& res) {
    std::string kind;
    return read(doc, "kind", kind) && kind == kResolution && read(doc, "seq", res.id) &&
           read(doc, "created_unix_ms", res.createdUnixMs) &&
           read(doc, "investigation_id", res.investigationId) && read(doc, "note", res.note);
}

}  // namespace

std::optional<Envelope> readEnvelope(std::string_view bytes) {
    const std::optional<json> doc = parseObject(bytes);
    if (!doc || !doc->contains("kind") || !doc->contains("seq") ||
        !doc->contains("created_unix_ms"))
        return std::nullopt;
    Envelope e;
    if (!read(*doc, "kind", e.kind) || !read(*doc, "seq", e.seq) ||
        !read(*doc, "created_unix_ms", e.createdUnixMs))
        return std::nullopt;
    if (e.kind == kInvestigation) {
        Investigation inv;
        if (!fromJson(*doc, inv)) return std::nullopt;
        if (!inv.signature.empty()) e.signatureKey = inv.signature.key();
    } else if (e.kind == kResolution) {
        Resolution res;
        if (!doc->contains("investigation_id") || !fromJson(*doc, res)) return std::nullopt;
        e.investigationId = res.investigationId;
    } else {
        return std::nullopt;
    }
    return e;
}

std::optional<Investigation> decodeInvestigation(std::string_view bytes) {
    const std::optional<json> doc = parseObject(bytes);
    Investigation inv;
    if (!doc || !fromJson(*doc, inv)) return std::nullopt;
    return inv;
}

std::optional<Resolution> decodeResolution(std::string_view bytes) {
    const std::optional<json> doc = parseObject(bytes);
    Resolution res;
    if (!doc || !fromJson(*doc, res)) return std::nullopt;
    return res;
}

std::optional<VerdictGist> verdictGist(std::string_view verdictJson) {
    if (verdictJson.empty()) return std::nullopt;
    const std::optional<json> doc = parseObject(verdictJson);
    if (!doc) return std::nullopt;
    VerdictGist gist;
    if (const auto h = doc->find("hypothesis"); h != doc->end() && h->is_string())
        gist.hypothesis = h->get<std::string>();
    if (const auto c = doc->find("confidence"); c != doc->end() && c->is_number())
        gist.confidence = c->get<double>();
    return gist;
}

}  // namespace rootline::store::record
