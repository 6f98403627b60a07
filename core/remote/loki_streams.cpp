// Reading Loki's answer to a log query: {"status":"success","data":{"resultType":"streams",
// "encodingFlags":["categorize-labels"]?,"result":[{"stream":{labels},"values":[[ts, line]
// or [ts, line, {"structuredMetadata":{…},"parsed":{…}}]]}],"stats":{…}}}.

#include "remote/loki_streams.h"

#include <charconv>

namespace rootline::remote {

namespace {

using nlohmann::json;

const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// Labels are strings; anything else is kept as JSON writes it.
void addLabels(const json* labels, std::map<std::string, std::string>& fields) {
    if (!labels || !labels->is_object()) return;
    for (auto it = labels->begin(); it != labels->end(); ++it)
        fields[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
}

// Nanoseconds since the epoch, as a string (Loki) or a number.
bool timeOf(const json& value, int64_t& out) {
    if (value.is_number_integer()) {
        out = value.get<int64_t>();
        return true;
    }
    if (!value.is_string()) return false;
    const std::string& s = value.get_ref<const std::string&>();
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && end == s.data() + s.size();
}

std::string firstOf(const std::map<std::string, std::string>& fields,
                    std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (const auto it = fields.find(key); it != fields.end() && !it->second.empty())
            return it->second;
    return {};
}

}  // namespace

StreamsRead readLokiStreams(const json& doc, LokiLogs& out, std::string& detail) {
    if (!doc.is_object()) {
        detail = "not a JSON object";
        return StreamsRead::WrongShape;
    }
    if (const json* status = member(doc, "status");
        status && status->is_string() && *status != "success") {
        const json* error = member(doc, "error");
        detail = error && error->is_string() ? error->get<std::string>()
                                             : "status " + status->get<std::string>();
        return StreamsRead::ServerError;
    }
    const json* data = member(doc, "data");
    if (!data || !data->is_object()) {
        detail = "no \"data\" object";
        return StreamsRead::WrongShape;
    }
    const json* type = member(*data, "resultType");
    if (!type || !type->is_string()) {
        detail = "no \"resultType\"";
        return StreamsRead::WrongShape;
    }
    if (*type != "streams") {
        detail = type->get<std::string>();
        return StreamsRead::NotStreams;
    }
    if (const json* flags = member(*data, "encodingFlags"); flags && flags->is_array())
        for (const json& flag : *flags)
            if (flag == "categorize-labels") out.categorized = true;
    const json* result = member(*data, "result");
    if (!result || !result->is_array()) {
        detail = "no \"result\" array";
        return StreamsRead::WrongShape;
    }

    size_t skipped = 0;
    for (const json& stream : *result) {
        std::map<std::string, std::string> labels;
        addLabels(member(stream, "stream"), labels);
        const json* values = member(stream, "values");
        if (!values || !values->is_array()) {
            ++skipped;
            continue;
        }
        for (const json& entry : *values) {
            logs::LogLine line;
            if (!entry.is_array() || entry.size() < 2 || !timeOf(entry[0], line.timeNs) ||
                !entry[1].is_string()) {
                ++skipped;
                continue;
            }
            line.source = logs::LogSource::Loki;
            line.body = entry[1].get<std::string>();
            line.fields = labels;
            if (entry.size() >= 3) {
                // Apart from the stream labels only when the server categorized them.
                out.categorized = true;
                addLabels(member(entry[2], "structuredMetadata"), line.fields);
                addLabels(member(entry[2], "parsed"), line.fields);
            }
            line.service = firstOf(line.fields, {"service_name", "service", "app", "job"});
            for (const char* key : {"level", "detected_level", "severity_text"}) {
                const auto it = line.fields.find(key);
                if (it == line.fields.end()) continue;
                line.level = logs::logLevelFromText(it->second);
                if (line.level != logs::LogLevel::Unknown) break;
            }
            out.lines.push_back(std::move(line));
        }
    }
    if (skipped)
        out.warnings.push_back(std::to_string(skipped) + " log entr" +
                               (skipped == 1 ? "y" : "ies") +
                               " in Loki's answer could not be read and were left out");
    return StreamsRead::Read;
}

bool parseLokiStreams(std::string_view body, LokiLogs& out, std::string& error) {
    const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        error = "Loki's answer is not valid JSON";
        return false;
    }
    std::string detail;
    switch (readLokiStreams(doc, out, detail)) {
        case StreamsRead::Read:
            return true;
        case StreamsRead::NotStreams:
            error = "Loki answered with a " + detail +
                    ", not log lines: the LogQL is a metric query (it must select log lines)";
            return false;
        case StreamsRead::ServerError:
            error = "Loki reported an error: " + detail;
            return false;
        case StreamsRead::WrongShape:
            error = "Loki's answer is not a query_range answer (" + detail + ")";
            return false;
    }
    return false;
}

}  // namespace rootline::remote
