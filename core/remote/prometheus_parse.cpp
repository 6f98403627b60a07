// Reading Prometheus's range-query and exemplar answers (see prometheus_parse.h), and the
// public parsers of prometheus_source.h built on them.

#include "remote/prometheus_parse.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "remote/prometheus_source.h"

namespace rootline::remote {

namespace prometheus {

namespace {

using nlohmann::json;

// Above this an exemplar timestamp is milliseconds, not seconds: 1e11 s is the year 5138, while
// 1e11 ms is 1973 (old servers wrote milliseconds; nothing real predates 1973).
constexpr double kMillisecondTimestamps = 1e11;

const json* field(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

// A number as Prometheus writes it: a string ("0.43", "NaN", "+Inf", "-Inf", "1e-3") or, from
// old servers and other producers, a JSON number. std::from_chars, not strtod: the GUI sets
// the user's locale, where strtod would want a decimal comma.
bool readNumber(const json& value, double& out) {
    if (value.is_number()) {
        out = value.get<double>();
        return true;
    }
    if (!value.is_string()) return false;
    std::string_view text = value.get_ref<const std::string&>();
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);  // from_chars takes no '+'
    if (text.empty() || text.front() == '+') return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

// Labels as a map; `__name__` left out when `withName` is false (a chart's series are told
// apart by their other labels, and sum by (…) drops the name anyway).
bool readLabels(const json* object, bool withName, metrics::Labels& out) {
    out.clear();
    if (!object) return true;
    if (!object->is_object()) return false;
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (!withName && it.key() == "__name__") continue;
        if (it.value().is_string()) out[it.key()] = it.value().get<std::string>();
    }
    return true;
}

// The error envelope, wherever it comes from (a 4xx/5xx, or a proxy that sends it with 200).
bool envelope(const json& doc, ReadError& error) {
    const json* status = field(doc, "status");
    if (!status || !status->is_string() || status->get<std::string>() != "error") return false;
    const json* type = field(doc, "errorType");
    const json* text = field(doc, "error");
    std::string said = text && text->is_string() ? text->get<std::string>() : "";
    if (type && type->is_string() && !type->get<std::string>().empty())
        said = said.empty() ? type->get<std::string>() : type->get<std::string>() + ": " + said;
    for (char& c : said)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    error = {true, said.empty() ? std::string("an error without a message") : said};
    return true;
}

bool shape(ReadError& error, std::string text) {
    error = {false, std::move(text)};
    return false;
}

void passNotes(const json& doc, const char* key, const char* prefix,
               std::vector<std::string>& warnings) {
    const json* notes = field(doc, key);
    if (!notes || !notes->is_array()) return;
    for (const json& note : *notes)
        if (note.is_string()) warnings.push_back(prefix + note.get<std::string>());
}

bool readPoints(const json& values, std::vector<metrics::MetricPoint>& out) {
    if (!values.is_array()) return false;
    out.reserve(values.size());
    for (const json& pair : values) {
        metrics::MetricPoint point;
        if (!pair.is_array() || pair.size() != 2 || !readNumber(pair[0], point.timeSec) ||
            !readNumber(pair[1], point.value))
            return false;
        out.push_back(point);
    }
    return true;
}

bool isHex(std::string_view text, size_t maxDigits) {
    if (text.empty() || text.size() > maxDigits) return false;
    for (const char c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string paddedHex(std::string_view text, size_t digits) {
    if (!isHex(text, digits)) return std::string(text);
    std::string out(digits - text.size(), '0');
    for (const char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string firstPresent(const metrics::Labels& labels, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        if (const auto it = labels.find(name); it != labels.end() && !it->second.empty())
            return it->second;
    return {};
}

}  // namespace

std::string exemplarTraceId(std::string_view text) {
    return paddedHex(text, 32);
}

std::string exemplarSpanId(std::string_view text) {
    return paddedHex(text, 16);
}

bool readMatrix(const json& doc, std::vector<metrics::MetricSeries>& out,
                std::vector<std::string>& warnings, ReadError& error) {
    out.clear();
    if (envelope(doc, error)) return false;
    if (!doc.is_object()) return shape(error, "not a JSON object");
    const json* data = field(doc, "data");
    if (!data || !data->is_object()) return shape(error, "no \"data\" object");
    const json* type = field(*data, "resultType");
    const std::string resultType = type && type->is_string() ? type->get<std::string>() : "";
    if (resultType != "matrix")
        return shape(error, resultType.empty()
                                ? std::string("no \"resultType\"; a range query answers a matrix")
                                : "a " + resultType +
                                      " where a range query answers a matrix (is the URL an "
                                      "instant query endpoint?)");
    const json* result = field(*data, "result");
    if (!result) return true;  // nothing matched
    if (!result->is_array()) return shape(error, "\"result\" is not a list");

    size_t histogramSeries = 0;
    for (const json& item : *result) {
        metrics::MetricSeries series;
        if (!item.is_object() || !readLabels(field(item, "metric"), false, series.labels))
            return shape(error, "a series is not {\"metric\":{…},\"values\":[…]}");
        if (const json* values = field(item, "values");
            values && !readPoints(*values, series.points))
            return shape(error, "a point is not [time, \"value\"]");
        // Native histograms have no single value to draw; their float samples (if any) stay.
        if (const json* h = field(item, "histograms"); h && h->is_array() && !h->empty())
            ++histogramSeries;
        if (!series.points.empty()) out.push_back(std::move(series));
    }
    passNotes(doc, "warnings", "", warnings);
    passNotes(doc, "infos", "info: ", warnings);
    if (histogramSeries > 0)
        warnings.push_back("native histogram samples of " + std::to_string(histogramSeries) +
                           " series skipped (only float samples are charted): wrap the query in "
                           "histogram_quantile() or another function that gives floats");
    return true;
}

bool readExemplars(const json& doc, const std::vector<std::string>& traceIdLabels,
                   std::vector<metrics::Exemplar>& out, ReadError& error) {
    out.clear();
    if (envelope(doc, error)) return false;
    if (!doc.is_object()) return shape(error, "not a JSON object");
    const json* data = field(doc, "data");
    if (!data) return true;  // Prometheus without exemplar storage may leave it out
    if (!data->is_array()) return shape(error, "\"data\" is not a list");

    static const std::vector<std::string> kSpanIdLabels = {"span_id", "spanID", "spanId"};
    for (const json& group : *data) {
        metrics::Labels seriesLabels;
        if (!group.is_object() || !readLabels(field(group, "seriesLabels"), true, seriesLabels))
            return shape(error, "an entry is not {\"seriesLabels\":{…},\"exemplars\":[…]}");
        const json* exemplars = field(group, "exemplars");
        if (!exemplars) continue;
        if (!exemplars->is_array()) return shape(error, "\"exemplars\" is not a list");
        for (const json& item : *exemplars) {
            metrics::Exemplar e;
            e.seriesLabels = seriesLabels;
            const json* value = field(item, "value");
            const json* time = field(item, "timestamp");
            if (!item.is_object() || !readLabels(field(item, "labels"), true, e.labels) || !value ||
                !readNumber(*value, e.value) || !time || !readNumber(*time, e.timeSec))
                return shape(error, "an exemplar is not {\"labels\",\"value\",\"timestamp\"}");
            if (std::fabs(e.timeSec) > kMillisecondTimestamps) e.timeSec /= 1000;
            e.traceId = exemplarTraceId(firstPresent(e.labels, traceIdLabels));
            e.spanId = exemplarSpanId(firstPresent(e.labels, kSpanIdLabels));
            out.push_back(std::move(e));
        }
    }
    return true;
}

}  // namespace prometheus

namespace {

// The body as a document, or a one-line error saying where it breaks.
bool parseBody(std::string_view body, nlohmann::json& doc, std::string& error) {
    try {
        doc = nlohmann::json::parse(body);
        return true;
    } catch (const nlohmann::json::parse_error& e) {
        error = e.byte > body.size()
                    ? "the JSON stops after " + std::to_string(body.size()) + " bytes (incomplete)"
                    : "not valid JSON (byte " + std::to_string(e.byte > 0 ? e.byte - 1 : 0) + ")";
        return false;
    }
}

std::string described(const prometheus::ReadError& e) {
    return e.fromServer ? "Prometheus said: " + e.text
                        : "not what the Prometheus API sends (" + e.text + ")";
}

}  // namespace

bool parseMatrix(std::string_view body, std::vector<metrics::MetricSeries>& out,
                 std::vector<std::string>& warnings, std::string& error) {
    nlohmann::json doc;
    if (!parseBody(body, doc, error)) return false;
    prometheus::ReadError problem;
    if (prometheus::readMatrix(doc, out, warnings, problem)) return true;
    error = described(problem);
    return false;
}

bool parseExemplars(std::string_view body, const std::vector<std::string>& traceIdLabels,
                    std::vector<metrics::Exemplar>& out, std::string& error) {
    nlohmann::json doc;
    if (!parseBody(body, doc, error)) return false;
    prometheus::ReadError problem;
    if (prometheus::readExemplars(doc, traceIdLabels, out, problem)) return true;
    error = described(problem);
    return false;
}

}  // namespace rootline::remote
