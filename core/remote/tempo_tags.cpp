// Tempo's tag names and values, for a TraceQL editor's completion; services and operations are
// the values of `resource.service.name` and of `name`.

#include <algorithm>

#include "remote/remote_json.h"
#include "remote/tempo_source.h"

namespace rootline::remote {

namespace {

using nlohmann::json;

template <typename T>
Remote<T> fail(RemoteError error) {
    Remote<T> out;
    out.error = std::move(error);
    return out;
}

void sortUnique(std::vector<std::string>& names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
}

// A TraceQL string literal: "frontend", with quotes and backslashes escaped.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// The v1 tag API knows attribute names without TraceQL's scope: "resource.service.name" and
// ".service.name" are both "service.name" there.
std::string unscoped(const std::string& tag) {
    if (!tag.empty() && tag.front() == '.') return tag.substr(1);
    for (const char* scope : {"resource.", "span.", "event.", "link.", "instrumentation."}) {
        const std::string prefix(scope);
        if (tag.size() > prefix.size() && tag.compare(0, prefix.size(), prefix) == 0)
            return tag.substr(prefix.size());
    }
    return tag;
}

// The TraceQL spelling of a tag in a scope: intrinsics ("name", "status", "duration") bare,
// attributes prefixed with their scope.
std::string scopedName(const std::string& scope, const std::string& tag) {
    if (scope == "intrinsic" || scope.empty()) return tag;
    return scope + "." + tag;
}

}  // namespace

Remote<std::vector<std::string>> TempoSource::tagNames(const std::atomic<bool>* cancel) {
    using Names = std::vector<std::string>;
    const std::string what = "tag names";
    Remote<Names> out;
    if (!v2Tags_.knownMissing()) {
        Answer v2 = get(connection_, "/api/v2/search/tags", what, cancel);
        if (!v2.error.ok()) return fail<Names>(v2.error);
        if (!isMissingRoute(v2)) {
            if (!v2.is2xx()) return fail<Names>(failure(v2, connection_, what));
            JsonAnswer parsed;
            if (!parseJsonAnswer(v2.body(), endpoint_, what, parsed, out.error)) return out;
            // {"scopes":[{"name":"resource","tags":["service.name",…]},…]}
            if (const json* scopes = member(parsed.doc, "scopes"); scopes && scopes->is_array())
                for (const json& scope : *scopes) {
                    const std::string name = stringOf(scope, "name");
                    if (const json* tags = member(scope, "tags"); tags && tags->is_array())
                        for (const json& tag : *tags)
                            if (tag.is_string())
                                out.value.push_back(scopedName(name, tag.get<std::string>()));
                }
            sortUnique(out.value);
            return out;
        }
    }
    Answer v1 = get(connection_, "/api/search/tags", what, cancel);
    if (!v1.error.ok()) return fail<Names>(v1.error);
    if (isMissingRoute(v1)) return fail<Names>(wrongUrl(v1));
    if (!v1.is2xx()) return fail<Names>(failure(v1, connection_, what));
    JsonAnswer parsed;
    if (!parseJsonAnswer(v1.body(), endpoint_, what, parsed, out.error)) return out;
    // {"tagNames":["service.name",…]}: unscoped, which TraceQL writes with a leading dot.
    if (const json* tags = member(parsed.doc, "tagNames"); tags && tags->is_array())
        for (const json& tag : *tags)
            if (tag.is_string()) out.value.push_back("." + tag.get<std::string>());
    sortUnique(out.value);
    v2Tags_.markMissing();
    return out;
}

Remote<std::vector<TempoSource::TagValue>> TempoSource::values(const std::string& tag,
                                                               const std::string& filter,
                                                               bool unscopedFallback,
                                                               const std::string& what,
                                                               const std::atomic<bool>* cancel) {
    using Values = std::vector<TagValue>;
    Remote<Values> out;
    if (!v2Tags_.knownMissing()) {
        std::string path = "/api/v2/search/tag/" + urlEncode(tag) + "/values";
        if (!filter.empty()) path += "?q=" + urlEncode(filter);
        Answer v2 = get(connection_, path, what, cancel);
        if (!v2.error.ok()) return fail<Values>(v2.error);
        if (!isMissingRoute(v2)) {
            if (!v2.is2xx()) return fail<Values>(failure(v2, connection_, what));
            JsonAnswer parsed;
            if (!parseJsonAnswer(v2.body(), endpoint_, what, parsed, out.error)) return out;
            // {"tagValues":[{"type":"string","value":"frontend"},{"type":"int","value":"200"}]}
            if (const json* items = member(parsed.doc, "tagValues"); items && items->is_array())
                for (const json& item : *items)
                    if (item.is_object() && member(item, "value"))
                        out.value.push_back({stringOf(item, "type"), stringOf(item, "value")});
            return out;
        }
    }
    if (!unscopedFallback) return out;
    Answer v1 =
        get(connection_, "/api/search/tag/" + urlEncode(unscoped(tag)) + "/values", what, cancel);
    if (!v1.error.ok()) return fail<Values>(v1.error);
    if (isMissingRoute(v1)) return fail<Values>(wrongUrl(v1));
    if (!v1.is2xx()) return fail<Values>(failure(v1, connection_, what));
    JsonAnswer parsed;
    if (!parseJsonAnswer(v1.body(), endpoint_, what, parsed, out.error)) return out;
    // {"tagValues":["a","b"]}: strings only.
    if (const json* items = member(parsed.doc, "tagValues"); items && items->is_array())
        for (const json& item : *items)
            if (item.is_string()) out.value.push_back({"string", item.get<std::string>()});
    v2Tags_.markMissing();
    return out;
}

Remote<std::vector<std::string>> TempoSource::tagValues(const std::string& tag,
                                                        const std::atomic<bool>* cancel) {
    using Names = std::vector<std::string>;
    if (tag.empty()) return fail<Names>({RemoteErrorKind::BadRequest, "no tag to list values of"});
    Remote<std::vector<TagValue>> found = values(tag, {}, true, "values of " + tag, cancel);
    if (!found.ok()) return fail<Names>(found.error);
    Remote<Names> out;
    // Ready to paste into TraceQL: strings quoted, numbers, keywords (error, server) and
    // durations bare.
    for (const TagValue& v : found.value)
        out.value.push_back(v.type == "string" ? quoted(v.value) : v.value);
    sortUnique(out.value);
    return out;
}

Remote<std::vector<std::string>> TempoSource::services(const std::atomic<bool>* cancel) {
    using Names = std::vector<std::string>;
    Remote<std::vector<TagValue>> found =
        values("resource.service.name", {}, true, "services", cancel);
    if (!found.ok()) return fail<Names>(found.error);
    Remote<Names> out;
    for (const TagValue& v : found.value)
        out.value.push_back(v.value);
    sortUnique(out.value);
    return out;
}

Remote<std::vector<std::string>> TempoSource::operations(const std::string& service,
                                                         const std::atomic<bool>* cancel) {
    using Names = std::vector<std::string>;
    // Span names of one service. The v1 tag API cannot filter by service (and `name` is not an
    // attribute there), so an older Tempo gives an empty list rather than every span name.
    const std::string filter =
        service.empty() ? std::string() : "{resource.service.name=" + quoted(service) + "}";
    Remote<std::vector<TagValue>> found =
        values("name", filter, false, "operations of '" + service + "'", cancel);
    if (!found.ok()) return fail<Names>(found.error);
    Remote<Names> out;
    for (const TagValue& v : found.value)
        out.value.push_back(v.value);
    sortUnique(out.value);
    return out;
}

}  // namespace rootline::remote
