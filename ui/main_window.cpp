#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QVBoxLayout>

#include "empty_state_widget.h"
#include "explain/background_call.h"
#include "explain/verdict_panel.h"
#include "history/history_jobs.h"
#include "history/history_panel.h"
#include "keyboard_shortcuts_dialog.h"
#include "load_job.h"
#include "load_progress_widget.h"
#include "logging.h"
#include "message_banner.h"
#include "recent_files.h"
#include "settings/provider_settings_dialog.h"
#include "trace_details_pane.h"
#include "trace_list_model.h"
#include "trace_tab.h"
#include "util/format.h"
#include "waterfall/waterfall_view.h"

namespace rootline::ui {

namespace {

// File-level warnings listed in the banner's tooltip; the rest are counted.
constexpr int kListedFileWarnings = 20;
// Temporary status-bar messages, long enough to read a sentence.
constexpr int kStatusMessageMs = 8000;
// First heights of the trace list and the details pane at the screenshot size (1280×800): 300 px
// show ten services or warnings without scrolling. The list keeps most of the height whatever
// the window's: it takes two thirds of any growth or shrinkage (the splitter's stretch factors).
constexpr int kListHeight = 460;
constexpr int kDetailsHeight = 300;
constexpr int kListStretch = 2;
constexpr int kDetailsStretch = 1;

// Settings keys.
const char* const kGeometryKey = "window/geometry";
const char* const kStateKey = "window/state";
const char* const kListSplitKey = "window/traceListSplitter";
const char* const kTraceLayoutKey = "traceTab/layout";
const char* const kCriticalPathKey = "traceTab/criticalPath";

QString fileNameOf(const QString& path) {
    return QFileInfo(path).fileName();
}

QString firstLocalFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) return url.toLocalFile();
    return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      job_(new LoadJob(this)),
      model_(new TraceListModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      recent_(new RecentFiles(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(TraceListModel::SortRole);

    setCentralWidget(createCentralArea());
    createHistoryDock();
    createSearchDock();
    createMenus();

    progress_ = new LoadProgressWidget(this);
    progress_->setObjectName(QStringLiteral("loadProgress"));
    progress_->hide();
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("statusSummary"));
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(summary_);

    connect(progress_, &LoadProgressWidget::cancelRequested, this, &MainWindow::cancelLoad);
    connect(empty_, &EmptyStateWidget::openRequested, this, &MainWindow::chooseFile);
    connect(job_, &LoadJob::started, this, &MainWindow::onLoadStarted);
    connect(job_, &LoadJob::progressChanged, this, &MainWindow::onProgress);
    connect(job_, &LoadJob::finished, this, &MainWindow::onLoadFinished);
    connect(recent_, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);

    setAcceptDrops(true);
    resize(1280, 800);
    updateTitle();
    updateSummary();
    onCurrentTabChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::createHistoryDock() {
    history_ = new HistoryPanel(this);
    historyDock_ = new QDockWidget(tr("Investigation History"), this);
    historyDock_->setObjectName(QStringLiteral("historyDock"));
    historyDock_->setWidget(history_);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock_);
    historyDock_->hide();
    connect(history_, &HistoryPanel::investigationActivated, this,
            [this](qint64 id) { reopenInvestigation(id); });
}

QWidget* MainWindow::createListPage() {
    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("traceList"));
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);  // lets the view skip measuring each of 100k rows
    view_->setAlternatingRowColors(true);
    view_->setAllColumnsShowFocus(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSortingEnabled(true);
    view_->sortByColumn(TraceListModel::StartColumn, Qt::AscendingOrder);
    QHeaderView* header = view_->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TraceListModel::RootColumn, QHeaderView::Stretch);

    // The pane follows the current row, whatever the sort: rows are mapped to the source.
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentTrace);
    // Enter or a double-click opens the trace in a tab of its own.
    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex source = proxy_->mapToSource(index);
        if (source.isValid()) openTrace(source.row());
    });

    details_ = new TraceDetailsPane(this);
    details_->setObjectName(QStringLiteral("traceDetails"));

    split_ = new QSplitter(Qt::Vertical, this);
    split_->setObjectName(QStringLiteral("traceSplitter"));
    split_->addWidget(view_);
    split_->addWidget(details_);
    split_->setCollapsible(0, false);
    split_->setStretchFactor(0, kListStretch);
    split_->setStretchFactor(1, kDetailsStretch);
    split_->setSizes({kListHeight, kDetailsHeight});

    empty_ = new EmptyStateWidget(this);
    empty_->setObjectName(QStringLiteral("emptyState"));

    pages_ = new QStackedWidget(this);
    pages_->addWidget(empty_);
    pages_->addWidget(split_);
    pages_->setCurrentWidget(empty_);

    return pages_;
}

QWidget* MainWindow::createCentralArea() {
    // The banners sit above the tabs: a failed load must be seen whichever tab is shown.
    outcomeBanner_ = new MessageBanner(this);
    outcomeBanner_->setObjectName(QStringLiteral("outcomeBanner"));
    warningsBanner_ = new MessageBanner(this);
    warningsBanner_->setObjectName(QStringLiteral("warningsBanner"));
    listPage_ = createListPage();
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));
    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    tabs_->setElideMode(Qt::ElideMiddle);
    tabs_->addTab(listPage_, tr("Traces"));
    tabs_->setTabToolTip(0, tr("The traces of the open file"));
    // The list stays: only trace tabs close.
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabs_->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    auto* area = new QWidget(this);
    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(outcomeBanner_);
    layout->addWidget(warningsBanner_);
    layout->addWidget(tabs_, 1);
    return area;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    open->setStatusTip(tr("Open a trace file"));

    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("menuRecent"));
    rebuildRecentMenu();
    addRemoteActions(file);
    addSignalActions(file);

    closeTabAction_ =
        file->addAction(tr("&Close Trace"), this, [this] { closeTab(tabs_->currentIndex()); });
    closeTabAction_->setObjectName(QStringLiteral("actionCloseTab"));
    // Every platform binding (Ctrl+W and Ctrl+F4 on Linux desktops), not only the first.
    closeTabAction_->setShortcuts(QKeySequence::Close);

    file->addSeparator();
    QAction* exportPack = file->addAction(tr("&Export Tracepack…"), this, [this] {
        if (TraceTab* tab = currentTraceTab()) tab->exportTracepack();
    });
    exportPack->setObjectName(QStringLiteral("actionExportTracepack"));
    exportPack->setShortcut(commandKey(WindowCommand::ExportTracepack));
    exportPack->setStatusTip(
        tr("Save the failure of the shown trace as a small, redacted file to share"));
    traceActions_.append(exportPack);  // only while a trace tab is current
    file->addSeparator();

    cancelAction_ = file->addAction(tr("&Cancel Loading"), this, &MainWindow::cancelLoad);
    cancelAction_->setObjectName(QStringLiteral("actionCancelLoad"));
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction_->setEnabled(false);

    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    createViewMenu();
    createInvestigateMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* keys =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showKeyboardShortcuts);
    keys->setObjectName(QStringLiteral("actionKeyboardShortcuts"));
    keys->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(QStringLiteral("?"))});
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Rootline"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::openFile(const QString& path) {
    if (path.isEmpty()) return;
    qCDebug(lcWindow) << "open" << path;
    job_->start(path);
}

void MainWindow::cancelLoad() {
    if (isFetching()) {
        cancelFetch();
        return;
    }
    if (!job_->isRunning()) return;
    job_->cancel();
    progress_->setCancelling();
}

bool MainWindow::isLoading() const {
    return job_->isRunning();
}

void MainWindow::chooseFile() {
    const QString dir = shownPath_.isEmpty() ? QString() : QFileInfo(shownPath_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Trace File"), dir,
        tr("Trace files (*.json *.ndjson);;Tracepacks (*.tracepack.json);;All files (*)"));
    openFile(path);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Rootline"),
        tr("<h3>Rootline %1</h3><p>Investigate distributed traces on your workstation.</p>"
           "<p>Reads Jaeger JSON, OTLP JSON (also from Tempo) and Zipkin JSON files.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::onLoadStarted(const QString& path) {
    outcomeBanner_->hide();  // it described the previous attempt
    progress_->begin(fileNameOf(path));
    progress_->show();
    cancelAction_->setEnabled(true);
    statusBar()->clearMessage();
}

void MainWindow::onProgress(double fraction) {
    progress_->setFraction(fraction);
}

void MainWindow::onLoadFinished(const LoadOutcome& outcome) {
    progress_->hide();
    cancelAction_->setEnabled(false);
    const QString name = fileNameOf(outcome.path);
    const QString shown = fileNameOf(shownPath_);
    const bool remote = !pendingRemotePath_.isEmpty() && outcome.path == pendingRemotePath_;
    if (outcome.ok()) {
        // A fetched trace lives in a temporary folder: it reopens from Recent Remote Traces.
        if (!remote) recent_->add(outcome.path);
        showSnapshot(outcome);
        statusBar()->showMessage(
            tr("Loaded %1 in %2")
                .arg(name, QString::fromStdString(formatDuration(outcome.elapsedNs))),
            kStatusMessageMs);
    } else if (outcome.cancelled) {
        outcomeBanner_->showMessage(
            MessageBanner::Kind::Information,
            shown.isEmpty() ? tr("Loading %1 was cancelled.").arg(name)
                            : tr("Loading %1 was cancelled; still showing %2.").arg(name, shown),
            outcome.path);
    } else {
        // The message is one line that names the file and the place (byte offset).
        outcomeBanner_->showMessage(MessageBanner::Kind::Error, outcome.error, outcome.path);
        if (!shown.isEmpty())
            statusBar()->showMessage(tr("Could not load %1; still showing %2").arg(name, shown),
                                     kStatusMessageMs);
    }
    if (!pendingPackPath_.isEmpty() && outcome.path == pendingPackPath_) {
        if (outcome.ok() && pendingVerdict_)
            if (TraceTab* tab = currentTraceTab()) tab->showPastVerdict(*pendingVerdict_);
        pendingPackPath_.clear();
        pendingVerdict_.reset();
    }
    if (remote) {
        if (outcome.ok() && !pendingRemoteWarnings_.isEmpty())
            outcomeBanner_->showMessage(MessageBanner::Kind::Warning,
                                        pendingRemoteWarnings_.join(QStringLiteral("; ")));
        pendingRemotePath_.clear();
        pendingRemoteWarnings_.clear();
    }
    qCDebug(lcWindow) << "load settled" << outcome.path << (outcome.ok() ? "ok" : outcome.error);
    emit loadSettled(outcome);
}

void MainWindow::showSnapshot(const LoadOutcome& outcome) {
    model_->setSnapshot(outcome.loaded);
    shownPath_ = outcome.path;
    updateTitle();
    updateSummary();
    showFileWarnings(*outcome.loaded->file);
    if (model_->rowCount() == 0) {
        details_->clear();  // and let go of the previous file
        empty_->showNoTraces(fileNameOf(outcome.path));
        pages_->setCurrentWidget(empty_);
        tabs_->setCurrentWidget(listPage_);
        return;
    }
    pages_->setCurrentWidget(split_);
    for (int c = 0; c < TraceListModel::ColumnCount; ++c)
        if (c != TraceListModel::RootColumn) view_->resizeColumnToContents(c);
    // The first trace selected, so its details show at once. The selection hides the red of
    // its error count in the list; the pane's header repeats the count in red.
    const QModelIndex first = proxy_->index(0, 0);
    view_->selectionModel()->setCurrentIndex(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showCurrentTrace(first);  // the reset may have left the current row where it was
    view_->setFocus();
    // One trace: there is nothing to choose, so it opens at once; several: the list shows.
    if (model_->rowCount() == 1)
        openTrace(0);
    else
        tabs_->setCurrentWidget(listPage_);
}

void MainWindow::showCurrentTrace(const QModelIndex& proxyIndex) {
    const QModelIndex source = proxy_->mapToSource(proxyIndex);
    if (!source.isValid()) return;  // a reset clears the current row; keep what is shown
    details_->showTrace(model_->snapshot(), source.row());
}

void MainWindow::showFileWarnings(const TraceFile& file) {
    if (file.warnings.empty()) {
        warningsBanner_->hide();
        return;
    }
    const QString first = QString::fromStdString(file.warnings.front());
    const int total = int(file.warnings.size());
    // Worded so the count is always plural ("2 warnings in all"), in English and German.
    const QString text = total > 1 ? tr("%1: %2 (%3 warnings in all; see the tooltip)")
                                         .arg(fileNameOf(shownPath_), first)
                                         .arg(total)
                                   : tr("%1: %2").arg(fileNameOf(shownPath_), first);
    QStringList details;
    for (int i = 0; i < int(file.warnings.size()) && i < kListedFileWarnings; ++i)
        details << QString::fromStdString(file.warnings[size_t(i)]);
    if (int(file.warnings.size()) > kListedFileWarnings)
        details << tr("… and %1 more").arg(int(file.warnings.size()) - kListedFileWarnings);
    warningsBanner_->showMessage(MessageBanner::Kind::Warning, text,
                                 details.join(QLatin1Char('\n')));
}

void MainWindow::updateTitle() {
    setWindowTitle(shownPath_.isEmpty() ? tr("Rootline")
                                        : tr("Rootline — %1").arg(fileNameOf(shownPath_)));
}

void MainWindow::updateSummary() {
    const auto& snapshot = model_->snapshot();
    if (!snapshot) {
        summary_->setText(tr("No file loaded"));
        return;
    }
    const TraceFile& file = *snapshot->file;
    size_t errors = 0;
    for (const TraceSummary& s : snapshot->summaries)
        errors += s.errorCount;
    const QLocale locale;
    summary_->setText(tr("%1 · traces: %2 · spans: %3 · errors: %4")
                          .arg(QString::fromStdString(file.format),
                               locale.toString(qulonglong(file.traces.size())),
                               locale.toString(qulonglong(file.spanCount())),
                               locale.toString(qulonglong(errors))));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    // Only the URL is checked here: a stat() of a network path could stall the GUI thread; the
    // load job finds out on its own thread whether the file is readable.
    if (!firstLocalFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    qCDebug(lcWindow) << "dropped" << path;
    openFile(path);
    if (event->mimeData()->urls().size() > 1)
        statusBar()->showMessage(
            tr("Rootline opens one file at a time; opening %1").arg(fileNameOf(path)),
            kStatusMessageMs);
}

// ---------------------------------------------------------------- trace tabs

TraceTab* MainWindow::openTrace(int index) {
    const auto& snapshot = model_->snapshot();
    if (!snapshot || index < 0 || index >= int(snapshot->file->traces.size())) return nullptr;
    const TraceSummary& wanted = snapshot->summaries[static_cast<size_t>(index)];
    int reloadAt = -1;
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* tab = qobject_cast<TraceTab*>(tabs_->widget(i));
        if (!tab) continue;
        if (tab->file() == snapshot.get() && tab->traceIndex() == index) {
            tabs_->setCurrentIndex(i);
            return tab;
        }
        // The same trace of the same file from an earlier load: opening the file again is a
        // reload, so the tab shows the new data in its place rather than a twin beside it.
        const TraceSummary& shown = tab->file()->summaries[static_cast<size_t>(tab->traceIndex())];
        if (tab->file() != snapshot.get() && tab->file()->file->source == snapshot->file->source &&
            shown.traceId == wanted.traceId)
            reloadAt = i;
    }
    auto* tab = new TraceTab(snapshot, index, tabs_);
    tab->restoreLayout(QSettings().value(QLatin1String(kTraceLayoutKey)).toByteArray());
    connect(tab, &TraceTab::layoutChanged, this,
            [tab] { QSettings().setValue(QLatin1String(kTraceLayoutKey), tab->saveLayout()); });
    tab->setCriticalPathShown(criticalPathShown());
    // The key in one tab's waterfall is the menu's toggle: every tab follows, and it is kept.
    connect(tab, &TraceTab::criticalPathShownChanged, this, &MainWindow::setCriticalPathShown);
    // A new investigation or note: the history panel lists it (when it was ever shown).
    connect(tab, &TraceTab::investigationRecorded, history_, &HistoryPanel::refresh);
    connect(tab, &TraceTab::resolutionSaved, history_, &HistoryPanel::refresh);
    // The user's weights file is theirs to fix: say so above the tabs, whichever is shown.
    connect(tab, &TraceTab::analysisWarning, this, [this](const QString& message) {
        outcomeBanner_->showMessage(MessageBanner::Kind::Warning, message);
    });
    connectSignals(tab, QString::fromStdString(snapshot->file->source));
    int at = -1;
    if (reloadAt >= 0) {
        auto* old = qobject_cast<TraceTab*>(tabs_->widget(reloadAt));
        tab->restoreLayout(old->saveLayout());  // the reloaded tab keeps its own splitters
        at = tabs_->insertTab(reloadAt, tab, tab->title());
        // Current first, so removing the old tab does not flash its neighbour.
        tabs_->setCurrentIndex(at);
        tabs_->removeTab(tabs_->indexOf(old));
        old->deleteLater();
    } else {
        at = tabs_->addTab(tab, tab->title());
    }
    tabs_->setTabToolTip(at, tab->toolTip());
    tabs_->setCurrentIndex(at);
    tab->waterfall()->setFocus();
    qCDebug(lcView) << "opened trace" << index << "of" << shownPath_ << "in tab" << at;
    return tab;
}

TraceTab* MainWindow::currentTraceTab() const {
    return qobject_cast<TraceTab*>(tabs_->currentWidget());
}

int MainWindow::firstListedTrace() const {
    const QModelIndex source = proxy_->mapToSource(proxy_->index(0, 0));
    return source.isValid() ? source.row() : -1;
}

int MainWindow::traceTabCount() const {
    return tabs_->count() - 1;
}

void MainWindow::closeTab(int index) {
    auto* tab = qobject_cast<TraceTab*>(tabs_->widget(index));
    if (!tab) return;  // the list is not closable
    tabs_->removeTab(index);
    tab->deleteLater();  // and with it, the last reference to its trace, if nothing else holds it
}

void MainWindow::onCurrentTabChanged() {
    const bool trace = currentTraceTab() != nullptr;
    for (QAction* a : traceActions_)
        a->setEnabled(trace);
    if (closeTabAction_) closeTabAction_->setEnabled(trace);
}

void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    addSignalViewActions(view);
    view->addSeparator();
    const std::initializer_list<std::initializer_list<TraceAction>> groups = {
        {TraceAction::Find, TraceAction::NextMatch, TraceAction::PreviousMatch},
        {TraceAction::NextError, TraceAction::PreviousError},
        {TraceAction::NextSuspect, TraceAction::PreviousSuspect},
        {TraceAction::ExpandAll, TraceAction::CollapseAll, TraceAction::ExpandOneLevel,
         TraceAction::CollapseOneLevel},
        {TraceAction::ZoomIn, TraceAction::ZoomOut, TraceAction::ZoomToSpan,
         TraceAction::ResetZoom},
    };
    for (const auto& group : groups) {
        if (!view->isEmpty()) view->addSeparator();
        for (TraceAction action : group) {
            const Shortcut& s = shortcutFor(action);
            QAction* a = view->addAction(QCoreApplication::translate("Shortcuts", s.description));
            // F3 belongs to the find bar of the shown tab (a second owner would make it
            // ambiguous, and then neither fires).
            if (action != TraceAction::NextMatch && action != TraceAction::PreviousMatch)
                a->setShortcuts(windowKeys(s));
            a->setShortcutContext(Qt::WindowShortcut);
            connect(a, &QAction::triggered, this, [this, action] {
                if (TraceTab* tab = currentTraceTab()) tab->perform(action);
            });
            traceActions_.append(a);
        }
        if (group.begin()[0] == TraceAction::NextSuspect) addCriticalPathAction(view);
    }
}

void MainWindow::createInvestigateMenu() {
    QMenu* menu = menuBar()->addMenu(tr("&Investigate"));
    menu->setObjectName(QStringLiteral("menuInvestigate"));
    QAction* explain = menu->addAction(tr("&Explain This Error"), this, [this] {
        if (TraceTab* tab = currentTraceTab()) tab->explainError();
    });
    explain->setObjectName(QStringLiteral("actionExplain"));
    explain->setShortcut(commandKey(WindowCommand::ExplainError));
    explain->setStatusTip(
        tr("Ask the model chosen in the settings what caused this trace's "
           "failure; the verdict is checked against the trace"));
    traceActions_.append(explain);  // only while a trace tab is current

    QAction* history = historyDock_->toggleViewAction();
    history->setText(tr("&History"));
    history->setObjectName(QStringLiteral("actionHistory"));
    history->setStatusTip(tr("Past investigations, their verdicts and resolution notes"));
    menu->addAction(history);

    menu->addSeparator();
    QAction* settings =
        menu->addAction(tr("&Model Settings…"), this, &MainWindow::showModelSettings);
    settings->setObjectName(QStringLiteral("actionModelSettings"));
    settings->setShortcut(commandKey(WindowCommand::ModelSettings));
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setStatusTip(tr("Choose the model that explains errors, and its connection"));
}

ProviderSettingsDialog* MainWindow::showModelSettings() {
    if (!settingsDialog_) {
        settingsDialog_ = new ProviderSettingsDialog(this);
        settingsDialog_->setAttribute(Qt::WA_DeleteOnClose);
    }
    settingsDialog_->show();
    settingsDialog_->raise();
    settingsDialog_->activateWindow();
    return settingsDialog_;
}

ProviderSettingsDialog* MainWindow::modelSettingsDialog() const {
    return settingsDialog_;
}

void MainWindow::reopenInvestigation(qint64 id, bool openPackWithoutAsking) {
    runInBackground(
        this, [id] { return readInvestigation(QString(), id); },
        [this, openPackWithoutAsking](const HistoryRecord& read) {
            if (!read.record) {
                outcomeBanner_->showMessage(MessageBanner::Kind::Error, read.error);
                return;
            }
            showInvestigation(*read.record, openPackWithoutAsking);
        });
}

void MainWindow::showInvestigation(const store::Investigation& record, bool openPackWithoutAsking) {
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* tab = qobject_cast<TraceTab*>(tabs_->widget(i));
        if (tab && tab->trace().traceIdText() == record.traceId) {
            tabs_->setCurrentIndex(i);
            tab->showPastVerdict(record);
            return;
        }
    }
    if (record.tracepack.empty()) {
        outcomeBanner_->showMessage(
            MessageBanner::Kind::Information,
            tr("Trace %1 is not open, and its investigation kept no tracepack to open.")
                .arg(QString::fromStdString(record.traceId)));
        return;
    }
    if (!openPackWithoutAsking &&
        QMessageBox::question(this, tr("Open the Stored Tracepack?"),
                              tr("Trace %1 is not open. Open the tracepack that was sent to the "
                                 "model, and show the verdict on it?")
                                  .arg(QString::fromStdString(record.traceId))) != QMessageBox::Yes)
        return;
    openStoredPack(record);
}

void MainWindow::openStoredPack(const store::Investigation& record) {
    if (!packDir_) packDir_ = std::make_unique<QTemporaryDir>();
    // A pack opens like any trace, by content; the name says what it is.
    const QString path = QDir(packDir_->path())
                             .filePath(QStringLiteral("investigation-%1-%2.tracepack.json")
                                           .arg(record.id)
                                           .arg(QString::fromStdString(record.traceId).left(16)));
    runInBackground(
        this,
        [path, bytes = QByteArray::fromStdString(record.tracepack)] {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return file.errorString();
            return QString();
        },
        [this, path, record](const QString& error) {
            if (!error.isEmpty()) {
                outcomeBanner_->showMessage(MessageBanner::Kind::Error,
                                            tr("%1: %2").arg(path, error), path);
                return;
            }
            pendingPackPath_ = path;
            pendingVerdict_ = record;
            openFile(path);
        });
}

void MainWindow::addCriticalPathAction(QMenu* view) {
    const Shortcut& s = shortcutFor(TraceAction::ToggleCriticalPath);
    criticalPathAction_ = view->addAction(QCoreApplication::translate("Shortcuts", s.description));
    criticalPathAction_->setObjectName(QStringLiteral("actionCriticalPath"));
    criticalPathAction_->setCheckable(true);
    criticalPathAction_->setChecked(true);
    criticalPathAction_->setShortcuts(windowKeys(s));
    criticalPathAction_->setShortcutContext(Qt::WindowShortcut);
    criticalPathAction_->setStatusTip(
        tr("Mark the sections of the spans that the trace's end waited for"));
    connect(criticalPathAction_, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < tabs_->count(); ++i)
            if (auto* tab = qobject_cast<TraceTab*>(tabs_->widget(i)))
                tab->setCriticalPathShown(on);
        QSettings().setValue(QLatin1String(kCriticalPathKey), on);
    });
    traceActions_.append(criticalPathAction_);
}

bool MainWindow::criticalPathShown() const {
    return criticalPathAction_->isChecked();
}

void MainWindow::setCriticalPathShown(bool on) {
    criticalPathAction_->setChecked(on);
}

void MainWindow::showKeyboardShortcuts() {
    KeyboardShortcutsDialog dialog(this);
    dialog.exec();
}

// ---------------------------------------------------------------- recent files and settings

void MainWindow::rebuildRecentMenu() {
    if (!recentMenu_) return;
    recentMenu_->clear();
    const QStringList files = recent_->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        // &1…&9 as accelerators, then plain entries.
        const QString label =
            i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(fileNameOf(path)) : fileNameOf(path);
        QAction* a = recentMenu_->addAction(label, this, [this, path] { openRecent(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (!files.isEmpty()) recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("Clear the List"), recent_, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
    recentMenu_->setEnabled(true);
}

void MainWindow::openRecent(const QString& path) {
    // Checked here only for a friendlier message than the loader's; the load job checks again.
    if (!QFileInfo::exists(path)) {
        outcomeBanner_->showMessage(
            MessageBanner::Kind::Error,
            tr("%1 no longer exists; removed it from the recent files.").arg(path), path);
        recent_->remove(path);
        return;
    }
    openFile(path);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    split_->restoreState(settings.value(QLatin1String(kListSplitKey)).toByteArray());
    setCriticalPathShown(settings.value(QLatin1String(kCriticalPathKey), true).toBool());
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    settings.setValue(QLatin1String(kListSplitKey), split_->saveState());
    if (TraceTab* tab = currentTraceTab())
        settings.setValue(QLatin1String(kTraceLayoutKey), tab->saveLayout());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

}  // namespace rootline::ui
