#include "tracepack/tracepack_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "agent/genai_span.h"
#include "logs/event_text.h"
#include "model/semconv.h"
#include "tracepack/pack_document.h"
#include "tracepack/pack_writer.h"
#include "tracepack/subgraph.h"
#include "tracepack/tracepack_origin.h"
#include "util/ascii.h"

namespace rootline {

namespace {

constexpr size_t kOperationsGathered = 8;
constexpr size_t kSimilarListed = 10;

int64_t floorUs(int64_t ns) {
    return ns >= 0 ? ns / 1000 : -((-ns + 999) / 1000);
}

double round2(double x) {
    return std::round(x * 100.0) / 100.0;
}

std::string_view roleName(PackRole r) {
    switch (r) {
        case PackRole::Suspect:
            return "suspect";
        case PackRole::Error:
            return "error";
        case PackRole::Ancestor:
            return "ancestor";
        case PackRole::Sibling:
            return "sibling";
        case PackRole::None:
            break;
    }
    return "";
}

std::string statusText(StatusCode s) {
    return s == StatusCode::Error ? "error" : s == StatusCode::Ok ? "ok" : "";
}

// Applies the redactor's free-text rules to every string in a JSON value (sections carried
// over from a pack: already redacted once, so only rules added since then can change them).
void redactStrings(ojson& j, Redactor& red) {
    if (j.is_string()) {
        j = red.redactText(j.get_ref<const std::string&>());
    } else if (j.is_array() || j.is_object()) {
        for (auto& child : j)
            redactStrings(child, red);
    }
}

ojson parseSection(const std::string& text, ojson fallback) {
    if (text.empty()) return fallback;
    ojson j = ojson::parse(text, nullptr, false);
    return j.is_discarded() ? fallback : j;
}

// Log line severities, most severe first, and their names in the pack.
constexpr int8_t kError = 0, kWarn = 1, kInfo = 2, kDebug = 3;

// 32 lowercase hex digits, left-padded (Prometheus and Tempo trim leading zeros); "" when the
// text is not hex.
std::string normalisedTraceId(std::string_view id) {
    if (id.empty() || id.size() > 32) return {};
    std::string out(32 - id.size(), '0');
    for (char c : id) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}
constexpr const char* kSeverityNames[] = {"error", "warn", "info", "debug"};

class Gatherer {
public:
    Gatherer(const Trace& t, const Ranking& ranking, const PackOptions& opt, Redactor& red)
        : t_(t), dict_(*t.dict), ranking_(ranking), opt_(opt), red_(red), sem_(*t.dict) {
        origin_ = t.tracepack.get();
        genAi_ = mayContainGenAi(t);
        baseUs_ = origin_ ? origin_->startUnixUs : floorUs(t.startNs);
    }

    PackDocument gather() {
        // No pack holds more than a span per ~80 bytes: gathering (and redacting) more spans
        // than that would only be work for the writer to shed.
        const size_t candidates = std::max<size_t>(64, opt_.maxBytes / 80);
        Subgraph g =
            origin_ ? originSubgraph() : selectSubgraph(t_, ranking_, candidates, opt_.focusSpan);
        for (size_t k = 0; k < g.spans.size(); ++k)
            packIndexOf_[g.spans[k]] = static_cast<int32_t>(k);
        for (size_t k = 0; k < g.spans.size(); ++k)
            doc_.spans.push_back(span(g, k));
        if (origin_) {
            carryOver();
        } else {
            doc_.trace = header();
            doc_.suspects = suspects();
            doc_.pastFixes = pastFixes();
            summaries(g);
            logs();
            metrics();
            codeLocations(g);
            if (messagesLeftOut_)
                doc_.leftOut.push_back({"message_content",
                                        messagesLeftOut_,
                                        "prompts and answers are left out unless asked for "
                                        "(--include-messages)",
                                        {}});
            if (g.errorsNotConsidered)
                doc_.leftOut.push_back({"spans",
                                        g.errorsNotConsidered,
                                        "failed spans beyond what the size cap can hold",
                                        {}});
        }
        return std::move(doc_);
    }

private:
    // A trace read from a pack: every real span was in the pack and stays.
    Subgraph originSubgraph() {
        Subgraph g;
        for (size_t i = 0; i < t_.spanCount(); ++i) {
            if (origin_->isCollapsed(static_cast<uint32_t>(i))) continue;
            const auto role = i < origin_->role.size() ? static_cast<PackRole>(origin_->role[i])
                                                       : PackRole::Ancestor;
            g.spans.push_back(static_cast<uint32_t>(i));
            g.role.push_back(role);
            const uint32_t rank = i < ranking_.rankOfSpan.size() ? ranking_.rankOfSpan[i] : 0;
            g.importance.push_back(rank ? 1e6 - rank : role == PackRole::Error ? 5e2 : 1e2);
        }
        return g;
    }

    // What counts as message content on one attribute list (see PackOptions::includeMessages).
    enum class Content { None, SpanAttrs, ModelSpanAttrs, MessageEvent };

    std::vector<PackAttr> attrs(std::span<const PairId> pairs, Content content = Content::None) {
        std::vector<PackAttr> out;
        out.reserve(pairs.size());
        for (PairId p : pairs) {
            const Attribute& a = dict_.attrs.pair(p);
            if (content != Content::None && !opt_.includeMessages) {
                const std::string_view k = dict_.str(a.key);
                const bool isContent =
                    content == Content::MessageEvent
                        ? isGenAiMessageEventContentKey(k)
                        : isGenAiContentKey(k, content == Content::ModelSpanAttrs);
                if (isContent) {
                    ++messagesLeftOut_;
                    continue;
                }
            }
            nlohmann::json v = attributeValueJson(a.value, dict_);
            if (v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
                ((v.is_array() || v.is_object()) && v.empty()))
                continue;
            std::string key(dict_.str(a.key));
            red_.redactAttribute(key, v);
            out.push_back({std::move(key), std::move(v)});
        }
        return out;
    }

    std::string text(std::string_view s) { return red_.redactText(s); }

    int32_t resourceIndex(uint32_t r) {
        auto it = resourceOfTrace_.find(r);
        if (it != resourceOfTrace_.end()) return it->second;
        const Resource& res = dict_.resources[r];
        PackResource pr;
        pr.service = text(dict_.str(res.service));
        pr.attrs = attrs(dict_.attrs.set(res.attrs));
        // Resources that only differed in what was redacted are one resource in the pack.
        std::string content = pr.service;
        for (const PackAttr& a : pr.attrs)
            content += '\0' + a.key + '\0' + a.value.dump();
        auto [cit, added] =
            resourceByContent_.emplace(content, static_cast<int32_t>(doc_.resources.size()));
        if (added) doc_.resources.push_back(std::move(pr));
        resourceOfTrace_[r] = cit->second;
        return cit->second;
    }

    PackSpan span(const Subgraph& g, size_t k) {
        const uint32_t i = g.spans[k];
        PackSpan s;
        s.id = t_.spanIdText(i);
        if (t_.parent[i] >= 0)
            s.parentId = t_.spanIdText(static_cast<size_t>(t_.parent[i]));
        else if (t_.parentId[i] != 0 || (t_.flags[i] & kOrphan))
            s.parentId = t_.parentIdText(i);
        s.parentFollowsFrom = (t_.flags[i] & kParentFollowsFrom) != 0;
        s.name = text(t_.nameOf(i));
        s.resource = resourceIndex(t_.resource[i]);
        s.service = doc_.resources[static_cast<size_t>(s.resource)].service;
        s.kind = std::string(kindName(t_.kind[i]));
        s.status = statusText(t_.status[i]);
        s.statusMessage = text(t_.str(t_.statusMessage[i]));
        s.startUs = floorUs(t_.start[i]) - baseUs_;
        s.durationUs = t_.duration[i] / 1000;
        s.selfUs = t_.selfTime[i] / 1000;
        s.role = std::string(roleName(g.role[k]));
        s.rank = i < ranking_.rankOfSpan.size() ? ranking_.rankOfSpan[i] : 0;
        Content spanContent = Content::None;
        if (genAi_)
            spanContent = classifyGenAiSpan(t_, i).kind == GenAiKind::ModelCall
                              ? Content::ModelSpanAttrs
                              : Content::SpanAttrs;
        s.attrs = attrs(t_.attributesOf(i), spanContent);
        for (const Event& e : t_.eventsOf(i)) {
            const bool message = genAi_ && isGenAiMessageEvent(t_.str(e.name));
            s.events.push_back(
                {floorUs(e.timeNs) - baseUs_, text(t_.str(e.name)),
                 attrs(dict_.attrs.set(e.attrs), message ? Content::MessageEvent : Content::None)});
        }
        for (const Link& l : t_.linksOf(i))
            s.links.push_back({l.traceId.isZero() ? std::string() : toHex(l.traceId),
                               toHex(l.spanId), std::string(refTypeName(l.type)),
                               attrs(dict_.attrs.set(l.attrs))});
        if (origin_) {
            auto it = std::lower_bound(
                origin_->spanWarnings.begin(), origin_->spanWarnings.end(), i,
                [](const auto& entry, uint32_t span) { return entry.first < span; });
            if (it != origin_->spanWarnings.end() && it->first == i)
                for (const std::string& w : it->second)
                    s.warnings.push_back(text(w));
        } else {
            for (const SpanWarning& w : t_.warningsOf(i))
                s.warnings.push_back(text(warningText(t_, w)));
        }
        s.importance = g.importance[k];
        s.depth = t_.depth[i];
        if (t_.parent[i] >= 0) {
            auto it = packIndexOf_.find(static_cast<uint32_t>(t_.parent[i]));
            if (it != packIndexOf_.end()) s.packParent = it->second;
        }
        return s;
    }

    ojson header() {
        ojson h;
        h["trace_id"] = t_.traceIdText();
        if (!opt_.source.empty()) h["source"] = text(opt_.source);
        std::set<std::string> envs;
        std::map<std::string, std::set<std::string>> versions;
        std::set<std::string> services;
        const std::string_view envKeys[] = {"deployment.environment.name",
                                            "deployment.environment"};
        std::vector<uint8_t> seen(dict_.resources.size(), 0);
        for (size_t i = 0; i < t_.spanCount(); ++i) {
            const uint32_t r = t_.resource[i];
            if (seen[r]) continue;
            seen[r] = 1;
            const Resource& res = dict_.resources[r];
            const std::string service = text(dict_.str(res.service));
            services.insert(service);
            for (PairId p : dict_.attrs.set(res.attrs)) {
                const Attribute& a = dict_.attrs.pair(p);
                const std::string_view key = dict_.str(a.key);
                const std::string value = valueToString(a.value, dict_.strings, dict_.attrs);
                if (value.empty()) continue;
                if (key == envKeys[0] || key == envKeys[1]) envs.insert(text(value));
                if (key == "service.version") versions[service].insert(text(value));
            }
        }
        std::string env;
        for (const std::string& e : envs)
            env += (env.empty() ? "" : ", ") + e;
        if (!env.empty()) h["environment"] = env;
        h["start_unix_us"] = baseUs_;
        h["duration_us"] = t_.durationNs() / 1000;
        h["span_count"] = t_.spanCount();
        h["error_count"] = t_.errorCount;
        int32_t root = -1;
        for (uint32_t r : t_.roots)
            if (root < 0 || t_.duration[r] > t_.duration[static_cast<size_t>(root)])
                root = static_cast<int32_t>(r);
        if (root >= 0) {
            const auto r = static_cast<size_t>(root);
            h["root"] = {{"span_id", t_.spanIdText(r)},
                         {"service", text(t_.serviceOf(r))},
                         {"name", text(t_.nameOf(r))}};
        }
        if (opt_.focusSpan >= 0 && static_cast<size_t>(opt_.focusSpan) < t_.spanCount())
            h["focus_span_id"] = t_.spanIdText(static_cast<size_t>(opt_.focusSpan));
        h["services"] = services;
        ojson releases = ojson::array();
        for (const auto& [service, vs] : versions)
            for (const std::string& v : vs)
                releases.push_back({{"service", service}, {"version", v}});
        if (!releases.empty()) h["releases"] = std::move(releases);
        if (!t_.traceWarnings.empty()) {
            ojson w = ojson::array();
            for (const std::string& x : t_.traceWarnings)
                w.push_back(text(x));
            h["warnings"] = std::move(w);
        }
        return h;
    }

    ojson suspects() {
        ojson out = ojson::array();
        for (size_t r = 0; r < ranking_.suspects.size(); ++r) {
            const Suspect& s = ranking_.suspects[r];
            ojson o;
            o["rank"] = r + 1;
            o["span_id"] = t_.spanIdText(s.span);
            o["service"] = text(t_.serviceOf(s.span));
            o["name"] = text(t_.nameOf(s.span));
            o["score"] = round2(s.score);
            ojson reasons = ojson::array();
            for (const SuspectReason& reason : s.reasons)
                reasons.push_back({{"code", reason.code},
                                   {"text", text(reason.text)},
                                   {"points", round2(reason.points)}});
            o["reasons"] = std::move(reasons);
            if (!s.similar.empty()) {
                ojson ids = ojson::array();
                for (size_t k = 0; k < s.similar.size() && k < kSimilarListed; ++k)
                    ids.push_back(t_.spanIdText(s.similar[k]));
                o["similar"] = s.similar.size();
                o["similar_span_ids"] = std::move(ids);
            }
            out.push_back(std::move(o));
        }
        return out;
    }

    ojson pastFixes() {
        ojson out = ojson::array();
        for (const PackPastFix& f : opt_.pastFixes) {
            ojson o;
            if (!f.traceId.empty()) o["trace_id"] = f.traceId;
            o["resolved_unix_us"] = f.resolvedUnixMs * 1000;
            if (!f.hypothesis.empty()) o["hypothesis"] = text(f.hypothesis);
            o["note"] = text(f.note);
            out.push_back(std::move(o));
        }
        return out;
    }

    void summaries(const Subgraph& g) {
        uint64_t collapsedSpans = 0;
        std::vector<uint32_t> stack;
        for (const CollapsedGroup& group : g.collapsed) {
            PackSummary s;
            if (group.parent >= 0) {
                s.parentId = t_.spanIdText(static_cast<size_t>(group.parent));
                s.packParent = packIndexOf_.at(static_cast<uint32_t>(group.parent));
            }
            std::unordered_map<uint64_t, uint64_t> ops;
            int64_t start = INT64_MAX, end = INT64_MIN;
            for (uint32_t top : group.tops) {
                s.totalUs += t_.duration[top] / 1000;
                s.maxUs = std::max(s.maxUs, t_.duration[top] / 1000);
                stack.assign(1, top);
                while (!stack.empty()) {
                    const uint32_t i = stack.back();
                    stack.pop_back();
                    ++s.spans;
                    ++ops[(uint64_t{t_.service[i]} << 32) | t_.name[i]];
                    start = std::min(start, t_.start[i]);
                    end = std::max(end, t_.end(i));
                    for (uint32_t c : t_.childrenOf(i))
                        stack.push_back(c);
                }
            }
            s.startUs = floorUs(start) - baseUs_;
            s.endUs = floorUs(end) - baseUs_;
            std::vector<std::pair<uint64_t, uint64_t>> sorted(ops.begin(), ops.end());
            std::vector<PackOperation> named;
            named.reserve(sorted.size());
            for (const auto& [key, count] : sorted)
                named.push_back({std::string(t_.str(t_.services[key >> 32])),
                                 std::string(t_.str(static_cast<StrId>(key & 0xffffffffu))),
                                 count});
            std::sort(named.begin(), named.end(),
                      [](const PackOperation& a, const PackOperation& b) {
                          if (a.count != b.count) return a.count > b.count;
                          if (a.service != b.service) return a.service < b.service;
                          return a.name < b.name;
                      });
            if (named.size() > kOperationsGathered) {
                s.moreOperations = named.size() - kOperationsGathered;
                named.resize(kOperationsGathered);
            }
            for (PackOperation& op : named) {
                op.service = text(op.service);
                op.name = text(op.name);
            }
            s.operations = std::move(named);
            collapsedSpans += s.spans;
            doc_.summaries.push_back(std::move(s));
        }
        if (collapsedSpans)
            doc_.leftOut.push_back(
                {"healthy_spans", collapsedSpans, "collapsed into summaries", {}});
    }

    // What one attribute says about an event's severity: a level field's value, a true `error`
    // flag, or nothing (kNoSeverity). Cached by pair: events share their level pairs.
    static constexpr int8_t kNoSeverity = -1;
    int8_t pairSeverity(PairId p) {
        if (pairSeverity_.empty()) pairSeverity_.assign(dict_.attrs.pairCount(), -2);
        int8_t& cached = pairSeverity_[p];
        if (cached != -2) return cached;
        const Attribute& a = dict_.attrs.pair(p);
        const std::string k = asciiLower(dict_.str(a.key));
        cached = kNoSeverity;
        if (k == "level" || k == "log.level" || k == "severity" || k == "severity_text" ||
            k == "loglevel") {
            const std::string v = asciiLower(valueToString(a.value, dict_.strings, dict_.attrs));
            if (v.rfind("err", 0) == 0 || v == "fatal" || v == "critical" || v == "crit" ||
                v == "panic" || v == "alert" || v == "emergency")
                cached = kError;
            else if (v.rfind("warn", 0) == 0)
                cached = kWarn;
            else if (v == "debug" || v == "trace")
                cached = kDebug;
            else
                cached = kInfo;
        } else if (k == "error" && a.value.type == ValueType::Bool && a.value.boolean) {
            cached = kError;
        }
        return cached;
    }

    // What an event's name says: "exception" is an error whatever its attributes (returned as
    // kException); otherwise the fallback when no attribute names a level. Cached by name.
    static constexpr int8_t kException = 4;
    int8_t nameSeverity(StrId nameId) {
        auto [it, fresh] = nameSeverities_.try_emplace(nameId, int8_t{kInfo});
        if (fresh) {
            const std::string name = asciiLower(t_.str(nameId));
            it->second =
                name == "exception" ? kException
                : name.find("error") != std::string::npos || name.find("fail") != std::string::npos
                    ? kError
                : name.find("warn") != std::string::npos ? kWarn
                                                         : kInfo;
        }
        return it->second;
    }

    int8_t severityOf(const Event& e) {
        const int8_t byName = nameSeverity(e.name);
        if (byName == kException) return kError;
        for (PairId p : dict_.attrs.set(e.attrs))
            if (const int8_t s = pairSeverity(p); s != kNoSeverity) return s;
        return byName;
    }

    // A log line's text as the event wrote it; the caller redacts it (once per distinct text).
    // A log line's level; a line that names none is judged by its text as an event by its name
    // (error, fail… → error; warn… → warn), so an unlabelled "payment failed" is not lost.
    static int8_t severityOfLine(const logs::LogLine& line) {
        switch (line.level) {
            case logs::LogLevel::Error:
                return kError;
            case logs::LogLevel::Warn:
                return kWarn;
            case logs::LogLevel::Info:
                return kInfo;
            case logs::LogLevel::Debug:
                return kDebug;
            case logs::LogLevel::Unknown:
                break;
        }
        const std::string body = asciiLower(line.body);
        if (body.find("error") != std::string::npos || body.find("fail") != std::string::npos ||
            body.find("exception") != std::string::npos)
            return kError;
        return body.find("warn") != std::string::npos ? kWarn : kInfo;
    }

    void logs() {
        // Windows of ±logWindowNs around every failed span, merged.
        std::vector<std::pair<int64_t, int64_t>> windows;
        const int64_t w = opt_.logWindowNs;
        for (size_t i = 0; i < t_.spanCount(); ++i)
            if (t_.isError(i)) windows.emplace_back(t_.start[i] - w, t_.end(i) + w);
        if (windows.empty()) return;
        std::sort(windows.begin(), windows.end());
        std::vector<std::pair<int64_t, int64_t>> merged;
        for (const auto& win : windows) {
            if (!merged.empty() && win.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, win.second);
            else
                merged.push_back(win);
        }
        auto inWindow = [&](int64_t tNs) {
            auto it =
                std::upper_bound(merged.begin(), merged.end(), std::make_pair(tNs, INT64_MAX));
            return it != merged.begin() && tNs <= std::prev(it)->second;
        };
        uint64_t filtered = 0, beyond = 0;
        // Far more distinct lines than any pack holds (the writer keeps at most 100) are only
        // counted: redacting thousands of lines to shed them is what made 1M-span packs slow.
        constexpr size_t kLinesGathered = 400;
        // Names, level attributes, services and texts repeat across events: each is read (and
        // redacted) once. A line is (service, severity, body), each as a small id.
        std::unordered_map<uint32_t, uint32_t> serviceOfResource;
        std::unordered_map<std::string, uint32_t> bodyIds, serviceIds;
        std::vector<std::string> bodies, services;
        auto idOf = [](std::unordered_map<std::string, uint32_t>& ids,
                       std::vector<std::string>& texts, std::string text) {
            auto [it, added] = ids.try_emplace(text, static_cast<uint32_t>(texts.size()));
            if (added) texts.push_back(std::move(text));
            return it->second;
        };
        std::unordered_map<std::string, uint32_t> rawBodies;  // as written → redacted body id
        std::unordered_map<uint64_t, size_t> seen;  // (service, source, severity, body) → line
        // One line: folded into an earlier identical one, gathered, or only counted.
        auto add = [&](int64_t tNs, int8_t severity, logs::LogSource source, std::string rawBody,
                       auto serviceId, auto spanIdText) {
            if (!opt_.includeInfoLogs && severity != kError && severity != kWarn) {
                ++filtered;
                return;
            }
            // Folded by the text as written, redacted once: redaction is most of the cost.
            auto [raw, newRaw] = rawBodies.try_emplace(std::move(rawBody), UINT32_MAX);
            if (newRaw && doc_.logs.size() < kLinesGathered)
                raw->second = idOf(bodyIds, bodies, text(raw->first));
            const uint32_t body = raw->second;
            if (body == UINT32_MAX) {  // first seen once the gathering was full
                ++beyond;
                return;
            }
            const uint32_t service = serviceId();
            const uint64_t key = (uint64_t{service} << 40) | (uint64_t(source) << 36) |
                                 (uint64_t(severity) << 32) | body;
            auto it = seen.find(key);
            if (it != seen.end()) {
                ++doc_.logs[it->second].repeats;
                return;
            }
            if (doc_.logs.size() >= kLinesGathered) {
                ++beyond;
                return;
            }
            seen.emplace(key, doc_.logs.size());
            PackLog l;
            l.tUs = floorUs(tNs) - baseUs_;
            l.spanId = spanIdText();
            l.service = services[service];
            l.severity = kSeverityNames[severity];
            l.body = bodies[body];
            l.source = logs::logSourceName(source);
            doc_.logs.push_back(std::move(l));
        };
        for (size_t i = 0; i < t_.spanCount(); ++i) {
            for (const Event& e : t_.eventsOf(i)) {
                if (!inWindow(e.timeNs)) continue;
                // A prompt or an answer is message content, not a log line.
                if (genAi_ && !opt_.includeMessages && isGenAiMessageEvent(t_.str(e.name)))
                    continue;
                add(
                    e.timeNs, severityOf(e), logs::LogSource::SpanEvent, logs::eventBody(t_, e),
                    [&] {
                        auto [svc, added] = serviceOfResource.try_emplace(t_.resource[i]);
                        if (added) svc->second = idOf(serviceIds, services, text(t_.serviceOf(i)));
                        return svc->second;
                    },
                    [&] { return t_.spanIdText(i); });
            }
        }
        // Lines from Loki or a log file, correlated by the caller: the same window and rules.
        std::unordered_map<std::string, uint32_t> serviceOfName;
        for (const logs::LogLine& line : opt_.extraLogs) {
            if (!inWindow(line.timeNs)) continue;
            if (!opt_.includeMessages) {
                const auto event = line.fields.find("event.name");
                if (event != line.fields.end() && isGenAiMessageEvent(event->second)) {
                    ++messagesLeftOut_;
                    continue;
                }
            }
            add(
                line.timeNs, severityOfLine(line), line.source, line.body,
                [&] {
                    auto [svc, added] = serviceOfName.try_emplace(line.service);
                    if (added) svc->second = idOf(serviceIds, services, text(line.service));
                    return svc->second;
                },
                [&] {
                    if (line.span >= 0 && static_cast<size_t>(line.span) < t_.spanCount())
                        return t_.spanIdText(static_cast<size_t>(line.span));
                    return line.spanId;
                });
        }
        // Folding kept the first line of each kind; the list reads in time order.
        std::vector<size_t> order(doc_.logs.size());
        for (size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const PackLog& x = doc_.logs[a];
            const PackLog& y = doc_.logs[b];
            return x.tUs != y.tUs ? x.tUs < y.tUs : x.spanId < y.spanId;
        });
        std::vector<PackLog> sorted;
        sorted.reserve(order.size());
        for (size_t k : order)
            sorted.push_back(std::move(doc_.logs[k]));
        doc_.logs = std::move(sorted);
        if (filtered) doc_.leftOut.push_back({"log_lines", filtered, "info and debug level", {}});
        if (beyond) doc_.leftOut.push_back({"log_lines", beyond, "over the size cap", {}});
    }

    // The metric snapshot: a few series per chart, evenly downsampled, and the exemplars that
    // matter most (this trace's own, then those nearest it in time). The writer sheds more.
    void metrics() {
        constexpr size_t kSeriesGathered = 6, kPointsGathered = 60, kExemplarsGathered = 10;
        const metrics::MetricSnapshot& m = opt_.metrics;
        if (m.charts.empty()) return;
        doc_.metricsConnection = text(m.connection);
        const std::string ownId = normalisedTraceId(t_.traceIdText());
        const double traceMid = (m.traceStartSec + m.traceEndSec) / 2;
        auto us = [&](double sec) { return std::llround(sec * 1e6) - baseUs_; };
        uint64_t series = 0, points = 0, exemplars = 0;
        for (const metrics::MetricChart& c : m.charts) {
            PackMetric pm;
            pm.title = text(c.title);
            pm.unit = c.unit;
            pm.query = text(c.query);
            pm.error = text(c.error);
            for (const metrics::MetricSeries& ms : c.series) {
                if (pm.series.size() >= kSeriesGathered) {
                    ++series;
                    continue;
                }
                PackMetricSeries ps;
                for (const auto& [k, v] : ms.labels)
                    ps.labels.emplace_back(k, text(v));
                const size_t n = ms.points.size(), keep = std::min(n, kPointsGathered);
                for (size_t j = 0; j < keep; ++j) {
                    // Evenly spread, first and last kept: the chart's shape survives.
                    const size_t at = keep == 1 ? 0 : j * (n - 1) / (keep - 1);
                    ps.points.emplace_back(us(ms.points[at].timeSec), ms.points[at].value);
                }
                points += n - keep;
                pm.series.push_back(std::move(ps));
            }
            std::vector<const metrics::Exemplar*> order;
            for (const metrics::Exemplar& e : c.exemplars)
                order.push_back(&e);
            auto own = [&](const metrics::Exemplar* e) {
                return !ownId.empty() && normalisedTraceId(e->traceId) == ownId;
            };
            std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) {
                if (own(a) != own(b)) return own(a);
                return std::abs(a->timeSec - traceMid) < std::abs(b->timeSec - traceMid);
            });
            for (const metrics::Exemplar* e : order) {
                if (pm.exemplars.size() >= kExemplarsGathered) {
                    ++exemplars;
                    continue;
                }
                pm.exemplars.push_back(
                    {text(e->traceId), text(e->spanId), us(e->timeSec), e->value, own(e)});
            }
            doc_.metrics.push_back(std::move(pm));
        }
        if (series) doc_.leftOut.push_back({"metric_series", series, "beyond 6 per chart", {}});
        if (points) doc_.leftOut.push_back({"metric_points", points, "downsampled", {}});
        if (exemplars)
            doc_.leftOut.push_back({"exemplars", exemplars, "beyond the 10 nearest the trace", {}});
    }

    void codeLocations(const Subgraph& g) {
        std::map<std::tuple<std::string, std::string, std::string, int64_t>, size_t> index;
        const StrId nsKey = dict_.strings.find("code.namespace");
        for (uint32_t i : g.spans) {
            const Value* fn = sem_.find(t_, i, SemAttr::CodeFunction);
            const Value* file = sem_.find(t_, i, SemAttr::CodeFilepath);
            if (!fn && !file) continue;
            PackCodeLocation loc;
            if (fn) loc.function = text(valueToString(*fn, dict_.strings, dict_.attrs));
            if (file) loc.file = text(valueToString(*file, dict_.strings, dict_.attrs));
            if (const Value* line = sem_.find(t_, i, SemAttr::CodeLineno)) {
                int64_t n = 0;
                if (valueAsInt(*line, dict_.strings, n)) loc.line = n;
            }
            if (nsKey != kEmptyStr)
                if (const Value* ns = t_.findAttribute(i, nsKey))
                    loc.ns = text(valueToString(*ns, dict_.strings, dict_.attrs));
            auto key = std::make_tuple(loc.function, loc.ns, loc.file, loc.line);
            auto [it, added] = index.emplace(key, doc_.codeLocations.size());
            if (added) doc_.codeLocations.push_back(std::move(loc));
            doc_.codeLocations[it->second].spanIds.push_back(t_.spanIdText(i));
        }
    }

    // A trace read from a pack: everything but the spans comes from the pack as it was.
    void carryOver() {
        doc_.trace = parseSection(origin_->header, ojson::object());
        doc_.suspects = parseSection(origin_->suspects, ojson::array());
        doc_.pastFixes = parseSection(origin_->pastFixes, ojson::array());
        redactStrings(doc_.trace, red_);
        redactStrings(doc_.suspects, red_);
        std::unordered_map<std::string, int32_t> byId;
        for (size_t k = 0; k < doc_.spans.size(); ++k)
            byId.emplace(doc_.spans[k].id, static_cast<int32_t>(k));
        for (const ojson& j : parseSection(origin_->collapsed, ojson::array())) {
            PackSummary s;
            s.parentId = j.value("parent_id", std::string());
            if (auto it = byId.find(s.parentId); it != byId.end()) s.packParent = it->second;
            s.spans = j.value("spans", uint64_t{0});
            s.startUs = j.value("start_us", int64_t{0});
            s.endUs = j.value("end_us", int64_t{0});
            s.totalUs = j.value("total_us", int64_t{0});
            s.maxUs = j.value("max_us", int64_t{0});
            s.moreOperations = j.value("more_operations", uint64_t{0});
            if (j.contains("operations"))
                for (const ojson& op : j["operations"])
                    s.operations.push_back({text(op.value("service", std::string())),
                                            text(op.value("name", std::string())),
                                            op.value("count", uint64_t{0})});
            doc_.summaries.push_back(std::move(s));
        }
        for (const ojson& j : parseSection(origin_->logs, ojson::array())) {
            PackLog l;
            l.tUs = j.value("t_us", int64_t{0});
            l.spanId = j.value("span_id", std::string());
            l.service = text(j.value("service", std::string()));
            l.severity = j.value("severity", std::string());
            l.body = text(j.value("body", std::string()));
            l.source = j.value("source", std::string());
            l.repeats = j.value("repeats", uint64_t{0});
            doc_.logs.push_back(std::move(l));
        }
        for (const ojson& j : parseSection(origin_->metrics, ojson::array())) {
            PackMetric pm;
            doc_.metricsConnection = text(j.value("connection", std::string()));
            pm.title = text(j.value("title", std::string()));
            pm.unit = j.value("unit", std::string());
            pm.query = text(j.value("query", std::string()));
            pm.error = text(j.value("error", std::string()));
            const ojson series = j.value("series", ojson::array());
            for (const ojson& sj : series) {
                PackMetricSeries ps;
                const ojson labels = sj.value("labels", ojson::object());
                for (const auto& [k, v] : labels.items())
                    if (v.is_string()) ps.labels.emplace_back(k, text(v.get<std::string>()));
                const ojson points = sj.value("points", ojson::array());
                for (const ojson& p : points)
                    if (p.is_array() && p.size() == 2 && p[0].is_number_integer())
                        ps.points.emplace_back(p[0].get<int64_t>(),
                                               p[1].is_number() ? p[1].get<double>() : NAN);
                pm.series.push_back(std::move(ps));
            }
            const ojson exemplars = j.value("exemplars", ojson::array());
            for (const ojson& ej : exemplars)
                pm.exemplars.push_back({ej.value("trace_id", std::string()),
                                        ej.value("span_id", std::string()),
                                        ej.value("t_us", int64_t{0}), ej.value("value", 0.0),
                                        ej.value("this_trace", false)});
            doc_.metrics.push_back(std::move(pm));
        }
        for (const ojson& j : parseSection(origin_->codeLocations, ojson::array())) {
            PackCodeLocation loc;
            loc.function = text(j.value("function", std::string()));
            loc.ns = text(j.value("namespace", std::string()));
            loc.file = text(j.value("file", std::string()));
            loc.line = j.value("line", int64_t{0});
            if (j.contains("span_ids"))
                for (const ojson& id : j["span_ids"])
                    if (id.is_string()) loc.spanIds.push_back(id.get<std::string>());
            doc_.codeLocations.push_back(std::move(loc));
        }
        for (const ojson& j : parseSection(origin_->leftOut, ojson::array())) {
            LeftOut l;
            l.what = j.value("what", std::string());
            l.count = j.value("count", uint64_t{0});
            l.why = j.value("why", std::string());
            if (j.contains("span_ids"))
                for (const ojson& id : j["span_ids"])
                    if (id.is_string()) l.ids.push_back(id.get<std::string>());
            doc_.leftOut.push_back(std::move(l));
        }
    }

    const Trace& t_;
    const Dictionary& dict_;
    const Ranking& ranking_;
    const PackOptions& opt_;
    Redactor& red_;
    SemconvLookup sem_;
    const TracepackOrigin* origin_ = nullptr;
    // Agent traces only: ordinary traces never pay for the GenAI checks.
    bool genAi_ = false;
    uint64_t messagesLeftOut_ = 0;
    int64_t baseUs_ = 0;
    PackDocument doc_;
    std::unordered_map<uint32_t, int32_t> packIndexOf_;
    std::unordered_map<uint32_t, int32_t> resourceOfTrace_;
    std::unordered_map<std::string, int32_t> resourceByContent_;
    std::vector<int8_t> pairSeverity_;  // by PairId; -2 not read yet
    std::unordered_map<StrId, int8_t> nameSeverities_;
};

// The pack's redaction record: this run's rules and counts, added to what the pack the trace
// came from had already removed (same rule, counts summed; its other rules kept).
ojson redactionRecord(const Redactor& red, const TracepackOrigin* origin,
                      std::vector<RedactionCount>& merged) {
    merged = red.counts();
    if (origin) {
        const ojson before = parseSection(origin->redaction, ojson::object());
        std::vector<RedactionCount> carried;
        if (before.contains("rules"))
            for (const ojson& r : before["rules"])
                carried.push_back({r.value("rule", std::string()), r.value("count", uint64_t{0})});
        std::vector<RedactionCount> out = carried;
        for (const RedactionCount& now : merged) {
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const RedactionCount& c) { return c.rule == now.rule; });
            if (it != out.end())
                it->count += now.count;
            else
                out.push_back(now);
        }
        merged = std::move(out);
    }
    const RedactionRules& rules = red.rules();
    ojson rec;
    rec["mode"] = rules.mode == RedactionRules::Mode::Allowlist ? "allowlist" : "denylist";
    rec["tokenised"] = rules.tokenise;
    ojson list = ojson::array();
    for (const RedactionCount& c : merged)
        list.push_back({{"rule", c.rule}, {"count", c.count}});
    rec["rules"] = std::move(list);
    return rec;
}

}  // namespace

PackResult buildTracepack(const Trace& trace, const Ranking& ranking, const PackOptions& options) {
    PackResult result;
    const size_t cap = std::max(options.maxBytes, kMinPackBytes);
    Redactor red(options.rules, options.tokenKey);
    const Ranking& used = trace.tracepack ? trace.tracepack->ranking : ranking;
    PackDocument doc = Gatherer(trace, used, options, red).gather();
    doc.redaction = redactionRecord(red, trace.tracepack.get(), result.redactions);
    writePack(doc, cap, result);
    result.tokens = red.tokens();
    return result;
}

}  // namespace rootline
