// OTLP JSON logs. Files are small (a collector's rotation size), so each document is parsed
// whole with nlohmann-json. A file is one document, or one document per line (the collector's
// file exporter); which one is told by whether the text parses as a whole.

#include "logs/otlp_log_reader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "formats/json_error_locator.h"
#include "logs/otlp_any_value.h"
#include "model/ids.h"

namespace rootline::logs {

namespace {

using nlohmann::json;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view withoutBom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

// Keys in lowerCamelCase (the spec) or snake_case (generic proto3 JSON writers).
const json* field(const json& object, const char* camel, const char* snake) {
    if (!object.is_object()) return nullptr;
    if (auto it = object.find(camel); it != object.end() && !it->is_null()) return &*it;
    if (auto it = object.find(snake); it != object.end() && !it->is_null()) return &*it;
    return nullptr;
}

const json& arrayField(const json& object, const char* camel, const char* snake) {
    static const json kEmpty = json::array();
    const json* v = field(object, camel, snake);
    return v && v->is_array() ? *v : kEmpty;
}

// 64-bit integers come as decimal strings (the spec) or numbers; 0 when neither.
int64_t int64Of(const json* v) {
    if (!v) return 0;
    if (v->is_number_integer()) return v->get<int64_t>();
    if (v->is_number_float()) return static_cast<int64_t>(v->get<double>());
    if (v->is_string()) {
        const std::string& s = v->get_ref<const std::string&>();
        int64_t n = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc{} && end == s.data() + s.size()) return n;
    }
    return 0;
}

// severityNumber as the spec writes it (17) or as an enum name ("SEVERITY_NUMBER_ERROR",
// "SEVERITY_NUMBER_WARN2", or a short "ERROR").
LogLevel severityLevel(const json* v) {
    if (!v) return LogLevel::Unknown;
    if (v->is_number()) return logLevelFromSeverityNumber(int64Of(v));
    if (!v->is_string()) return LogLevel::Unknown;
    std::string_view name = v->get_ref<const std::string&>();
    if (const int64_t n = int64Of(v); n != 0) return logLevelFromSeverityNumber(n);
    constexpr std::string_view kPrefix = "SEVERITY_NUMBER_";
    if (name.substr(0, kPrefix.size()) == kPrefix) name.remove_prefix(kPrefix.size());
    return logLevelFromText(name);
}

enum class IdRead { None, Read, Bad };

// Hex (the spec; any case, short ids left-padded) or base64 (gogo jsonpb), as lowercase hex.
IdRead traceIdOf(const json* v, std::string& out) {
    if (!v || !v->is_string() || v->get_ref<const std::string&>().empty()) return IdRead::None;
    const ParsedTraceId id = parseTraceId(v->get_ref<const std::string&>());
    if (id.encoding != IdEncoding::Hex && id.encoding != IdEncoding::Base64) return IdRead::Bad;
    if (!id.id.isZero()) out = toHex(id.id);
    return IdRead::Read;
}

IdRead spanIdOf(const json* v, std::string& out) {
    if (!v || !v->is_string() || v->get_ref<const std::string&>().empty()) return IdRead::None;
    const ParsedSpanId id = parseSpanId(v->get_ref<const std::string&>());
    if (id.encoding != IdEncoding::Hex && id.encoding != IdEncoding::Base64) return IdRead::Bad;
    if (id.id != 0) out = toHex(id.id);
    return IdRead::Read;
}

void addAttributes(const json& attributes, std::map<std::string, std::string>& fields) {
    if (!attributes.is_array()) return;
    for (const json& kv : attributes) {
        const json* key = field(kv, "key", "key");
        if (!key || !key->is_string()) continue;
        const json* value = field(kv, "value", "value");
        fields[key->get<std::string>()] = value ? anyValueText(*value) : std::string();
    }
}

// "file:3:17": 1-based line and column of a byte offset.
std::string place(std::string_view text, size_t offset) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // counts characters, not the bytes of a UTF-8 sequence
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// Where a document breaks: nlohmann's own position (the offending character; the end for a cut
// body). The locator's offset is the start of the token run it last read, which for a stray '}'
// is the key before it.
size_t errorOffset(std::string_view part) {
    try {
        [[maybe_unused]] const json doc = json::parse(part);
    } catch (const json::parse_error& e) {
        return e.byte > 0 ? std::min(e.byte - 1, part.size()) : 0;
    }
    return 0;
}

std::string jsonError(std::string_view all, size_t begin, std::string_view part,
                      const std::string& name) {
    const auto located = locateJsonError(part.data(), part.size());
    return name + ":" + place(all, begin + errorOffset(part)) + ": invalid JSON" +
           (located ? ": " + located->message : std::string());
}

class Reader {
public:
    Reader(std::string_view text, const std::string& name, std::vector<LogLine>& out)
        : text_(text), name_(name), out_(out) {}

    // One document starting at byte `begin` of the text.
    bool document(const json& doc, size_t begin, std::string& error) {
        const json* resourceLogs = field(doc, "resourceLogs", "resource_logs");
        if (!resourceLogs || !resourceLogs->is_array()) {
            error = name_ + ":" + place(text_, begin) +
                    ": not OTLP logs (no \"resourceLogs\" array at the top)";
            return false;
        }
        for (const json& rl : *resourceLogs)
            resource(rl);
        return true;
    }

    void warnings(std::vector<std::string>* out) const {
        if (!out) return;
        for (const auto& [why, count] : skipped_)
            out->push_back(name_ + ": " + std::to_string(count) + " log record" +
                           (count == 1 ? "" : "s") + " skipped (" + why + ")");
        for (const auto& [why, count] : badIds_)
            out->push_back(name_ + ": " + std::to_string(count) + " log record" +
                           (count == 1 ? "" : "s") + " with " + why + " read without it");
    }

private:
    void resource(const json& rl) {
        std::map<std::string, std::string> resourceFields;
        if (const json* r = field(rl, "resource", "resource"))
            addAttributes(arrayField(*r, "attributes", "attributes"), resourceFields);
        const auto service = resourceFields.find("service.name");
        const std::string serviceName =
            service != resourceFields.end() ? service->second : std::string();
        auto scopes = [&](const char* camel, const char* snake) {
            for (const json& sl : arrayField(rl, camel, snake))
                for (const json& record : arrayField(sl, "logRecords", "log_records"))
                    this->record(record, serviceName, resourceFields);
        };
        scopes("scopeLogs", "scope_logs");
        // Before OTLP 0.19: the scope was an "instrumentation library".
        scopes("instrumentationLibraryLogs", "instrumentation_library_logs");
    }

    void record(const json& r, const std::string& service,
                const std::map<std::string, std::string>& resourceFields) {
        if (!r.is_object()) {
            ++skipped_["not an object"];
            return;
        }
        LogLine line;
        line.source = LogSource::OtlpFile;
        line.timeNs = int64Of(field(r, "timeUnixNano", "time_unix_nano"));
        // timeUnixNano is optional (0 = unknown); the collector always sets the observed time.
        if (line.timeNs == 0)
            line.timeNs = int64Of(field(r, "observedTimeUnixNano", "observed_time_unix_nano"));
        if (line.timeNs == 0) {
            ++skipped_["no time"];
            return;
        }
        line.level = severityLevel(field(r, "severityNumber", "severity_number"));
        if (line.level == LogLevel::Unknown)
            if (const json* text = field(r, "severityText", "severity_text");
                text && text->is_string())
                line.level = logLevelFromText(text->get_ref<const std::string&>());
        if (traceIdOf(field(r, "traceId", "trace_id"), line.traceId) == IdRead::Bad)
            ++badIds_["a trace id that is neither hex nor base64"];
        if (spanIdOf(field(r, "spanId", "span_id"), line.spanId) == IdRead::Bad)
            ++badIds_["a span id that is neither hex nor base64"];
        if (const json* body = field(r, "body", "body")) line.body = anyValueText(*body);
        line.service = service;
        line.fields = resourceFields;
        addAttributes(arrayField(r, "attributes", "attributes"), line.fields);
        if (const json* event = field(r, "eventName", "event_name"); event && event->is_string())
            line.fields["event.name"] = event->get<std::string>();
        out_.push_back(std::move(line));
    }

    std::string_view text_;
    const std::string& name_;
    std::vector<LogLine>& out_;
    std::map<std::string, size_t> skipped_;
    std::map<std::string, size_t> badIds_;
};

}  // namespace

bool looksLikeOtlpLogs(std::string_view text) {
    text = withoutBom(text);
    size_t first = 0;
    while (first < text.size() && isSpace(text[first]))
        ++first;
    if (first == text.size() || text[first] != '{') return false;
    // The key comes first in what the SDKs and the collector write; a trace names its spans.
    const std::string_view head = text.substr(first, 64 * 1024);
    const size_t logs = head.find("\"resourceLogs\"");
    return logs != std::string_view::npos && logs < head.find("\"resourceSpans\"");
}

bool readOtlpLogs(std::string_view text, const std::string& name, std::vector<LogLine>& out,
                  std::string& error, std::vector<std::string>* warnings) {
    text = withoutBom(text);
    size_t first = 0;
    while (first < text.size() && isSpace(text[first]))
        ++first;
    if (first == text.size()) {
        error = name + ": the file is empty";
        return false;
    }
    std::vector<LogLine> read;
    Reader reader(text, name, read);
    const json whole = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!whole.is_discarded()) {
        if (!reader.document(whole, first, error)) return false;
    } else {
        // One document per line; a broken line is reported where it breaks.
        size_t begin = 0;
        bool firstDocument = true;
        while (begin < text.size()) {
            size_t end = text.find('\n', begin);
            if (end == std::string_view::npos) end = text.size();
            const std::string_view line = text.substr(begin, end - begin);
            size_t skip = 0;
            while (skip < line.size() && isSpace(line[skip]))
                ++skip;
            if (skip < line.size()) {
                const json doc = json::parse(line, nullptr, /*allow_exceptions=*/false);
                if (doc.is_discarded()) {
                    // A single document broken in the middle fails on its first line too, and
                    // that would point at the line's end: report the whole text's first error.
                    error = firstDocument ? jsonError(text, 0, text, name)
                                          : jsonError(text, begin, line, name);
                    return false;
                }
                if (!reader.document(doc, begin + skip, error)) return false;
                firstDocument = false;
            }
            begin = end + 1;
        }
    }
    reader.warnings(warnings);
    out.insert(out.end(), std::make_move_iterator(read.begin()),
               std::make_move_iterator(read.end()));
    return true;
}

bool readOtlpLogsFile(const std::string& path, std::vector<LogLine>& out, std::string& error,
                      std::vector<std::string>* warnings) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot read the file";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        error = path + ": cannot read the file";
        return false;
    }
    return readOtlpLogs(text.str(), path, out, error, warnings);
}

}  // namespace rootline::logs
