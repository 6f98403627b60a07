#include "explain/explain_runner.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <exception>

#include "explain/background_call.h"
#include "llm/investigation.h"
#include "llm/provider_config.h"
#include "logging.h"
#include "store/investigation_history.h"
#include "tracepack/token_vault.h"

namespace rootline::ui {

namespace {

struct SettingsRead {
    llm::ProviderSettings provider;
    QString warning;
};

SettingsRead readSettings(const QString& path) {
    SettingsRead out;
    llm::ProviderConfig config;
    std::string error, warning;
    const std::string file = path.isEmpty() ? llm::providerConfigPath() : path.toStdString();
    // A damaged file must not stop the explanation: the defaults (the offline analyst) answer,
    // and the panel says why.
    if (!llm::loadProviderConfig(file, config, error, &warning)) {
        config = llm::ProviderConfig();
        out.warning = QString::fromStdString(error);
    } else if (!warning.empty()) {
        out.warning = QString::fromStdString(warning);
    }
    out.provider = config.activeSettings();
    return out;
}

std::string orDefault(const QString& path, std::string fallback) {
    return path.isEmpty() ? std::move(fallback) : path.toStdString();
}

}  // namespace

ExplainRun runExplain(const ExplainRequest& request, const llm::ProviderSettings& provider,
                      const std::atomic<bool>* cancel) {
    ExplainRun run;
    std::string error;
    // The pack's tokens come from the user's vault key, so tokens match those of exported packs.
    const std::string vaultPath = orDefault(request.vaultPath, TokenVault::defaultPath());
    TokenVault vault;
    bool vaultLoaded = TokenVault::load(vaultPath, vault, error);
    if (!vaultLoaded) {
        run.vaultWarning = QString::fromStdString(error);
        vault = TokenVault();  // a key of this session only: the tokens still hide the values
        vault.key.k0 = QRandomGenerator::system()->generate64();
        vault.key.k1 = QRandomGenerator::system()->generate64();
    }

    // The history is opened here, by this thread (one connection per thread); without it the
    // explanation still runs and the panel says it was not recorded.
    const std::string historyPath =
        orDefault(request.historyPath, store::InvestigationHistory::defaultPath());
    std::unique_ptr<store::InvestigationHistory> history;
    QString historyOpenError;
    if (historyPath.empty()) {
        historyOpenError = QCoreApplication::translate(
            "rootline::ui::HistoryJobs",
            "No place for the history: neither $XDG_DATA_HOME nor $HOME is set");
    } else {
        error.clear();
        history = store::InvestigationHistory::open(historyPath, error);
        if (!history) historyOpenError = QString::fromStdString(error);
    }

    llm::InvestigationRequest investigation;
    investigation.provider = provider;
    investigation.traceSource = request.traceSource.toStdString();
    investigation.pack.source = request.packSource.toStdString();
    investigation.pack.focusSpan = request.focusSpan;
    investigation.pack.tokenKey = vault.key;
    if (request.extraLogs) investigation.pack.extraLogs = *request.extraLogs;
    if (request.metrics) investigation.pack.metrics = *request.metrics;
    llm::InvestigationOutcome outcome;
    try {
        std::shared_ptr<const Ranking> ranking = request.ranking;
        if (!ranking)  // a pack ranks itself from its stored suspects
            ranking = std::make_shared<const Ranking>(
                request.trace->tracepack ? Ranking{} : rankSuspects(*request.trace));
        outcome = llm::investigate(*request.trace, *ranking, investigation, history.get(), cancel);
    } catch (const std::exception& e) {
        // A bug in the engine costs the user this explanation, not the window.
        outcome.explain.ok = false;
        outcome.explain.message = e.what();
    }
    run.cancelled = outcome.explain.error == llm::ModelError::Cancelled;
    if (!outcome.tokens.empty() && vaultLoaded) {
        vault.merge(outcome.tokens);
        error.clear();
        if (!vault.save(vaultPath, error)) run.vaultWarning = QString::fromStdString(error);
    }
    run.display = verdictDisplayFor(request.trace.get(), outcome);
    if (!historyOpenError.isEmpty()) run.display.historyWarning = historyOpenError;
    return run;
}

ExplainRunner::ExplainRunner(QObject* parent) : QObject(parent) {}

ExplainRunner::~ExplainRunner() {
    cancel();
}

void ExplainRunner::start(ExplainRequest request) {
    cancel();
    if (!request.trace) return;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    const quint64 generation = generation_;
    const QString path = request.providersPath;
    runInBackground(
        this, [path] { return readSettings(path); },
        [this, generation, request = std::move(request)](const SettingsRead& read) mutable {
            if (generation != generation_) {
                ++dropped_;
                return;
            }
            ask(std::move(request), read.provider, read.warning);
        });
}

void ExplainRunner::ask(ExplainRequest request, llm::ProviderSettings provider,
                        QString settingsWarning) {
    const quint64 generation = generation_;
    emit asking(QString::fromLatin1(llm::providerName(provider.kind)),
                QString::fromStdString(provider.model));
    // Never the key: the settings object holds it, the log line names only what is asked.
    qCDebug(lcView) << "explain: asking" << llm::providerName(provider.kind)
                    << QString::fromStdString(provider.model);
    runInBackground(
        this,
        [request = std::move(request), provider = std::move(provider), cancel = cancel_,
         settingsWarning] {
            auto run = std::make_shared<ExplainRun>(runExplain(request, provider, cancel.get()));
            run->settingsWarning = settingsWarning;
            return std::shared_ptr<const ExplainRun>(std::move(run));
        },
        [this, generation](const std::shared_ptr<const ExplainRun>& run) {
            finish(run, generation);
        });
}

void ExplainRunner::finish(std::shared_ptr<const ExplainRun> run, quint64 generation) {
    if (generation != generation_) {
        ++dropped_;
        qCDebug(lcView) << "explain: dropped a stale result";
        return;
    }
    running_ = false;
    qCDebug(lcView) << "explain:" << (run->display.ok ? "verdict" : "failed") << "in"
                    << run->display.latencyMs << "ms";
    emit finished(std::move(run));
}

void ExplainRunner::cancel() {
    ++generation_;
    if (cancel_) cancel_->store(true);
    cancel_.reset();
    running_ = false;
}

}  // namespace rootline::ui
