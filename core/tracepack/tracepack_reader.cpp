#include "tracepack/tracepack_reader.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/trace_builder.h"
#include "tracepack/subgraph.h"
#include "tracepack/tracepack_builder.h"
#include "tracepack/tracepack_origin.h"

namespace rootline {

namespace {

using ojson = nlohmann::ordered_json;

// Span ids of the summary spans: "c011a95e" ("collapse") and the summary's index.
constexpr uint64_t kCollapsedIdBase = 0xc011a95e00000000ull;

struct PackError {
    std::string message;
};

std::string_view skipSpace(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t'))
        ++i;
    return t.substr(i);
}

const ojson& member(const ojson& obj, const char* key, const std::string& where) {
    if (!obj.is_object() || !obj.contains(key))
        throw PackError{where + ": \"" + key + "\" is missing"};
    return obj[key];
}

std::string stringOr(const ojson& obj, const char* key, const std::string& where) {
    if (!obj.contains(key)) return {};
    const ojson& v = obj[key];
    if (!v.is_string()) throw PackError{where + "." + key + ": not a string"};
    return v.get<std::string>();
}

int64_t intOr(const ojson& obj, const char* key, const std::string& where) {
    if (!obj.contains(key)) return 0;
    const ojson& v = obj[key];
    if (!v.is_number_integer()) throw PackError{where + "." + key + ": not an integer"};
    return v.get<int64_t>();
}

PackRole roleOf(const std::string& r) {
    if (r == "suspect") return PackRole::Suspect;
    if (r == "error") return PackRole::Error;
    if (r == "sibling") return PackRole::Sibling;
    return PackRole::Ancestor;
}

class PackReader {
public:
    PackReader(const ojson& pack, const std::string& source) : pack_(pack), source_(source) {}

    std::shared_ptr<TraceFile> read() {
        const std::string schema = stringOr(pack_, "schema", "pack");
        if (schema != kTracepackSchema)
            throw PackError{"\"schema\" is \"" + schema + "\"; this Rootline reads " +
                            std::string(kTracepackSchema)};
        const ojson& trace = member(pack_, "trace", "pack");
        traceId_ = stringOr(trace, "trace_id", "trace");
        if (traceId_.empty()) throw PackError{"trace.trace_id is missing"};
        origin_->schema = schema;
        origin_->startUnixUs = intOr(trace, "start_unix_us", "trace");
        baseNs_ = origin_->startUnixUs * 1000;
        if (pack_.contains("keys")) {
            const ojson& keys = pack_["keys"];
            if (!keys.is_array()) throw PackError{"keys: not an array"};
            for (size_t k = 0; k < keys.size(); ++k) {
                if (!keys[k].is_string())
                    throw PackError{"keys[" + std::to_string(k) + "]: not a string"};
                keys_.push_back(b_.internKey(keys[k].get<std::string>()));
            }
        }
        readResources();
        const ojson& spans = member(pack_, "spans", "pack");
        if (!spans.is_array()) throw PackError{"spans: not an array"};
        for (size_t k = 0; k < spans.size(); ++k)
            readSpan(spans[k], k);
        readCollapsed();

        auto traces = b_.finish(JobControl{});
        if (traces.size() != 1)
            throw PackError{"spans: expected the spans of one trace, found " +
                            std::to_string(traces.size())};
        auto t = std::make_shared<Trace>(*traces.front());
        finishTrace(*t);
        auto file = std::make_shared<TraceFile>();
        file->source = source_;
        file->format = "Rootline tracepack";
        file->dict = b_.sharedDict();
        file->traces.push_back(std::move(t));
        const int64_t total = trace.value("span_count", int64_t{0});
        file->warnings.push_back("a tracepack: " + std::to_string(facts_.size()) + " of the " +
                                 std::to_string(total) +
                                 " spans of the original trace; healthy subtrees are collapsed");
        return file;
    }

private:
    AttrInput input(const ojson& v, StrId key, const std::string& where) {
        if (v.is_string()) return AttrInput::ofText(v.get_ref<const std::string&>());
        if (v.is_boolean()) return AttrInput::of(Value::fromBool(v.get<bool>()));
        if (v.is_number_integer()) return AttrInput::of(Value::fromInt(v.get<int64_t>()));
        if (v.is_number()) return AttrInput::of(Value::fromDouble(v.get<double>()));
        if (v.is_array() || v.is_object()) {
            if (++depth_ > 64) throw PackError{where + ": nested deeper than 64 levels"};
            NestedValue nv;
            nv.isMap = v.is_object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                Attribute item;
                if (nv.isMap) item.key = b_.internKey(it.key());
                item.value = b_.valueOf(key, input(it.value(), key, where));
                nv.items.push_back(item);
            }
            --depth_;
            return AttrInput::of(Value::container(nv.isMap ? ValueType::Map : ValueType::Array,
                                                  b_.attrs().addNested(std::move(nv))));
        }
        throw PackError{where + ": null is not an attribute value"};
    }

    // [[key, value], …] with key a "keys" index or the key itself.
    template <typename Add>
    void readAttributes(const ojson& list, const std::string& where, Add add) {
        if (!list.is_array()) throw PackError{where + ": not an array"};
        for (size_t k = 0; k < list.size(); ++k) {
            const std::string at = where + "[" + std::to_string(k) + "]";
            const ojson& pair = list[k];
            if (!pair.is_array() || pair.size() != 2)
                throw PackError{at + ": not a [key, value] pair"};
            StrId key;
            if (pair[0].is_number_unsigned()) {
                const uint64_t index = pair[0].get<uint64_t>();
                if (index >= keys_.size())
                    throw PackError{at + ": key index " + std::to_string(index) +
                                    " is beyond the " + std::to_string(keys_.size()) + " keys"};
                key = keys_[index];
            } else if (pair[0].is_string()) {
                key = b_.internKey(pair[0].get<std::string>());
            } else {
                throw PackError{at + ": the key is neither a keys index nor a string"};
            }
            add(key, input(pair[1], key, at));
        }
    }

    AttrSetId attrSet(const ojson& obj, const std::string& where) {
        if (!obj.contains("attributes")) return kEmptyAttrSet;
        AttrSetBuilder set;
        readAttributes(obj["attributes"], where + ".attributes",
                       [&](StrId key, const AttrInput& in) { b_.addToSet(set, key, in); });
        return b_.finishSet(set);
    }

    void readResources() {
        if (!pack_.contains("resources")) return;
        const ojson& list = pack_["resources"];
        if (!list.is_array()) throw PackError{"resources: not an array"};
        for (size_t k = 0; k < list.size(); ++k) {
            const std::string where = "resources[" + std::to_string(k) + "]";
            const std::string service = stringOr(list[k], "service", where);
            const uint32_t r = b_.addResource(b_.intern(service), attrSet(list[k], where));
            resources_.push_back(r);
            serviceResource_.emplace(service, r);
        }
    }

    uint32_t resourceFor(const std::string& service) {
        auto it = serviceResource_.find(service);
        if (it != serviceResource_.end()) return it->second;
        const uint32_t r = b_.addResource(b_.intern(service), kEmptyAttrSet);
        serviceResource_.emplace(service, r);
        return r;
    }

    void readSpan(const ojson& s, size_t k) {
        const std::string where = "spans[" + std::to_string(k) + "]";
        if (!s.is_object()) throw PackError{where + ": not an object"};
        const std::string id = stringOr(s, "span_id", where);
        if (id.empty()) throw PackError{where + ".span_id is missing"};
        b_.begin();
        b_.setTraceId(traceId_);
        b_.setSpanId(id);
        const std::string parent = stringOr(s, "parent_id", where);
        if (!parent.empty())
            b_.setParentId(parent, stringOr(s, "parent_ref", where) == "follows_from"
                                       ? RefType::FollowsFrom
                                       : RefType::ChildOf);
        PendingSpan& p = b_.pending();
        p.start = baseNs_ + intOr(s, "start_us", where) * 1000;
        p.duration = intOr(s, "duration_us", where) * 1000;
        p.name = b_.intern(stringOr(s, "name", where));
        const std::string service = stringOr(s, "service", where);
        if (s.contains("resource")) {
            const int64_t r = intOr(s, "resource", where);
            if (r < 0 || static_cast<size_t>(r) >= resources_.size())
                throw PackError{where + ".resource: " + std::to_string(r) + " is not one of the " +
                                std::to_string(resources_.size()) + " resources"};
            p.resource = resources_[static_cast<size_t>(r)];
        } else {
            p.resource = resourceFor(service);
        }
        spanResource_[id] = p.resource;
        p.kind = parseKind(stringOr(s, "kind", where));
        const std::string status = stringOr(s, "status", where);
        p.status = status == "error" ? StatusCode::Error
                   : status == "ok"  ? StatusCode::Ok
                                     : StatusCode::Unset;
        p.statusMessage = b_.intern(stringOr(s, "status_message", where));
        if (s.contains("attributes"))
            readAttributes(s["attributes"], where + ".attributes",
                           [&](StrId key, const AttrInput& in) { b_.addAttribute(key, in); });
        if (s.contains("events")) {
            const ojson& events = s["events"];
            if (!events.is_array()) throw PackError{where + ".events: not an array"};
            for (size_t e = 0; e < events.size(); ++e) {
                const std::string at = where + ".events[" + std::to_string(e) + "]";
                const AttrSetId set = attrSet(events[e], at);
                b_.addEvent(baseNs_ + intOr(events[e], "t_us", at) * 1000,
                            b_.intern(stringOr(events[e], "name", at)), set);
            }
        }
        if (s.contains("links")) {
            const ojson& links = s["links"];
            if (!links.is_array()) throw PackError{where + ".links: not an array"};
            for (size_t l = 0; l < links.size(); ++l) {
                const std::string at = where + ".links[" + std::to_string(l) + "]";
                const std::string type = stringOr(links[l], "type", at);
                const AttrSetId set = attrSet(links[l], at);
                b_.addLink(stringOr(links[l], "trace_id", at), stringOr(links[l], "span_id", at),
                           type == "follows_from" ? RefType::FollowsFrom
                           : type == "child_of"   ? RefType::ChildOf
                                                  : RefType::Link,
                           set);
            }
        }
        std::vector<std::string> warnings;
        if (s.contains("warnings") && s["warnings"].is_array())
            for (const ojson& w : s["warnings"])
                if (w.is_string()) {
                    warnings.push_back(w.get<std::string>());
                    b_.addSpanWarning(WarningCode::Source, warnings.back());
                }
        b_.commit();
        const int64_t rank = intOr(s, "rank", where);
        facts_.push_back(SpanFacts{id, intOr(s, "self_us", where) * 1000,
                                   static_cast<uint8_t>(roleOf(stringOr(s, "role", where))),
                                   static_cast<uint32_t>(rank > 0 ? rank : 0),
                                   std::move(warnings)});
    }

    void readCollapsed() {
        if (!pack_.contains("collapsed")) return;
        const ojson& list = pack_["collapsed"];
        if (!list.is_array()) throw PackError{"collapsed: not an array"};
        for (size_t k = 0; k < list.size(); ++k) {
            const std::string where = "collapsed[" + std::to_string(k) + "]";
            const ojson& c = list[k];
            const int64_t spans = intOr(c, "spans", where);
            const std::string parent = stringOr(c, "parent_id", where);
            b_.begin();
            b_.setTraceId(traceId_);
            const std::string id = toHex(kCollapsedIdBase + k);
            b_.setSpanId(id);
            if (!parent.empty()) b_.setParentId(parent, RefType::ChildOf);
            PendingSpan& p = b_.pending();
            const int64_t start = intOr(c, "start_us", where);
            p.start = baseNs_ + start * 1000;
            p.duration = (intOr(c, "end_us", where) - start) * 1000;
            p.name = b_.intern(std::to_string(spans) +
                               (spans == 1 ? " healthy span" : " healthy spans") + " collapsed");
            p.resource = parentResource(parent);
            auto addInt = [&](const char* key, int64_t v) {
                b_.addAttribute(b_.internKey(key), AttrInput::of(Value::fromInt(v)));
            };
            addInt("rootline.collapsed.spans", spans);
            addInt("rootline.collapsed.total_us", intOr(c, "total_us", where));
            addInt("rootline.collapsed.max_us", intOr(c, "max_us", where));
            std::string ops;
            if (c.contains("operations") && c["operations"].is_array())
                for (const ojson& op : c["operations"]) {
                    if (!ops.empty()) ops += "; ";
                    ops += op.value("service", std::string()) + " " +
                           op.value("name", std::string()) + " ×" +
                           std::to_string(op.value("count", int64_t{0}));
                }
            if (const int64_t more = intOr(c, "more_operations", where))
                ops += "; " + std::to_string(more) + " more";
            if (!ops.empty())
                b_.addAttribute(b_.internKey("rootline.collapsed.operations"),
                                AttrInput::ofText(ops));
            b_.commit();
            collapsedIds_.push_back(kCollapsedIdBase + k);
        }
    }

    uint32_t parentResource(const std::string& parent) {
        // The summary sits under its parent's service; loose roots get a service of their own.
        auto it = spanResource_.find(parent);
        if (!parent.empty() && it != spanResource_.end()) return it->second;
        return resourceFor("(collapsed)");
    }

    void finishTrace(Trace& t) {
        std::unordered_map<SpanId, uint32_t> collapsed;
        for (uint64_t id : collapsedIds_)
            collapsed.emplace(id, 0);
        std::unordered_map<std::string, uint32_t> indexOf;
        origin_->role.assign(t.spanCount(), 0);
        origin_->ranking.rankOfSpan.assign(t.spanCount(), 0);
        // The trace keeps the pack's order (by start, then as written), so the k-th span that
        // is not a summary is the pack's k-th span — even when two spans share an id.
        size_t k = 0;
        for (size_t i = 0; i < t.spanCount(); ++i) {
            if (collapsed.count(t.spanId[i])) {
                origin_->collapsedSpans.push_back(static_cast<uint32_t>(i));
                continue;
            }
            const std::string id = t.spanIdText(i);
            if (k >= facts_.size() || facts_[k].id != id)
                throw PackError{"spans: span " + id + " is out of order (sorted by start_us)"};
            const SpanFacts& f = facts_[k++];
            indexOf.emplace(id, static_cast<uint32_t>(i));
            t.selfTime[i] = f.selfNs;
            origin_->role[i] = f.role;
            origin_->ranking.rankOfSpan[i] = f.rank;
            if (!f.warnings.empty())
                origin_->spanWarnings.emplace_back(static_cast<uint32_t>(i), f.warnings);
        }
        auto section = [&](const char* key) {
            return pack_.contains(key)
                       ? pack_[key].dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace)
                       : std::string();
        };
        origin_->header = section("trace");
        origin_->suspects = section("suspects");
        origin_->pastFixes = section("past_fixes");
        origin_->collapsed = section("collapsed");
        origin_->logs = section("logs");
        origin_->metrics = section("metrics");
        origin_->codeLocations = section("code_locations");
        origin_->leftOut = section("left_out");
        origin_->redaction = section("redaction");
        readSuspects(indexOf);
        t.tracepack = std::move(origin_);
    }

    void readSuspects(const std::unordered_map<std::string, uint32_t>& indexOf) {
        Ranking& r = origin_->ranking;
        if (!pack_.contains("suspects") || !pack_["suspects"].is_array()) return;
        for (const ojson& s : pack_["suspects"]) {
            auto it = indexOf.find(s.value("span_id", std::string()));
            if (it == indexOf.end()) continue;
            Suspect suspect;
            suspect.span = it->second;
            suspect.score = s.value("score", 0.0);
            if (s.contains("reasons") && s["reasons"].is_array())
                for (const ojson& reason : s["reasons"])
                    suspect.reasons.push_back({reason.value("code", std::string()),
                                               reason.value("text", std::string()),
                                               reason.value("points", 0.0)});
            if (s.contains("similar_span_ids") && s["similar_span_ids"].is_array())
                for (const ojson& id : s["similar_span_ids"])
                    if (id.is_string())
                        if (auto sim = indexOf.find(id.get<std::string>()); sim != indexOf.end())
                            suspect.similar.push_back(sim->second);
            r.suspects.push_back(std::move(suspect));
        }
    }

    struct SpanFacts {
        std::string id;
        int64_t selfNs = 0;
        uint8_t role = 0;
        uint32_t rank = 0;  // as the span says: its suspect entry may have been left out
        std::vector<std::string> warnings;
    };

    const ojson& pack_;
    std::string source_;
    TraceBuilder b_;
    std::shared_ptr<TracepackOrigin> origin_ = std::make_shared<TracepackOrigin>();
    std::string traceId_;
    int64_t baseNs_ = 0;
    int depth_ = 0;
    std::vector<StrId> keys_;
    std::vector<uint32_t> resources_;
    std::unordered_map<std::string, uint32_t> serviceResource_;
    std::unordered_map<std::string, uint32_t> spanResource_;
    std::vector<SpanFacts> facts_;  // in the pack's order
    std::vector<uint64_t> collapsedIds_;
};

}  // namespace

bool looksLikeTracepack(std::string_view text) {
    text = skipSpace(text);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text = skipSpace(text.substr(3));
    if (text.empty() || text[0] != '{') return false;
    text = skipSpace(text.substr(1));
    constexpr std::string_view key = "\"schema\"";
    if (text.substr(0, key.size()) != key) return false;
    text = skipSpace(text.substr(key.size()));
    if (text.empty() || text[0] != ':') return false;
    text = skipSpace(text.substr(1));
    return text.substr(0, 20) == "\"rootline.tracepack/";
}

bool isTracepackDocument(std::string_view text) {
    if (looksLikeTracepack(text.substr(0, 256))) return true;
    // A pack whose members were reordered (jq -S, an editor): find the schema string, then
    // make sure it is the top-level "schema" and not a value quoted somewhere in a trace.
    constexpr size_t kLargestReorderedPack = 64u << 20;
    if (text.size() > kLargestReorderedPack ||
        text.find("\"rootline.tracepack/") == std::string_view::npos)
        return false;
    const ojson doc = ojson::parse(text.begin(), text.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) return false;
    return doc["schema"].get<std::string>().rfind("rootline.tracepack/", 0) == 0;
}

LoadResult readTracepack(std::string_view text, const std::string& source) {
    LoadResult result;
    try {
        const ojson pack = ojson::parse(text.begin(), text.end());
        result.file = PackReader(pack, source).read();
    } catch (const ojson::parse_error& e) {
        std::string what = e.what();
        const size_t colon = what.rfind(": ");
        result.error = LoadError{
            "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)),
            e.byte > 0 ? std::optional<size_t>(e.byte - 1) : std::nullopt};
    } catch (const PackError& e) {
        result.error = LoadError{"tracepack: " + e.message, std::nullopt};
    } catch (const ojson::exception& e) {
        result.error = LoadError{std::string("tracepack: ") + e.what(), std::nullopt};
    }
    return result;
}

}  // namespace rootline
