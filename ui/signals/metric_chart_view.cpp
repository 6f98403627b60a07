#include "signals/metric_chart_view.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "colors.h"
#include "service_colors.h"

namespace rootline::ui {

namespace {

// The trace is a couple of seconds in a window of an hour: drawn at its true width it would be
// under a pixel, so the band is at least this share of the window wide.
constexpr double kMinBandShare = 0.006;
// A click this close to an exemplar (in pixels) opens its trace.
constexpr double kHitPixels = 12;

QColor exemplarColor() {
    return QColor(0xe8, 0x59, 0x0c);  // an orange no service colour or error red comes near
}

QColor traceBandColor() {
    return QColor(0x6f, 0x42, 0xc1, 70);  // the suspects' violet, see-through
}

}  // namespace

QString seriesName(const metrics::Labels& labels, const QString& fallback) {
    if (labels.empty()) return fallback;
    if (labels.size() == 1) return QString::fromStdString(labels.begin()->second);
    QStringList parts;
    for (const auto& [key, value] : labels)
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(key),
                                             QString::fromStdString(value));
    return parts.join(QStringLiteral(", "));
}

QString formatMetricValue(double value, const QString& unit) {
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("−Inf");
    if (unit == QLatin1String("s")) {
        if (std::abs(value) < 1)
            return QStringLiteral("%1 ms").arg(QString::number(value * 1000, 'g', 3));
        return QStringLiteral("%1 s").arg(QString::number(value, 'g', 3));
    }
    if (unit == QLatin1String("ratio"))
        return QStringLiteral("%1%").arg(QString::number(value * 100, 'g', 3));
    if (unit.isEmpty()) return QString::number(value, 'g', 4);
    return QStringLiteral("%1 %2").arg(QString::number(value, 'g', 4), unit);
}

MetricChartView::MetricChartView(QWidget* parent)
    : QWidget(parent),
      chart_(new QChart),
      view_(new QChartView(chart_, this)),
      error_(new QLabel(this)),
      x_(new QDateTimeAxis),
      y_(new QValueAxis) {
    setObjectName(QStringLiteral("metricChart"));
    chart_->addAxis(x_, Qt::AlignBottom);
    chart_->addAxis(y_, Qt::AlignLeft);
    x_->setTickCount(5);
    y_->setLabelFormat(QStringLiteral("%.3g"));
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->setMargins(QMargins(2, 2, 2, 2));
    chart_->setBackgroundRoundness(0);
    QFont title = chart_->titleFont();
    title.setBold(true);
    chart_->setTitleFont(title);
    view_->setRenderHint(QPainter::Antialiasing);
    // Three side by side in the left column of a 1366 px window.
    view_->setMinimumSize(250, 220);
    error_->setObjectName(QStringLiteral("metricChartError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = error_->palette();
    p.setColor(QPalette::WindowText, errorTextColor(p));
    error_->setPalette(p);
    error_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(view_, 1);
    layout->addWidget(error_);
}

void MetricChartView::clearSeries() {
    chart_->removeAllSeries();  // deletes them
    exemplarSeries_ = nullptr;
    traceBand_ = nullptr;
    exemplars_.clear();
    seriesCount_ = 0;
}

void MetricChartView::setChart(const metrics::MetricChart& chart,
                               const metrics::MetricSnapshot& snapshot,
                               const QString& currentTraceId) {
    clearSeries();
    const QString unit = QString::fromStdString(chart.unit);
    const QString title = QString::fromStdString(chart.title);
    chart_->setTitle(title);
    y_->setTitleText(unit);

    // The value range first: the band must know its height before the lines go over it.
    double top = 0, bottom = 0;
    for (const metrics::MetricSeries& s : chart.series)
        for (const metrics::MetricPoint& p : s.points)
            if (std::isfinite(p.value)) {
                top = std::max(top, p.value);
                bottom = std::min(bottom, p.value);
            }
    for (const metrics::Exemplar& e : chart.exemplars)
        if (std::isfinite(e.value)) {
            top = std::max(top, e.value);
            bottom = std::min(bottom, e.value);
        }
    const double ceiling = top > 0 ? top * 1.1 : 1.0;

    // The trace's own time, a band from the floor to the top, drawn first (under the lines).
    const double span = std::max(1.0, snapshot.endSec - snapshot.startSec);
    const double bandStart = snapshot.traceStartSec;
    const double bandEnd = std::max(snapshot.traceEndSec, bandStart + span * kMinBandShare);
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    upper->append(bandStart * 1000.0, ceiling);
    upper->append(bandEnd * 1000.0, ceiling);
    lower->append(bandStart * 1000.0, bottom);
    lower->append(bandEnd * 1000.0, bottom);
    traceBand_ = new QAreaSeries(upper, lower);
    traceBand_->setObjectName(QStringLiteral("traceBand"));
    traceBand_->setName(tr("This trace"));
    traceBand_->setColor(traceBandColor());
    traceBand_->setBorderColor(traceBandColor().darker(150));
    chart_->addSeries(traceBand_);
    traceBand_->attachAxis(x_);
    traceBand_->attachAxis(y_);

    const QPalette palette = this->palette();
    uint32_t colour = 0;
    for (const metrics::MetricSeries& s : chart.series) {
        auto* line = new QLineSeries;
        line->setName(seriesName(s.labels, title));
        line->setColor(serviceColor(colour++, palette));
        QList<QPointF> points;
        points.reserve(qsizetype(s.points.size()));
        for (const metrics::MetricPoint& p : s.points)
            // NaN and ±Inf (an empty histogram bucket, a division by zero) are gaps, not zeros.
            if (std::isfinite(p.value)) points.append(QPointF(p.timeSec * 1000.0, p.value));
        line->replace(points);
        chart_->addSeries(line);
        line->attachAxis(x_);
        line->attachAxis(y_);
        ++seriesCount_;
    }

    exemplarSeries_ = new QScatterSeries;
    exemplarSeries_->setObjectName(QStringLiteral("exemplars"));
    exemplarSeries_->setName(tr("Exemplars"));
    exemplarSeries_->setColor(exemplarColor());
    exemplarSeries_->setBorderColor(Qt::white);
    exemplarSeries_->setMarkerSize(11);
    exemplarSeries_->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    QList<QPointF> marks;
    for (const metrics::Exemplar& e : chart.exemplars) {
        if (!std::isfinite(e.value) || e.traceId.empty()) continue;
        const QPointF p(e.timeSec * 1000.0, e.value);
        marks.append(p);
        const QString id = QString::fromStdString(e.traceId);
        const QString value = formatMetricValue(e.value, unit);
        const QString when =
            QDateTime::fromMSecsSinceEpoch(qint64(p.x())).toString(QStringLiteral("HH:mm:ss"));
        exemplars_.push_back(
            {p, id,
             id == currentTraceId
                 ? tr("This trace\n%1 at %2").arg(value, when)
                 : tr("Trace %1…\n%2 at %3\nClick to open it").arg(id.left(16), value, when)});
    }
    exemplarSeries_->replace(marks);
    chart_->addSeries(exemplarSeries_);
    exemplarSeries_->attachAxis(x_);
    exemplarSeries_->attachAxis(y_);
    // The legend names the series; the band and the diamonds are explained in the tooltip, so
    // three charts side by side keep their services' names readable.
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(traceBand_),
                               static_cast<QAbstractSeries*>(exemplarSeries_)})
        for (QLegendMarker* marker : chart_->legend()->markers(s))
            marker->setVisible(false);
    view_->setToolTip(tr("%1\nThe violet band is this trace; the orange diamonds are exemplars: "
                         "click one to open its trace.")
                          .arg(QString::fromStdString(chart.query)));
    connect(exemplarSeries_, &QScatterSeries::clicked, this, [this](const QPointF& p) {
        const QString id = traceAt(p);
        if (!id.isEmpty()) emit exemplarClicked(id);
    });
    connect(exemplarSeries_, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
        const Point* hit = on ? nearest(p) : nullptr;
        if (hit)
            QToolTip::showText(QCursor::pos(), hit->label, view_);
        else
            QToolTip::hideText();
    });

    x_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(snapshot.startSec * 1000.0)),
                 QDateTime::fromMSecsSinceEpoch(qint64(snapshot.endSec * 1000.0)));
    x_->setFormat(span > 86400 ? QStringLiteral("MM-dd HH:mm")
                  : span > 600 ? QStringLiteral("HH:mm")
                               : QStringLiteral("HH:mm:ss"));
    y_->setRange(bottom, ceiling);

    QStringList problems;
    if (!chart.error.empty()) problems << QString::fromStdString(chart.error);
    if (!chart.exemplarError.empty())
        problems << tr("Exemplars: %1").arg(QString::fromStdString(chart.exemplarError));
    for (const std::string& w : chart.warnings)
        problems << QString::fromStdString(w);
    if (chart.error.empty() && chart.series.empty())
        problems << tr("No data for this query in the window");
    error_->setText(problems.join(QLatin1Char('\n')));
    error_->setVisible(!problems.isEmpty());
}

QString MetricChartView::errorText() const {
    return error_->text();
}

const MetricChartView::Point* MetricChartView::nearest(const QPointF& value) const {
    if (!exemplarSeries_) return nullptr;
    // Compared in screen pixels, so a click near a point picks it whatever the axes' scales.
    const QPointF at = chart_->mapToPosition(value, exemplarSeries_);
    const Point* best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (const Point& p : exemplars_) {
        const QPointF q = chart_->mapToPosition(p.value, exemplarSeries_);
        const double d = std::hypot(q.x() - at.x(), q.y() - at.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
        }
    }
    return best && bestDistance <= kHitPixels ? best : nullptr;
}

QString MetricChartView::traceAt(const QPointF& value) const {
    const Point* p = nearest(value);
    return p ? p->traceId : QString();
}

QPoint MetricChartView::exemplarPosition(int index) const {
    if (index < 0 || index >= exemplarCount() || !exemplarSeries_) return {-1, -1};
    const QPointF scene =
        chart_->mapToScene(chart_->mapToPosition(exemplars_[size_t(index)].value, exemplarSeries_));
    return view_->mapFromScene(scene);
}

}  // namespace rootline::ui
