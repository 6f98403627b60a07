#pragma once
// Finds the exceptions a span records, whichever way its producer wrote them:
//  - OpenTelemetry: an event named "exception" with exception.type / .message / .stacktrace;
//  - OpenTracing / Jaeger logs: a log with event=error (read as the event's name) and fields
//    error.kind, error.object, message, stack;
//  - some SDKs and exporters: the exception.* attributes on the span itself.
// Field names come from semconvNames() (current and older spellings) plus the OpenTracing ones.

#include <QString>
#include <vector>

#include "model/trace.h"

namespace rootline::ui {

struct SpanException {
    QString type;        // "java.lang.NullPointerException"; may be empty
    QString message;     // may be empty
    QString stack;       // the stack trace as recorded, lines separated by '\n'; may be empty
    int event = -1;      // index into trace.eventsOf(span), -1 when read from span attributes
    int64_t timeNs = 0;  // the event's time; the span's start for span attributes

    // "Type: message", or whichever of the two is there.
    QString headline() const;
};

class ExceptionFinder {
public:
    // Resolves the field names in `dict` once; the finder then serves every trace of that file.
    explicit ExceptionFinder(const Dictionary& dict);

    // In event order, then the span's own attributes when they describe a further exception.
    std::vector<SpanException> find(const Trace& trace, uint32_t span) const;

private:
    enum Field { Type, Message, Object, Stack, FieldCount };
    bool isExceptionEvent(const Trace& trace, const Event& event) const;
    // Reads the fields of one attribute set; false when it has none of them.
    bool read(const Trace& trace, AttrSetId set, const std::vector<StrId> (&keys)[FieldCount],
              SpanException& out) const;

    // Keys looked for on events (lenient: Jaeger's short "message" and "stack" included).
    std::vector<StrId> eventKeys_[FieldCount];
    // Keys looked for on the span itself (strict: a span's "message" tag is no exception).
    std::vector<StrId> spanKeys_[FieldCount];
};

}  // namespace rootline::ui
