#include "signals/logs_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>
#include <set>

#include "explain/background_call.h"
#include "logging.h"
#include "logs/log_correlation.h"
#include "logs/span_event_logs.h"
#include "remote/loki_source.h"
#include "signals/log_filter_model.h"
#include "signals/log_lines_model.h"
#include "signals/source_bar.h"

namespace rootline::ui {

namespace {

// What a fetch depends on: a connection edited in the dialog is asked again, an unchanged one
// is not asked twice when the list is saved.
QString fetchKey(const remote::Connection& c) {
    return QStringLiteral("%1\n%2\n%3\n%4\n%5")
        .arg(QString::fromStdString(c.name), QString::fromStdString(c.baseUrl),
             QString::fromStdString(c.logQuery), QString::number(c.margin.count()),
             QString::fromStdString(c.tenant));
}

void sortByTime(std::vector<logs::LogLine>& lines) {
    std::stable_sort(
        lines.begin(), lines.end(),
        [](const logs::LogLine& a, const logs::LogLine& b) { return a.timeNs < b.timeNs; });
}

QString number(size_t n) {
    return QLocale().toString(qulonglong(n));
}

}  // namespace

struct LogsPanel::LokiResult {
    QString connection;
    std::vector<logs::LogLine> lines;
    logs::Correlation correlation;
    bool hitLimit = false;
    bool cancelled = false;
    QString error;  // one line, empty on success
};

LogsPanel::LogsPanel(QWidget* parent)
    : QWidget(parent),
      bar_(new SourceBar(this)),
      level_(new QComboBox(this)),
      service_(new QComboBox(this)),
      text_(new QLineEdit(this)),
      spanOnly_(new QCheckBox(tr("Selected span only"), this)),
      model_(new LogLinesModel(this)),
      filter_(new LogFilterModel(this)),
      view_(new QTreeView(this)) {
    setObjectName(QStringLiteral("logsPanel"));
    bar_->setObjectName(QStringLiteral("logsSourceBar"));
    level_->setObjectName(QStringLiteral("logLevelFilter"));
    level_->addItem(tr("All levels"), int(logs::LogLevel::Unknown));
    level_->addItem(tr("Info and worse"), int(logs::LogLevel::Info));
    level_->addItem(tr("Warnings and errors"), int(logs::LogLevel::Warn));
    level_->addItem(tr("Errors only"), int(logs::LogLevel::Error));
    service_->setObjectName(QStringLiteral("logServiceFilter"));
    service_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    text_->setObjectName(QStringLiteral("logTextFilter"));
    text_->setPlaceholderText(tr("Filter messages"));
    text_->setClearButtonEnabled(true);
    spanOnly_->setObjectName(QStringLiteral("logSpanOnly"));
    spanOnly_->setToolTip(tr("Only the lines of the span selected in the waterfall"));
    bar_->addLeading(level_);
    bar_->addLeading(service_);
    bar_->addLeading(text_, 1);
    bar_->addLeading(spanOnly_);

    filter_->setLinesModel(model_);
    view_->setObjectName(QStringLiteral("logLinesView"));
    view_->setModel(filter_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setTextElideMode(Qt::ElideRight);
    view_->header()->setStretchLastSection(true);
    view_->header()->resizeSection(
        LogLinesModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    view_->header()->resizeSection(LogLinesModel::LevelColumn,
                                   fontMetrics().horizontalAdvance(QStringLiteral("ERROR")) + 20);
    view_->header()->resizeSection(
        LogLinesModel::ServiceColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("web-frontend")) + 20);
    view_->header()->resizeSection(LogLinesModel::SpanColumn,
                                   fontMetrics().averageCharWidth() * 32);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar_);
    layout->addWidget(view_, 1);

    connect(level_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setMinimumLevel(logs::LogLevel(level_->currentData().toInt())); });
    connect(service_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setService(service_->currentData().toString()); });
    connect(text_, &QLineEdit::textChanged, this,
            [this](const QString& text) { filter_->setText(text.trimmed()); });
    connect(spanOnly_, &QCheckBox::toggled, this,
            [this](bool on) { filter_->setSpan(on ? std::max<int64_t>(currentSpan_, 0) : -1); });
    // A click (or Enter) on a line selects its span; moving through the lines with the keys
    // does not, so reading them never jumps the waterfall around.
    const auto select = [this](const QModelIndex& index) {
        const qint64 span = index.data(LogLinesModel::SpanRole).toLongLong();
        if (span >= 0) emit spanSelected(quint32(span));
    };
    connect(view_, &QTreeView::clicked, this, select);
    connect(view_, &QTreeView::activated, this, select);
    connect(bar_, &SourceBar::refreshRequested, this, &LogsPanel::refresh);
    connect(bar_, &SourceBar::cancelRequested, this, &LogsPanel::cancelFetch);
    connect(bar_, &SourceBar::connectionChosen, this, [this] { refresh(); });
    updateServices();
}

LogsPanel::~LogsPanel() = default;

int LogsPanel::lineCount() const {
    return all_ ? int(all_->size()) : 0;
}

QStringList LogsPanel::lokiNames() const {
    QStringList names;
    for (const remote::Connection& c : lokis_.connections)
        names << QString::fromStdString(c.name);
    return names;
}

void LogsPanel::setTrace(std::shared_ptr<const Trace> trace) {
    fetch_.cancel();
    trace_ = std::move(trace);
    spanEvents_.reset();
    loki_.clear();
    files_.clear();
    lokiStatus_.clear();
    fetchedKey_.clear();
    rebuild();
    if (!trace_) return;
    const quint64 generation = ++traceGeneration_;
    runInBackground(
        this,
        [trace = trace_] {
            return std::make_shared<const std::vector<logs::LogLine>>(logs::spanEventLogs(*trace));
        },
        [this, generation](const std::shared_ptr<const std::vector<logs::LogLine>>& lines) {
            if (generation != traceGeneration_) return;
            spanEvents_ = lines;
            rebuild();
        });
    if (!lokis_.connections.empty()) refresh();
}

void LogsPanel::setConnections(const remote::ConnectionList& list) {
    lokis_ = {};
    for (const remote::Connection& c : list.connections)
        if (c.kind == remote::SourceKind::Loki) lokis_.connections.push_back(c);
    bar_->setConnections(lokiNames());
    if (lokis_.connections.empty()) {
        fetch_.cancel();
        fetchedKey_.clear();
        showStatus();
        return;
    }
    const remote::Connection* chosen = lokis_.find(bar_->currentConnection().toStdString());
    if (chosen && trace_ && fetchKey(*chosen) != fetchedKey_) startFetch(*chosen);
}

void LogsPanel::refresh() {
    const remote::Connection* chosen = lokis_.find(bar_->currentConnection().toStdString());
    if (chosen && trace_) startFetch(*chosen);
}

void LogsPanel::cancelFetch() {
    if (!fetch_.isRunning()) return;
    fetch_.cancel();
    fetchedKey_.clear();  // asked again when the connections are next set
    lokiFailed_ = false;
    lokiStatus_ = tr("Fetching the logs was cancelled");
    showStatus();
    emit fetchFinished(false);
}

void LogsPanel::startFetch(const remote::Connection& loki) {
    fetchedKey_ = fetchKey(loki);
    const QString name = QString::fromStdString(loki.name);
    bar_->showBusy(tr("Asking Loki '%1' (%2) for the trace's logs…")
                       .arg(name, QString::fromStdString(loki.endpoint())));
    qCDebug(lcView) << "logs: asking" << name;
    fetch_.start(
        this,
        [trace = trace_, loki, name](const std::atomic<bool>* cancel) {
            auto out = std::make_shared<LokiResult>();
            out->connection = name;
            try {
                const remote::LogQuery query = remote::logQueryFor(*trace, loki);
                remote::Remote<remote::LokiLogs> answer =
                    remote::queryTraceLogs(loki, query, cancel);
                if (!answer.ok()) {
                    out->cancelled = answer.error.kind == remote::RemoteErrorKind::Cancelled;
                    out->error = QString::fromStdString(answer.error.message);
                } else {
                    out->lines = std::move(answer.value.lines);
                    out->hitLimit = answer.value.hitLimit;
                    // The query chose lines by the trace id in their text: keep those that do
                    // not carry it as a field.
                    out->correlation = logs::correlate(*trace, out->lines, true);
                }
            } catch (const std::exception& e) {
                out->error = QString::fromUtf8(e.what());  // costs the logs, not the window
            }
            return std::shared_ptr<const LokiResult>(std::move(out));
        },
        [this](const std::shared_ptr<const LokiResult>& result) { onFetched(result); });
}

void LogsPanel::onFetched(const std::shared_ptr<const LokiResult>& r) {
    if (!r->error.isEmpty()) {
        // What was shown stays: a failed refresh does not take the lines away.
        lokiFailed_ = !r->cancelled;
        lokiStatus_ = r->cancelled ? tr("Fetching the logs was cancelled")
                                   : tr("Loki '%1': %2").arg(r->connection, r->error);
        fetchedKey_.clear();
        qCDebug(lcView) << "logs:" << lokiStatus_;
        showStatus();
        emit fetchFinished(false);
        return;
    }
    lokiFailed_ = false;
    loki_ = r->lines;
    const logs::Correlation& c = r->correlation;
    if (loki_.empty()) {
        lokiStatus_ = tr("Loki '%1' has no lines for this trace").arg(r->connection);
    } else {
        lokiStatus_ = tr("Loki '%1': %2 lines, %3 tied to spans by id and %4 by service and time")
                          .arg(r->connection, number(loki_.size()), number(c.tiedBySpanId),
                               number(c.tiedByTime));
        if (r->hitLimit) lokiStatus_ += tr("; the line limit was reached: there may be more");
    }
    rebuild();
    emit fetchFinished(true);
}

void LogsPanel::addFileLines(const QString& fileName, std::vector<logs::LogLine> lines) {
    const auto same = std::find_if(files_.begin(), files_.end(),
                                   [&](const auto& file) { return file.first == fileName; });
    if (same != files_.end())
        same->second = std::move(lines);
    else
        files_.emplace_back(fileName, std::move(lines));
    rebuild();
}

void LogsPanel::setCurrentSpan(int32_t span) {
    currentSpan_ = span;
    if (spanOnly_->isChecked()) filter_->setSpan(std::max<int32_t>(span, 0));
}

void LogsPanel::rebuild() {
    auto external = std::make_shared<std::vector<logs::LogLine>>(loki_);
    for (const auto& file : files_)
        external->insert(external->end(), file.second.begin(), file.second.end());
    sortByTime(*external);
    auto all = std::make_shared<std::vector<logs::LogLine>>(*external);
    if (spanEvents_) all->insert(all->end(), spanEvents_->begin(), spanEvents_->end());
    sortByTime(*all);
    external_ = std::move(external);
    all_ = std::move(all);
    model_->setLines(trace_, all_);
    updateServices();
    if (!fetch_.isRunning()) showStatus();
    emit linesChanged();
}

void LogsPanel::updateServices() {
    const QString current = service_->currentData().toString();
    std::set<QString> services;
    if (all_)
        for (const logs::LogLine& line : *all_)
            if (!line.service.empty()) services.insert(QString::fromStdString(line.service));
    const QSignalBlocker block(service_);
    service_->clear();
    service_->addItem(tr("All services"), QString());
    for (const QString& s : services)
        service_->addItem(s, s);
    const int keep = service_->findData(current);
    service_->setCurrentIndex(keep >= 0 ? keep : 0);
    filter_->setService(service_->currentData().toString());
}

void LogsPanel::showStatus() {
    QStringList parts;
    SourceBar::Tone tone = SourceBar::Tone::Normal;
    if (!lokiStatus_.isEmpty()) {
        parts << lokiStatus_;
        if (lokiFailed_) tone = SourceBar::Tone::Error;
    } else if (lokis_.connections.empty() && trace_) {
        parts << tr(
            "Span events only: add a Loki connection (File › Connections…) to see the "
            "services' logs here, or open an OTLP log file (File › Open Logs File…)");
        tone = SourceBar::Tone::Muted;
    }
    for (const auto& file : files_)
        parts << tr("%1: %2 lines").arg(file.first, number(file.second.size()));
    bar_->showStatus(parts.join(QStringLiteral("; ")), tone);
}

}  // namespace rootline::ui
