#include "logs/event_text.h"
#include "util/ascii.h"

#include <cctype>
#include <string_view>

namespace rootline::logs {

namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// What one attribute says about the level: Unknown when it says nothing.
LogLevel attributeLevel(const Trace& trace, const Attribute& a) {
    const std::string key = asciiLower(trace.str(a.key));
    if (key == "level" || key == "log.level" || key == "severity" || key == "severity_text" ||
        key == "loglevel") {
        const std::string v =
            asciiLower(valueToString(a.value, trace.dict->strings, trace.dict->attrs));
        if (startsWith(v, "err") || v == "fatal" || v == "critical" || v == "crit" ||
            v == "panic" || v == "alert" || v == "emergency")
            return LogLevel::Error;
        if (startsWith(v, "warn")) return LogLevel::Warn;
        if (v == "debug" || v == "trace") return LogLevel::Debug;
        return LogLevel::Info;  // a level field was there: an unusual value is still a log line
    }
    if (key == "error" && a.value.type == ValueType::Bool && a.value.boolean)
        return LogLevel::Error;
    return LogLevel::Unknown;
}

}  // namespace

LogLevel eventLevel(const Trace& trace, const Event& event) {
    const std::string name = asciiLower(trace.str(event.name));
    if (name == "exception") return LogLevel::Error;
    for (const PairId p : trace.dict->attrs.set(event.attrs))
        if (const LogLevel level = attributeLevel(trace, trace.dict->attrs.pair(p));
            level != LogLevel::Unknown)
            return level;
    if (contains(name, "error") || contains(name, "fail")) return LogLevel::Error;
    if (contains(name, "warn")) return LogLevel::Warn;
    return LogLevel::Info;
}

std::string eventBody(const Trace& trace, const Event& event) {
    std::string type, message;
    for (const PairId p : trace.dict->attrs.set(event.attrs)) {
        const Attribute& a = trace.dict->attrs.pair(p);
        const std::string_view key = trace.str(a.key);
        if (key == "exception.type")
            type = valueToString(a.value, trace.dict->strings, trace.dict->attrs);
        else if (message.empty() && (key == "message" || key == "log.message" || key == "msg" ||
                                     key == "exception.message" || key == "event" || key == "body"))
            message = valueToString(a.value, trace.dict->strings, trace.dict->attrs);
    }
    if (!type.empty()) message = message.empty() ? type : type + ": " + message;
    if (message.empty()) message = std::string(trace.str(event.name));
    return message;
}

}  // namespace rootline::logs
