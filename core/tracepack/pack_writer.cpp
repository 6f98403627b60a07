#include "tracepack/pack_writer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace rootline {

namespace {

// The shedding levels, tried in order until the pack fits (docs/tracepack.md, "Budget").
struct Limits {
    size_t text;          // strings: attribute values, messages, log bodies
    size_t stack;         // exception.stacktrace and other multi-line dumps
    size_t array;         // items of an array or map value
    size_t events;        // events per span (exceptions first)
    size_t logs;          // log lines (errors first)
    size_t operations;    // operations listed per collapsed summary
    size_t suspects;      // suspect entries (their spans stay)
    bool contextAttrs;    // attributes on ancestors and siblings
    size_t metricSeries;  // series per metric chart; 0 leaves the metrics out
    size_t metricPoints;  // points per series (evenly spread)
    size_t exemplars;     // exemplars per chart (the trace's own and the nearest first)
};
constexpr Limits kLevels[] = {
    {1024, 4096, 32, 16, 100, 8, 50, true, 6, 60, 10},
    {512, 2048, 16, 8, 50, 5, 20, true, 4, 30, 6},
    {256, 1024, 8, 4, 20, 3, 10, true, 3, 16, 3},
    {128, 512, 4, 2, 10, 2, 5, false, 2, 8, 2},
};
constexpr size_t kListedIds = 20;  // dropped span ids listed in left_out

struct Counters {
    uint64_t strings = 0, arrays = 0, events = 0, logs = 0, attributes = 0, summaries = 0,
             spans = 0, suspects = 0, metricCharts = 0, metricSeries = 0, metricPoints = 0,
             exemplars = 0;
    std::vector<std::string> droppedIds;
};

bool isStackKey(std::string_view key) {
    return key.find("stacktrace") != std::string_view::npos ||
           key.find("stack_trace") != std::string_view::npos;
}

bool isContext(const PackSpan& s) {
    return s.role == "ancestor" || s.role == "sibling";
}

// What is written, decided once per attempt: which spans, events and logs survive.
struct Selection {
    std::vector<uint8_t> span;                  // per doc span
    std::vector<std::vector<uint32_t>> events;  // per doc span: event indices written
    std::vector<uint32_t> logs;                 // log indices written, in time order
};

std::string dump(const ojson& j) {
    return j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

class Renderer {
public:
    Renderer(const PackDocument& doc, const Limits& lim, const Selection& sel, Counters& c)
        : doc_(doc), lim_(lim), sel_(sel), c_(c) {
        buildKeyDictionary();
    }

    // The pack up to its left_out member. With spanSizes, what each span costs: its line, its
    // collapsed summaries, its suspect entry and its ids in code locations. Rendering stops
    // early (aborted()) once the text passes abortAbove.
    std::string render(std::vector<size_t>* spanSizes, size_t abortAbove) {
        std::unordered_map<std::string_view, size_t> indexOfId;
        if (spanSizes) {
            spanSizes->assign(doc_.spans.size(), 0);
            for (size_t i = 0; i < doc_.spans.size(); ++i)
                indexOfId.try_emplace(doc_.spans[i].id, i);
        }
        auto charge = [&](const std::string& id, size_t bytes) {
            if (!spanSizes) return;
            if (auto it = indexOfId.find(id); it != indexOfId.end())
                (*spanSizes)[it->second] += bytes;
        };
        std::string out;
        out.reserve(64 * 1024);
        out += "{\"schema\":";
        out += dump(ojson(kTracepackSchema));
        out += ",\n\"trace\":";
        out += dump(doc_.trace);
        ojson suspects = ojson::array();
        std::set<std::string> keptIds;
        for (size_t i = 0; i < doc_.spans.size(); ++i)
            if (sel_.span[i]) keptIds.insert(doc_.spans[i].id);
        for (const ojson& s : doc_.suspects) {
            if (suspects.size() >= lim_.suspects ||
                !keptIds.count(s.value("span_id", std::string()))) {
                ++c_.suspects;
                continue;
            }
            suspects.push_back(suspect(s));
            if (spanSizes)
                charge(s.value("span_id", std::string()), dump(suspects.back()).size() + 2);
        }
        if (!suspects.empty()) appendLines(out, "suspects", suspects);
        if (doc_.pastFixes.is_array() && !doc_.pastFixes.empty()) {
            ojson fixes = ojson::array();
            for (const ojson& f : doc_.pastFixes) {
                ojson o = f;
                for (const char* k : {"hypothesis", "note"})
                    if (o.contains(k) && o[k].is_string()) o[k] = text(o[k].get<std::string>());
                fixes.push_back(std::move(o));
            }
            appendLines(out, "past_fixes", fixes);
        }
        if (!keys_.empty()) {
            out += ",\n\"keys\":";
            out += dump(ojson(keys_));
        }
        // Only the resources the written spans use, renumbered in order; a span names its
        // resource only when its service has several of them here.
        resourceIndex_.assign(doc_.resources.size(), -1);
        ojson resources = ojson::array();
        std::map<std::string, int> perService;
        for (size_t i = 0; i < doc_.spans.size(); ++i) {
            const int32_t r = doc_.spans[i].resource;
            if (!sel_.span[i] || r < 0 || resourceIndex_[static_cast<size_t>(r)] >= 0) continue;
            resourceIndex_[static_cast<size_t>(r)] = static_cast<int32_t>(resources.size());
            const PackResource& res = doc_.resources[static_cast<size_t>(r)];
            ++perService[res.service];
            ojson o;
            o["service"] = res.service;
            if (ojson a = attrs(res.attrs, false); !a.empty()) o["attributes"] = std::move(a);
            resources.push_back(std::move(o));
        }
        sharedServices_.clear();
        for (const auto& [service, count] : perService)
            if (count > 1) sharedServices_.insert(service);
        if (!resources.empty()) appendLines(out, "resources", resources);

        out += ",\n\"spans\":[";
        bool first = true;
        for (size_t i = 0; i < doc_.spans.size(); ++i) {
            if (!sel_.span[i]) continue;
            std::string line = dump(span(i));
            if (spanSizes) (*spanSizes)[i] = line.size() + 2;
            out += first ? "\n" : ",\n";
            out += line;
            first = false;
            if (out.size() > abortAbove) {
                aborted_ = true;
                return out;
            }
        }
        out += "]";

        ojson summaries = ojson::array();
        for (const PackSummary& s : doc_.summaries) {
            if (s.packParent >= 0 && !sel_.span[static_cast<size_t>(s.packParent)]) {
                ++c_.summaries;
                continue;
            }
            ojson o;
            if (!s.parentId.empty()) o["parent_id"] = s.parentId;
            o["spans"] = s.spans;
            o["start_us"] = s.startUs;
            o["end_us"] = s.endUs;
            o["total_us"] = s.totalUs;
            o["max_us"] = s.maxUs;
            ojson ops = ojson::array();
            uint64_t more = s.moreOperations;
            for (size_t k = 0; k < s.operations.size(); ++k) {
                if (k >= lim_.operations) {
                    ++more;
                    continue;
                }
                const PackOperation& op = s.operations[k];
                ops.push_back(
                    {{"service", text(op.service)}, {"name", text(op.name)}, {"count", op.count}});
            }
            if (!ops.empty()) o["operations"] = std::move(ops);
            if (more) o["more_operations"] = more;
            if (spanSizes && s.packParent >= 0)
                (*spanSizes)[static_cast<size_t>(s.packParent)] += dump(o).size() + 2;
            summaries.push_back(std::move(o));
        }
        if (!summaries.empty()) appendLines(out, "collapsed", summaries);

        ojson logs = ojson::array();
        for (uint32_t li : sel_.logs) {
            const PackLog& l = doc_.logs[li];
            ojson o;
            o["t_us"] = l.tUs;
            if (!l.spanId.empty()) o["span_id"] = l.spanId;
            if (!l.service.empty()) o["service"] = l.service;
            o["severity"] = l.severity;
            o["body"] = text(l.body);
            o["source"] = l.source;
            if (l.repeats) o["repeats"] = l.repeats;
            logs.push_back(std::move(o));
        }
        const size_t beforeLogs = out.size();
        if (!logs.empty()) appendLines(out, "logs", logs);
        logBytes_ = out.size() - beforeLogs;
        metrics(out);

        ojson code = ojson::array();
        for (const PackCodeLocation& loc : doc_.codeLocations) {
            ojson ids = ojson::array();
            for (const std::string& id : loc.spanIds)
                if (keptIds.count(id)) {
                    ids.push_back(id);
                    charge(id, id.size() + 3);
                }
            if (ids.empty()) continue;
            ojson o;
            if (!loc.function.empty()) o["function"] = text(loc.function);
            if (!loc.ns.empty()) o["namespace"] = text(loc.ns);
            if (!loc.file.empty()) o["file"] = text(loc.file);
            if (loc.line) o["line"] = loc.line;
            o["span_ids"] = std::move(ids);
            code.push_back(std::move(o));
        }
        if (!code.empty()) appendLines(out, "code_locations", code);
        return out;  // left_out, redaction and budget are appended by the caller
    }

    bool aborted() const { return aborted_; }
    size_t logBytes() const { return logBytes_; }

private:
    void appendLines(std::string& out, const char* name, const ojson& items) {
        out += ",\n\"";
        out += name;
        out += "\":[";
        for (size_t i = 0; i < items.size(); ++i) {
            out += i ? ",\n" : "\n";
            out += dump(items[i]);
        }
        out += "]";
    }

    // A suspect entry with its reason sentences held to the string limit.
    ojson suspect(const ojson& s) {
        ojson out = s;
        if (out.contains("reasons") && out["reasons"].is_array())
            for (ojson& reason : out["reasons"])
                if (reason.contains("text") && reason["text"].is_string())
                    reason["text"] = text(reason["text"].get<std::string>());
        return out;
    }

    void metrics(std::string& out) {
        if (doc_.metrics.empty()) return;
        if (lim_.metricSeries == 0) {
            c_.metricCharts += doc_.metrics.size();
            return;
        }
        ojson charts = ojson::array();
        for (const PackMetric& m : doc_.metrics) {
            ojson o;
            o["title"] = text(m.title);
            if (!doc_.metricsConnection.empty()) o["connection"] = doc_.metricsConnection;
            if (!m.unit.empty()) o["unit"] = m.unit;
            o["query"] = text(m.query);
            if (!m.error.empty()) o["error"] = text(m.error);
            ojson series = ojson::array();
            for (const PackMetricSeries& ps : m.series) {
                if (series.size() >= lim_.metricSeries) {
                    ++c_.metricSeries;
                    continue;
                }
                ojson labels = ojson::object();
                for (const auto& [k, v] : ps.labels)
                    labels[k] = text(v);
                ojson points = ojson::array();
                const size_t n = ps.points.size(), keep = std::min(n, lim_.metricPoints);
                for (size_t j = 0; j < keep; ++j) {
                    const auto& [t, v] = ps.points[keep == 1 ? 0 : j * (n - 1) / (keep - 1)];
                    points.push_back(ojson::array({t, std::isfinite(v) ? ojson(v) : ojson()}));
                }
                c_.metricPoints += n - keep;
                series.push_back({{"labels", std::move(labels)}, {"points", std::move(points)}});
            }
            if (!series.empty()) o["series"] = std::move(series);
            ojson exemplars = ojson::array();
            for (const PackExemplar& e : m.exemplars) {
                if (exemplars.size() >= lim_.exemplars) {
                    ++c_.exemplars;
                    continue;
                }
                ojson x;
                if (!e.traceId.empty()) x["trace_id"] = e.traceId;
                if (!e.spanId.empty()) x["span_id"] = e.spanId;
                x["t_us"] = e.tUs;
                x["value"] = std::isfinite(e.value) ? ojson(e.value) : ojson();
                if (e.thisTrace) x["this_trace"] = true;
                exemplars.push_back(std::move(x));
            }
            if (!exemplars.empty()) o["exemplars"] = std::move(exemplars);
            charts.push_back(std::move(o));
        }
        appendLines(out, "metrics", charts);
    }

    bool attrsWritten(const PackSpan& s) const { return lim_.contextAttrs || !isContext(s); }

    void buildKeyDictionary() {
        std::unordered_map<std::string, uint64_t> count;
        auto add = [&](const std::vector<PackAttr>& list) {
            for (const PackAttr& a : list)
                ++count[a.key];
        };
        std::vector<uint8_t> usedResource(doc_.resources.size(), 0);
        for (size_t i = 0; i < doc_.spans.size(); ++i)
            if (sel_.span[i] && doc_.spans[i].resource >= 0)
                usedResource[static_cast<size_t>(doc_.spans[i].resource)] = 1;
        for (size_t r = 0; r < doc_.resources.size(); ++r)
            if (usedResource[r]) add(doc_.resources[r].attrs);
        for (size_t i = 0; i < doc_.spans.size(); ++i) {
            if (!sel_.span[i]) continue;
            const PackSpan& s = doc_.spans[i];
            if (attrsWritten(s)) add(s.attrs);
            for (uint32_t e : sel_.events[i])
                add(s.events[e].attrs);
            for (const PackLink& l : s.links)
                add(l.attrs);
        }
        std::vector<std::pair<std::string, uint64_t>> repeated;
        for (auto& [k, n] : count)
            if (n >= 2) repeated.emplace_back(k, n);
        std::sort(repeated.begin(), repeated.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (size_t i = 0; i < repeated.size(); ++i) {
            keys_.push_back(repeated[i].first);
            keyIndex_[repeated[i].first] = static_cast<uint32_t>(i);
        }
    }

    std::string text(const std::string& s, bool stack = false) {
        bool cut = false;
        std::string t = truncateText(s, stack ? lim_.stack : lim_.text, cut);
        if (cut) ++c_.strings;
        return t;
    }

    ojson value(const nlohmann::json& v, bool stack) {
        if (v.is_string()) return text(v.get_ref<const std::string&>(), stack);
        if (v.is_array()) {
            ojson out = ojson::array();
            const size_t n = v.size();
            const size_t keep = n > lim_.array ? lim_.array - 1 : n;
            for (size_t i = 0; i < keep; ++i)
                out.push_back(value(v[i], stack));
            if (keep < n) {
                out.push_back("…[+" + std::to_string(n - keep) + " more]");
                ++c_.arrays;
            }
            return out;
        }
        if (v.is_object()) {
            ojson out = ojson::object();
            const size_t n = v.size();
            const size_t keep = n > lim_.array ? lim_.array - 1 : n;
            size_t i = 0;
            for (auto it = v.begin(); it != v.end(); ++it, ++i) {
                if (i >= keep) break;
                out[it.key()] = value(it.value(), stack);
            }
            if (keep < n) {
                out["…"] = "[+" + std::to_string(n - keep) + " more]";
                ++c_.arrays;
            }
            return out;
        }
        return v;
    }

    ojson attrs(const std::vector<PackAttr>& list, bool) {
        ojson out = ojson::array();
        for (const PackAttr& a : list) {
            ojson pair = ojson::array();
            auto it = keyIndex_.find(a.key);
            if (it != keyIndex_.end())
                pair.push_back(it->second);
            else
                pair.push_back(a.key);
            pair.push_back(value(a.value, isStackKey(a.key)));
            out.push_back(std::move(pair));
        }
        return out;
    }

    ojson span(size_t i) {
        const PackSpan& s = doc_.spans[i];
        ojson o;
        o["span_id"] = s.id;
        if (!s.parentId.empty()) o["parent_id"] = s.parentId;
        if (s.parentFollowsFrom) o["parent_ref"] = "follows_from";
        o["name"] = text(s.name);
        o["service"] = s.service;
        if (s.resource >= 0 && sharedServices_.count(s.service))
            o["resource"] = resourceIndex_[static_cast<size_t>(s.resource)];
        if (!s.kind.empty()) o["kind"] = s.kind;
        if (!s.status.empty()) o["status"] = s.status;
        if (!s.statusMessage.empty()) o["status_message"] = text(s.statusMessage);
        o["start_us"] = s.startUs;
        o["duration_us"] = s.durationUs;
        o["self_us"] = s.selfUs;
        o["role"] = s.role;
        if (s.rank) o["rank"] = s.rank;
        if (attrsWritten(s)) {
            if (ojson a = attrs(s.attrs, false); !a.empty()) o["attributes"] = std::move(a);
        } else if (!s.attrs.empty()) {
            c_.attributes += s.attrs.size();
        }
        ojson events = ojson::array();
        for (uint32_t e : sel_.events[i]) {
            const PackEvent& ev = s.events[e];
            ojson eo;
            eo["t_us"] = ev.tUs;
            eo["name"] = text(ev.name);
            if (ojson a = attrs(ev.attrs, false); !a.empty()) eo["attributes"] = std::move(a);
            events.push_back(std::move(eo));
        }
        c_.events += s.events.size() - sel_.events[i].size();
        if (!events.empty()) o["events"] = std::move(events);
        ojson links = ojson::array();
        for (const PackLink& l : s.links) {
            ojson lo;
            if (!l.traceId.empty()) lo["trace_id"] = l.traceId;
            lo["span_id"] = l.spanId;
            lo["type"] = l.type;
            if (ojson a = attrs(l.attrs, false); !a.empty()) lo["attributes"] = std::move(a);
            links.push_back(std::move(lo));
        }
        if (!links.empty()) o["links"] = std::move(links);
        if (!s.warnings.empty()) {
            ojson w = ojson::array();
            for (const std::string& x : s.warnings)
                w.push_back(text(x));
            o["warnings"] = std::move(w);
        }
        return o;
    }

    const PackDocument& doc_;
    const Limits& lim_;
    const Selection& sel_;
    Counters& c_;
    std::vector<std::string> keys_;
    std::unordered_map<std::string, uint32_t> keyIndex_;
    std::vector<int32_t> resourceIndex_;  // doc resource → written index, -1 when unused
    std::set<std::string> sharedServices_;
    bool aborted_ = false;
    size_t logBytes_ = 0;
};

uint8_t severityRank(const std::string& s) {
    if (s == "error" || s == "fatal") return 0;
    if (s == "warn") return 1;
    if (s == "info") return 2;
    return 3;
}

Selection select(const PackDocument& doc, const Limits& lim, const std::vector<uint8_t>& keep,
                 size_t maxLogs) {
    Selection sel;
    sel.span = keep;
    sel.events.resize(doc.spans.size());
    for (size_t i = 0; i < doc.spans.size(); ++i) {
        if (!keep[i]) continue;
        const auto& evs = doc.spans[i].events;
        std::vector<uint32_t> order(evs.size());
        std::iota(order.begin(), order.end(), 0u);
        // Exceptions first, then the rest in time order; written back in time order.
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return (evs[a].name == "exception") > (evs[b].name == "exception");
        });
        if (order.size() > lim.events) order.resize(lim.events);
        std::sort(order.begin(), order.end());
        sel.events[i] = std::move(order);
    }
    std::vector<uint32_t> logs(doc.logs.size());
    std::iota(logs.begin(), logs.end(), 0u);
    std::stable_sort(logs.begin(), logs.end(), [&](uint32_t a, uint32_t b) {
        return severityRank(doc.logs[a].severity) < severityRank(doc.logs[b].severity);
    });
    if (logs.size() > maxLogs) logs.resize(maxLogs);
    std::sort(logs.begin(), logs.end());
    sel.logs = std::move(logs);
    return sel;
}

// left_out: what the document already lists (collapsed spans, filtered logs, or what the
// pack this trace came from left out), plus what this write shed, merged by (what, why).
std::vector<LeftOut> mergeLeftOut(const std::vector<LeftOut>& base, const Counters& c,
                                  const PackDocument& doc, const Selection& sel) {
    std::vector<LeftOut> out = base;
    auto add = [&](const std::string& what, uint64_t n, const std::string& why,
                   const std::vector<std::string>& ids = {}) {
        if (!n) return;
        for (LeftOut& l : out)
            if (l.what == what && l.why == why) {
                l.count += n;
                for (const auto& id : ids)
                    if (l.ids.size() < kListedIds) l.ids.push_back(id);
                return;
            }
        LeftOut l{what, n, why, {}};
        for (const auto& id : ids)
            if (l.ids.size() < kListedIds) l.ids.push_back(id);
        out.push_back(std::move(l));
    };
    const std::string cap = "over the size cap";
    add("spans", c.spans, cap, c.droppedIds);
    add("collapsed_summaries", c.summaries, cap);
    add("suspects", c.suspects, cap);
    add("events", c.events, cap);
    add("log_lines", doc.logs.size() - sel.logs.size(), cap);
    add("metric_charts", c.metricCharts, cap);
    add("metric_series", c.metricSeries, cap);
    add("metric_points", c.metricPoints, cap);
    add("exemplars", c.exemplars, cap);
    add("attributes", c.attributes, "over the size cap (ancestors and siblings)");
    add("strings_truncated", c.strings, cap);
    add("arrays_summarised", c.arrays, cap);
    return out;
}

std::string tail(const std::vector<LeftOut>& leftOut, const PackDocument& doc, size_t maxBytes) {
    std::string out;
    if (!leftOut.empty()) {
        out += ",\n\"left_out\":[";
        for (size_t i = 0; i < leftOut.size(); ++i) {
            const LeftOut& l = leftOut[i];
            ojson o;
            o["what"] = l.what;
            o["count"] = l.count;
            o["why"] = l.why;
            if (!l.ids.empty()) o["span_ids"] = l.ids;
            out += i ? ",\n" : "\n";
            out += dump(o);
        }
        out += "]";
    }
    out += ",\n\"redaction\":";
    out += dump(doc.redaction);
    out += ",\n\"budget\":";
    out += dump(ojson{{"max_bytes", maxBytes}});
    out += "}\n";
    return out;
}

struct Attempt {
    std::string bytes;
    bool aborted = false;  // rendering stopped early: all that is known is "too big"
    size_t logBytes = 0;   // what the log lines took
    std::vector<LeftOut> leftOut;
    Counters counters;
    Selection sel;

    bool fits(size_t maxBytes) const { return !aborted && bytes.size() <= maxBytes; }
};

Attempt attempt(const PackDocument& doc, const Limits& lim, const std::vector<uint8_t>& keep,
                const Counters& base, size_t maxBytes, size_t maxLogs,
                std::vector<size_t>* spanSizes = nullptr, size_t abortAbove = SIZE_MAX) {
    Attempt a;
    a.counters = base;
    a.sel = select(doc, lim, keep, maxLogs);
    Renderer r(doc, lim, a.sel, a.counters);
    a.bytes = r.render(spanSizes, abortAbove);
    a.aborted = r.aborted();
    if (a.aborted) return a;
    a.logBytes = r.logBytes();
    a.leftOut = mergeLeftOut(doc.leftOut, a.counters, doc, a.sel);
    a.bytes += tail(a.leftOut, doc, maxBytes);
    return a;
}

// The result of the chosen attempt, or the error when even the smallest is over the cap.
void finish(const PackDocument& doc, size_t maxBytes, Attempt a, PackResult& result) {
    if (!a.fits(maxBytes)) {
        result.error = "the smallest pack for this trace is " + std::to_string(a.bytes.size()) +
                       " bytes, over the cap of " + std::to_string(maxBytes) + " bytes";
        return;
    }
    result.bytes = std::move(a.bytes);
    result.leftOut = std::move(a.leftOut);
    result.spansInPack = 0;
    for (uint8_t kept : a.sel.span)
        result.spansInPack += kept;
    result.summariesInPack = 0;
    for (const PackSummary& s : doc.summaries)
        if (s.packParent < 0 || a.sel.span[static_cast<size_t>(s.packParent)])
            ++result.summariesInPack;
    result.suspectsInPack = doc.suspects.size() - a.counters.suspects;
}

}  // namespace

std::string truncateText(std::string_view text, size_t limit, bool& cut) {
    cut = false;
    if (text.size() <= limit) return std::string(text);
    cut = true;
    // The marker's length depends on the number it carries; two rounds settle it.
    size_t keep = limit;
    std::string marker;
    for (int round = 0; round < 3; ++round) {
        marker = "…[+" + std::to_string(text.size() - keep) + " bytes]";
        keep = limit > marker.size() ? limit - marker.size() : 0;
    }
    marker = "…[+" + std::to_string(text.size() - keep) + " bytes]";
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80)
        --keep;
    marker = "…[+" + std::to_string(text.size() - keep) + " bytes]";
    return std::string(text.substr(0, keep)) + marker;
}

void writePack(const PackDocument& doc, size_t maxBytes, PackResult& result) {
    const size_t n = doc.spans.size();
    const std::vector<uint8_t> all(n, 1);
    const Limits& last = kLevels[std::size(kLevels) - 1];
    // Three times the cap or more, shorter strings will not make up the difference: such a
    // render stops there and the last level follows at once.
    const size_t farOver = 3 * maxBytes;
    Attempt a;
    for (const Limits& lim : kLevels) {
        if (&lim == &last) break;
        a = attempt(doc, lim, all, {}, maxBytes, lim.logs, nullptr, farOver);
        if (a.fits(maxBytes) || a.aborted || a.bytes.size() > farOver) break;
    }
    if (a.fits(maxBytes)) return finish(doc, maxBytes, std::move(a), result);

    // The last level, measuring what each span costs for the span step below.
    std::vector<size_t> sizes;
    Limits tight = last;
    a = attempt(doc, tight, all, {}, maxBytes, tight.logs, &sizes);
    // Then the metric snapshot (context, not evidence) goes whole...
    if (!a.fits(maxBytes) && !doc.metrics.empty()) {
        tight.metricSeries = 0;
        a = attempt(doc, tight, all, {}, maxBytes, tight.logs, &sizes);
    }
    // ...then log lines, errors kept longest, unless only spans can make up the difference.
    if (!a.fits(maxBytes) && a.bytes.size() - maxBytes <= a.logBytes)
        for (size_t logs : {size_t{5}, size_t{2}, size_t{0}}) {
            a = attempt(doc, tight, all, {}, maxBytes, logs);
            if (a.fits(maxBytes)) break;
        }
    if (a.fits(maxBytes)) return finish(doc, maxBytes, std::move(a), result);

    // Last resort: drop whole spans, least important first; a span goes only after every span
    // below it (an ancestor is at least as important, and deeper goes first on ties).
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const PackSpan& p = doc.spans[x];
        const PackSpan& q = doc.spans[y];
        if (p.importance != q.importance) return p.importance < q.importance;
        if (p.depth != q.depth) return p.depth > q.depth;
        return x > y;
    });
    // The most important span (the root) is never dropped: a pack without it is no pack.
    const size_t droppable = n ? n - 1 : 0;
    // How many spans, from the `from` first in `order`, free `need` bytes by the estimate.
    auto dropUntil = [&](size_t from, size_t need) {
        size_t k = from, freed = 0;
        while (k < droppable && freed < need)
            freed += sizes[order[k++]];
        return k;
    };
    auto tryDrop = [&](size_t count) {
        std::vector<uint8_t> kept = all;
        Counters base;
        for (size_t j = 0; j < count; ++j) {
            kept[order[j]] = 0;
            ++base.spans;
            if (base.droppedIds.size() < kListedIds)
                base.droppedIds.push_back(doc.spans[order[j]].id);
        }
        return attempt(doc, tight, kept, base, maxBytes, 0);
    };
    // Ids listed in left_out cost bytes too: keep some slack for them.
    const size_t slack = 24 * kListedIds + 256;
    // Without log lines (when the log step was skipped, `a` still has them).
    size_t k = dropUntil(0, a.bytes.size() - a.logBytes - maxBytes + slack);
    size_t fail = 0;  // the most spans dropped known to be too few (none dropped: too big)
    // Grow until it fits: the estimate misses what the key dictionary and resources gain.
    for (;;) {
        a = tryDrop(k);
        if (a.fits(maxBytes) || k >= droppable) break;
        fail = k;
        k = dropUntil(k, a.bytes.size() - maxBytes + slack);
    }
    if (a.fits(maxBytes)) {
        // The estimate charges a span for all it brings, so it tends to drop a few too many:
        // give spans back while the room left holds them by the estimate...
        size_t hi = k;
        Attempt best = std::move(a);
        for (;;) {
            const size_t room = maxBytes - best.bytes.size();
            size_t j = hi, back = 0;
            while (j > fail + 1 && back + sizes[order[j - 1]] <= room)
                back += sizes[order[--j]];
            if (j == hi) break;
            Attempt m = tryDrop(j);
            if (!m.fits(maxBytes)) {
                fail = j;
                break;
            }
            hi = j;
            best = std::move(m);
        }
        // ...then bisect; within a sixteenth of the spans kept is close enough.
        while (hi - fail > std::max<size_t>(1, (n - hi) / 16)) {
            const size_t mid = fail + (hi - fail) / 2;
            Attempt m = tryDrop(mid);
            if (m.fits(maxBytes)) {
                hi = mid;
                best = std::move(m);
            } else {
                fail = mid;
            }
        }
        a = std::move(best);
    }
    finish(doc, maxBytes, std::move(a), result);
}

}  // namespace rootline
