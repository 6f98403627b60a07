#include "model/trace.h"

#include <algorithm>

#include "util/format.h"

namespace rootline {

size_t Dictionary::memoryBytes() const {
    return strings.memoryBytes() + attrs.memoryBytes() + resources.capacity() * sizeof(Resource) +
           scopes.capacity() * sizeof(Scope);
}

std::span<const SpanWarning> Trace::warningsOf(size_t i) const {
    if (!(flags[i] & kHasWarnings)) return {};
    auto lo = std::lower_bound(warnings.begin(), warnings.end(), i,
                               [](const SpanWarning& w, size_t s) { return w.span < s; });
    auto hi = lo;
    while (hi != warnings.end() && hi->span == i)
        ++hi;
    return {warnings.data() + (lo - warnings.begin()), static_cast<size_t>(hi - lo)};
}

namespace {
const std::pair<uint32_t, StrId>* findText(const std::vector<std::pair<uint32_t, StrId>>& texts,
                                           size_t span) {
    auto it = std::lower_bound(
        texts.begin(), texts.end(), static_cast<uint32_t>(span),
        [](const std::pair<uint32_t, StrId>& p, uint32_t s) { return p.first < s; });
    return it != texts.end() && it->first == span ? &*it : nullptr;
}
}  // namespace

std::string Trace::spanIdText(size_t i) const {
    if (flags[i] & kOpaqueId)
        if (auto* t = findText(opaqueSpanIds, i)) return std::string(str(t->second));
    return toHex(spanId[i]);
}

std::string Trace::parentIdText(size_t i) const {
    if (auto* t = findText(opaqueParentIds, i)) return std::string(str(t->second));
    return toHex(parentId[i]);
}

const Value* Trace::findAttribute(size_t i, StrId key, bool withResource) const {
    for (PairId p : attributesOf(i)) {
        const Attribute& a = dict->attrs.pair(p);
        if (a.key == key) return &a.value;
    }
    if (withResource) {
        for (PairId p : dict->attrs.set(resourceOf(i).attrs)) {
            const Attribute& a = dict->attrs.pair(p);
            if (a.key == key) return &a.value;
        }
    }
    return nullptr;
}

size_t Trace::memoryBytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    size_t n = bytes(start) + bytes(duration) + bytes(spanId) + bytes(parentId) + bytes(parent) +
               bytes(depth) + bytes(name) + bytes(resource) + bytes(service) + bytes(scope) +
               bytes(kind) + bytes(status) + bytes(flags) + bytes(statusMessage) + bytes(attrs) +
               bytes(selfTime) + bytes(eventOffset) + bytes(linkOffset) + bytes(childOffset) +
               bytes(children) + bytes(events) + bytes(links) + bytes(warnings) +
               bytes(opaqueSpanIds) + bytes(opaqueParentIds) + bytes(roots) + bytes(services);
    for (const auto& w : traceWarnings)
        n += w.capacity();
    return n;
}

std::string warningText(const Trace& trace, const SpanWarning& w) {
    switch (w.code) {
        case WarningCode::MissingParent:
            return "parent span " + trace.parentIdText(w.span) +
                   " is not in this trace; shown as an extra root";
        case WarningCode::DuplicateId:
            return "span id " + trace.spanIdText(w.span) + " is used by " +
                   std::to_string(w.value) + " spans in this trace";
        case WarningCode::ParentCycle:
            if (w.value == 1) return "names itself as its parent; shown as a root";
            return "parent references form a cycle of " + std::to_string(w.value) +
                   " spans; the cycle was cut here and this span is shown as a root";
        case WarningCode::StartsBeforeParent:
            return "starts " + formatDuration(w.value) +
                   " before its parent (clock skew between hosts?)";
        case WarningCode::EndsAfterParent:
            return "ends " + formatDuration(w.value) +
                   " after its parent (clock skew, or work the parent did not wait for?)";
        case WarningCode::NegativeDuration:
            return "negative duration (" + formatDuration(w.value) +
                   "): ends before it starts; drawn as zero";
        case WarningCode::ZeroDuration:
            return "zero duration";
        case WarningCode::Source:
        case WarningCode::BadField:
            return std::string(trace.str(w.text));
    }
    return {};
}

size_t TraceFile::spanCount() const {
    size_t n = 0;
    for (const auto& t : traces)
        n += t->spanCount();
    return n;
}

}  // namespace rootline
