#include "analysis/contention.h"

#include "analysis/text_match.h"

#include <unordered_map>

namespace rootline {

namespace {

// Words for waiting on or being refused by a shared resource. "wait" alone is too common in
// names ("await"), so it only counts in attribute keys (…connection.wait_time).
constexpr std::string_view kTextWords[] = {"pool exhausted",
                                           "pool is exhausted",
                                           "connection pool",
                                           "too many connections",
                                           "too many requests",
                                           "lock wait",
                                           "deadlock",
                                           "lock timeout",
                                           "could not obtain lock",
                                           "queue full",
                                           "queue is full",
                                           "backpressure",
                                           "back-pressure",
                                           "throttl",
                                           "rate limit",
                                           "ratelimit",
                                           "resource exhausted",
                                           "resource_exhausted",
                                           "overloaded",
                                           "contention",
                                           "semaphore",
                                           "mutex",
                                           "no available connection",
                                           "server busy"};
constexpr std::string_view kNameWords[] = {"acquire", "lock",       "semaphore", "mutex",
                                           "pool",    "queue wait", "throttl"};
constexpr std::string_view kKeyWords[] = {"pool",    "lock",        "wait",       "semaphore",
                                          "pending", "queue.depth", "queue.size", "throttl"};

template <size_t N>
bool any(std::string_view text, const std::string_view (&words)[N]) {
    for (std::string_view w : words)
        if (containsFolded(text, w)) return true;
    return false;
}

}  // namespace

bool textSaysContention(std::string_view text) {
    return any(text, kTextWords);
}

Contention findContention(const Trace& t, const SpanOutcomes& o) {
    const size_t n = t.spanCount();
    const Dictionary& dict = *t.dict;
    Contention c;
    c.present.assign(n, 0);
    // Names, keys and messages repeat across spans; each distinct string is read once
    // (-1: not read yet).
    std::vector<int8_t> names(dict.strings.size(), -1), keys(names), texts(names);
    auto cached = [&](std::vector<int8_t>& cache, StrId id, auto test) {
        if (id == kEmptyStr || id >= cache.size()) return false;
        if (cache[id] < 0) cache[id] = test(dict.str(id));
        return cache[id] == 1;
    };
    const StrId messageKey = dict.strings.find("exception.message");
    const StrId exceptionName = dict.strings.find("exception");
    constexpr int64_t kUnread = -2, kNone = -1;
    std::vector<int64_t> setKey(dict.attrs.setCount(), kUnread);

    for (size_t i = 0; i < n; ++i) {
        std::string why;
        if (o.overloaded[i]) {
            why = o.httpStatus[i] == 429   ? "HTTP 429 Too Many Requests"
                  : o.httpStatus[i] == 503 ? "HTTP 503 Service Unavailable"
                  : o.grpcStatus[i] == 8   ? "gRPC RESOURCE_EXHAUSTED"
                                           : "gRPC UNAVAILABLE";
        } else if (cached(texts, t.statusMessage[i], textSaysContention)) {
            why = "status '" + std::string(t.str(t.statusMessage[i])) + "'";
        } else if (cached(names, t.name[i],
                          [](std::string_view s) { return any(s, kNameWords); })) {
            why = "operation '" + std::string(t.nameOf(i)) + "'";
        } else {
            // Spans share attribute sets: each set is searched once.
            int64_t& key = setKey[t.attrs[i]];
            if (key == kUnread) {
                key = kNone;
                for (PairId p : t.attributesOf(i)) {
                    const StrId k = dict.attrs.pair(p).key;
                    if (cached(keys, k, [](std::string_view s) { return any(s, kKeyWords); })) {
                        key = k;
                        break;
                    }
                }
            }
            if (key != kNone) why = "attribute " + std::string(dict.str(static_cast<StrId>(key)));
            for (const Event& e : t.eventsOf(i)) {
                if (!why.empty() || e.name != exceptionName) continue;
                for (PairId p : dict.attrs.set(e.attrs)) {
                    const Attribute& a = dict.attrs.pair(p);
                    if (a.key == messageKey && a.value.type == ValueType::String &&
                        cached(texts, a.value.str, textSaysContention)) {
                        why = "exception '" + std::string(dict.str(a.value.str)) + "'";
                        break;
                    }
                }
            }
        }
        if (why.empty()) continue;
        c.present[i] = 1;
        c.evidence.emplace(static_cast<uint32_t>(i), std::move(why));
    }
    return c;
}

}  // namespace rootline
