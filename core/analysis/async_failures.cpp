#include "analysis/async_failures.h"

#include "analysis/error_frontier.h"

#include <algorithm>

namespace rootline {

std::vector<int32_t> findAsyncEntries(const Trace& t) {
    std::vector<int32_t> from(t.spanCount(), -1);
    for (size_t i = 0; i < t.spanCount(); ++i) {
        // A linked producer names the sender better than a polling loop above the consumer.
        const bool linked = t.kind[i] == SpanKind::Consumer &&
                            std::any_of(t.linksOf(i).begin(), t.linksOf(i).end(),
                                        [](const Link& l) { return l.target >= 0; });
        if (t.parent[i] >= 0 && !isSynchronousChild(t, i) && !linked) {
            from[i] = t.parent[i];
            continue;
        }
        // A root (its own trace part), or a consumer under its polling loop, that links to a
        // span here: the message's producer.
        if (t.parent[i] >= 0 && t.kind[i] != SpanKind::Consumer) continue;
        for (const Link& l : t.linksOf(i))
            if (l.target >= 0 && static_cast<size_t>(l.target) != i) {
                from[i] = l.target;
                break;
            }
    }
    return from;
}

}  // namespace rootline
