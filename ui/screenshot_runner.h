#pragma once
// `rootline FILE --screenshot OUT.png`: load, wait until the window shows the outcome, open the
// first trace with its first error span selected (or its root), wait for its suspects and
// critical path, save a picture of the window, report. Used by the e2e test and for the docs'
// screenshots.

#include <QObject>
#include <QString>
#include <chrono>

#include "load_outcome.h"

class QTimer;

namespace rootline::ui {

class MainWindow;

class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    enum ExitCode { Saved = 0, SaveFailed = 1, TimedOut = 3 };

    ScreenshotRunner(MainWindow* window, QString outPath, std::chrono::milliseconds timeout,
                     QObject* parent = nullptr);

    // Opens `file` (may be empty: then the empty window is pictured). Always reports through
    // finished(), never synchronously, so the caller can connect it to QCoreApplication::exit.
    void start(const QString& file);

signals:
    void finished(int exitCode);

private:
    void onSettled(const LoadOutcome& outcome);
    void capture(const QString& what);
    void onTimeout();

    MainWindow* window_;
    QString outPath_;
    QTimer* timeout_;
    bool done_ = false;
    QString analysing_;  // what the picture shows, while it waits for the trace's analysis
};

}  // namespace rootline::ui
