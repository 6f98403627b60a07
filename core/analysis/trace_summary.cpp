#include "analysis/trace_summary.h"

#include <algorithm>

namespace rootline {

const char* warningCodeName(WarningCode code) {
    switch (code) {
        case WarningCode::MissingParent:
            return "missing_parent";
        case WarningCode::DuplicateId:
            return "duplicate_id";
        case WarningCode::ParentCycle:
            return "parent_cycle";
        case WarningCode::StartsBeforeParent:
            return "starts_before_parent";
        case WarningCode::EndsAfterParent:
            return "ends_after_parent";
        case WarningCode::NegativeDuration:
            return "negative_duration";
        case WarningCode::ZeroDuration:
            return "zero_duration";
        case WarningCode::Source:
            return "producer_warning";
        case WarningCode::BadField:
            return "bad_field";
    }
    return "warning";
}

TraceSummary summarizeTrace(const Trace& t, size_t maxWarnings) {
    TraceSummary s;
    s.traceId = t.traceIdText();
    s.spanCount = t.spanCount();
    s.startNs = t.startNs;
    s.durationNs = t.durationNs();
    s.errorCount = t.errorCount;
    s.orphanCount = t.orphanCount;
    s.depth = t.spanCount() ? t.maxDepth + 1 : 0;

    std::vector<ServiceInfo> services(t.services.size());
    for (size_t i = 0; i < t.services.size(); ++i)
        services[i].name = std::string(t.str(t.services[i]));
    for (size_t i = 0; i < t.spanCount(); ++i) {
        ServiceInfo& svc = services[t.service[i]];
        ++svc.spans;
        if (t.isError(i)) {
            ++svc.errors;
            if (t.flags[i] & kErrorInferred) ++s.inferredErrorCount;
        }
    }
    std::sort(services.begin(), services.end(), [](const ServiceInfo& a, const ServiceInfo& b) {
        return a.spans != b.spans ? a.spans > b.spans : a.name < b.name;
    });
    s.services = std::move(services);

    for (int pass = 0; pass < 2; ++pass) {
        for (uint32_t r : t.roots) {
            const bool orphan = t.flags[r] & kOrphan;
            if (orphan != (pass == 1)) continue;
            s.roots.push_back({r, t.spanIdText(r), std::string(t.serviceOf(r)),
                               std::string(t.nameOf(r)), orphan});
        }
    }

    s.warningCount = t.warningCount();
    for (const std::string& w : t.traceWarnings) {
        if (s.warnings.size() >= maxWarnings) break;
        s.warnings.push_back({-1, {}, "trace", w});
    }
    for (const SpanWarning& w : t.warnings) {
        if (s.warnings.size() >= maxWarnings) break;
        s.warnings.push_back({static_cast<int32_t>(w.span), t.spanIdText(w.span),
                              warningCodeName(w.code), warningText(t, w)});
    }
    return s;
}

}  // namespace rootline
