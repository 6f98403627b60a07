#pragma once
// Shared by the explain, history and model-settings tests: every test gets folders of its own
// for the history database, the provider settings, the token vault and QSettings, so nothing
// touches the developer's home; helpers open the demo trace and script an OpenAI-compatible
// server's answers.

#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <string>

#include "llm/provider_config.h"
#include "main_window.h"
#include "trace_tab.h"
#include "waterfall/waterfall_view.h"

namespace rootline::ui::test {

// Points $ROOTLINE_HISTORY_DB, $ROOTLINE_PROVIDERS_FILE, $XDG_DATA_HOME and $XDG_CONFIG_HOME
// into a fresh temporary folder for as long as it lives.
class IsolatedEnvironment {
public:
    IsolatedEnvironment() {
        if (!dir_.isValid()) qFatal("no temporary folder");
        set("ROOTLINE_HISTORY_DB", historyPath());
        set("ROOTLINE_PROVIDERS_FILE", providersPath());
        set("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")));
        set("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")));
    }
    ~IsolatedEnvironment() {
        for (const char* name : {"ROOTLINE_HISTORY_DB", "ROOTLINE_PROVIDERS_FILE"})
            qunsetenv(name);
    }
    QString historyPath() const { return dir_.filePath(QStringLiteral("history.sqlite3")); }
    QString providersPath() const { return dir_.filePath(QStringLiteral("providers.json")); }
    QString path() const { return dir_.path(); }

private:
    static void set(const char* name, const QString& value) { qputenv(name, value.toUtf8()); }
    QTemporaryDir dir_;
};

inline TraceTab* openDemo(MainWindow& w) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(QStringLiteral(ROOTLINE_DEMO_TRACE));
    if (!settled.wait(20000)) qFatal("the demo did not load");
    TraceTab* tab = w.currentTraceTab();
    if (!tab) qFatal("no trace tab");
    if (!tab->analysis()) {
        QSignalSpy finished(tab, &TraceTab::analysisFinished);
        if (!finished.wait(20000)) qFatal("the analysis did not finish");
    }
    return tab;
}

// The demo's root cause as the offline analyst finds it.
inline constexpr const char* kDemoRootSpanId = "fba71e3d982c9970";
inline constexpr const char* kDemoRootSpanName = "SELECT customer_risk_profiles";

// Makes the OpenAI-compatible provider at `baseUrl` the active one, in the settings file the
// app reads ($ROOTLINE_PROVIDERS_FILE).
inline void useOpenAiAt(const std::string& baseUrl, int timeoutSeconds = 30) {
    llm::ProviderConfig config;
    config.active = llm::ProviderKind::OpenAI;
    llm::ProviderSettings& s = config.providers[llm::ProviderKind::OpenAI];
    s.baseUrl = baseUrl;
    s.model = "m";
    s.apiKeyEnv = "ROOTLINE_TEST_UNSET_KEY_VARIABLE";
    s.apiKey = "sk-test-0123456789";
    s.timeoutSeconds = timeoutSeconds;
    std::string error;
    if (!llm::saveProviderConfig(llm::providerConfigPath(), config, error))
        qFatal("cannot write the provider settings: %s", error.c_str());
}

// A chat completion whose message is `verdictJson`, as OpenAI sends it.
inline std::string chatCompletion(const std::string& verdictJson) {
    std::string escaped;
    for (char c : verdictJson) {
        if (c == '"' || c == '\\') escaped += '\\';
        escaped += c;
    }
    return R"({"id":"x","object":"chat.completion","model":"m","choices":[{"index":0,"message":)"
           R"({"role":"assistant","content":")" +
           escaped +
           R"(","refusal":null},"finish_reason":"stop"}],)"
           R"("usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}})";
}

inline std::string verdictNaming(const std::string& rootSpan, const std::string& evidenceSpan) {
    return R"({"root_spans":[")" + rootSpan +
           R"("],"hypothesis":"The risk query was cancelled.",)"
           R"("evidence":[{"span_id":")" +
           evidenceSpan +
           R"(","observation":"canceling statement due to user request"}],)"
           R"("fix_suggestions":["Add a statement timeout"],)"
           R"("test_suggestion":"The query ends without error.","confidence":0.7})";
}

}  // namespace rootline::ui::test
