#include "logs/log_line.h"

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

// TODO(helper A): logLevelFromText, logLevelFromSeverityNumber.
LogLevel logLevelFromText(std::string_view) {
    return LogLevel::Unknown;
}
LogLevel logLevelFromSeverityNumber(int64_t) {
    return LogLevel::Unknown;
}

}  // namespace rootline::logs
