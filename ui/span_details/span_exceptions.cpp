#include "span_details/span_exceptions.h"

#include <algorithm>

#include "model/semconv.h"

namespace rootline::ui {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void addKey(const Dictionary& dict, std::vector<StrId>& keys, std::string_view name) {
    const StrId id = dict.strings.find(name);
    if (id != StringPool::kNotFound) keys.push_back(id);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

}  // namespace

QString SpanException::headline() const {
    if (type.isEmpty()) return message;
    if (message.isEmpty()) return type;
    return type + QStringLiteral(": ") + message;
}

ExceptionFinder::ExceptionFinder(const Dictionary& dict) {
    auto both = [&](Field field, std::string_view name) {
        addKey(dict, eventKeys_[field], name);
        addKey(dict, spanKeys_[field], name);
    };
    // Current spellings first: when a producer writes both, the newer one wins.
    for (std::string_view name : semconvNames(SemAttr::ExceptionType))
        both(Type, name);
    both(Type, "error.kind");  // OpenTracing
    for (std::string_view name : semconvNames(SemAttr::ExceptionMessage))
        addKey(dict, eventKeys_[Message], name);
    addKey(dict, spanKeys_[Message], semconvNames(SemAttr::ExceptionMessage)[0]);
    // OpenTracing's error.object is the exception object's text ("java.io.IOException: …");
    // shown as the message when there is no other.
    both(Object, "error.object");
    for (std::string_view name : semconvNames(SemAttr::ExceptionStacktrace))
        addKey(dict, eventKeys_[Stack], name);
    addKey(dict, spanKeys_[Stack], semconvNames(SemAttr::ExceptionStacktrace)[0]);
}

bool ExceptionFinder::isExceptionEvent(const Trace& trace, const Event& event) const {
    const std::string_view name = trace.str(event.name);
    if (equalsIgnoringCase(name, "exception") || equalsIgnoringCase(name, "error")) return true;
    // A log without the name but with the fields (some Jaeger clients omit event=error).
    for (PairId p : trace.dict->attrs.set(event.attrs)) {
        const StrId key = trace.dict->attrs.pair(p).key;
        for (Field f : {Type, Object, Stack})
            if (std::find(eventKeys_[f].begin(), eventKeys_[f].end(), key) != eventKeys_[f].end())
                return true;
    }
    return false;
}

bool ExceptionFinder::read(const Trace& trace, AttrSetId set,
                           const std::vector<StrId> (&keys)[FieldCount], SpanException& out) const {
    const Dictionary& dict = *trace.dict;
    QString fields[FieldCount];
    size_t rank[FieldCount];  // position of the key that gave the field: lower is newer
    std::fill(std::begin(rank), std::end(rank), SIZE_MAX);
    bool any = false;
    for (PairId p : dict.attrs.set(set)) {
        const Attribute& a = dict.attrs.pair(p);
        for (int f = 0; f < FieldCount; ++f) {
            const auto it = std::find(keys[f].begin(), keys[f].end(), a.key);
            if (it == keys[f].end()) continue;
            const size_t r = size_t(it - keys[f].begin());
            if (r < rank[f]) {
                rank[f] = r;
                fields[f] = qs(valueToString(a.value, dict.strings, dict.attrs));
                any = true;
            }
        }
    }
    if (!any) return false;
    out.type = fields[Type];
    out.message = fields[Message].isEmpty() ? fields[Object] : fields[Message];
    out.stack = fields[Stack];
    return true;
}

std::vector<SpanException> ExceptionFinder::find(const Trace& trace, uint32_t span) const {
    std::vector<SpanException> found;
    const std::span<const Event> events = trace.eventsOf(span);
    for (size_t i = 0; i < events.size(); ++i) {
        if (!isExceptionEvent(trace, events[i])) continue;
        SpanException e;
        read(trace, events[i].attrs, eventKeys_, e);  // an empty "exception" event still counts
        e.event = int(i);
        e.timeNs = events[i].timeNs;
        found.push_back(std::move(e));
    }
    SpanException own;
    if (read(trace, trace.attrs[span], spanKeys_, own)) {
        own.timeNs = trace.start[span];
        // Exporters that copy the event's fields onto the span would show it twice.
        const bool repeated = std::any_of(found.begin(), found.end(), [&](const SpanException& e) {
            return e.type == own.type && e.message == own.message;
        });
        if (!repeated) found.push_back(std::move(own));
    }
    return found;
}

}  // namespace rootline::ui
