#pragma once
// The search results as Jaeger UI draws them: a scatter of duration over start time, traces
// with errors in red, the others in blue. Clicking a point opens its trace; hovering shows
// its root and duration.

#include <QWidget>
#include <vector>

#include "remote/trace_source.h"

class QChart;
class QChartView;
class QDateTimeAxis;
class QScatterSeries;
class QValueAxis;

namespace rootline::ui {

class ResultsPlot : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPlot(QWidget* parent = nullptr);

    void setResults(const std::vector<remote::TraceSummary>& results);
    // The trace nearest to a point in chart values (ms since epoch, duration in ms), or empty.
    QString traceAt(const QPointF& value) const;
    int errorPointCount() const;
    int okPointCount() const;
    QChartView* chartView() const { return view_; }
    QScatterSeries* errorSeries() const { return errors_; }
    QScatterSeries* okSeries() const { return ok_; }

signals:
    void traceClicked(const QString& traceId);

private:
    struct Point {
        QPointF value;
        QString traceId;
        QString label;
    };
    const Point* nearest(const QPointF& value) const;

    QChart* chart_;
    QChartView* view_;
    QScatterSeries* ok_;
    QScatterSeries* errors_;
    QDateTimeAxis* x_;
    QValueAxis* y_;
    std::vector<Point> points_;
};

}  // namespace rootline::ui
