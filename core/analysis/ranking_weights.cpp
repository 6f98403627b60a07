#include "analysis/ranking_weights.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace rootline {

const std::vector<std::pair<std::string_view, double RankingWeights::*>>& RankingWeights::fields() {
    using W = RankingWeights;
    static const std::vector<std::pair<std::string_view, double W::*>> kFields{
        {"error_origin", &W::errorOrigin},
        {"error_unhandled", &W::errorUnhandled},
        {"error_handled", &W::errorHandled},
        {"expected_rejection", &W::expectedRejection},
        {"error_propagated", &W::errorPropagated},
        {"exception", &W::exception},
        {"timeout_symptom", &W::timeoutSymptom},
        {"caused_timeout", &W::causedTimeout},
        {"bad_input", &W::badInput},
        {"rejected_input", &W::rejectedInput},
        {"retries", &W::retries},
        {"contention", &W::contention},
        {"critical_share", &W::criticalShare},
        {"critical_share_when_failing", &W::criticalShareWhenFailing},
        {"self_time_outlier", &W::selfTimeOutlier},
        {"server_outlives_client", &W::serverOutlivesClient},
        {"async_failure", &W::asyncFailure},
        {"release_mismatch", &W::releaseMismatch},
        {"release_new", &W::releaseNew},
        {"release_contrast", &W::releaseContrast},
        {"agent_tool_failed", &W::agentToolFailed},
        {"agent_led_to_failure", &W::agentLedToFailure},
    };
    return kFields;
}

bool RankingWeights::loadOverrides(std::string_view json, const std::string& source,
                                   std::string& error) {
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        error = source + ": not valid JSON";
        return false;
    }
    if (!doc.is_object()) {
        error = source + ": expected a JSON object of weights, {\"error_origin\": 5.0, …}";
        return false;
    }
    RankingWeights next = *this;  // all or nothing: a bad file changes no weight
    for (const auto& [key, value] : doc.items()) {
        const auto& all = fields();
        auto it =
            std::find_if(all.begin(), all.end(), [&](const auto& f) { return f.first == key; });
        if (it == all.end()) {
            error = source + ": unknown weight '" + key + "'";
            return false;
        }
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
            error = source + ": weight '" + key + "' must be a finite number";
            return false;
        }
        next.*(it->second) = value.get<double>();
    }
    *this = next;
    return true;
}

}  // namespace rootline
