#include "settings/connection_test.h"

#include <QCoreApplication>

#include "llm/explain.h"

namespace rootline::ui {

namespace {

constexpr const char* kTinyPack =
    R"({"schema":"rootline.tracepack/v1","spans":[{"span_id":"0000000000000001","name":"GET /",)"
    R"("service":"web","status":"error"}]})";

}  // namespace

ConnectionTestResult testConnection(const llm::ProviderSettings& settings) {
    const llm::ExplainResult r = llm::explainPack(kTinyPack, settings);
    ConnectionTestResult out;
    out.ok = r.ok;
    if (r.ok)
        out.text = QCoreApplication::translate("rootline::ui::ConnectionTest",
                                               "Connected: %1 answered in %2 ms")
                       .arg(QString::fromStdString(r.model))
                       .arg(r.latencyMs);
    else
        out.text = QString::fromStdString(r.message);
    return out;
}

}  // namespace rootline::ui
