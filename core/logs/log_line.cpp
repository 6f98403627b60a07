#include "logs/log_line.h"

#include <cctype>
#include <string>
#include <utility>

namespace rootline::logs {

const char* logLevelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warn:
            return "warn";
        case LogLevel::Error:
            return "error";
        case LogLevel::Unknown:
            break;
    }
    return "";
}

const char* logSourceName(LogSource source) {
    switch (source) {
        case LogSource::SpanEvent:
            return "span_event";
        case LogSource::Loki:
            return "loki";
        case LogSource::OtlpFile:
            return "otlp_log";
    }
    return "";
}

LogLevel logLevelFromText(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    // OpenTelemetry's short names carry a digit for the finer steps (INFO2, WARN4).
    while (!text.empty() && text.back() >= '0' && text.back() <= '9')
        text.remove_suffix(1);
    std::string word(text);
    for (char& c : word)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::pair<std::string_view, LogLevel> kWords[] = {
        {"error", LogLevel::Error},      {"err", LogLevel::Error},
        {"fatal", LogLevel::Error},      {"critical", LogLevel::Error},
        {"crit", LogLevel::Error},       {"panic", LogLevel::Error},
        {"alert", LogLevel::Error},      {"emerg", LogLevel::Error},
        {"emergency", LogLevel::Error},  {"warn", LogLevel::Warn},
        {"warning", LogLevel::Warn},     {"info", LogLevel::Info},
        {"information", LogLevel::Info}, {"notice", LogLevel::Info},
        {"debug", LogLevel::Debug},      {"trace", LogLevel::Debug},
        {"verbose", LogLevel::Debug},
    };
    for (const auto& [name, level] : kWords)
        if (word == name) return level;
    return LogLevel::Unknown;
}

LogLevel logLevelFromSeverityNumber(int64_t number) {
    if (number >= 1 && number <= 8) return LogLevel::Debug;
    if (number >= 9 && number <= 12) return LogLevel::Info;
    if (number >= 13 && number <= 16) return LogLevel::Warn;
    if (number >= 17 && number <= 24) return LogLevel::Error;
    return LogLevel::Unknown;
}

}  // namespace rootline::logs
