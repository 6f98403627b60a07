// TraceBuilder::finish: splits the collected spans into traces, sorts each by start time,
// moves the columns into place and builds each trace's index.

#include <algorithm>
#include <unordered_map>

#include "model/trace_builder.h"
#include "model/trace_index.h"
#include "util/huge_pages.h"

namespace rootline {

namespace {

template <typename T>
std::vector<T> gather(const std::vector<T>& source, const std::vector<uint32_t>& order) {
    std::vector<T> out;
    reserveHuge(out, order.size());
    for (uint32_t i : order)
        out.push_back(source[i]);
    return out;
}

template <typename T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}

// Sorts a trace's span order by (start, input position). Producers usually write spans nearly
// in order, so the common case is a single check.
void sortByStart(std::vector<uint32_t>& order, const std::vector<int64_t>& start) {
    bool sorted = true;
    for (size_t k = 1; k < order.size() && sorted; ++k)
        sorted = start[order[k - 1]] <= start[order[k]];
    if (sorted) return;
    // Sorting (start, index) pairs touches memory sequentially; sorting indices with a
    // comparator that reads start[] randomly was ~2× slower on 1M spans.
    std::vector<std::pair<int64_t, uint32_t>> keyed;
    keyed.reserve(order.size());
    for (uint32_t i : order)
        keyed.emplace_back(start[i], i);
    std::sort(keyed.begin(), keyed.end());
    for (size_t k = 0; k < keyed.size(); ++k)
        order[k] = keyed[k].second;
}

}  // namespace

std::vector<std::shared_ptr<const Trace>> TraceBuilder::finish(const JobControl& control) {
    const size_t n = raw_.spanId.size();

    // ---- group by trace id, in order of first appearance; dropped spans join no trace ----
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<TraceId> traceIds;
    std::vector<uint32_t> slotOf(n, kNone);
    {
        std::unordered_map<TraceId, uint32_t, TraceIdHash> slots;
        TraceId last;
        uint32_t lastSlot = kNone;
        for (size_t i = 0; i < n; ++i) {
            if (raw_.flags[i] & kDropped) continue;
            const TraceId& id = raw_.traceId[i];
            if (lastSlot == kNone || !(id == last)) {
                auto [it, inserted] = slots.try_emplace(id, static_cast<uint32_t>(traceIds.size()));
                if (inserted) traceIds.push_back(id);
                last = id;
                lastSlot = it->second;
            }
            slotOf[i] = lastSlot;
        }
    }
    release(raw_.traceId);
    release(raw_.group);
    release(raw_.processKey);
    std::vector<std::vector<uint32_t>> orders(traceIds.size());
    {
        std::vector<uint32_t> counts(traceIds.size(), 0);
        for (uint32_t s : slotOf)
            if (s != kNone) ++counts[s];
        for (size_t t = 0; t < orders.size(); ++t)
            orders[t].reserve(counts[t]);
        for (uint32_t i = 0; i < n; ++i)
            if (slotOf[i] != kNone) orders[slotOf[i]].push_back(i);
    }
    control.checkpoint();
    std::vector<uint32_t> newIndex(n);
    for (auto& order : orders) {
        sortByStart(order, raw_.start);
        for (uint32_t k = 0; k < order.size(); ++k)
            newIndex[order[k]] = k;
    }
    control.checkpoint();

    std::vector<std::shared_ptr<Trace>> traces;
    for (size_t t = 0; t < traceIds.size(); ++t) {
        auto trace = std::make_shared<Trace>();
        trace->dict = dict_;
        trace->id = traceIds[t];
        traces.push_back(std::move(trace));
    }

    // ---- move columns, one at a time so the peak holds one extra column, not all ----
    auto moveColumn = [&](auto& rawColumn, auto member) {
        for (size_t t = 0; t < traces.size(); ++t)
            (*traces[t]).*member = gather(rawColumn, orders[t]);
        release(rawColumn);
        control.checkpoint();
    };
    moveColumn(raw_.start, &Trace::start);
    moveColumn(raw_.duration, &Trace::duration);
    moveColumn(raw_.spanId, &Trace::spanId);
    moveColumn(raw_.parentId, &Trace::parentId);
    moveColumn(raw_.name, &Trace::name);
    moveColumn(raw_.resource, &Trace::resource);
    moveColumn(raw_.scope, &Trace::scope);
    moveColumn(raw_.kind, &Trace::kind);
    moveColumn(raw_.status, &Trace::status);
    moveColumn(raw_.flags, &Trace::flags);
    moveColumn(raw_.statusMessage, &Trace::statusMessage);
    moveColumn(raw_.attrs, &Trace::attrs);

    // ---- events and links follow their span's new position (CSR) ----
    auto rangeEnd = [n](const std::vector<uint32_t>& begins, size_t total, uint32_t i) {
        return i + 1 < n ? begins[i + 1] : static_cast<uint32_t>(total);
    };
    for (size_t t = 0; t < traces.size(); ++t) {
        Trace& trace = *traces[t];
        const auto& order = orders[t];
        trace.eventOffset.assign(order.size() + 1, 0);
        trace.linkOffset.assign(order.size() + 1, 0);
        for (size_t k = 0; k < order.size(); ++k) {
            const uint32_t r = order[k];
            const uint32_t eb = raw_.eventBegin[r],
                           ee = rangeEnd(raw_.eventBegin, rawEvents_.size(), r);
            const uint32_t lb = raw_.linkBegin[r],
                           le = rangeEnd(raw_.linkBegin, rawLinks_.size(), r);
            trace.events.insert(trace.events.end(), rawEvents_.begin() + eb,
                                rawEvents_.begin() + ee);
            trace.links.insert(trace.links.end(), rawLinks_.begin() + lb, rawLinks_.begin() + le);
            trace.eventOffset[k + 1] = static_cast<uint32_t>(trace.events.size());
            trace.linkOffset[k + 1] = static_cast<uint32_t>(trace.links.size());
        }
        trace.events.shrink_to_fit();
        trace.links.shrink_to_fit();
    }
    release(rawEvents_);
    release(rawLinks_);
    release(raw_.eventBegin);
    release(raw_.linkBegin);

    for (const RawWarning& w : rawWarnings_)
        if (slotOf[w.span] != kNone)
            traces[slotOf[w.span]]->warnings.push_back({newIndex[w.span], w.code, w.text, 0});
    for (const auto& [span, text] : rawOpaqueSpanIds_)
        if (slotOf[span] != kNone)
            traces[slotOf[span]]->opaqueSpanIds.emplace_back(newIndex[span], text);
    for (const auto& [span, text] : rawOpaqueParentIds_)
        if (slotOf[span] != kNone)
            traces[slotOf[span]]->opaqueParentIds.emplace_back(newIndex[span], text);
    release(rawWarnings_);
    release(rawOpaqueSpanIds_);
    release(rawOpaqueParentIds_);

    std::unordered_map<TraceId, uint32_t, TraceIdHash> slotById;
    for (size_t t = 0; t < traceIds.size(); ++t)
        slotById[traceIds[t]] = static_cast<uint32_t>(t);
    for (const auto& [id, text] : opaqueTraceIds_)
        if (auto it = slotById.find(id); it != slotById.end() && traces[it->second]->idText.empty())
            traces[it->second]->idText = std::string(dict_->strings.view(text));
    for (auto& [id, text] : traceWarnings_)
        if (auto it = slotById.find(id); it != slotById.end())
            traces[it->second]->traceWarnings.push_back(std::move(text));
    opaqueTraceIds_.clear();
    traceWarnings_.clear();
    release(slotOf);
    release(newIndex);

    // ---- per-trace index and summary ----
    std::vector<std::shared_ptr<const Trace>> out;
    for (auto& trace : traces) {
        std::sort(trace->opaqueSpanIds.begin(), trace->opaqueSpanIds.end());
        std::sort(trace->opaqueParentIds.begin(), trace->opaqueParentIds.end());
        trace->service.resize(trace->spanCount());
        std::unordered_map<StrId, uint32_t> serviceIndex;
        for (size_t i = 0; i < trace->spanCount(); ++i) {
            const StrId svc = dict_->resources[trace->resource[i]].service;
            auto [it, inserted] =
                serviceIndex.try_emplace(svc, static_cast<uint32_t>(trace->services.size()));
            if (inserted) trace->services.push_back(svc);
            trace->service[i] = it->second;
        }
        buildTraceIndex(*trace, control);
        out.push_back(std::move(trace));
    }
    dict_->attrs.freezeIndexes();
    raw_ = RawColumns{};
    return out;
}

}  // namespace rootline
