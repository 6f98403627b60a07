#include "remote/results_plot.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "colors.h"
#include "util/format.h"

namespace rootline::ui {

ResultsPlot::ResultsPlot(QWidget* parent)
    : QWidget(parent),
      chart_(new QChart),
      view_(new QChartView(chart_, this)),
      ok_(new QScatterSeries),
      errors_(new QScatterSeries),
      x_(new QDateTimeAxis),
      y_(new QValueAxis) {
    ok_->setName(tr("Traces"));
    errors_->setName(tr("With errors"));
    ok_->setColor(QColor(0x1f, 0x77, 0xb4));
    errors_->setColor(errorTextColor());
    for (QScatterSeries* s : {ok_, errors_}) {
        s->setMarkerSize(9);
        s->setBorderColor(Qt::transparent);
        chart_->addSeries(s);
    }
    x_->setFormat(QStringLiteral("HH:mm"));
    x_->setTickCount(4);
    x_->setTitleText(tr("Start"));
    y_->setTitleText(tr("Duration (ms)"));
    y_->setLabelFormat(QStringLiteral("%.0f"));
    chart_->addAxis(x_, Qt::AlignBottom);
    chart_->addAxis(y_, Qt::AlignLeft);
    for (QScatterSeries* s : {ok_, errors_}) {
        s->attachAxis(x_);
        s->attachAxis(y_);
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF& p) {
            const QString id = traceAt(p);
            if (!id.isEmpty()) emit traceClicked(id);
        });
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF& p, bool state) {
            const Point* hit = state ? nearest(p) : nullptr;
            if (hit)
                QToolTip::showText(QCursor::pos(), hit->label, view_);
            else
                QToolTip::hideText();
        });
    }
    chart_->legend()->setAlignment(Qt::AlignTop);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    chart_->setBackgroundRoundness(0);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumSize(320, 200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_);
    setResults({});
}

void ResultsPlot::setResults(const std::vector<remote::TraceSummary>& results) {
    points_.clear();
    QList<QPointF> ok, errors;
    double minX = std::numeric_limits<double>::max(), maxX = 0, maxY = 0;
    for (const remote::TraceSummary& s : results) {
        const QPointF p(static_cast<double>(s.startUnixUs) / 1000.0,
                        static_cast<double>(s.durationUs) / 1000.0);
        (s.errorCount > 0 ? errors : ok).append(p);
        points_.push_back(
            {p, QString::fromStdString(s.traceId),
             tr("%1: %2\n%3, %4 errors")
                 .arg(QString::fromStdString(s.rootService),
                      QString::fromStdString(s.rootOperation),
                      QString::fromStdString(formatDuration(s.durationUs * 1000)),
                      s.errorCount < 0 ? QStringLiteral("?") : QString::number(s.errorCount))});
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
    }
    ok_->replace(ok);
    errors_->replace(errors);
    if (points_.empty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        minX = static_cast<double>(now - 3600 * 1000);
        maxX = static_cast<double>(now);
    }
    // A margin so points at the edges are not cut in half.
    const double pad = std::max(1000.0, (maxX - minX) * 0.04);
    x_->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(minX - pad)),
                 QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(maxX + pad)));
    x_->setFormat(maxX - minX > 86400e3 ? QStringLiteral("MM-dd HH:mm")
                  : maxX - minX > 600e3 ? QStringLiteral("HH:mm")
                                        : QStringLiteral("HH:mm:ss"));
    y_->setRange(0, std::max(1.0, maxY * 1.1));
    y_->applyNiceNumbers();
}

const ResultsPlot::Point* ResultsPlot::nearest(const QPointF& value) const {
    // Compared in screen pixels, so a click near a point picks it whatever the axes' scales.
    const QPointF at = chart_->mapToPosition(value);
    const Point* best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (const Point& p : points_) {
        const QPointF q = chart_->mapToPosition(p.value);
        const double d = std::hypot(q.x() - at.x(), q.y() - at.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
        }
    }
    return best && bestDistance <= 12 ? best : nullptr;
}

QString ResultsPlot::traceAt(const QPointF& value) const {
    const Point* p = nearest(value);
    return p ? p->traceId : QString();
}

int ResultsPlot::errorPointCount() const {
    return static_cast<int>(errors_->count());
}
int ResultsPlot::okPointCount() const {
    return static_cast<int>(ok_->count());
}

}  // namespace rootline::ui
