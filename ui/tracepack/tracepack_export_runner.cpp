#include "tracepack/tracepack_export_runner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "logging.h"
#include "suspects/ranking_weights_file.h"
#include "tracepack/tracepack_origin.h"

namespace rootline::ui {

PackOptions packOptionsFor(const TracepackRequest& request, const TokenKey& key,
                           QString* rulesError) {
    PackOptions options;
    options.maxBytes = request.maxBytes;
    options.tokenKey = key;
    options.source = request.source.toStdString();
    if (!request.rulesPath.isEmpty()) {
        const QString name = QFileInfo(request.rulesPath).fileName();
        QFile file(request.rulesPath);
        std::string error;
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("%1: %2").arg(name, file.errorString()).toStdString();
        } else {
            const QByteArray text = file.readAll();
            if (auto rules =
                    RedactionRules::parse(std::string_view(text.constData(), size_t(text.size())),
                                          name.toStdString(), error))
                options.rules = std::move(*rules);
        }
        if (!error.empty() && rulesError) *rulesError = QString::fromStdString(error);
    }
    // The checkbox wins over the file, as it is what the user sees.
    options.rules.detectIp = request.detectIp;
    if (request.extraLogs) options.extraLogs = *request.extraLogs;
    if (request.metrics) options.metrics = *request.metrics;
    return options;
}

std::shared_ptr<const TracepackBuild> buildTracepackFor(const TracepackRequest& request) {
    QElapsedTimer timer;
    timer.start();
    auto build = std::make_shared<TracepackBuild>();
    build->vault = request.vault;
    if (!build->vault) {
        auto vault = std::make_shared<TokenVault>();
        std::string error;
        if (!TokenVault::load(request.vaultPath.toStdString(), *vault, error)) {
            build->vaultError = QString::fromStdString(error);
            // A key of this session only: the tokens still hide the values.
            *vault = TokenVault();
            vault->key.k0 = QRandomGenerator::system()->generate64();
            vault->key.k1 = QRandomGenerator::system()->generate64();
        }
        build->vault = std::move(vault);
    }
    try {
        const PackOptions options = packOptionsFor(request, build->vault->key, &build->rulesError);
        std::shared_ptr<const Ranking> ranking = request.ranking;
        if (!ranking && request.trace->tracepack) {
            ranking = std::make_shared<const Ranking>(request.trace->tracepack->ranking);
        } else if (!ranking) {
            QString weightsError;
            RankOptions rank;
            rank.weights = loadRankingWeights(rankingWeightsPath(), weightsError);
            ranking = std::make_shared<const Ranking>(rankSuspects(*request.trace, rank));
        }
        build->result = buildTracepack(*request.trace, *ranking, options);
    } catch (const std::exception& e) {
        // A bug in the builder costs the user the pack, not the window.
        build->result = PackResult();
        build->result.error = e.what();
    }
    build->elapsedMs = timer.elapsed();
    return build;
}

TracepackExportRunner::TracepackExportRunner(QObject* parent) : QObject(parent) {}

TracepackExportRunner::~TracepackExportRunner() {
    cancel();
}

void TracepackExportRunner::start(TracepackRequest request) {
    cancel();
    if (!request.trace) return;
    const quint64 generation = generation_;
    running_ = true;
    using Result = std::shared_ptr<const TracepackBuild>;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) {
            ++dropped_;
            qCDebug(lcView) << "tracepack: dropped a stale build";
            return;
        }
        running_ = false;
        const Result build = watcher->result();
        qCDebug(lcView) << "tracepack:" << build->result.bytes.size() << "bytes in"
                        << build->elapsedMs << "ms" << QString::fromStdString(build->result.error);
        emit finished(build);
    });
    // The worker holds its request (and with it the trace), never `this`.
    watcher->setFuture(
        QtConcurrent::run([request = std::move(request)] { return buildTracepackFor(request); }));
}

void TracepackExportRunner::cancel() {
    ++generation_;
    running_ = false;
}

}  // namespace rootline::ui
