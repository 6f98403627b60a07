#pragma once
// Opens a trace from a Jaeger or Tempo connection off the GUI thread: fetches it (or takes the
// cached copy when the server cannot be reached, remote::openRemoteTrace), writes the body to a
// file in a folder of its own, and hands back that file for the window's usual load, so a
// remote trace gets the same progress, warnings and tabs as a file. One fetch at a time: a
// new start() cancels the running one and drops its result.

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

#include "remote/connection.h"
#include "remote/remote_error.h"

class QTemporaryDir;

namespace rootline::ui {

struct RemoteFetchOutcome {
    QString path;          // the file written, empty on failure
    QString title;         // "prod jaeger: 4bf92f35…"
    QString traceId;       // 32 lowercase hex
    QStringList warnings;  // partial trace, offline copy, cache not written
    bool fromCache = false;
    remote::RemoteErrorKind errorKind = remote::RemoteErrorKind::None;
    QString error;  // one line, empty on success
};

class RemoteFetch : public QObject {
    Q_OBJECT
public:
    // `cachePath` empty: store::remoteTraceCachePath() ($ROOTLINE_REMOTE_CACHE wins).
    explicit RemoteFetch(QObject* parent = nullptr, QString cachePath = QString());
    ~RemoteFetch() override;

    void start(const remote::Connection& connection, const QString& traceId);
    // Opens a trace from the cache alone (File › Recent Remote Traces), without the server.
    void startCached(const QString& sourceKey, const QString& traceId, const QString& title);
    void cancel();
    bool isRunning() const { return static_cast<bool>(cancel_); }
    QString describe() const { return running_; }  // "4bf92f35… from http://host:16686"

signals:
    void finished(const rootline::ui::RemoteFetchOutcome& outcome);

private:
    template <class Work>
    void run(Work work, const QString& what);
    void abandon();  // stops the running fetch without a word

    QString cachePath_;
    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<std::atomic<bool>> cancel_;  // of the running fetch, null when idle
    QString running_;
    int generation_ = 0;
};

}  // namespace rootline::ui

Q_DECLARE_METATYPE(rootline::ui::RemoteFetchOutcome)
