#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "empty_state_widget.h"
#include "load_job.h"
#include "load_progress_widget.h"
#include "logging.h"
#include "message_banner.h"
#include "trace_details_pane.h"
#include "trace_list_model.h"
#include "util/format.h"

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
      proxy_(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(TraceListModel::SortRole);

    setCentralWidget(createCentralArea());
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

    setAcceptDrops(true);
    resize(1100, 680);
    updateTitle();
    updateSummary();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createCentralArea() {
    outcomeBanner_ = new MessageBanner(this);
    outcomeBanner_->setObjectName(QStringLiteral("outcomeBanner"));
    warningsBanner_ = new MessageBanner(this);
    warningsBanner_->setObjectName(QStringLiteral("warningsBanner"));

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

    auto* area = new QWidget(this);
    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(outcomeBanner_);
    layout->addWidget(warningsBanner_);
    layout->addWidget(pages_, 1);
    return area;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    open->setStatusTip(tr("Open a trace file"));

    cancelAction_ = file->addAction(tr("&Cancel Loading"), this, &MainWindow::cancelLoad);
    cancelAction_->setObjectName(QStringLiteral("actionCancelLoad"));
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction_->setEnabled(false);

    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
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
        this, tr("Open Trace File"), dir, tr("Trace files (*.json *.ndjson);;All files (*)"));
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
    if (outcome.ok()) {
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

}  // namespace rootline::ui
