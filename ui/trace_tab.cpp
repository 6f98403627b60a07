#include "trace_tab.h"

#include <QDataStream>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "agent/agent_panel.h"
#include "explain/background_call.h"
#include "explain/explain_runner.h"
#include "explain/verdict_panel.h"
#include "logging.h"
#include "signals/logs_panel.h"
#include "signals/metrics_panel.h"
#include "span_details/span_details_panel.h"
#include "suspects/ranking_weights_file.h"
#include "suspects/suspects_panel.h"
#include "suspects/trace_analysis_runner.h"
#include "trace_view/find_bar.h"
#include "trace_view/service_legend.h"
#include "trace_view/trace_header.h"
#include "tracepack/tracepack_export_dialog.h"
#include "util/format.h"
#include "view/span_marks.h"
#include "waterfall/trace_minimap.h"
#include "waterfall/waterfall_view.h"

namespace rootline::ui {

namespace {

// The waterfall takes 65% of the width at first; at 1366 px that leaves the details ~470 px,
// enough for attribute keys and values side by side. The legend gets a quarter of the right
// column's height: nine services without scrolling at 800 px. The suspects get a quarter of the
// left column's: five of them at 800 px, and the waterfall keeps some 16 rows at 768.
constexpr int kWaterfallShare = 65;
constexpr int kLegendShare = 25;
constexpr int kSuspectsShare = 25;
// 2: the left column became a splitter (waterfall above suspects).
constexpr quint32 kLayoutVersion = 2;
// Opened, the Verdict panel takes more than half the right column: it is what was asked for.
constexpr int kVerdictShare = 55;
// The Metrics tab needs room for a chart's axes and legend: brought forward into a shorter
// place, it takes this much from the waterfall (the user's drag then wins).
constexpr int kMetricsHeight = 340;

}  // namespace

TraceTab::TraceTab(std::shared_ptr<const LoadedFile> file, int index, QWidget* parent)
    : QWidget(parent),
      file_(std::move(file)),
      index_(index),
      trace_(file_->file->traces[static_cast<size_t>(index)]),
      header_(new TraceHeader(this)),
      find_(new FindBar(this)),
      waterfall_(new WaterfallView(this)),
      details_(new SpanDetailsPanel(this)),
      legend_(new ServiceLegend(this)),
      suspects_(new SuspectsPanel(this)),
      logs_(new LogsPanel(this)),
      metrics_(new MetricsPanel(this)),
      agent_(new AgentPanel(this)),
      bottomTabs_(new QTabWidget(this)),
      runner_(new TraceAnalysisRunner(this)),
      verdict_(new VerdictPanel(this)),
      explainRunner_(new ExplainRunner(this)),
      explainButton_(new QToolButton(this)),
      split_(new QSplitter(Qt::Horizontal, this)),
      leftSplit_(new QSplitter(Qt::Vertical, this)),
      rightSplit_(new QSplitter(Qt::Vertical, this)),
      verdictSplit_(new QSplitter(Qt::Vertical, this)) {
    setObjectName(QStringLiteral("traceTab"));
    minimap_ = new TraceMinimap(waterfall_, this);
    waterfall_->setObjectName(QStringLiteral("waterfall"));
    details_->setObjectName(QStringLiteral("spanDetails"));
    find_->setObjectName(QStringLiteral("findBar"));
    legend_->setObjectName(QStringLiteral("serviceLegend"));

    auto* timeline = new QWidget(this);
    auto* timelineLayout = new QVBoxLayout(timeline);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(2);
    timelineLayout->addWidget(minimap_);
    timelineLayout->addWidget(waterfall_, 1);

    // The suspects, the logs and the metrics share the place under the waterfall: each is read
    // against the waterfall (a click selects a span there), and one at a time is enough.
    bottomTabs_->setObjectName(QStringLiteral("traceBottomTabs"));
    bottomTabs_->setDocumentMode(true);
    bottomTabs_->addTab(suspects_, tr("Suspects"));
    bottomTabs_->addTab(logs_, QString());
    bottomTabs_->addTab(metrics_, tr("Metrics"));
    bottomTabs_->setTabToolTip(
        1, tr("The trace's span events and its services' log lines (%1)")
               .arg(commandKey(WindowCommand::ShowLogs).toString(QKeySequence::NativeText)));
    bottomTabs_->setTabToolTip(
        2, tr("Request rate, errors and latency around the trace, from Prometheus (%1)")
               .arg(commandKey(WindowCommand::ShowMetrics).toString(QKeySequence::NativeText)));
    // Hidden until the worker finds an agent run in the trace.
    bottomTabs_->addTab(agent_, tr("Agent"));
    bottomTabs_->setTabToolTip(3, tr("The AI agent's run: what it changed and why, its steps, "
                                     "tokens and cost"));
    bottomTabs_->setTabVisible(3, false);
    updateLogsTabTitle();
    leftSplit_->addWidget(timeline);
    leftSplit_->addWidget(bottomTabs_);
    leftSplit_->setStretchFactor(0, 100 - kSuspectsShare);
    leftSplit_->setStretchFactor(1, kSuspectsShare);
    leftSplit_->setCollapsible(0, false);
    leftSplit_->setSizes({(100 - kSuspectsShare) * 10, kSuspectsShare * 10});

    // The verdict shares the details' place, above them, so the legend keeps its own.
    verdictSplit_->addWidget(verdict_);
    verdictSplit_->addWidget(details_);
    verdictSplit_->setStretchFactor(0, kVerdictShare);
    verdictSplit_->setStretchFactor(1, 100 - kVerdictShare);
    verdictSplit_->setCollapsible(1, false);
    verdict_->hide();  // until Explain This Error

    rightSplit_->addWidget(verdictSplit_);
    rightSplit_->addWidget(legend_);
    rightSplit_->setStretchFactor(0, 100 - kLegendShare);
    rightSplit_->setStretchFactor(1, kLegendShare);
    rightSplit_->setCollapsible(0, false);
    rightSplit_->setSizes({(100 - kLegendShare) * 10, kLegendShare * 10});

    split_->addWidget(leftSplit_);
    split_->addWidget(rightSplit_);
    split_->setStretchFactor(0, kWaterfallShare);
    split_->setStretchFactor(1, 100 - kWaterfallShare);
    split_->setCollapsible(0, false);
    split_->setSizes({kWaterfallShare * 10, (100 - kWaterfallShare) * 10});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    explainButton_->setObjectName(QStringLiteral("explainButton"));
    explainButton_->setText(tr("Explain This Error"));
    explainButton_->setToolTip(
        tr("Ask the model chosen in the settings what caused this trace's failure (%1)")
            .arg(commandKey(WindowCommand::ExplainError).toString(QKeySequence::NativeText)));
    explainButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(find_, 1);
    findRow->addWidget(explainButton_, 0, Qt::AlignTop);

    layout->addWidget(header_);
    layout->addLayout(findRow);
    layout->addWidget(split_, 1);

    connectParts();
    header_->setTrace(*trace_, file_->summaries[static_cast<size_t>(index)]);
    find_->setTrace(trace_);
    legend_->setTrace(trace_);
    details_->setTrace(trace_);
    suspects_->setTrace(trace_);
    logs_->setTrace(trace_);
    metrics_->setTrace(trace_);
    waterfall_->setTrace(trace_);  // selects the first row, which the details then show
    waterfall_->setFocus();
    runner_->start(trace_, rankingWeightsPath());
    startAgentRun();
}

TraceTab::~TraceTab() = default;

void TraceTab::connectParts() {
    connect(waterfall_, &WaterfallView::currentSpanChanged, details_, &SpanDetailsPanel::showSpan);
    connect(details_, &SpanDetailsPanel::jumpToSpan, this, [this](quint32 span) {
        waterfall_->setCurrentSpan(static_cast<int32_t>(span));
        waterfall_->setFocus();
    });
    connect(find_, &FindBar::matchesChanged, this, &TraceTab::onMatches);
    connect(find_, &FindBar::nextRequested, this, [this] { perform(TraceAction::NextMatch); });
    connect(find_, &FindBar::previousRequested, this,
            [this] { perform(TraceAction::PreviousMatch); });
    connect(find_, &FindBar::filterModeChanged, waterfall_, &WaterfallView::setFilterMode);
    connect(find_, &FindBar::cleared, this, [this] { waterfall_->setFocus(); });
    connect(waterfall_, &WaterfallView::currentMatchChanged, find_, &FindBar::setCurrentMatch);
    connect(waterfall_, &WaterfallView::hiddenCountsChanged, find_, &FindBar::setHiddenCounts);
    connect(waterfall_, &WaterfallView::findRequested, find_, &FindBar::activate);
    connect(waterfall_, &WaterfallView::clearFindRequested, find_, &FindBar::clear);
    connect(legend_, &ServiceLegend::visibleServicesChanged, waterfall_,
            &WaterfallView::setVisibleServices);
    connect(header_, &TraceHeader::errorsClicked, this, [this] {
        selectFirstErrorOrRoot();
        waterfall_->setFocus();
    });
    connect(header_, &TraceHeader::warningsClicked, this, [this] {
        selectFirstSpanWithWarnings();
        waterfall_->setFocus();
    });
    connect(suspects_, &SuspectsPanel::spanSelected, this,
            [this](quint32 span) { waterfall_->setCurrentSpan(static_cast<int32_t>(span)); });
    connect(suspects_, &SuspectsPanel::spanActivated, this, [this](quint32 span) {
        waterfall_->setCurrentSpan(static_cast<int32_t>(span));
        waterfall_->setFocus();
    });
    connect(waterfall_, &WaterfallView::currentSpanChanged, suspects_,
            &SuspectsPanel::setCurrentSpan);
    connect(waterfall_, &WaterfallView::criticalPathShownChanged, this,
            &TraceTab::criticalPathShownChanged);
    // A log line is a way into the waterfall, like a suspect.
    connect(logs_, &LogsPanel::spanSelected, this,
            [this](quint32 span) { waterfall_->setCurrentSpan(static_cast<int32_t>(span)); });
    connect(waterfall_, &WaterfallView::currentSpanChanged, logs_, &LogsPanel::setCurrentSpan);
    connect(logs_, &LogsPanel::linesChanged, this, [this] {
        details_->setLogLines(logs_->externalLines());
        updateLogsTabTitle();
    });
    // A step is a way into the waterfall, like a suspect.
    connect(agent_, &AgentPanel::spanSelected, this,
            [this](quint32 span) { waterfall_->setCurrentSpan(static_cast<int32_t>(span)); });
    connect(waterfall_, &WaterfallView::currentSpanChanged, agent_, &AgentPanel::setCurrentSpan);
    connect(agent_, &AgentPanel::pricesChanged, this, &TraceTab::startAgentRun);
    connect(metrics_, &MetricsPanel::exemplarClicked, this, &TraceTab::exemplarTraceRequested);
    connect(bottomTabs_, &QTabWidget::currentChanged, this, [this] {
        if (bottomTabs_->currentWidget() == metrics_) makeRoomForMetrics();
    });
    connect(metrics_, &MetricsPanel::editQueriesRequested, this,
            &TraceTab::editConnectionRequested);
    connect(metrics_, &MetricsPanel::manageConnectionsRequested, this,
            [this] { emit editConnectionRequested(QString()); });
    connect(runner_, &TraceAnalysisRunner::finished, this, &TraceTab::onAnalysis);
    connect(explainButton_, &QToolButton::clicked, this, &TraceTab::explainError);
    connect(explainRunner_, &ExplainRunner::asking, verdict_, &VerdictPanel::showAsking);
    connect(explainRunner_, &ExplainRunner::finished, this, &TraceTab::onExplained);
    connect(verdict_, &VerdictPanel::cancelRequested, this, [this] {
        explainRunner_->cancel();
        verdict_->showCancelled();
    });
    // A span link in the verdict is a click in the Suspects panel: select, scroll, focus.
    connect(verdict_, &VerdictPanel::spanActivated, this, [this](quint32 span) {
        waterfall_->setCurrentSpan(static_cast<int32_t>(span));
        waterfall_->setFocus();
    });
    connect(verdict_, &VerdictPanel::closeRequested, verdict_, &QWidget::hide);
    connect(verdict_, &VerdictPanel::noteSaved, this, &TraceTab::resolutionSaved);
    connect(split_, &QSplitter::splitterMoved, this, &TraceTab::layoutChanged);
    connect(leftSplit_, &QSplitter::splitterMoved, this, &TraceTab::layoutChanged);
    connect(rightSplit_, &QSplitter::splitterMoved, this, &TraceTab::layoutChanged);
    connect(waterfall_, &WaterfallView::treeColumnWidthChanged, this, &TraceTab::layoutChanged);
}

void TraceTab::setConnections(const remote::ConnectionList& list) {
    logs_->setConnections(list);
    metrics_->setConnections(list);
}

void TraceTab::showLogs() {
    bottomTabs_->setCurrentWidget(logs_);
    logs_->textFilter()->setFocus();
}

void TraceTab::showMetrics() {
    bottomTabs_->setCurrentWidget(metrics_);
}

void TraceTab::makeRoomForMetrics() {
    const QList<int> sizes = leftSplit_->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total <= 0 || sizes.value(1) >= kMetricsHeight) return;
    const int bottom = std::min(kMetricsHeight, total / 2);
    leftSplit_->setSizes({total - bottom, bottom});
}

bool TraceTab::isAgentTabShown() const {
    return bottomTabs_->isTabVisible(bottomTabs_->indexOf(agent_));
}

void TraceTab::makeRoomForAgent() {
    // The agent view is what such a trace is opened for: most of the column,
    // the waterfall the rest.
    const QList<int> sizes = leftSplit_->sizes();
    const int total = std::max(sizes.value(0) + sizes.value(1), 600);
    const int bottom = total * 62 / 100;
    if (sizes.value(1) >= bottom) return;
    leftSplit_->setSizes({total - bottom, bottom});
}

namespace {

struct AgentRunResult {
    std::shared_ptr<const AgentRun> run;
    std::shared_ptr<const PriceTable> prices;
    QString pricesError;
};

}  // namespace

void TraceTab::startAgentRun() {
    const quint64 generation = ++agentRuns_;
    runInBackground(
        this,
        [trace = trace_] {
            AgentRunResult r;
            auto prices = std::make_shared<PriceTable>(PriceTable::builtIn());
            std::string error;
            if (!prices->loadOverridesFile(PriceTable::userFilePath(), error))
                r.pricesError = QString::fromStdString(error);
            try {
                r.run = std::make_shared<const AgentRun>(analyzeAgentRun(*trace, *prices));
            } catch (const std::exception& e) {
                // A bug in the reading must cost the user the Agent tab, not the window.
                qCWarning(lcView) << "agent: the run could not be read:" << e.what();
                r.run = std::make_shared<const AgentRun>();
            }
            r.prices = std::move(prices);
            return r;
        },
        [this, generation](const AgentRunResult& r) {
            if (generation != agentRuns_) return;  // a newer run (new prices) is on its way
            const bool wasShown = isAgentTabShown();
            agent_->setRun(trace_, r.run, r.prices);
            bottomTabs_->setTabVisible(bottomTabs_->indexOf(agent_), r.run->isAgentTrace);
            if (r.run->isAgentTrace && !wasShown) {
                bottomTabs_->setCurrentWidget(agent_);
                makeRoomForAgent();
            }
            if (!r.pricesError.isEmpty())
                emit analysisWarning(
                    tr("Model prices: %1; using the built-in prices").arg(r.pricesError));
        });
}

void TraceTab::updateLogsTabTitle() {
    bottomTabs_->setTabText(bottomTabs_->indexOf(logs_),
                            tr("Logs (%1)").arg(QLocale().toString(logs_->lineCount())));
}

void TraceTab::onMatches(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count) {
    waterfall_->setMatches(matches);
    // Like a browser's find: the first match after the selection becomes current, unless the
    // selection already is one.
    if (count > 0 && waterfall_->currentMatchOrdinal() == 0) perform(TraceAction::NextMatch);
}

void TraceTab::onAnalysis(std::shared_ptr<const TraceAnalysis> analysis) {
    if (analysis->trace != trace_) return;  // never: a tab analyses its own trace only
    analysis_ = std::move(analysis);
    if (!analysis_->error.isEmpty()) {
        qCWarning(lcView) << "suspects: the analysis failed:" << analysis_->error;
        suspects_->setFailed(analysis_->error);
    } else {
        waterfall_->setAnalysis(analysis_->ranking, analysis_->criticalPath);
        details_->setRanking(analysis_->ranking);
        suspects_->setRanking(analysis_->ranking);
        suspects_->setCurrentSpan(waterfall_->currentSpan());
    }
    if (!analysis_->weightsError.isEmpty())
        emit analysisWarning(
            tr("Ranking weights: %1; using the default weights").arg(analysis_->weightsError));
    emit analysisFinished();
}

QString TraceTab::spanLabel(int32_t span) const {
    if (span < 0 || size_t(span) >= trace_->spanCount()) return {};
    const auto i = size_t(span);
    const std::string_view service = trace_->serviceOf(i), name = trace_->nameOf(i);
    return tr("%1: %2").arg(QString::fromUtf8(service.data(), qsizetype(service.size())),
                            QString::fromUtf8(name.data(), qsizetype(name.size())));
}

void TraceTab::revealVerdictPanel() {
    // A panel the user shrank to nothing is opened to its share again.
    if (verdict_->isVisible() && verdict_->height() > 100) return;
    verdict_->show();
    // Not laid out yet (a tab opened in the background): shares of a nominal height.
    const int height = std::max(verdictSplit_->height(), 800);
    const int verdict = height * kVerdictShare / 100;
    verdictSplit_->setSizes({verdict, height - verdict});
}

void TraceTab::explainError() {
    revealVerdictPanel();
    // The question is about the span the user is on (the pack names it as its focus and the
    // analyst looks for the cause at or below it); with none selected, about the whole trace.
    verdict_->setSubject(spanLabel(waterfall_->currentSpan()));
    ExplainRequest request;
    request.trace = trace_;
    request.focusSpan = waterfall_->currentSpan();
    if (analysis_) request.ranking = analysis_->ranking;
    request.traceSource = QFileInfo(QString::fromStdString(file_->file->source)).fileName();
    request.packSource =
        tr("%1 (%2)").arg(request.traceSource, QString::fromStdString(file_->file->format));
    // What the Logs and Metrics tabs hold goes into the pack the model reads.
    request.extraLogs = logs_->externalLines();
    request.metrics = metrics_->snapshot();
    ++pastVerdicts_;  // a past verdict still being looked up would replace this run's
    verdict_->showStarted();
    explainRunner_->start(std::move(request));
}

void TraceTab::onExplained(std::shared_ptr<const ExplainRun> run) {
    verdict_->showRun(*run);
    if (run->display.recordId > 0) emit investigationRecorded(run->display.recordId);
}

void TraceTab::showPastVerdict(const store::Investigation& record) {
    explainRunner_->cancel();
    revealVerdictPanel();
    verdict_->setSubject(QString());
    const quint64 generation = ++pastVerdicts_;
    runInBackground(
        this, [trace = trace_, record] { return verdictDisplayFor(trace.get(), record); },
        [this, generation](const VerdictDisplay& display) {
            if (generation == pastVerdicts_) verdict_->showVerdict(display);
        });
}

bool TraceTab::isAnalyzing() const {
    return runner_->isRunning();
}

void TraceTab::setCriticalPathShown(bool on) {
    waterfall_->setCriticalPathShown(on);
}

QString TraceTab::title() const {
    const TraceSummary& s = file_->summaries[static_cast<size_t>(index_)];
    if (s.roots.empty()) return tr("Empty trace");
    const QString service = QString::fromStdString(s.rootService());
    const QString name = QString::fromStdString(s.rootName());
    // A pack is a slice of a trace, not the whole: the tab says so.
    return trace_->tracepack ? tr("%1: %2 (tracepack)").arg(service, name)
                             : tr("%1: %2").arg(service, name);
}

TracepackExportDialog* TraceTab::exportDialog() const {
    return exportDialog_;
}

TracepackExportDialog* TraceTab::exportTracepack(const QString& vaultPath) {
    if (exportDialog_) {
        exportDialog_->raise();
        exportDialog_->activateWindow();
        return exportDialog_;
    }
    TracepackExportDialog::Input input;
    input.trace = trace_;
    if (analysis_) input.ranking = analysis_->ranking;
    input.source =
        tr("%1 (%2)").arg(QFileInfo(QString::fromStdString(file_->file->source)).fileName(),
                          QString::fromStdString(file_->file->format));
    input.vaultPath = vaultPath;
    input.extraLogs = logs_->externalLines();
    input.metrics = metrics_->snapshot();
    exportDialog_ = new TracepackExportDialog(std::move(input), window());
    exportDialog_->setAttribute(Qt::WA_DeleteOnClose);
    exportDialog_->show();
    return exportDialog_;
}

QString TraceTab::toolTip() const {
    const TraceSummary& s = file_->summaries[static_cast<size_t>(index_)];
    return tr("%1\nTrace %2\n%3 spans, %4, %5 errors")
        .arg(QString::fromStdString(file_->file->source), QString::fromStdString(s.traceId),
             QLocale().toString(qulonglong(s.spanCount)),
             QString::fromStdString(formatDuration(s.durationNs)),
             QLocale().toString(s.errorCount));
}

bool TraceTab::perform(TraceAction action) {
    if (action == TraceAction::Find) {
        find_->activate();
        return true;
    }
    if (action == TraceAction::ClearFind) {
        find_->clear();
        waterfall_->setFocus();
        return true;
    }
    return waterfall_->perform(action);
}

void TraceTab::selectFirstErrorOrRoot() {
    const TreeRows* rows = waterfall_->rows();
    if (!rows) return;
    // Errors propagate up: the first error in tree order is often the root, which only says
    // "something failed". Follow its failing children down to the first error with no failure
    // below it — where the exception usually is.
    int32_t error = SpanMarks::errors(*trace_, *rows).first(*rows);
    while (error >= 0) {
        int32_t failingChild = -1;
        for (uint32_t c : trace_->childrenOf(static_cast<size_t>(error)))
            if (rows->subtreeHasError(c)) {
                failingChild = static_cast<int32_t>(c);
                break;
            }
        if (failingChild < 0) break;
        // A child whose subtree fails but which is not itself an error still leads on down.
        error = failingChild;
    }
    if (error >= 0 && trace_->isError(static_cast<size_t>(error))) {
        waterfall_->setCurrentSpan(error);
        if (waterfall_->currentSpan() == error) return;
    }
    if (!trace_->roots.empty()) waterfall_->setCurrentSpan(static_cast<int32_t>(trace_->roots[0]));
}

void TraceTab::selectFirstSpanWithWarnings() {
    const TreeRows* rows = waterfall_->rows();
    if (!rows) return;
    std::vector<uint8_t> warned(trace_->spanCount(), 0);
    for (const SpanWarning& w : trace_->warnings)
        warned[w.span] = 1;
    const int32_t span = SpanMarks(*rows, warned).next(*rows, waterfall_->currentSpan());
    if (span >= 0) waterfall_->setCurrentSpan(span);
}

QByteArray TraceTab::saveLayout() const {
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kLayoutVersion << split_->saveState() << leftSplit_->saveState()
        << rightSplit_->saveState() << qint32(waterfall_->treeColumnWidth());
    return state;
}

void TraceTab::restoreLayout(const QByteArray& state) {
    if (state.isEmpty()) return;
    QDataStream in(state);
    quint32 version = 0;
    in >> version;
    if (in.status() != QDataStream::Ok || version != kLayoutVersion) return;  // from elsewhere
    QByteArray split, left, right;
    qint32 tree = 0;
    in >> split >> left >> right >> tree;
    if (in.status() != QDataStream::Ok) return;
    split_->restoreState(split);
    leftSplit_->restoreState(left);
    rightSplit_->restoreState(right);
    if (tree > 0) waterfall_->setTreeColumnWidth(tree);
}

}  // namespace rootline::ui
