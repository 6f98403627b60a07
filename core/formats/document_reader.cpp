#include "formats/document_reader.h"

#include "formats/jaeger_reader.h"
#include "formats/otlp_reader.h"
#include "formats/zipkin_reader.h"

namespace rootline {

using json::Element;
using json::ElementType;

namespace {

ShapeGuess notTrace(std::string what) {
    return {DocumentShape::NotTrace, std::move(what)};
}

void readAs(DocumentShape shape, Element obj, ReadContext& ctx, uint32_t deferredGroup) {
    switch (shape) {
        case DocumentShape::JaegerEnvelope:
            readJaegerEnvelope(obj, ctx);
            break;
        case DocumentShape::JaegerTrace:
            readJaegerTraceObject(obj, ctx);
            break;
        case DocumentShape::JaegerSpan:
            ctx.formats.insert("Jaeger JSON");
            readJaegerSpan(obj, ctx, nullptr, deferredGroup);
            break;
        case DocumentShape::OtlpFamily:
            readOtlpEnvelope(obj, ctx, "OTLP JSON");
            break;
        case DocumentShape::ZipkinSpan:
            readZipkinSpan(obj, ctx, deferredGroup);
            break;
        default:
            break;
    }
}

[[noreturn]] void rejectShape(const ShapeGuess& guess, size_t docStart) {
    if (guess.shape == DocumentShape::NotTrace)
        throw FormatError("not a trace: this is " + guess.what, docStart);
    throw FormatError(
        "not a recognised trace format (expected Jaeger, OTLP, Tempo or Zipkin "
        "JSON); " +
            guess.what,
        docStart);
}

ShapeGuess guessElementShape(Element e) {
    if (json::isObject(e)) return guessObjectShape(e);
    return {DocumentShape::Unknown,
            "its first element is " + std::string(json::typeName(e.type())) + ", not an object"};
}

}  // namespace

// The value of "data" in a Jaeger API envelope: one trace, a list of traces, or null on error.
// Prometheus, Loki and GraphQL responses also have a "data" key, holding something else.
bool looksLikeJaegerTrace(Element e) {
    if (!json::isObject(e)) return false;
    for (auto kv : json::objectOf(e))
        if ((kv.key == "spans" && json::isArray(kv.value)) ||
            (kv.key == "processes" && json::isObject(kv.value)))
            return true;
    return false;
}

bool looksLikeJaegerData(Element v) {
    switch (v.type()) {
        case ElementType::NULL_VALUE:
            return true;
        case ElementType::OBJECT:
            return looksLikeJaegerTrace(v);
        case ElementType::ARRAY: {
            auto a = json::arrayOf(v);
            return a.size() == 0 || looksLikeJaegerTrace(a.at(0).value_unsafe());
        }
        default:
            return false;
    }
}

ShapeGuess guessObjectShape(Element obj) {
    bool sawTraceId = false;
    bool sawOtherData = false;  // a "data" key that is not Jaeger's
    std::string keys;
    int keyCount = 0;
    for (auto kv : json::objectOf(obj)) {
        const std::string_view k = kv.key;
        if (keyCount < 6) keys += (keys.empty() ? "" : ", ") + std::string(k.substr(0, 40));
        ++keyCount;
        // Keys decide only with the JSON type a trace would give them, so {"errors": 1} or
        // {"spans": {…}} (a coverage report) is not mistaken for a trace.
        const ElementType t = kv.value.type();
        const bool isArr = t == ElementType::ARRAY;
        const bool isObj = t == ElementType::OBJECT;
        const bool isNull = t == ElementType::NULL_VALUE;
        if (k == "data") {
            if (looksLikeJaegerData(kv.value)) return {DocumentShape::JaegerEnvelope, {}};
            sawOtherData = true;
        }
        if (k == "errors" && (isArr || isNull) && !sawOtherData)
            return {DocumentShape::JaegerEnvelope, {}};
        if ((k == "spans" && isArr) || (k == "processes" && isObj))
            return {DocumentShape::JaegerTrace, {}};
        if (k == "spanID" || k == "operationName" || k == "processID" ||
            (k == "process" && isObj) || (k == "references" && isArr) || k == "parentSpanID")
            return {DocumentShape::JaegerSpan, {}};
        if (((k == "resourceSpans" || k == "resource_spans" || k == "batches") && isArr) ||
            ((k == "trace" || k == "result") && isObj) || (k == "error" && isObj))
            return {DocumentShape::OtlpFamily, {}};
        if ((k == "id" && t == ElementType::STRING) || (k == "localEndpoint" && isObj) ||
            (k == "remoteEndpoint" && isObj) || (k == "annotations" && isArr) || k == "parentId")
            return {DocumentShape::ZipkinSpan, {}};
        if (k == "traceID") sawTraceId = true;
        if (k == "resourceLogs" || k == "resource_logs")
            return notTrace("an OTLP logs file (resourceLogs), not a trace");
        if (k == "resourceMetrics" || k == "resource_metrics")
            return notTrace("an OTLP metrics file (resourceMetrics), not a trace");
        if (k == "traces")
            return notTrace(
                "a Tempo search result: it lists matching traces but holds no "
                "spans; open one of them by trace id");
        if (k == "summaries")
            return notTrace(
                "a Jaeger trace-summaries search result: it holds no spans; open "
                "one of the traces by id");
        if (k == "services" || k == "operations")
            return notTrace("a Jaeger services or operations list");
        if (k == "tagNames" || k == "tagValues" || k == "scopes")
            return notTrace("a Tempo tag list");
        if (k == "status") {
            const std::string_view s = json::text(kv.value);
            if (s == "success" || s == "error")
                return notTrace("a Prometheus or Loki API response");
            if (s == "PARTIAL" || s == "COMPLETE") return {DocumentShape::OtlpFamily, {}};
        }
    }
    if (sawTraceId) return {DocumentShape::JaegerTrace, {}};
    if (keyCount == 0) return {DocumentShape::Unknown, "the object is empty"};
    return {DocumentShape::Unknown, "its fields are " + keys + (keyCount > 6 ? ", …" : "")};
}

void readDocument(Element root, ReadContext& ctx) {
    const ElementType type = root.type();
    if (type == ElementType::OBJECT) {
        const ShapeGuess guess = guessObjectShape(root);
        if (guess.shape == DocumentShape::Unknown || guess.shape == DocumentShape::NotTrace)
            rejectShape(guess, ctx.docStart);
        readAs(guess.shape, root, ctx, PendingSpan::kNoGroup);
        return;
    }
    if (type != ElementType::ARRAY)
        throw FormatError(std::string("not a trace: expected a JSON object or array, found ") +
                              json::typeName(type),
                          ctx.docStart);
    auto array = json::arrayOf(root);
    if (ctx.topLevelArrayIsGroup) {
        // The skeleton "[N]": the array's elements were read in windows as group N.
        GroupContext group;
        group.kind = GroupContext::Kind::TopLevel;
        for (Element item : array)
            if (auto index = json::integer(item)) ctx.claimGroup(*index, group);
        return;
    }
    if (array.size() == 0) return;  // "[]": a valid answer with no traces in it
    int shape = -1;
    for (Element item : array)
        readTopLevelElement(item, ctx, shape);
}

void readTopLevelElement(Element element, ReadContext& ctx, int& shape, uint32_t deferredGroup) {
    if (shape < 0) {
        const ShapeGuess guess = guessElementShape(element);
        if (guess.shape == DocumentShape::Unknown || guess.shape == DocumentShape::NotTrace)
            rejectShape(guess, ctx.docStart);
        shape = static_cast<int>(guess.shape);
    }
    if (!json::isObject(element)) return;
    readAs(static_cast<DocumentShape>(shape), element, ctx, deferredGroup);
}

DocumentShape guessSpanShape(Element span) {
    if (!json::isObject(span)) return DocumentShape::Unknown;
    for (auto kv : json::objectOf(span)) {
        const std::string_view k = kv.key;
        if (k == "spanID" || k == "operationName" || k == "processID" || k == "references")
            return DocumentShape::JaegerSpan;
        if (k == "spanId" || k == "span_id" || k == "startTimeUnixNano" ||
            k == "start_time_unix_nano" || k == "parentSpanId" || k == "endTimeUnixNano")
            return DocumentShape::OtlpFamily;
    }
    return DocumentShape::Unknown;
}

}  // namespace rootline
