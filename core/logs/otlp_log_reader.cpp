#include "logs/otlp_log_reader.h"

namespace rootline::logs {

// TODO(helper A)
bool looksLikeOtlpLogs(std::string_view) {
    return false;
}
bool readOtlpLogs(std::string_view, const std::string& name, std::vector<LogLine>&,
                  std::string& error, std::vector<std::string>*) {
    error = name + ": not read yet";
    return false;
}
bool readOtlpLogsFile(const std::string& path, std::vector<LogLine>&, std::string& error,
                      std::vector<std::string>*) {
    error = path + ": not read yet";
    return false;
}

}  // namespace rootline::logs
