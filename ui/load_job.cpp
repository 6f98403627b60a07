#include "load_job.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <atomic>

#include "load_task.h"
#include "logging.h"

namespace rootline::ui {

namespace {

// QFuture progress is an int; a thousand steps is finer than any progress bar is wide.
constexpr int kProgressSteps = 1000;

}  // namespace

struct LoadJob::Request {
    QString path;
    // Shared with the worker, which may outlive this request (and the job) by a few ms.
    std::shared_ptr<std::atomic<bool>> cancelFlag = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<LoadOutcome>* watcher = nullptr;  // owned by the job (QObject child)

    ~Request() {
        cancelFlag->store(true);
        if (watcher) {
            // Disconnect first: a stale request must never deliver its result.
            watcher->disconnect();
            watcher->deleteLater();
        }
    }
};

LoadJob::LoadJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<LoadOutcome>();
}

LoadJob::~LoadJob() = default;

void LoadJob::start(const QString& path) {
    abandon();
    auto request = std::make_unique<Request>();
    request->path = path;
    request->watcher = new QFutureWatcher<LoadOutcome>(this);
    Request* raw = request.get();
    connect(raw->watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { emit progressChanged(double(value) / kProgressSteps); });
    connect(raw->watcher, &QFutureWatcherBase::finished, this,
            [this, raw] { onRequestFinished(raw); });

    // The worker captures the flag and the path by value, never `this`.
    auto flag = raw->cancelFlag;
    QFuture<LoadOutcome> future = QtConcurrent::run([flag, path](QPromise<LoadOutcome>& promise) {
        promise.setProgressRange(0, kProgressSteps);
        JobControl control;
        control.cancelFlag = flag.get();
        // Called from the loader's threads; QPromise locks and throttles internally.
        control.progress = [&promise](double fraction) {
            promise.setProgressValue(int(std::clamp(fraction, 0.0, 1.0) * kProgressSteps));
        };
        try {
            promise.addResult(runLoadTask(path, control));
        } catch (const std::exception& e) {
            // An exception escaping into QtConcurrent would resurface in result() on the
            // GUI thread; report it as a failed load instead.
            LoadOutcome failed;
            failed.path = path;
            failed.error =
                QFileInfo(path).fileName() + QStringLiteral(": ") + QString::fromUtf8(e.what());
            promise.addResult(std::move(failed));
        }
    });
    raw->watcher->setFuture(future);
    current_ = std::move(request);
    qCDebug(lcLoad) << "load started" << path;
    emit started(path);
}

void LoadJob::cancel() {
    if (!current_) return;
    qCDebug(lcLoad) << "cancel requested" << current_->path;
    current_->cancelFlag->store(true);
}

bool LoadJob::isRunning() const {
    return current_ != nullptr;
}

bool LoadJob::isCancelling() const {
    return current_ && current_->cancelFlag->load();
}

QString LoadJob::path() const {
    return current_ ? current_->path : QString();
}

void LoadJob::abandon() {
    if (!current_) return;
    qCDebug(lcLoad) << "superseded; its result will be dropped" << current_->path;
    current_.reset();
}

void LoadJob::onRequestFinished(Request* request) {
    if (request != current_.get()) {
        // Cannot happen while abandon() disconnects, but a stale result must never be shown.
        qCWarning(lcLoad) << "dropped a stale load result";
        return;
    }
    LoadOutcome outcome;
    if (request->watcher->future().resultCount() > 0) {
        outcome = request->watcher->result();
    } else {
        outcome.path = request->path;
        outcome.error =
            tr("%1: the load ended without a result").arg(QFileInfo(request->path).fileName());
    }
    current_.reset();
    qCDebug(lcLoad) << "load finished" << outcome.path << "ok" << outcome.ok() << "cancelled"
                    << outcome.cancelled << outcome.elapsedNs / 1000000 << "ms";
    emit finished(outcome);
}

}  // namespace rootline::ui
