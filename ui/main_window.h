#pragma once
// The main window: open a trace file (menu, recent files, drag and drop, command line), load it
// in the background with progress and Cancel, list its traces in the first tab — or say clearly
// why not — and open traces in tabs of their own (a file of one trace opens it at once). Under
// the list, a details pane follows the current trace: its services, warnings and roots.
//
// Nothing the user had is lost: a failed or cancelled load leaves the shown traces and the open
// tabs in place and says what happened in a banner above them.

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <memory>
#include <optional>

#include "load_outcome.h"
#include "remote/connection.h"
#include "shortcuts.h"
#include "store/investigation_history.h"

class QAction;
class QDockWidget;
class QTemporaryDir;
class QLabel;
class QMenu;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace rootline::ui {

class ConnectionsDialog;
class EmptyStateWidget;
class OpenTraceDialog;
class RemoteFetch;
struct RemoteFetchOutcome;
class SearchPanel;
class HistoryPanel;
class ProviderSettingsDialog;
class LoadJob;
class LoadProgressWidget;
class MessageBanner;
class RecentFiles;
class TraceDetailsPane;
class TraceTab;
class TraceListModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` off the GUI thread and returns at once. A load already running is
    // cancelled and its result dropped: the newest request wins.
    void openFile(const QString& path);
    void cancelLoad();
    bool isLoading() const;

    QString shownFile() const { return shownPath_; }  // whose traces are listed; empty if none
    TraceListModel* traceModel() const { return model_; }
    TraceDetailsPane* detailsPane() const { return details_; }
    QTreeView* traceList() const { return view_; }
    RecentFiles* recentFiles() const { return recent_; }

    // Opens trace `index` of the listed file in a tab (or shows its tab if already open).
    TraceTab* openTrace(int index);
    TraceTab* currentTraceTab() const;
    // The trace at the top of the list as sorted, or -1 when none is listed.
    int firstListedTrace() const;
    int traceTabCount() const;
    QTabWidget* tabs() const { return tabs_; }

    // Window geometry, dock and splitter state from the last session (not in tests or
    // screenshots, which want a known size).
    void restoreSettings();
    void saveSettings() const;

    // Investigate › History: a dock, hidden until asked for; the history is read when it shows.
    HistoryPanel* historyPanel() const { return history_; }
    QDockWidget* historyDock() const { return historyDock_; }
    // Shows investigation `id` from the history again, read-only, in the tab of its trace. When
    // that trace is not open, asks (unless `openPackWithoutAsking`) whether to open the
    // tracepack stored with it, which then opens like any trace file and shows the verdict.
    void reopenInvestigation(qint64 id, bool openPackWithoutAsking = false);
    // Investigate › Model Settings… (non-modal; deletes itself when closed).
    ProviderSettingsDialog* showModelSettings();
    ProviderSettingsDialog* modelSettingsDialog() const;

    // Traces from Jaeger and Tempo (main_window_remote.cpp). The connections are read from
    // remote::connectionsPath() on a worker when the window opens and after every save.
    const remote::ConnectionList& connections() const { return connections_; }
    void setConnections(const remote::ConnectionList& list);
    void reloadConnections();
    // Fetches the trace on a worker (or takes its cached copy when the server cannot be
    // reached), then loads it like a file. Esc or the progress strip's Cancel stops it.
    void openRemoteTrace(const QString& connectionName, const QString& traceId);
    bool isFetching() const;
    void cancelFetch();
    // File › Open Trace ID… (Ctrl+L), File › Connections…, View › Search Traces (Ctrl+Shift+F).
    OpenTraceDialog* showOpenTraceDialog();
    ConnectionsDialog* showConnections();
    SearchPanel* searchPanel() const { return search_; }
    QDockWidget* searchDock() const { return searchDock_; }
    QMenu* remoteRecentMenu() const { return remoteRecentMenu_; }

    // Logs and metrics of a trace (main_window_signals.cpp). File › Open Logs File…: reads an
    // OTLP JSON log file on a worker and shows the lines of the trace in front in its Logs tab.
    void openLogsFile(const QString& path);
    // An exemplar of `prometheus` was clicked: opens `traceId` through that connection's trace
    // connection, else `origin` (where the shown trace came from), else the first Jaeger or
    // Tempo connection; says so in the banner when there is none.
    void openExemplarTrace(const QString& prometheus, const QString& traceId,
                           const QString& origin);
    // File › Connections… with connection `name` selected (the Metrics tab's Edit Queries…).
    ConnectionsDialog* editConnection(const QString& name);

    // View › Show the critical path: on by default, the same in every tab, kept across sessions.
    bool criticalPathShown() const;
    void setCriticalPathShown(bool on);

signals:
    // Emitted once the window shows the outcome of a load: traces, an error or a cancellation.
    void loadSettled(const rootline::ui::LoadOutcome& outcome);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createViewMenu();
    void createInvestigateMenu();
    void createHistoryDock();
    void createSearchDock();
    void addRemoteActions(QMenu* file);
    void addSignalActions(QMenu* file);
    void addSignalViewActions(QMenu* view);
    void chooseLogsFile();
    void connectSignals(TraceTab* tab, const QString& source);
    void rebuildRemoteRecentMenu();
    void openCachedTrace(const QString& sourceKey, const QString& traceId);
    void onFetchFinished(const RemoteFetchOutcome& outcome);
    void showInvestigation(const store::Investigation& record, bool openPackWithoutAsking);
    void openStoredPack(const store::Investigation& record);
    void addCriticalPathAction(QMenu* view);
    void rebuildRecentMenu();
    void openRecent(const QString& path);
    QWidget* createCentralArea();
    QWidget* createListPage();
    void closeTab(int index);
    void onCurrentTabChanged();
    void showKeyboardShortcuts();
    void chooseFile();
    void showAbout();
    void onLoadStarted(const QString& path);
    void onProgress(double fraction);
    void onLoadFinished(const LoadOutcome& outcome);
    void showSnapshot(const LoadOutcome& outcome);
    void showFileWarnings(const TraceFile& file);
    void updateTitle();
    void updateSummary();
    void showCurrentTrace(const QModelIndex& proxyIndex);

    LoadJob* job_;
    TraceListModel* model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_ = nullptr;
    TraceDetailsPane* details_ = nullptr;
    QSplitter* split_ = nullptr;  // the trace list above the details pane
    EmptyStateWidget* empty_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    MessageBanner* outcomeBanner_ = nullptr;   // the last load's error or cancellation
    MessageBanner* warningsBanner_ = nullptr;  // file-level warnings of the shown file
    LoadProgressWidget* progress_ = nullptr;
    QLabel* summary_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* closeTabAction_ = nullptr;
    QAction* criticalPathAction_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QList<QAction*> traceActions_;  // enabled only while a trace tab is current
    QTabWidget* tabs_ = nullptr;
    QWidget* listPage_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QString shownPath_;
    QDockWidget* historyDock_ = nullptr;
    HistoryPanel* history_ = nullptr;
    QPointer<ProviderSettingsDialog> settingsDialog_;
    // Tracepacks from the history written out to be opened; removed when the window goes.
    std::unique_ptr<QTemporaryDir> packDir_;
    // The pack being opened for a past investigation, and that investigation.
    QString pendingPackPath_;
    std::optional<store::Investigation> pendingVerdict_;
    // Remote traces.
    remote::ConnectionList connections_;
    RemoteFetch* fetch_ = nullptr;
    SearchPanel* search_ = nullptr;
    QDockWidget* searchDock_ = nullptr;
    QMenu* remoteRecentMenu_ = nullptr;
    QPointer<ConnectionsDialog> connectionsDialog_;
    QString lastConnection_;                 // the one last fetched from, offered first
    QString fetchingConnection_;             // the one being fetched from; empty for the cache
    QHash<QString, QString> remoteOrigins_;  // fetched file → the connection it came from
    int connectionsReads_ = 0;               // reads of the connections file started
    QString pendingRemotePath_;              // the fetched file being loaded
    QStringList pendingRemoteWarnings_;      // to show once it has loaded
};

}  // namespace rootline::ui
