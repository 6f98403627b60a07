#include "view/span_filter.h"

#include <algorithm>

namespace rootline {

std::vector<uint8_t> combineSpanFilters(const Trace& trace, const std::vector<uint8_t>* matches,
                                        const std::vector<uint8_t>& visibleServices) {
    const size_t n = trace.spanCount();
    const bool byMatch = matches != nullptr && matches->size() == n;
    const bool byService =
        visibleServices.size() == trace.services.size() &&
        std::any_of(visibleServices.begin(), visibleServices.end(), [](uint8_t v) { return !v; });
    if (!byMatch && !byService) return {};
    std::vector<uint8_t> keep(n, 1);
    for (size_t s = 0; s < n; ++s) {
        const bool matchOk = !byMatch || (*matches)[s] != 0;
        const bool serviceOk = !byService || visibleServices[trace.service[s]] != 0;
        keep[s] = matchOk && serviceOk ? 1 : 0;
    }
    return keep;
}

}  // namespace rootline
