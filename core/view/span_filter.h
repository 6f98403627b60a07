#pragma once
// Which spans the waterfall keeps when the user filters: by find matches (filter mode) and by
// service (the legend). The result feeds TreeRows::setFilter, which adds the ancestors of
// what is kept so the tree stays readable.

#include <cstdint>
#include <vector>

#include "model/trace.h"

namespace rootline {

// `matches`: one byte per span (1 = matches find), or null to not filter by find.
// `visibleServices`: one byte per service index, or empty when every service shows.
// Returns one byte per span (1 = keep), or an empty vector when nothing is filtered.
std::vector<uint8_t> combineSpanFilters(const Trace& trace, const std::vector<uint8_t>* matches,
                                        const std::vector<uint8_t>& visibleServices);

}  // namespace rootline
