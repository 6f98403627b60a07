#pragma once
// The Metrics tab under the waterfall: how the trace's services looked around it, from a
// Prometheus connection — request rate, error ratio and p95 latency by default, each query
// editable in the connection's settings — as charts with the trace's time marked and exemplars
// that open their traces. Fetched on a worker when the tab opens; the newest request wins.
//
// Without a Prometheus connection it says how to add one (File › Connections…).

#include <QWidget>
#include <memory>

#include "metrics/metric_snapshot.h"
#include "model/trace.h"
#include "remote/connection.h"
#include "signals/latest_call.h"

class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace rootline::ui {

class MetricChartView;
class SourceBar;

class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(QWidget* parent = nullptr);
    ~MetricsPanel() override;

    void setTrace(std::shared_ptr<const Trace> trace);
    // The user's connections: the Prometheus ones are offered; the chosen one is asked (again
    // when its settings changed).
    void setConnections(const remote::ConnectionList& list);
    void refresh();
    void cancelFetch();
    bool isFetching() const { return fetch_.isRunning(); }
    // Draws a snapshot (what a fetch delivers; tests hand one in directly).
    void showSnapshot(std::shared_ptr<const metrics::MetricSnapshot> snapshot);
    // The charts shown, for the tracepack; null before any came.
    std::shared_ptr<const metrics::MetricSnapshot> snapshot() const { return snapshot_; }
    QString currentConnection() const;

    QList<MetricChartView*> charts() const;
    SourceBar* sourceBar() const { return bar_; }
    QPushButton* editQueriesButton() const { return editQueries_; }
    QLabel* emptyLabel() const { return empty_; }
    bool showsEmptyState() const;

signals:
    // An exemplar was clicked: open `traceId` through the trace connection that belongs to
    // Prometheus connection `connection`.
    void exemplarClicked(const QString& connection, const QString& traceId);
    // "Edit Queries…": the connection's settings, where the chart queries are.
    void editQueriesRequested(const QString& connection);
    void manageConnectionsRequested();
    void fetchFinished(bool ok);

private:
    struct Fetched;
    void startFetch(const remote::Connection& prometheus);
    void onFetched(const std::shared_ptr<const Fetched>& fetched);
    void showEmptyState();

    std::shared_ptr<const Trace> trace_;
    remote::ConnectionList prometheus_;
    QString fetchedKey_;
    std::shared_ptr<const metrics::MetricSnapshot> snapshot_;
    LatestCall fetch_;

    SourceBar* bar_;
    QPushButton* editQueries_;
    QStackedWidget* pages_;
    QWidget* emptyPage_;
    QLabel* empty_;
    QScrollArea* scroll_;
    QWidget* chartsPage_;
    QHBoxLayout* chartsLayout_;
};

}  // namespace rootline::ui
