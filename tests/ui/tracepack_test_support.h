#pragma once
// Traces and tracepacks for the tracepack tests: a fixture or a trace with planted secrets,
// loaded as the app loads files, and a token vault of a known key in a folder of the test's own.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>

#include "analysis/suspect_ranking.h"
#include "formats/load.h"
#include "test_support.h"
#include "tracepack/token_vault.h"

namespace rootline::ui::test {

inline constexpr const char* kPackFixture = "jaeger/ui-genai-57spans-10svc-error.json";
inline constexpr const char* kPlantedPassword = "hunter2-planted";
inline constexpr const char* kPlantedEmail = "alice.planted@example.com";

inline std::shared_ptr<const Trace> loadTrace(const QString& path) {
    LoadResult r = loadTraceFile(path.toStdString());
    if (!r.ok() || r.file->traces.empty())
        qFatal("cannot load %s: %s", qPrintable(path), r.error.message.c_str());
    return r.file->traces.front();
}

// Two spans; the failing one carries a password attribute and an e-mail address in its
// status message and in an error log.
inline QByteArray plantedSecretsJaeger() {
    return QByteArray(R"({"data":[{"traceID":"5ec2e7000000000000000000000000aa","spans":[
{"traceID":"5ec2e7000000000000000000000000aa","spanID":"0000000000000001","operationName":"POST /checkout",
 "references":[],"startTime":1700000000000000,"duration":500000,"processID":"p1",
 "tags":[{"key":"span.kind","type":"string","value":"server"},{"key":"error","type":"bool","value":true}],"logs":[]},
{"traceID":"5ec2e7000000000000000000000000aa","spanID":"0000000000000002","operationName":"login",
 "references":[{"refType":"CHILD_OF","traceID":"5ec2e7000000000000000000000000aa","spanID":"0000000000000001"}],
 "startTime":1700000000010000,"duration":300000,"processID":"p2",
 "tags":[{"key":"error","type":"bool","value":true},
         {"key":"user.password","type":"string","value":")") +
           kPlantedPassword + R"("},
         {"key":"otel.status_description","type":"string","value":"login failed for )" +
           kPlantedEmail + R"("}],
 "logs":[{"timestamp":1700000000020000,"fields":[{"key":"event","type":"string","value":"error"},
         {"key":"message","type":"string","value":"bad password for )" +
           kPlantedEmail + R"("}]}]}],
"processes":{"p1":{"serviceName":"frontend","tags":[]},"p2":{"serviceName":"auth","tags":[]}}}]})";
}

// A vault with a known key at `path`, so a test can build the very pack the dialog shows.
inline TokenVault writeVault(const QString& path) {
    TokenVault vault;
    vault.key.k0 = 0x0123456789abcdefULL;
    vault.key.k1 = 0xfedcba9876543210ULL;
    std::string error;
    if (!vault.save(path.toStdString(), error)) qFatal("cannot write the vault: %s", error.c_str());
    return vault;
}

}  // namespace rootline::ui::test
