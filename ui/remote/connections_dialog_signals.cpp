// The Connections dialog's rows for log and metric servers: the time margin (Loki and
// Prometheus), the LogQL template (Loki), and the chart queries, exemplar labels and trace
// connection (Prometheus). Apart from connections_dialog.cpp, which is about reaching a server.

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "remote/connection_list_model.h"
#include "remote/connections_dialog.h"
#include "remote/loki_source.h"
#include "remote/prometheus_source.h"

namespace rootline::ui {

namespace {

enum ChartColumn { ChartTitle, ChartExpr, ChartUnit, ChartColumns };
constexpr int kMaxMarginSeconds = 7 * 24 * 3600;

QString cell(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

bool sameQueries(const std::vector<remote::MetricQueryTemplate>& a,
                 const std::vector<remote::MetricQueryTemplate>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].title != b[i].title || a[i].expr != b[i].expr || a[i].unit != b[i].unit)
            return false;
    return true;
}

QString joined(const std::vector<std::string>& labels) {
    QStringList out;
    for (const std::string& l : labels)
        out << QString::fromStdString(l);
    return out.join(QStringLiteral(", "));
}

}  // namespace

QWidget* ConnectionsDialog::createSignalRows() {
    margin_ = new QSpinBox(form_);
    margin_->setObjectName(QStringLiteral("connectionMargin"));
    margin_->setRange(0, kMaxMarginSeconds);
    margin_->setSuffix(tr(" s"));
    margin_->setToolTip(tr("How far before and after the trace to look"));

    logQuery_ = new QPlainTextEdit(form_);
    logQuery_->setObjectName(QStringLiteral("connectionLogQuery"));
    logQuery_->setPlaceholderText(
        QString::fromUtf8(remote::kDefaultLogQl.data(), qsizetype(remote::kDefaultLogQl.size())));
    logQuery_->setToolTip(
        tr("LogQL; ${traceId} and ${services} (a regular expression of the trace's services) "
           "are filled in. Empty: the default shown."));
    logQuery_->setMaximumHeight(fontMetrics().height() * 5);
    logQuery_->setTabChangesFocus(true);

    chartsBox_ = new QWidget(form_);
    metricQueries_ = new QTableWidget(0, ChartColumns, chartsBox_);
    metricQueries_->setObjectName(QStringLiteral("connectionMetricQueries"));
    metricQueries_->setHorizontalHeaderLabels({tr("Chart"), tr("PromQL"), tr("Unit")});
    metricQueries_->horizontalHeaderItem(ChartExpr)->setToolTip(
        tr("${services}, ${range} and ${traceId} are filled in"));
    metricQueries_->horizontalHeader()->setSectionResizeMode(ChartExpr, QHeaderView::Stretch);
    metricQueries_->verticalHeader()->hide();
    metricQueries_->setSelectionBehavior(QAbstractItemView::SelectRows);
    metricQueries_->setSelectionMode(QAbstractItemView::SingleSelection);
    metricQueries_->setMaximumHeight(fontMetrics().height() * 8);
    addChart_ = new QPushButton(tr("Add Chart"), chartsBox_);
    addChart_->setObjectName(QStringLiteral("addChart"));
    removeChart_ = new QPushButton(tr("Remove Chart"), chartsBox_);
    removeChart_->setObjectName(QStringLiteral("removeChart"));
    resetCharts_ = new QPushButton(tr("Default Charts"), chartsBox_);
    resetCharts_->setObjectName(QStringLiteral("resetCharts"));
    resetCharts_->setToolTip(tr("Request rate, error ratio and p95 latency of the span metrics"));
    auto* chartButtons = new QHBoxLayout;
    chartButtons->addWidget(addChart_);
    chartButtons->addWidget(removeChart_);
    chartButtons->addWidget(resetCharts_);
    chartButtons->addStretch(1);
    auto* chartsLayout = new QVBoxLayout(chartsBox_);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(metricQueries_);
    chartsLayout->addLayout(chartButtons);

    exemplarLabels_ = new QLineEdit(form_);
    exemplarLabels_->setObjectName(QStringLiteral("connectionExemplarLabels"));
    exemplarLabels_->setPlaceholderText(joined(remote::defaultExemplarLabels()));
    exemplarLabels_->setToolTip(
        tr("The exemplar labels that hold a trace id, tried in order, separated by commas"));
    traceConnection_ = new QComboBox(form_);
    traceConnection_->setObjectName(QStringLiteral("connectionTraceConnection"));
    traceConnection_->setToolTip(
        tr("The Jaeger or Tempo connection that opens an exemplar's trace"));

    formLayout_->addRow(tr("Time margin:"), margin_);
    formLayout_->addRow(tr("LogQL:"), logQuery_);
    formLayout_->addRow(tr("Charts:"), chartsBox_);
    formLayout_->addRow(tr("Exemplar labels:"), exemplarLabels_);
    formLayout_->addRow(tr("Open exemplars with:"), traceConnection_);

    connect(margin_, &QSpinBox::valueChanged, this, &ConnectionsDialog::formChanged);
    connect(logQuery_, &QPlainTextEdit::textChanged, this, &ConnectionsDialog::formChanged);
    connect(metricQueries_, &QTableWidget::itemChanged, this, &ConnectionsDialog::formChanged);
    connect(metricQueries_, &QTableWidget::currentCellChanged, this,
            &ConnectionsDialog::updateFields);
    connect(exemplarLabels_, &QLineEdit::textChanged, this, &ConnectionsDialog::formChanged);
    connect(traceConnection_, &QComboBox::currentIndexChanged, this,
            &ConnectionsDialog::formChanged);
    connect(addChart_, &QPushButton::clicked, this, [this] { addChart(); });
    connect(removeChart_, &QPushButton::clicked, this, [this] {
        const int r = metricQueries_->currentRow();
        if (r < 0) return;
        metricQueries_->removeRow(r);
        formChanged();
    });
    connect(resetCharts_, &QPushButton::clicked, this, [this] {
        fillCharts(remote::defaultMetricQueries());
        formChanged();
    });
    return chartsBox_;
}

void ConnectionsDialog::fillCharts(const std::vector<remote::MetricQueryTemplate>& queries) {
    const bool wasShowing = showing_;
    showing_ = true;
    metricQueries_->setRowCount(0);
    for (const remote::MetricQueryTemplate& q : queries) {
        const int r = metricQueries_->rowCount();
        metricQueries_->insertRow(r);
        metricQueries_->setItem(r, ChartTitle,
                                new QTableWidgetItem(QString::fromStdString(q.title)));
        metricQueries_->setItem(r, ChartExpr, new QTableWidgetItem(QString::fromStdString(q.expr)));
        metricQueries_->setItem(r, ChartUnit, new QTableWidgetItem(QString::fromStdString(q.unit)));
    }
    metricQueries_->resizeColumnToContents(ChartTitle);
    showing_ = wasShowing;
}

void ConnectionsDialog::addChart(const QString& title, const QString& expr, const QString& unit) {
    if (currentRow() < 0) return;
    showing_ = true;
    const int r = metricQueries_->rowCount();
    metricQueries_->insertRow(r);
    metricQueries_->setItem(r, ChartTitle, new QTableWidgetItem(title));
    metricQueries_->setItem(r, ChartExpr, new QTableWidgetItem(expr));
    metricQueries_->setItem(r, ChartUnit, new QTableWidgetItem(unit));
    showing_ = false;
    metricQueries_->setCurrentCell(r, title.isEmpty() ? ChartTitle : ChartExpr);
    formChanged();
    if (title.isEmpty() && isVisible())
        metricQueries_->editItem(metricQueries_->item(r, ChartTitle));
}

void ConnectionsDialog::showSignalSettings(const remote::Connection& c) {
    margin_->setValue(int(std::clamp<long long>(c.margin.count(), 0, kMaxMarginSeconds)));
    logQuery_->setPlainText(QString::fromStdString(c.logQuery));
    // The defaults are shown as rows to edit; saved unchanged, they are saved as "default".
    fillCharts(c.metricQueries.empty() ? remote::defaultMetricQueries() : c.metricQueries);
    exemplarLabels_->setText(joined(c.exemplarLabels));
    traceConnection_->clear();
    traceConnection_->addItem(tr("Where the trace came from, else the first"), QString());
    for (const remote::Connection& other : model_->list().connections)
        if (remote::isTraceSource(other.kind))
            traceConnection_->addItem(QString::fromStdString(other.name),
                                      QString::fromStdString(other.name));
    const QString chosen = QString::fromStdString(c.traceConnection);
    if (!chosen.isEmpty() && traceConnection_->findData(chosen) < 0)
        traceConnection_->addItem(tr("%1 (not found)").arg(chosen), chosen);
    traceConnection_->setCurrentIndex(std::max(0, traceConnection_->findData(chosen)));
}

void ConnectionsDialog::readSignalSettings(remote::Connection& c) const {
    const bool loki = c.kind == remote::SourceKind::Loki;
    const bool prometheus = c.kind == remote::SourceKind::Prometheus;
    if (!loki && !prometheus) return;  // trace servers have none of these
    c.margin = std::chrono::seconds(margin_->value());
    if (loki) {
        c.logQuery = logQuery_->toPlainText().trimmed().toStdString();
        return;
    }
    std::vector<remote::MetricQueryTemplate> queries;
    for (int r = 0; r < metricQueries_->rowCount(); ++r) {
        remote::MetricQueryTemplate q{cell(metricQueries_, r, ChartTitle).trimmed().toStdString(),
                                      cell(metricQueries_, r, ChartExpr).trimmed().toStdString(),
                                      cell(metricQueries_, r, ChartUnit).trimmed().toStdString()};
        if (!q.title.empty() || !q.expr.empty() || !q.unit.empty()) queries.push_back(std::move(q));
    }
    if (!sameQueries(queries, remote::defaultMetricQueries())) c.metricQueries = std::move(queries);
    for (const QString& label : exemplarLabels_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!label.trimmed().isEmpty()) c.exemplarLabels.push_back(label.trimmed().toStdString());
    c.traceConnection = traceConnection_->currentData().toString().toStdString();
}

}  // namespace rootline::ui
