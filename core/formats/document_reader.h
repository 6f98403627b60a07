#pragma once
// Decides what a JSON document is, by its content rather than its file name, and hands it to
// the right reader. Documents that are valid JSON but not traces (OTLP logs, a Tempo search
// result, a Prometheus response…) get a message that says what they are.

#include "formats/json_scalar.h"
#include "formats/read_context.h"

namespace rootline {

enum class DocumentShape {
    Unknown,
    JaegerEnvelope,  // {data, errors, …}
    JaegerTrace,     // {traceID, spans, processes}
    JaegerSpan,      // {traceID, spanID, operationName, …}
    OtlpFamily,      // {resourceSpans} / {batches} / {trace} / {result} / {error}
    ZipkinSpan,      // {traceId, id, localEndpoint, …}
    NotTrace,
};

struct ShapeGuess {
    DocumentShape shape = DocumentShape::Unknown;
    std::string what;  // for NotTrace/Unknown: what the document is or which keys it has
};

ShapeGuess guessObjectShape(json::Element obj);

// What the elements of a "spans" array are: JaegerSpan, OtlpSpan (as DocumentShape values
// JaegerSpan and OtlpFamily), or Unknown.
DocumentShape guessSpanShape(json::Element span);

// Reads one top-level document (set ctx.docStart first).
void readDocument(json::Element root, ReadContext& ctx);
// Reads one element of a top-level array; `shape` caches the shape of its first element.
// `deferredGroup` is the array's group number when read in windows before the skeleton.
void readTopLevelElement(json::Element element, ReadContext& ctx, int& shape,
                         uint32_t deferredGroup = PendingSpan::kNoGroup);

}  // namespace rootline
