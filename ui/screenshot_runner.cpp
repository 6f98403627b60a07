#include "screenshot_runner.h"

#include <QFileInfo>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "logging.h"
#include "main_window.h"
#include "trace_list_model.h"
#include "trace_tab.h"

namespace rootline::ui {

namespace {

// Time for deferred layouts and column sizing to land after the outcome is shown; grab()
// renders what is laid out, not what will be.
constexpr int kSettleMs = 200;

void report(std::FILE* stream, const QString& line) {
    std::fputs(qPrintable(line + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

}  // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString outPath,
                                   std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent), window_(window), outPath_(std::move(outPath)), timeout_(new QTimer(this)) {
    timeout_->setSingleShot(true);
    timeout_->setInterval(timeout);
    connect(timeout_, &QTimer::timeout, this, &ScreenshotRunner::onTimeout);
    connect(window_, &MainWindow::loadSettled, this, &ScreenshotRunner::onSettled);
}

void ScreenshotRunner::start(const QString& file) {
    // A fixed size, so pictures from different machines compare and the docs stay consistent.
    window_->resize(1280, 800);
    window_->show();
    if (file.isEmpty()) {
        QTimer::singleShot(kSettleMs, this, [this] { capture(tr("no file")); });
        return;
    }
    timeout_->start();
    window_->openFile(file);
}

void ScreenshotRunner::onSettled(const LoadOutcome& outcome) {
    if (done_) return;
    timeout_->stop();
    QString what;
    if (outcome.ok()) {
        const TraceFile& f = *outcome.loaded->file;
        what = tr("%1: %2, traces: %3, spans: %4")
                   .arg(QFileInfo(outcome.path).fileName(), QString::fromStdString(f.format))
                   .arg(f.traces.size())
                   .arg(f.spanCount());
        // The picture shows a trace, not just the list: the first one, at its first error.
        TraceTab* tab = window_->currentTraceTab();
        if (!tab && window_->firstListedTrace() >= 0)
            tab = window_->openTrace(window_->firstListedTrace());
        if (tab) tab->selectFirstErrorOrRoot();
        // The suspects and the critical path are part of the picture: wait for them (the
        // timeout still guards the whole run).
        if (tab && tab->isAnalyzing()) {
            analysing_ = what;
            timeout_->start();
            connect(tab, &TraceTab::analysisFinished, this, [this, what] {
                timeout_->stop();
                QTimer::singleShot(kSettleMs, this, [this, what] { capture(what); });
            });
            return;
        }
    } else {
        what = tr("load failed: %1").arg(outcome.error);
    }
    QTimer::singleShot(kSettleMs, this, [this, what] { capture(what); });
}

void ScreenshotRunner::capture(const QString& what) {
    if (done_) return;
    done_ = true;
    const QPixmap picture = window_->grab();
    if (picture.isNull() || !picture.save(outPath_, "PNG")) {
        report(stderr, tr("rootline: could not save the screenshot to %1").arg(outPath_));
        emit finished(SaveFailed);
        return;
    }
    qCDebug(lcWindow) << "screenshot saved" << outPath_ << picture.size();
    report(stdout, tr("rootline: saved %1 (%2)").arg(outPath_, what));
    emit finished(Saved);
}

void ScreenshotRunner::onTimeout() {
    if (done_) return;
    // The trace is shown; only its suspects are late. A picture without them beats none.
    if (!analysing_.isEmpty()) {
        capture(analysing_);
        return;
    }
    done_ = true;
    report(stderr, tr("rootline: the load did not finish within %1 s; no screenshot taken")
                       .arg(timeout_->interval() / 1000));
    window_->cancelLoad();
    emit finished(TimedOut);
}

}  // namespace rootline::ui
