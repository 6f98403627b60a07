// The main window's side of a trace's logs and metrics: File › Open Logs File…, the View menu's
// Logs and Metrics keys, handing the connections to each tab, and opening an exemplar's trace
// through the right trace connection. Kept apart from main_window.cpp, which is about files.

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>
#include <exception>

#include "explain/background_call.h"
#include "logging.h"
#include "logs/log_correlation.h"
#include "logs/otlp_log_reader.h"
#include "main_window.h"
#include "message_banner.h"
#include "remote/connections_dialog.h"
#include "signals/logs_panel.h"
#include "trace_tab.h"

namespace rootline::ui {

namespace {

constexpr int kStatusMessageMs = 8000;

struct LogsFileRead {
    std::vector<logs::LogLine> lines;  // the trace's, tied to its spans
    logs::Correlation correlation;
    size_t read = 0;  // every record in the file
    QString error;    // one line naming the file and the place
};

LogsFileRead readLogsFile(const QString& path, const Trace& trace) {
    LogsFileRead out;
    std::string error;
    std::vector<std::string> warnings;
    try {
        if (!logs::readOtlpLogsFile(path.toStdString(), out.lines, error, &warnings)) {
            out.error = QString::fromStdString(error);
            out.lines.clear();
            return out;
        }
        out.read = out.lines.size();
        // A log file holds every trace's lines: those that name no trace are not this one's.
        out.correlation = logs::correlate(trace, out.lines, false);
    } catch (const std::exception& e) {
        out.error =
            QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), QString::fromUtf8(e.what()));
    }
    return out;
}

}  // namespace

void MainWindow::addSignalActions(QMenu* file) {
    QAction* open = file->addAction(tr("Open &Logs File…"), this, &MainWindow::chooseLogsFile);
    open->setObjectName(QStringLiteral("actionOpenLogsFile"));
    open->setShortcut(commandKey(WindowCommand::OpenLogsFile));
    open->setStatusTip(tr("Show the lines of an OTLP JSON log file under the spans of this trace"));
    traceActions_.append(open);  // the lines go to the trace in front
}

void MainWindow::addSignalViewActions(QMenu* view) {
    QAction* logs = view->addAction(tr("&Logs"), this, [this] {
        if (TraceTab* tab = currentTraceTab()) tab->showLogs();
    });
    logs->setObjectName(QStringLiteral("actionShowLogs"));
    logs->setShortcut(commandKey(WindowCommand::ShowLogs));
    logs->setStatusTip(tr("The trace's span events and its services' log lines"));
    traceActions_.append(logs);
    QAction* metrics = view->addAction(tr("&Metrics"), this, [this] {
        if (TraceTab* tab = currentTraceTab()) tab->showMetrics();
    });
    metrics->setObjectName(QStringLiteral("actionShowMetrics"));
    metrics->setShortcut(commandKey(WindowCommand::ShowMetrics));
    metrics->setStatusTip(tr("Request rate, errors and latency around the trace"));
    traceActions_.append(metrics);
}

void MainWindow::connectSignals(TraceTab* tab, const QString& source) {
    tab->setRemoteOrigin(remoteOrigins_.value(source));
    connect(tab, &TraceTab::exemplarTraceRequested, this,
            [this, tab](const QString& prometheus, const QString& traceId) {
                openExemplarTrace(prometheus, traceId, tab->remoteOrigin());
            });
    connect(tab, &TraceTab::editConnectionRequested, this, &MainWindow::editConnection);
    tab->setConnections(connections_);
}

void MainWindow::chooseLogsFile() {
    if (!currentTraceTab()) return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Logs File"), QString(),
                                     tr("OTLP JSON logs (*.json *.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty()) openLogsFile(path);
}

void MainWindow::openLogsFile(const QString& path) {
    TraceTab* current = currentTraceTab();
    if (!current) {
        outcomeBanner_->showMessage(MessageBanner::Kind::Information,
                                    tr("Open a trace first: a log file's lines are shown under "
                                       "the spans of the trace in front"));
        return;
    }
    const QString name = QFileInfo(path).fileName();
    statusBar()->showMessage(tr("Reading %1…").arg(name));
    QPointer<TraceTab> tab = current;
    qCDebug(lcWindow) << "logs file" << path;
    runInBackground(
        this, [path, trace = current->sharedTrace()] { return readLogsFile(path, *trace); },
        [this, tab, name](const LogsFileRead& read) {
            statusBar()->clearMessage();
            if (!tab) return;  // closed meanwhile: nobody to show the lines to
            if (!read.error.isEmpty()) {
                outcomeBanner_->showMessage(MessageBanner::Kind::Error, read.error);
                return;
            }
            const size_t kept = read.lines.size();
            tab->logsPanel()->addFileLines(name, read.lines);
            tab->showLogs();
            statusBar()->showMessage(tr("%1: %2 of its %3 lines belong to this trace")
                                         .arg(name)
                                         .arg(kept)
                                         .arg(read.read),
                                     kStatusMessageMs);
        });
}

void MainWindow::openExemplarTrace(const QString& prometheus, const QString& traceId,
                                   const QString& origin) {
    const auto usable = [this](const std::string& name) {
        const remote::Connection* c = connections_.find(name);
        return c && remote::isTraceSource(c->kind);
    };
    QString target;
    const remote::Connection* prom = connections_.find(prometheus.toStdString());
    if (prom && usable(prom->traceConnection))
        target = QString::fromStdString(prom->traceConnection);
    else if (!origin.isEmpty() && usable(origin.toStdString()))
        target = origin;
    else
        for (const remote::Connection& c : connections_.connections)
            if (remote::isTraceSource(c.kind)) {
                target = QString::fromStdString(c.name);
                break;
            }
    if (target.isEmpty()) {
        outcomeBanner_->showMessage(
            MessageBanner::Kind::Error,
            tr("Cannot open trace %1: there is no Jaeger or Tempo connection to fetch it from. "
               "Add one in File › Connections…")
                .arg(traceId));
        return;
    }
    qCDebug(lcWindow) << "exemplar" << traceId << "via" << target;
    openRemoteTrace(target, traceId);
}

ConnectionsDialog* MainWindow::editConnection(const QString& name) {
    ConnectionsDialog* dialog = showConnections();
    const auto select = [dialog, name] {
        const auto& all = dialog->connections().connections;
        for (size_t i = 0; i < all.size(); ++i)
            if (QString::fromStdString(all[i].name) == name) dialog->setCurrentRow(int(i));
    };
    if (name.isEmpty()) return dialog;
    if (dialog->isLoaded())
        select();
    else  // the file is read on a worker: select once it is in
        connect(dialog, &ConnectionsDialog::loaded, dialog, select, Qt::SingleShotConnection);
    return dialog;
}

}  // namespace rootline::ui
