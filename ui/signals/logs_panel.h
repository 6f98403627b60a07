#pragma once
// The Logs tab under the waterfall: every log line of the trace in time order — its span events,
// the lines a Loki connection has for it (fetched on a worker when the tab opens), and lines of
// OTLP log files the user attached (File › Open Logs File…) — with the span each belongs to.
// Filters by level, service, text and "the selected span only"; clicking a line selects its span.
//
// Without a Loki connection the span events still show, and the status line says how to add one.

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "logs/log_line.h"
#include "model/trace.h"
#include "remote/connection.h"
#include "signals/latest_call.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace rootline::ui {

class LogFilterModel;
class LogLinesModel;
class SourceBar;

class LogsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogsPanel(QWidget* parent = nullptr);
    ~LogsPanel() override;

    // The trace whose lines are shown; its span events are read on a worker.
    void setTrace(std::shared_ptr<const Trace> trace);
    // The user's connections: the Loki ones are offered, and the chosen one is asked (again when
    // it changed).
    void setConnections(const remote::ConnectionList& list);
    // Asks the chosen Loki connection again; the newest request wins.
    void refresh();
    void cancelFetch();
    bool isFetching() const { return fetch_.isRunning(); }
    // Lines of an OTLP log file, already tied to this trace: shown with the others. Opening the
    // same file again replaces its lines.
    void addFileLines(const QString& fileName, std::vector<logs::LogLine> lines);
    // The waterfall's selection: what "Selected span only" shows.
    void setCurrentSpan(int32_t span);

    // Loki and log-file lines (not the span events): for the span details and the tracepack.
    std::shared_ptr<const std::vector<logs::LogLine>> externalLines() const { return external_; }
    std::shared_ptr<const std::vector<logs::LogLine>> allLines() const { return all_; }
    int lineCount() const;

    LogLinesModel* model() const { return model_; }
    LogFilterModel* filterModel() const { return filter_; }
    QTreeView* view() const { return view_; }
    QComboBox* levelBox() const { return level_; }
    QComboBox* serviceBox() const { return service_; }
    QLineEdit* textFilter() const { return text_; }
    QCheckBox* spanOnlyBox() const { return spanOnly_; }
    SourceBar* sourceBar() const { return bar_; }

signals:
    // A line was clicked: its span should be selected in the waterfall.
    void spanSelected(quint32 span);
    // The lines changed (a fetch or a file came in): counts and the span details follow.
    void linesChanged();
    // A Loki fetch ended, one way or another (for tests and the window).
    void fetchFinished(bool ok);

private:
    struct LokiResult;
    void startFetch(const remote::Connection& loki);
    void onFetched(const std::shared_ptr<const LokiResult>& result);
    void rebuild();
    void updateServices();
    void showStatus();
    QStringList lokiNames() const;

    std::shared_ptr<const Trace> trace_;
    remote::ConnectionList lokis_;
    QString fetchedKey_;  // what the last fetch asked (connection and settings), to skip repeats
    std::shared_ptr<const std::vector<logs::LogLine>> spanEvents_;
    std::vector<logs::LogLine> loki_;
    std::vector<std::pair<QString, std::vector<logs::LogLine>>> files_;
    std::shared_ptr<const std::vector<logs::LogLine>> external_;
    std::shared_ptr<const std::vector<logs::LogLine>> all_;
    QString lokiStatus_;
    bool lokiFailed_ = false;
    int32_t currentSpan_ = -1;
    quint64 traceGeneration_ = 0;
    LatestCall fetch_;

    SourceBar* bar_;
    QComboBox* level_;
    QComboBox* service_;
    QLineEdit* text_;
    QCheckBox* spanOnly_;
    LogLinesModel* model_;
    LogFilterModel* filter_;
    QTreeView* view_;
};

}  // namespace rootline::ui
