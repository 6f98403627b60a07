#include "analysis/latency.h"

#include "analysis/text_match.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace rootline {

namespace {

constexpr size_t kMinPeers = 3;

void setRatio(LatencyFacts& f, const Trace& t, uint32_t span, int64_t med, size_t count,
              bool siblings) {
    f.peerMedianNs[span] = med;
    f.peerCount[span] = static_cast<uint32_t>(count);
    f.peersAreSiblings[span] = siblings;
    // A median of zero (instant peers) makes any real time infinitely slower; 1 µs keeps the
    // ratio finite and meaningful.
    f.selfRatio[span] = static_cast<float>(static_cast<double>(t.selfTime[span]) /
                                           static_cast<double>(std::max<int64_t>(med, 1000)));
}

}  // namespace

LatencyFacts analyzeLatency(const Trace& t) {
    const size_t n = t.spanCount();
    LatencyFacts f;
    f.selfRatio.assign(n, 0);
    f.peerMedianNs.assign(n, 0);
    f.peerCount.assign(n, 0);
    f.peersAreSiblings.assign(n, 0);
    f.outlivesClientNs.assign(n, 0);
    for (uint32_t r : t.roots)
        f.referenceNs = std::max(f.referenceNs, t.duration[r]);

    // Trace-wide peers: same service and operation. Group ids by first appearance, then
    // bucket the spans (counting sort) so each group's self times are contiguous.
    std::unordered_map<uint64_t, uint32_t> groupOf;
    groupOf.reserve(n / 8 + 16);
    std::vector<uint32_t> group(n);
    std::vector<uint32_t> groupSize;
    for (size_t i = 0; i < n; ++i) {
        const uint64_t key = (static_cast<uint64_t>(t.service[i]) << 32) | t.name[i];
        auto [it, added] = groupOf.try_emplace(key, static_cast<uint32_t>(groupSize.size()));
        if (added) groupSize.push_back(0);
        group[i] = it->second;
        ++groupSize[it->second];
    }
    std::vector<uint32_t> offset(groupSize.size() + 1, 0);
    for (size_t g = 0; g < groupSize.size(); ++g)
        offset[g + 1] = offset[g] + groupSize[g];
    std::vector<uint32_t> members(n);
    {
        std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
        for (size_t i = 0; i < n; ++i)
            members[fill[group[i]]++] = static_cast<uint32_t>(i);
    }
    std::vector<int64_t> values;
    for (size_t g = 0; g < groupSize.size(); ++g) {
        if (groupSize[g] < kMinPeers) continue;
        values.clear();
        for (uint32_t k = offset[g]; k < offset[g + 1]; ++k)
            values.push_back(t.selfTime[members[k]]);
        const int64_t med = medianInPlace(values);
        for (uint32_t k = offset[g]; k < offset[g + 1]; ++k)
            setRatio(f, t, members[k], med, groupSize[g], false);
    }

    // Siblings of the same operation are the closer comparison; they override the trace-wide
    // figure when there are enough of them.
    std::vector<uint32_t> kids;
    for (size_t p = 0; p < n; ++p) {
        const auto children = t.childrenOf(p);
        if (children.size() < kMinPeers) continue;
        kids.assign(children.begin(), children.end());
        std::stable_sort(kids.begin(), kids.end(),
                         [&](uint32_t a, uint32_t b) { return t.name[a] < t.name[b]; });
        for (size_t b = 0; b < kids.size();) {
            size_t e = b + 1;
            while (e < kids.size() && t.name[kids[e]] == t.name[kids[b]])
                ++e;
            if (e - b >= kMinPeers) {
                values.clear();
                for (size_t k = b; k < e; ++k)
                    values.push_back(t.selfTime[kids[k]]);
                const int64_t med = medianInPlace(values);
                for (size_t k = b; k < e; ++k)
                    setRatio(f, t, kids[k], med, e - b, true);
            }
            b = e;
        }
    }

    for (size_t i = 0; i < n; ++i) {
        const int32_t p = t.parent[i];
        if (p < 0 || t.kind[i] != SpanKind::Server || t.kind[p] != SpanKind::Client) continue;
        const int64_t over = t.end(i) - t.end(static_cast<size_t>(p));
        // A little overhang is clock skew between hosts; more than 10% of the client's time
        // (and at least a millisecond) is a server still working for a caller that left.
        if (over > std::max<int64_t>(1'000'000, t.duration[p] / 10)) f.outlivesClientNs[i] = over;
    }
    return f;
}

int32_t slowestDescendant(const Trace& t, size_t span, double minShare,
                          const std::vector<uint8_t>* skip, std::vector<int32_t>* visitedBy) {
    // Self time per operation (service and name) under `span`, and each one's largest span.
    std::map<std::pair<uint32_t, StrId>, std::pair<int64_t, uint32_t>> byOperation;
    std::vector<uint32_t> stack(t.childrenOf(span).begin(), t.childrenOf(span).end());
    while (!stack.empty()) {
        const uint32_t s = stack.back();
        stack.pop_back();
        if (visitedBy) (*visitedBy)[s] = static_cast<int32_t>(span);
        for (uint32_t c : t.childrenOf(s))
            stack.push_back(c);
        if (skip && (*skip)[s]) continue;
        auto& [total, largest] =
            byOperation.try_emplace({t.service[s], t.name[s]}, 0, s).first->second;
        total += t.selfTime[s];
        if (t.selfTime[s] > t.selfTime[largest] ||
            (t.selfTime[s] == t.selfTime[largest] && s < largest))
            largest = s;
    }
    int64_t bestTotal = 0;
    int32_t best = -1;
    for (const auto& [op, entry] : byOperation)
        if (entry.first > bestTotal) {
            bestTotal = entry.first;
            best = static_cast<int32_t>(entry.second);
        }
    if (best < 0 ||
        static_cast<double>(bestTotal) < minShare * static_cast<double>(t.duration[span]))
        return -1;
    return best;
}

}  // namespace rootline
