#include "remote/remote_fetch.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "explain/background_call.h"
#include "remote/remote_open.h"
#include "remote/trace_source.h"
#include "store/remote_trace_cache.h"

namespace rootline::ui {

namespace {

// Writes the body to "<label> <id>.json" in `folder` (the label made safe on every file
// system) and sets out.path, or out.error.
void writeBody(const QString& folder, const QString& label, const std::string& body,
               RemoteFetchOutcome& out) {
    QString name = label.section(QLatin1Char(':'), 0, 0);
    for (QChar& ch : name)
        if (!ch.isLetterOrNumber() && ch != QLatin1Char('-') && ch != QLatin1Char('_'))
            ch = QLatin1Char('-');
    const QString path =
        QDir(folder).filePath(QStringLiteral("%1 %2.json").arg(name, out.traceId.left(16)));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(body.data(), static_cast<qint64>(body.size())) !=
            static_cast<qint64>(body.size())) {
        out.errorKind = remote::RemoteErrorKind::Config;
        out.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return;
    }
    out.path = path;
}

RemoteFetchOutcome fetchAndWrite(const remote::Connection& connection, const std::string& id,
                                 const std::string& cachePath, const QString& folder,
                                 const std::atomic<bool>* cancel) {
    RemoteFetchOutcome out;
    std::unique_ptr<remote::TraceSource> source = remote::makeTraceSource(connection);
    if (!source) {
        out.errorKind = remote::RemoteErrorKind::Config;
        out.error = QStringLiteral("'%1' is not a trace source")
                        .arg(QString::fromStdString(connection.name));
        return out;
    }
    std::string cacheError;
    std::unique_ptr<store::RemoteTraceCache> cache;
    if (!cachePath.empty()) cache = store::RemoteTraceCache::open(cachePath, cacheError);
    remote::OpenedRemoteTrace opened = remote::openRemoteTrace(*source, id, cache.get(), cancel);
    out.traceId = QString::fromStdString(opened.traceId);
    out.title = QString::fromStdString(opened.sourceName);
    out.fromCache = opened.fromCache;
    for (const std::string& w : opened.warnings)
        out.warnings << QString::fromStdString(w);
    if (!cacheError.empty())
        out.warnings << QStringLiteral("not cached for offline use: %1")
                            .arg(QString::fromStdString(cacheError));
    if (!opened.ok()) {
        out.errorKind = opened.error.kind;
        out.error = QString::fromStdString(opened.error.message);
        return out;
    }
    writeBody(folder, QString::fromStdString(connection.name), opened.body, out);
    return out;
}

}  // namespace

RemoteFetch::RemoteFetch(QObject* parent, QString cachePath)
    : QObject(parent), cachePath_(std::move(cachePath)) {
    qRegisterMetaType<RemoteFetchOutcome>();
}

RemoteFetch::~RemoteFetch() {
    if (cancel_) cancel_->store(true);  // the worker stops; nobody is left to hear of it
}

template <class Work>
void RemoteFetch::run(Work work, const QString& what) {
    abandon();
    if (!dir_) dir_ = std::make_unique<QTemporaryDir>();
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancel_ = flag;
    const int generation = ++generation_;
    running_ = what;
    const std::string cachePath =
        cachePath_.isEmpty() ? store::remoteTraceCachePath() : cachePath_.toStdString();
    runInBackground(
        this,
        [work, cachePath, folder = dir_->path(), flag] {
            return work(cachePath, folder, flag.get());
        },
        [this, generation](const RemoteFetchOutcome& outcome) {
            if (generation != generation_) return;  // cancelled, or a newer fetch replaced it
            cancel_.reset();
            running_.clear();
            emit finished(outcome);
        });
}

void RemoteFetch::start(const remote::Connection& connection, const QString& traceId) {
    run(
        [connection, id = traceId.toStdString()](
            const std::string& cachePath, const QString& folder, const std::atomic<bool>* cancel) {
            return fetchAndWrite(connection, id, cachePath, folder, cancel);
        },
        tr("%1 from %2").arg(traceId.left(16), QString::fromStdString(connection.endpoint())));
}

void RemoteFetch::startCached(const QString& sourceKey, const QString& traceId,
                              const QString& title) {
    run(
        [key = sourceKey.toStdString(), id = traceId.toStdString(), title](
            const std::string& cachePath, const QString& folder, const std::atomic<bool>*) {
            RemoteFetchOutcome out;
            out.traceId = QString::fromStdString(id);
            out.title = title;
            out.fromCache = true;
            std::string error;
            const auto cache = store::RemoteTraceCache::open(cachePath, error);
            const auto cached = cache ? cache->get(key, id) : std::nullopt;
            if (!cached) {
                out.errorKind = remote::RemoteErrorKind::NotFound;
                out.error = cache ? QStringLiteral("trace %1 is no longer in the cache")
                                        .arg(QString::fromStdString(id).left(16))
                                  : QString::fromStdString(error);
                return out;
            }
            out.warnings << QStringLiteral("the copy fetched %1 from the cache")
                                .arg(QDateTime::fromMSecsSinceEpoch(cached->fetchedUnixMs)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
            writeBody(folder, title, cached->body, out);
            return out;
        },
        title);
}

void RemoteFetch::abandon() {
    if (!cancel_) return;
    // The worker stops within ~100 ms; its result is dropped (the generation moves on).
    cancel_->store(true);
    cancel_.reset();
    running_.clear();
    ++generation_;
}

void RemoteFetch::cancel() {
    if (!cancel_) return;
    abandon();
    RemoteFetchOutcome out;
    out.errorKind = remote::RemoteErrorKind::Cancelled;
    out.error = tr("Fetching was cancelled");
    emit finished(out);
}

}  // namespace rootline::ui
