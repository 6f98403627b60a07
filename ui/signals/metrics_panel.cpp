#include "signals/metrics_panel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <exception>

#include "logging.h"
#include "remote/prometheus_source.h"
#include "signals/metric_chart_view.h"
#include "signals/source_bar.h"

namespace rootline::ui {

namespace {

// What a fetch depends on: an unchanged connection is not asked again when the list is saved.
QString fetchKey(const remote::Connection& c) {
    QStringList parts{QString::fromStdString(c.name), QString::fromStdString(c.baseUrl),
                      QString::fromStdString(c.tenant), QString::number(c.margin.count()),
                      QString::fromStdString(c.traceConnection)};
    for (const remote::MetricQueryTemplate& q : c.metricQueries)
        parts << QString::fromStdString(q.title + '\t' + q.expr + '\t' + q.unit);
    for (const std::string& label : c.exemplarLabels)
        parts << QString::fromStdString(label);
    return parts.join(QLatin1Char('\n'));
}

QString clock(double sec) {
    return QDateTime::fromMSecsSinceEpoch(qint64(sec * 1000.0)).toString(QStringLiteral("HH:mm"));
}

}  // namespace

struct MetricsPanel::Fetched {
    QString connection;
    std::shared_ptr<const metrics::MetricSnapshot> snapshot;
    bool cancelled = false;
    QString error;
};

MetricsPanel::MetricsPanel(QWidget* parent)
    : QWidget(parent),
      bar_(new SourceBar(this)),
      editQueries_(new QPushButton(tr("Edit Queries…"), this)),
      pages_(new QStackedWidget(this)),
      emptyPage_(new QWidget(this)),
      empty_(new QLabel(emptyPage_)),
      scroll_(new QScrollArea(this)),
      chartsPage_(new QWidget),
      chartsLayout_(new QHBoxLayout(chartsPage_)) {
    setObjectName(QStringLiteral("metricsPanel"));
    bar_->setObjectName(QStringLiteral("metricsSourceBar"));
    editQueries_->setObjectName(QStringLiteral("editMetricQueries"));
    editQueries_->setToolTip(
        tr("The chart queries (PromQL), exemplar labels and time margin of this connection"));
    bar_->addLeading(new QWidget(this), 1);  // the buttons keep to the right
    bar_->addTrailing(editQueries_);

    empty_->setObjectName(QStringLiteral("metricsEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setText(
        tr("No Prometheus connection yet.\nAdd one in File › Connections… to see request rate, "
           "errors and latency of this trace's services around its time, with exemplars that "
           "open other traces."));
    auto* add = new QPushButton(tr("Connections…"), emptyPage_);
    add->setObjectName(QStringLiteral("metricsAddConnection"));
    auto* emptyLayout = new QVBoxLayout(emptyPage_);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(empty_);
    emptyLayout->addWidget(add, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);

    chartsLayout_->setContentsMargins(0, 0, 0, 0);
    chartsLayout_->setSpacing(6);
    scroll_->setObjectName(QStringLiteral("metricsCharts"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(chartsPage_);
    pages_->addWidget(emptyPage_);
    pages_->addWidget(scroll_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar_);
    layout->addWidget(pages_, 1);

    connect(add, &QPushButton::clicked, this, &MetricsPanel::manageConnectionsRequested);
    connect(editQueries_, &QPushButton::clicked, this,
            [this] { emit editQueriesRequested(currentConnection()); });
    connect(bar_, &SourceBar::refreshRequested, this, &MetricsPanel::refresh);
    connect(bar_, &SourceBar::cancelRequested, this, &MetricsPanel::cancelFetch);
    connect(bar_, &SourceBar::connectionChosen, this, [this] { refresh(); });
    showEmptyState();
}

MetricsPanel::~MetricsPanel() = default;

QString MetricsPanel::currentConnection() const {
    return bar_->currentConnection();
}

bool MetricsPanel::showsEmptyState() const {
    return pages_->currentWidget() == emptyPage_;
}

QList<MetricChartView*> MetricsPanel::charts() const {
    return chartsPage_->findChildren<MetricChartView*>(Qt::FindDirectChildrenOnly);
}

void MetricsPanel::showEmptyState() {
    const bool none = prometheus_.connections.empty();
    editQueries_->setVisible(!none);
    if (none) {
        pages_->setCurrentWidget(emptyPage_);
        bar_->showStatus(QString(), SourceBar::Tone::Muted);
    }
}

void MetricsPanel::setTrace(std::shared_ptr<const Trace> trace) {
    fetch_.cancel();
    trace_ = std::move(trace);
    snapshot_.reset();
    fetchedKey_.clear();
    qDeleteAll(charts());
    if (trace_ && !prometheus_.connections.empty()) refresh();
}

void MetricsPanel::setConnections(const remote::ConnectionList& list) {
    prometheus_ = {};
    QStringList names;
    for (const remote::Connection& c : list.connections)
        if (c.kind == remote::SourceKind::Prometheus) {
            prometheus_.connections.push_back(c);
            names << QString::fromStdString(c.name);
        }
    bar_->setConnections(names);
    if (prometheus_.connections.empty()) {
        fetch_.cancel();
        fetchedKey_.clear();
        showEmptyState();
        return;
    }
    editQueries_->setVisible(true);
    pages_->setCurrentWidget(scroll_);
    const remote::Connection* chosen = prometheus_.find(currentConnection().toStdString());
    if (chosen && trace_ && fetchKey(*chosen) != fetchedKey_) startFetch(*chosen);
}

void MetricsPanel::refresh() {
    const remote::Connection* chosen = prometheus_.find(currentConnection().toStdString());
    if (chosen && trace_) startFetch(*chosen);
}

void MetricsPanel::cancelFetch() {
    if (!fetch_.isRunning()) return;
    fetch_.cancel();
    fetchedKey_.clear();
    bar_->showStatus(tr("Fetching the metrics was cancelled"), SourceBar::Tone::Muted);
    emit fetchFinished(false);
}

void MetricsPanel::startFetch(const remote::Connection& prometheus) {
    fetchedKey_ = fetchKey(prometheus);
    const QString name = QString::fromStdString(prometheus.name);
    bar_->showBusy(tr("Asking Prometheus '%1' (%2) about the trace's services…")
                       .arg(name, QString::fromStdString(prometheus.endpoint())));
    remote::MetricRequest request;
    for (StrId s : trace_->services)
        request.services.emplace_back(trace_->str(s));
    request.traceStartSec = double(trace_->startNs) / 1e9;
    request.traceEndSec = double(trace_->endNs) / 1e9;
    qCDebug(lcView) << "metrics: asking" << name;
    fetch_.start(
        this,
        [prometheus, request, name](const std::atomic<bool>* cancel) {
            auto out = std::make_shared<Fetched>();
            out->connection = name;
            try {
                remote::Remote<metrics::MetricSnapshot> answer =
                    remote::fetchMetricSnapshot(prometheus, request, cancel);
                if (!answer.ok()) {
                    out->cancelled = answer.error.kind == remote::RemoteErrorKind::Cancelled;
                    out->error = QString::fromStdString(answer.error.message);
                } else {
                    answer.value.connection = prometheus.name;
                    out->snapshot =
                        std::make_shared<const metrics::MetricSnapshot>(std::move(answer.value));
                }
            } catch (const std::exception& e) {
                out->error = QString::fromUtf8(e.what());  // costs the charts, not the window
            }
            return std::shared_ptr<const Fetched>(std::move(out));
        },
        [this](const std::shared_ptr<const Fetched>& fetched) { onFetched(fetched); });
}

void MetricsPanel::onFetched(const std::shared_ptr<const Fetched>& fetched) {
    if (!fetched->snapshot) {
        // The charts shown stay: a failed refresh does not take them away.
        fetchedKey_.clear();
        if (fetched->cancelled)
            bar_->showStatus(tr("Fetching the metrics was cancelled"), SourceBar::Tone::Muted);
        else
            bar_->showStatus(tr("Prometheus '%1': %2").arg(fetched->connection, fetched->error),
                             SourceBar::Tone::Error);
        qCDebug(lcView) << "metrics:" << bar_->statusText();
        emit fetchFinished(false);
        return;
    }
    showSnapshot(fetched->snapshot);
    const metrics::MetricSnapshot& s = *fetched->snapshot;
    int failed = 0, exemplars = 0;
    for (const metrics::MetricChart& c : s.charts) {
        if (!c.error.empty()) ++failed;
        exemplars += int(c.exemplars.size());
    }
    QString text = tr("Prometheus '%1': %2 charts from %3 to %4, %5 exemplars")
                       .arg(fetched->connection)
                       .arg(s.charts.size())
                       .arg(clock(s.startSec), clock(s.endSec))
                       .arg(exemplars);
    if (failed > 0) text += tr("; %1 of them failed (see below each)").arg(failed);
    bar_->showStatus(text, failed > 0 ? SourceBar::Tone::Error : SourceBar::Tone::Normal);
    emit fetchFinished(true);
}

void MetricsPanel::showSnapshot(std::shared_ptr<const metrics::MetricSnapshot> snapshot) {
    snapshot_ = std::move(snapshot);
    qDeleteAll(charts());
    if (!snapshot_) return;
    pages_->setCurrentWidget(scroll_);
    const QString current = trace_ ? QString::fromStdString(trace_->traceIdText()) : QString();
    const QString connection = QString::fromStdString(snapshot_->connection);
    for (const metrics::MetricChart& c : snapshot_->charts) {
        auto* view = new MetricChartView(chartsPage_);
        view->setChart(c, *snapshot_, current);
        chartsLayout_->addWidget(view, 1);
        connect(view, &MetricChartView::exemplarClicked, this,
                [this, connection](const QString& traceId) {
                    emit exemplarClicked(connection, traceId);
                });
    }
}

}  // namespace rootline::ui
