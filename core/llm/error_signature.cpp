#include "llm/error_signature.h"

#include "model/semconv.h"

namespace rootline::llm {

store::ErrorSignature errorSignature(const Trace& t, const Ranking& ranking) {
    store::ErrorSignature sig;
    if (ranking.suspects.empty() || ranking.suspects[0].span >= t.spanCount()) return sig;
    const size_t i = ranking.suspects[0].span;
    const Dictionary& dict = *t.dict;
    sig.service = std::string(t.serviceOf(i));
    sig.operation = std::string(t.nameOf(i));
    for (const Event& e : t.eventsOf(i)) {
        if (t.str(e.name) != "exception") continue;
        for (PairId p : dict.attrs.set(e.attrs)) {
            const Attribute& a = dict.attrs.pair(p);
            if (dict.str(a.key) == "exception.type") {
                sig.exceptionType = valueToString(a.value, dict.strings, dict.attrs);
                break;
            }
        }
        if (!sig.exceptionType.empty()) break;
    }
    const SemconvLookup sem(dict);
    sig.status = t.isError(i) ? "error" : "ok";
    if (const Value* v = sem.find(t, i, SemAttr::HttpStatusCode))
        sig.status += " http " + valueToString(*v, dict.strings, dict.attrs);
    else if (const Value* g = sem.find(t, i, SemAttr::GrpcStatusCode))
        sig.status += " grpc " + valueToString(*g, dict.strings, dict.attrs);
    return sig;
}

}  // namespace rootline::llm
