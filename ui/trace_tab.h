#pragma once
// One open trace: header, find bar, minimap and waterfall above a tab of the ranked suspects,
// the trace's logs and the metrics around it, and on the right the span details above the
// service legend. Wires the parts together, and starts the
// background analysis (suspects, critical path) whose results the parts then show; owns no
// logic of its own beyond that.

#include <QPointer>
#include <QWidget>
#include <memory>

#include "load_outcome.h"
#include "remote/connection.h"
#include "shortcuts.h"
#include "store/investigation_history.h"

class QSplitter;
class QTabWidget;
class QToolButton;

namespace rootline::ui {

class AgentPanel;
class ExplainRunner;
struct ExplainRun;
class FindBar;
class LogsPanel;
class MetricsPanel;
class ServiceLegend;
class SpanDetailsPanel;
class SuspectsPanel;
struct TraceAnalysis;
class TraceAnalysisRunner;
class TraceHeader;
class TraceMinimap;
class TracepackExportDialog;
class VerdictPanel;
class WaterfallView;

class TraceTab : public QWidget {
    Q_OBJECT
public:
    // Shows trace `index` of `file`, keeping the file alive as long as the tab lives.
    TraceTab(std::shared_ptr<const LoadedFile> file, int index, QWidget* parent = nullptr);
    ~TraceTab() override;

    const Trace& trace() const { return *trace_; }
    const std::shared_ptr<const Trace>& sharedTrace() const { return trace_; }
    const LoadedFile* file() const { return file_.get(); }
    int traceIndex() const { return index_; }
    QString title() const;    // "web-frontend: POST /api/checkout"
    QString toolTip() const;  // file, trace id, size

    // A shortcut table action, from the window's menu or keys.
    bool perform(TraceAction action);
    // Selects the first error span in tree order whose error is its own (no failing span below
    // it), or the first root when nothing failed.
    void selectFirstErrorOrRoot();
    void selectFirstSpanWithWarnings();

    // File › Export Tracepack…: opens (or raises) the export dialog for this trace, with the
    // ranking the tab computed (or a pack's own). The dialog deletes itself when closed.
    // `vaultPath` empty: the user's token vault.
    TracepackExportDialog* exportTracepack(const QString& vaultPath = QString());
    TracepackExportDialog* exportDialog() const;  // the open one, or null

    // Explain This Error: opens the Verdict panel and asks the model chosen in the settings about
    // this trace's failure, on a worker (ui/explain); the newest request wins. The panel names
    // the selected span, the failure around which the user is looking at.
    void explainError();
    // A verdict from the history, shown read-only (no model call); its span ids are looked up
    // in this trace on a worker.
    void showPastVerdict(const store::Investigation& record);
    VerdictPanel* verdictPanel() const { return verdict_; }
    ExplainRunner* explainRunner() const { return explainRunner_; }
    QToolButton* explainButton() const { return explainButton_; }

    // Draws the critical path through the bars, or not (the window's View menu keeps the choice
    // for every tab).
    void setCriticalPathShown(bool on);
    // The suspects and critical path, once the background analysis has delivered them.
    const TraceAnalysis* analysis() const { return analysis_.get(); }
    bool isAnalyzing() const;
    TraceAnalysisRunner* analysisRunner() const { return runner_; }

    // Splitter sizes and the tree column width, shared by all tabs through the settings.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& state);

    TraceHeader* header() const { return header_; }
    FindBar* findBar() const { return find_; }
    TraceMinimap* minimap() const { return minimap_; }
    WaterfallView* waterfall() const { return waterfall_; }
    SpanDetailsPanel* details() const { return details_; }
    ServiceLegend* legend() const { return legend_; }
    SuspectsPanel* suspects() const { return suspects_; }
    LogsPanel* logsPanel() const { return logs_; }
    MetricsPanel* metricsPanel() const { return metrics_; }
    // The Agent tab's panel: in the bottom tabs, shown (and brought forward) only once the
    // worker found GenAI spans in the trace.
    AgentPanel* agentPanel() const { return agent_; }
    bool isAgentTabShown() const;
    // Under the waterfall: Suspects | Logs (n) | Metrics, and Agent for agent traces.
    QTabWidget* bottomTabs() const { return bottomTabs_; }

    // The user's connections: the Logs panel asks the Loki ones, the Metrics panel the
    // Prometheus ones (each on a worker; a saved list with the same settings asks nothing).
    void setConnections(const remote::ConnectionList& list);
    // The Jaeger or Tempo connection the trace was fetched from (empty for a file): exemplars
    // open their traces there when the Prometheus connection names none.
    void setRemoteOrigin(const QString& connectionName) { remoteOrigin_ = connectionName; }
    QString remoteOrigin() const { return remoteOrigin_; }
    // Brings the Logs or Metrics tab forward (View menu keys).
    void showLogs();
    void showMetrics();

signals:
    // The user changed a splitter or the tree column: the window saves the layout.
    void layoutChanged();
    // The analysis is in (or failed) and the parts show it.
    void analysisFinished();
    // Something the user should fix, in one line: their ranking weights file is not valid.
    void analysisWarning(const QString& message);
    // The critical path key was pressed in this tab's waterfall.
    void criticalPathShownChanged(bool on);
    // An explanation ended (a verdict or a failure) and was recorded in the history.
    void investigationRecorded(qint64 id);
    // A resolution note was saved for an investigation shown in this tab.
    void resolutionSaved();
    // An exemplar was clicked in the Metrics tab: open `traceId` for Prometheus connection
    // `prometheus` (the window picks the trace connection).
    void exemplarTraceRequested(const QString& prometheus, const QString& traceId);
    // "Edit Queries…" in the Metrics tab, or the empty state's "Connections…".
    void editConnectionRequested(const QString& connection);

private:
    void connectParts();
    void onMatches(std::shared_ptr<const std::vector<uint8_t>> matches, quint32 count);
    void onAnalysis(std::shared_ptr<const TraceAnalysis> analysis);
    void onExplained(std::shared_ptr<const ExplainRun> run);
    void revealVerdictPanel();
    void updateLogsTabTitle();
    void makeRoomForMetrics();
    void makeRoomForAgent();
    // Reads the agent run on a worker (prices: built-in and the user's file); newest wins.
    void startAgentRun();
    QString spanLabel(int32_t span) const;

    std::shared_ptr<const LoadedFile> file_;
    int index_;
    std::shared_ptr<const Trace> trace_;
    TraceHeader* header_;
    FindBar* find_;
    TraceMinimap* minimap_;
    WaterfallView* waterfall_;
    SpanDetailsPanel* details_;
    ServiceLegend* legend_;
    SuspectsPanel* suspects_;
    LogsPanel* logs_;
    MetricsPanel* metrics_;
    AgentPanel* agent_;
    QTabWidget* bottomTabs_;
    QString remoteOrigin_;
    TraceAnalysisRunner* runner_;
    std::shared_ptr<const TraceAnalysis> analysis_;
    QPointer<TracepackExportDialog> exportDialog_;
    VerdictPanel* verdict_;
    ExplainRunner* explainRunner_;
    QToolButton* explainButton_;
    quint64 agentRuns_ = 0;     // generation of the newest startAgentRun()
    quint64 pastVerdicts_ = 0;  // generation of the newest showPastVerdict()
    QSplitter* split_;          // left column | right column
    QSplitter* leftSplit_;      // waterfall above the suspects, logs and metrics tabs
    QSplitter* rightSplit_;     // details above legend
    QSplitter* verdictSplit_;   // in the right column: the verdict (when opened) above details
};

}  // namespace rootline::ui
