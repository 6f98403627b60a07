// The main window's side of traces from Jaeger and Tempo: the File menu's Open Trace ID…,
// Recent Remote Traces and Connections…, the Search Traces dock, and fetching a trace before
// it loads like a file. Kept apart from main_window.cpp, which is about files.

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

#include "explain/background_call.h"
#include "load_progress_widget.h"
#include "logging.h"
#include "main_window.h"
#include "message_banner.h"
#include "remote/connections_dialog.h"
#include "remote/open_trace_dialog.h"
#include "remote/remote_fetch.h"
#include "remote/remote_open.h"
#include "remote/search_panel.h"
#include "store/remote_trace_cache.h"
#include "trace_tab.h"

namespace rootline::ui {

namespace {

constexpr int kRecentRemoteShown = 15;

struct ConnectionsRead {
    remote::ConnectionList list;
    QString error;
    QStringList warnings;
};

ConnectionsRead readConnections() {
    ConnectionsRead out;
    std::string error;
    std::vector<std::string> warnings;
    if (!remote::loadConnections(remote::connectionsPath(), out.list, error, &warnings))
        out.error = QString::fromStdString(error);
    for (const std::string& w : warnings)
        out.warnings << QString::fromStdString(w);
    return out;
}

}  // namespace

void MainWindow::createSearchDock() {
    search_ = new SearchPanel(this);
    searchDock_ = new QDockWidget(tr("Search Traces"), this);
    searchDock_->setObjectName(QStringLiteral("searchDock"));
    searchDock_->setWidget(search_);
    addDockWidget(Qt::BottomDockWidgetArea, searchDock_);
    searchDock_->hide();
    connect(search_, &SearchPanel::openTraceRequested, this, &MainWindow::openRemoteTrace);
    connect(search_, &SearchPanel::manageConnectionsRequested, this, &MainWindow::showConnections);

    fetch_ = new RemoteFetch(this);
    connect(fetch_, &RemoteFetch::finished, this, &MainWindow::onFetchFinished);
    reloadConnections();
}

void MainWindow::addRemoteActions(QMenu* file) {
    QAction* openId =
        file->addAction(tr("Open Trace &ID…"), this, [this] { showOpenTraceDialog(); });
    openId->setObjectName(QStringLiteral("actionOpenTraceId"));
    openId->setShortcut(commandKey(WindowCommand::OpenTraceId));
    openId->setStatusTip(tr("Open a trace from Jaeger or Tempo by its id"));

    QAction* search = searchDock_->toggleViewAction();
    search->setText(tr("&Search Traces"));
    search->setObjectName(QStringLiteral("actionSearchTraces"));
    search->setShortcut(commandKey(WindowCommand::SearchTraces));
    search->setStatusTip(tr("Find traces on a Jaeger or Tempo server"));
    file->addAction(search);
    connect(search, &QAction::triggered, this, [this](bool on) {
        if (on) search_->connectionBox()->setFocus();
    });

    remoteRecentMenu_ = file->addMenu(tr("Recent Re&mote Traces"));
    remoteRecentMenu_->setObjectName(QStringLiteral("menuRecentRemote"));
    // Read when opened: the cache changes with every fetch, in this window or the CLI.
    connect(remoteRecentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRemoteRecentMenu);
    rebuildRemoteRecentMenu();

    QAction* manage = file->addAction(tr("&Connections…"), this, [this] { showConnections(); });
    manage->setObjectName(QStringLiteral("actionConnections"));
    manage->setStatusTip(tr("The Jaeger, Tempo, Loki and Prometheus servers Rootline talks to"));
}

void MainWindow::reloadConnections() {
    // Only the newest read counts: an older one finishing late must not bring back old settings.
    const int generation = ++connectionsReads_;
    runInBackground(this, readConnections, [this, generation](const ConnectionsRead& read) {
        if (generation != connectionsReads_) return;
        if (!read.error.isEmpty())
            outcomeBanner_->showMessage(MessageBanner::Kind::Error, read.error);
        else if (!read.warnings.isEmpty())
            outcomeBanner_->showMessage(MessageBanner::Kind::Warning, read.warnings.join(u' '));
        setConnections(read.list);
    });
}

void MainWindow::setConnections(const remote::ConnectionList& list) {
    connections_ = list;
    search_->setConnections(list);
    // The open tabs ask their Loki and Prometheus connections (again, when they changed).
    for (int i = 0; i < tabs_->count(); ++i)
        if (auto* tab = qobject_cast<TraceTab*>(tabs_->widget(i))) tab->setConnections(list);
    if (!lastConnection_.isEmpty()) search_->selectConnection(lastConnection_);
}

OpenTraceDialog* MainWindow::showOpenTraceDialog() {
    auto* dialog = new OpenTraceDialog(connections_, lastConnection_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { openRemoteTrace(dialog->connectionName(), dialog->traceId()); });
    connect(dialog, &OpenTraceDialog::manageConnectionsRequested, this,
            &MainWindow::showConnections);
    dialog->open();
    return dialog;
}

ConnectionsDialog* MainWindow::showConnections() {
    if (!connectionsDialog_) {
        connectionsDialog_ = new ConnectionsDialog(this);
        connectionsDialog_->setAttribute(Qt::WA_DeleteOnClose);
        connect(connectionsDialog_, &ConnectionsDialog::connectionsSaved, this,
                &MainWindow::setConnections);
    }
    connectionsDialog_->show();
    connectionsDialog_->raise();
    connectionsDialog_->activateWindow();
    return connectionsDialog_;
}

void MainWindow::openRemoteTrace(const QString& connectionName, const QString& traceId) {
    const remote::Connection* c = connections_.find(connectionName.toStdString());
    if (!c) {
        outcomeBanner_->showMessage(MessageBanner::Kind::Error,
                                    tr("There is no connection named '%1'").arg(connectionName));
        return;
    }
    lastConnection_ = connectionName;
    fetchingConnection_ = connectionName;
    if (job_ && isLoading()) cancelLoad();
    fetch_->start(*c, traceId);
    outcomeBanner_->hide();
    progress_->beginFetch(fetch_->describe());
    progress_->show();
    cancelAction_->setEnabled(true);
    qCDebug(lcWindow) << "fetch" << connectionName << traceId;
}

void MainWindow::openCachedTrace(const QString& sourceKey, const QString& traceId) {
    if (job_ && isLoading()) cancelLoad();
    fetchingConnection_.clear();  // the cache does not say which connection it came through
    const QString title = tr("%1: %2…").arg(sourceKey.section(u' ', 1), traceId.left(16));
    fetch_->startCached(sourceKey, traceId, title);
    outcomeBanner_->hide();
    progress_->beginFetch(title);
    progress_->show();
    cancelAction_->setEnabled(true);
}

bool MainWindow::isFetching() const {
    return fetch_ && fetch_->isRunning();
}

void MainWindow::cancelFetch() {
    fetch_->cancel();
}

void MainWindow::onFetchFinished(const RemoteFetchOutcome& outcome) {
    progress_->hide();
    cancelAction_->setEnabled(false);
    if (outcome.path.isEmpty()) {
        const bool cancelled = outcome.errorKind == remote::RemoteErrorKind::Cancelled;
        outcomeBanner_->showMessage(
            cancelled ? MessageBanner::Kind::Information : MessageBanner::Kind::Error,
            cancelled ? tr("Fetching the trace was cancelled.") : outcome.error);
        return;
    }
    pendingRemotePath_ = outcome.path;
    if (!fetchingConnection_.isEmpty()) remoteOrigins_.insert(outcome.path, fetchingConnection_);
    pendingRemoteWarnings_ = outcome.warnings;
    openFile(outcome.path);
}

void MainWindow::rebuildRemoteRecentMenu() {
    remoteRecentMenu_->clear();
    QAction* reading = remoteRecentMenu_->addAction(tr("Reading…"));
    reading->setEnabled(false);
    runInBackground(
        this,
        [] {
            std::string error;
            std::vector<store::CachedTrace> recent;
            const std::string path = store::remoteTraceCachePath();
            if (path.empty()) return recent;
            if (const auto cache = store::RemoteTraceCache::open(path, error))
                recent = cache->recent(kRecentRemoteShown);
            return recent;
        },
        [this](const std::vector<store::CachedTrace>& recent) {
            remoteRecentMenu_->clear();
            if (recent.empty()) {
                remoteRecentMenu_->addAction(tr("No remote traces yet"))->setEnabled(false);
                return;
            }
            for (const store::CachedTrace& t : recent) {
                const QString key = QString::fromStdString(t.sourceKey);
                const QString id = QString::fromStdString(t.traceId);
                const QString label =
                    tr("%1: %2… (%3)")
                        .arg(QString::fromStdString(t.connectionName), id.left(16),
                             QDateTime::fromMSecsSinceEpoch(t.fetchedUnixMs)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                QAction* a = remoteRecentMenu_->addAction(
                    label, this, [this, key, id] { openCachedTrace(key, id); });
                a->setToolTip(tr("Opens the copy kept on this machine, without the server"));
            }
        });
}

}  // namespace rootline::ui
