#pragma once
// Loads trace files on a worker thread, one request at a time from the GUI's point of view.
//
// start() while a load runs cancels it and drops its result: the newest request wins. Progress
// and the outcome reach the GUI thread through QFutureWatcher, which posts them as events
// (queued), so no slot ever runs on the worker and the worker never touches a widget. The
// outcome carries an immutable snapshot (std::shared_ptr<const ...>), cheap to hand over.

#include <QObject>
#include <QString>
#include <memory>

#include "load_outcome.h"

namespace rootline::ui {

class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    // Cancels a running load without waiting for it: its thread finishes on its own (within
    // milliseconds) and nobody is left to receive the result.
    ~LoadJob() override;

    void start(const QString& path);
    // Asks the running load to stop; finished() follows with `cancelled` set (or with the result,
    // when the load completed before it saw the request).
    void cancel();

    bool isRunning() const;
    bool isCancelling() const;
    QString path() const;  // of the running load, empty when idle

signals:
    void started(const QString& path);
    void progressChanged(double fraction);  // 0..1, throttled to ~25 updates a second
    void finished(const rootline::ui::LoadOutcome& outcome);

private:
    struct Request;
    void abandon();
    void onRequestFinished(Request* request);

    std::unique_ptr<Request> current_;
};

}  // namespace rootline::ui
