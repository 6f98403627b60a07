#pragma once
// One metric chart around a trace (request rate, error ratio, p95 latency…): a line per series,
// the exemplars as points — a click on one opens its trace — and the trace's own time as a
// band, so "was this request part of something bigger?" is answered at a glance. A chart whose
// query failed says so in one line in its place; the others are not affected.

#include <QWidget>
#include <vector>

#include "metrics/metric_snapshot.h"

class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QScatterSeries;
class QValueAxis;

namespace rootline::ui {

class MetricChartView : public QWidget {
    Q_OBJECT
public:
    explicit MetricChartView(QWidget* parent = nullptr);

    // Draws `chart` over the snapshot's window with the snapshot's trace time marked.
    // `currentTraceId` (32 hex) marks the exemplar of the trace being looked at, if there is one.
    void setChart(const metrics::MetricChart& chart, const metrics::MetricSnapshot& snapshot,
                  const QString& currentTraceId);

    // The exemplar's trace nearest to a point in chart values (ms since epoch, value), within a
    // few pixels, or empty.
    QString traceAt(const QPointF& value) const;
    int exemplarCount() const { return int(exemplars_.size()); }
    int seriesCount() const { return seriesCount_; }
    QString errorText() const;
    QChart* chart() const { return chart_; }
    QChartView* chartView() const { return view_; }
    QScatterSeries* exemplarSeries() const { return exemplarSeries_; }
    QAreaSeries* traceBand() const { return traceBand_; }
    // Where an exemplar is drawn, in the chart view's viewport coordinates (for tests and
    // screenshots), or (-1, -1) when there is none.
    QPoint exemplarPosition(int index) const;

signals:
    void exemplarClicked(const QString& traceId);

private:
    struct Point {
        QPointF value;
        QString traceId;
        QString label;
    };
    const Point* nearest(const QPointF& value) const;
    void clearSeries();

    QChart* chart_;
    QChartView* view_;
    QLabel* error_;
    QDateTimeAxis* x_;
    QValueAxis* y_;
    QScatterSeries* exemplarSeries_ = nullptr;
    QAreaSeries* traceBand_ = nullptr;
    std::vector<Point> exemplars_;
    int seriesCount_ = 0;
};

// "service=checkout, method=POST", or `fallback` when there are no labels.
QString seriesName(const metrics::Labels& labels, const QString& fallback);
// A value in the chart's unit: "0.43 s" → "430 ms", "12.5 req/s", "3.1%" for a ratio.
QString formatMetricValue(double value, const QString& unit);

}  // namespace rootline::ui
