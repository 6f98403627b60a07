#include "model/trace_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "util/flat_id_map.h"

namespace rootline {

namespace {

constexpr size_t kCheckEvery = 1 << 14;

void addWarning(Trace& t, uint32_t span, WarningCode code, int64_t value) {
    t.warnings.push_back({span, code, kEmptyStr, value});
}

// Zipkin's one-id-per-RPC style: a CLIENT span and a `shared` SERVER span carry the same id.
// As Jaeger's own deduplication does, the server half gets a derived id and becomes the
// client's child, and spans that named the shared id as parent hang under the server half.
void splitSharedRpcIds(Trace& t) {
    const size_t n = t.spanCount();
    if (std::none_of(t.flags.begin(), t.flags.end(), [](uint8_t f) { return f & kSharedServer; }))
        return;  // only Zipkin data has them; do not pay for the set below otherwise
    std::unordered_set<SpanId> clientIds;
    for (size_t i = 0; i < n; ++i)
        if (t.kind[i] == SpanKind::Client) clientIds.insert(t.spanId[i]);
    std::unordered_map<SpanId, SpanId> serverIdOf;
    for (size_t i = 0; i < n; ++i) {
        if (!(t.flags[i] & kSharedServer) || !clientIds.count(t.spanId[i])) continue;
        const SpanId shared = t.spanId[i];
        SpanId derived = (shared ^ 0x5bd1e9955bd1e995ULL) * 0x9E3779B97F4A7C15ULL;
        if (derived == 0) derived = 1;
        serverIdOf[shared] = derived;
        t.spanId[i] = derived;
        t.parentId[i] = shared;
    }
    for (size_t i = 0; i < n; ++i) {
        auto it = serverIdOf.find(t.parentId[i]);
        if (it != serverIdOf.end() && t.spanId[i] != it->second) t.parentId[i] = it->second;
    }
}

// Resolves parentId → parent index; marks orphans and duplicate ids.
void resolveParents(Trace& t, const JobControl& control) {
    const size_t n = t.spanCount();
    splitSharedRpcIds(t);
    FlatIdMap byId(n);
    std::vector<uint32_t> duplicateOf;  // spans whose id was already taken
    for (uint32_t i = 0; i < n; ++i) {
        if (t.spanId[i] == 0) continue;
        const uint32_t first = byId.insertOrGet(t.spanId[i], i);
        if (first != i) duplicateOf.push_back(i);
    }
    if (!duplicateOf.empty()) {
        // Count how many spans share each duplicated id so the warning can say so.
        std::unordered_map<SpanId, int64_t> shareCount;
        for (uint32_t i : duplicateOf)
            ++shareCount[t.spanId[i]];
        for (uint32_t i = 0; i < n; ++i) {
            auto it = shareCount.find(t.spanId[i]);
            if (it == shareCount.end()) continue;
            t.flags[i] |= kDuplicateId;
            addWarning(t, i, WarningCode::DuplicateId, it->second + 1);
        }
    }
    t.parent.assign(n, -1);
    for (uint32_t i = 0; i < n; ++i) {
        if ((i & (kCheckEvery - 1)) == 0) control.checkpoint();
        if (t.parentId[i] == 0) continue;
        const uint32_t p = byId.find(t.parentId[i]);
        if (p == FlatIdMap::kMissing) {
            t.flags[i] |= kOrphan;
            addWarning(t, i, WarningCode::MissingParent, 0);
        } else {
            t.parent[i] = static_cast<int32_t>(p);
        }
    }
    for (Link& link : t.links) {
        // A reference without a trace id (some hand-written and older Jaeger files) means
        // this trace.
        if (link.traceId != t.id && !link.traceId.isZero()) continue;
        const uint32_t target = byId.find(link.spanId);
        if (target != FlatIdMap::kMissing) link.target = static_cast<int32_t>(target);
    }
}

// Finds parent cycles (including a span that names itself as parent) and cuts each one at
// its earliest span, which then becomes a root with a warning. Each span is walked once.
void breakCycles(Trace& t) {
    const size_t n = t.spanCount();
    std::vector<uint8_t> state(n, 0);  // 0 new, 1 on the current walk, 2 done
    std::vector<uint32_t> path;
    for (uint32_t i = 0; i < n; ++i) {
        if (state[i] != 0) continue;
        path.clear();
        int32_t j = static_cast<int32_t>(i);
        while (j >= 0 && state[j] == 0) {
            state[j] = 1;
            path.push_back(static_cast<uint32_t>(j));
            j = t.parent[j];
        }
        if (j >= 0 && state[j] == 1) {
            // The cycle is the tail of `path` starting at j.
            auto from = std::find(path.begin(), path.end(), static_cast<uint32_t>(j));
            const uint32_t cut = *std::min_element(from, path.end());  // earliest start
            const auto length = static_cast<int64_t>(path.end() - from);
            t.parent[cut] = -1;
            addWarning(t, cut, WarningCode::ParentCycle, length);
        }
        for (uint32_t k : path)
            state[k] = 2;
    }
}

void buildChildren(Trace& t) {
    const size_t n = t.spanCount();
    t.childOffset.assign(n + 1, 0);
    for (size_t i = 0; i < n; ++i)
        if (t.parent[i] >= 0) ++t.childOffset[t.parent[i] + 1];
    for (size_t i = 0; i < n; ++i)
        t.childOffset[i + 1] += t.childOffset[i];
    t.children.resize(t.childOffset[n]);
    std::vector<uint32_t> fill(t.childOffset.begin(), t.childOffset.end() - 1);
    // Spans are sorted by start, so each parent's children come out sorted by start too.
    for (uint32_t i = 0; i < n; ++i)
        if (t.parent[i] >= 0) t.children[fill[t.parent[i]]++] = i;
    t.roots.clear();
    for (uint32_t i = 0; i < n; ++i)
        if (t.parent[i] < 0) t.roots.push_back(i);
}

void computeDepth(Trace& t) {
    const size_t n = t.spanCount();
    t.depth.assign(n, 0);
    t.maxDepth = 0;
    std::vector<uint32_t> stack;
    for (uint32_t root : t.roots) {
        stack.push_back(root);
        while (!stack.empty()) {
            const uint32_t s = stack.back();
            stack.pop_back();
            for (uint32_t c : t.childrenOf(s)) {
                t.depth[c] = t.depth[s] + 1;
                t.maxDepth = std::max(t.maxDepth, t.depth[c]);
                stack.push_back(c);
            }
        }
    }
}

// Self time: the part of a span's own interval that no child covers. Children are sorted by
// start, so overlapping children merge in one pass.
void computeSelfTime(Trace& t) {
    const size_t n = t.spanCount();
    t.selfTime.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        const int64_t s = t.start[i];
        const int64_t e = t.end(i);
        int64_t covered = 0;
        int64_t runStart = 0, runEnd = 0;
        bool inRun = false;
        for (uint32_t c : t.childrenOf(i)) {
            const int64_t cs = std::max(t.start[c], s);
            const int64_t ce = std::min(t.end(c), e);
            if (ce <= cs) continue;
            if (inRun && cs <= runEnd) {
                runEnd = std::max(runEnd, ce);
            } else {
                if (inRun) covered += runEnd - runStart;
                runStart = cs;
                runEnd = ce;
                inRun = true;
            }
        }
        if (inRun) covered += runEnd - runStart;
        t.selfTime[i] = std::max<int64_t>(0, (e - s) - covered);
    }
}

// A child may legitimately outlive its parent when the relationship is asynchronous
// (FOLLOWS_FROM, or a producer → consumer hop); anything else outside its parent is clock
// skew or a bug the user should see.
void checkTiming(Trace& t) {
    const size_t n = t.spanCount();
    for (uint32_t i = 0; i < n; ++i) {
        if (t.duration[i] < 0)
            addWarning(t, i, WarningCode::NegativeDuration, t.duration[i]);
        else if (t.duration[i] == 0)
            addWarning(t, i, WarningCode::ZeroDuration, 0);
        const int32_t p = t.parent[i];
        if (p < 0) continue;
        if (t.start[i] < t.start[p])
            addWarning(t, i, WarningCode::StartsBeforeParent, t.start[p] - t.start[i]);
        const bool async = (t.flags[i] & kParentFollowsFrom) || t.kind[p] == SpanKind::Producer ||
                           t.kind[i] == SpanKind::Consumer;
        if (!async && t.end(i) > t.end(p) && t.duration[p] >= 0)
            addWarning(t, i, WarningCode::EndsAfterParent, t.end(i) - t.end(p));
    }
}

void summarise(Trace& t) {
    const size_t n = t.spanCount();
    t.errorCount = 0;
    t.orphanCount = 0;
    t.startNs = n ? t.start[0] : 0;
    t.endNs = t.startNs;
    for (size_t i = 0; i < n; ++i) {
        if (t.status[i] == StatusCode::Error) ++t.errorCount;
        if (t.flags[i] & kOrphan) ++t.orphanCount;
        t.endNs = std::max(t.endNs, t.end(i));
    }
    std::stable_sort(t.warnings.begin(), t.warnings.end(),
                     [](const SpanWarning& a, const SpanWarning& b) { return a.span < b.span; });
    for (const SpanWarning& w : t.warnings)
        t.flags[w.span] |= kHasWarnings;
}

}  // namespace

void buildTraceIndex(Trace& t, const JobControl& control) {
    resolveParents(t, control);
    control.checkpoint();
    breakCycles(t);
    buildChildren(t);
    control.checkpoint();
    computeDepth(t);
    computeSelfTime(t);
    control.checkpoint();
    checkTiming(t);
    summarise(t);
}

}  // namespace rootline
