#include "suspects/ranking_weights_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <string>

namespace rootline::ui {

namespace {

// A weights file is a few hundred bytes; anything this large is not one, and reading it whole
// would only waste memory before the parser says so.
constexpr qint64 kMaxFileBytes = 1 << 20;

}  // namespace

QString rankingWeightsPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("ranking-weights.json"));
}

RankingWeights loadRankingWeights(const QString& path, QString& error) {
    error.clear();
    QFile file(path);
    if (path.isEmpty() || !file.exists()) return RankingWeights::defaults();
    if (!file.open(QIODevice::ReadOnly)) {
        error = QCoreApplication::translate("RankingWeights", "%1: cannot read it (%2)")
                    .arg(QDir::toNativeSeparators(path), file.errorString());
        return RankingWeights::defaults();
    }
    if (file.size() > kMaxFileBytes) {
        error = QCoreApplication::translate("RankingWeights", "%1: too large for a weights file")
                    .arg(QDir::toNativeSeparators(path));
        return RankingWeights::defaults();
    }
    const QByteArray json = file.readAll();
    RankingWeights weights = RankingWeights::defaults();
    std::string message;
    if (!weights.loadOverrides(std::string_view(json.constData(), size_t(json.size())),
                               QDir::toNativeSeparators(path).toStdString(), message)) {
        // The core's message already names the file and the key.
        error = QString::fromStdString(message);
        return RankingWeights::defaults();  // never half of the user's overrides
    }
    return weights;
}

}  // namespace rootline::ui
