#include "remote/search_panel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "explain/background_call.h"
#include "message_banner.h"
#include "remote/results_plot.h"
#include "remote/search_results_model.h"

namespace rootline::ui {

namespace {

constexpr int kJaegerPage = 0;
constexpr int kTempoPage = 1;

QStringList toQStrings(const std::vector<std::string>& list) {
    QStringList out;
    out.reserve(static_cast<int>(list.size()));
    for (const std::string& s : list)
        out << QString::fromStdString(s);
    return out;
}

// The word being typed at `cursor` in a TraceQL query, and the identifier it is compared with
// when it is the right-hand side of a comparison ("resource.service.name = fro" → the word
// "fro", compared with "resource.service.name").
struct TraceQlContext {
    int start = 0;  // where the word begins
    QString word;
    QString comparedWith;
};

TraceQlContext traceQlContext(const QString& text, int cursor) {
    TraceQlContext c;
    int i = cursor;
    while (i > 0) {
        const QChar ch = text[i - 1];
        if (!(ch.isLetterOrNumber() || ch == QLatin1Char('.') || ch == QLatin1Char('_') ||
              ch == QLatin1Char('-') || ch == QLatin1Char('"') || ch == QLatin1Char(':')))
            break;
        --i;
    }
    c.start = i;
    c.word = text.mid(i, cursor - i);
    static const QRegularExpression comparison(
        QStringLiteral("([A-Za-z0-9_.:-]+)\\s*(=|!=|=~|!~|>|<|>=|<=)\\s*$"));
    const QRegularExpressionMatch m = comparison.match(text.left(i));
    if (m.hasMatch()) c.comparedWith = m.captured(1);
    return c;
}

}  // namespace

SearchPanel::SearchPanel(QWidget* parent)
    : QWidget(parent),
      connectionBox_(new QComboBox(this)),
      forms_(new QStackedWidget(this)),
      lookback_(new QComboBox(this)),
      limit_(new QSpinBox(this)),
      searchButton_(new QPushButton(tr("&Find Traces"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)),
      status_(new QLabel(this)),
      banner_(new MessageBanner(this)),
      plot_(new ResultsPlot(this)),
      model_(new SearchResultsModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)) {
    connectionBox_->setObjectName(QStringLiteral("searchConnection"));
    connectionBox_->setToolTip(tr("The Jaeger or Tempo server to search"));
    auto* manage = new QToolButton(this);
    manage->setText(tr("Connections…"));
    manage->setToolTip(tr("Add or change the servers Rootline talks to"));
    connect(manage, &QToolButton::clicked, this, &SearchPanel::manageConnectionsRequested);

    forms_->addWidget(createJaegerForm());
    forms_->addWidget(createTempoForm());

    const struct {
        const char* label;
        int seconds;
    } lookbacks[] = {{QT_TR_NOOP("Last 15 minutes"), 900}, {QT_TR_NOOP("Last hour"), 3600},
                     {QT_TR_NOOP("Last 6 hours"), 21600},  {QT_TR_NOOP("Last 24 hours"), 86400},
                     {QT_TR_NOOP("Last 2 days"), 172800},  {QT_TR_NOOP("Last 7 days"), 604800}};
    for (const auto& l : lookbacks)
        lookback_->addItem(tr(l.label), l.seconds);
    lookback_->setCurrentIndex(1);
    limit_->setRange(1, 1500);
    limit_->setValue(20);

    auto* common = new QFormLayout;
    common->addRow(tr("&Lookback:"), lookback_);
    common->addRow(tr("Li&mit:"), limit_);

    cancelButton_->setEnabled(false);
    searchButton_->setDefault(true);
    connect(searchButton_, &QPushButton::clicked, this, &SearchPanel::search);
    connect(cancelButton_, &QPushButton::clicked, this, &SearchPanel::cancel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(searchButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch(1);

    auto* top = new QHBoxLayout;
    top->addWidget(connectionBox_, 1);
    top->addWidget(manage);

    auto* formColumn = new QWidget(this);
    auto* formLayout = new QVBoxLayout(formColumn);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(top);
    formLayout->addWidget(forms_);
    formLayout->addLayout(common);
    formLayout->addLayout(buttons);
    formLayout->addWidget(status_);
    formLayout->addStretch(1);
    status_->setWordWrap(true);

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(SearchResultsModel::SortRole);
    table_->setModel(proxy_);
    table_->setObjectName(QStringLiteral("searchResults"));
    table_->setSortingEnabled(true);
    table_->sortByColumn(SearchResultsModel::Start, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(SearchResultsModel::Root,
                                                     QHeaderView::Interactive);
    table_->setColumnWidth(SearchResultsModel::Root, 180);
    table_->setColumnWidth(SearchResultsModel::Start, 160);
    table_->setColumnWidth(SearchResultsModel::Duration, 80);
    table_->setColumnWidth(SearchResultsModel::Spans, 55);
    table_->setColumnWidth(SearchResultsModel::Errors, 55);
    table_->setToolTip(tr("Double-click or press Enter to open the trace"));
    connect(table_, &QTableView::activated, this, &SearchPanel::openRow);
    connect(plot_, &ResultsPlot::traceClicked, this, [this](const QString& id) {
        if (const remote::Connection* c = currentConnection())
            emit openTraceRequested(QString::fromStdString(c->name), id);
    });

    // Side by side: the panel is a bottom dock, wider than it is tall.
    auto* results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(plot_);
    results->addWidget(table_);
    results->setStretchFactor(0, 2);
    results->setStretchFactor(1, 3);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(formColumn);
    split->addWidget(results);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 1000});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(banner_);
    layout->addWidget(split, 1);

    connect(connectionBox_, &QComboBox::currentIndexChanged, this,
            &SearchPanel::onConnectionChanged);
    onConnectionChanged();
}

SearchPanel::~SearchPanel() {
    if (searchCancel_) searchCancel_->store(true);
    if (listCancel_) listCancel_->store(true);
}

QWidget* SearchPanel::createJaegerForm() {
    auto* page = new QWidget(this);
    service_ = new QComboBox(page);
    service_->setEditable(true);
    service_->setInsertPolicy(QComboBox::NoInsert);
    service_->setObjectName(QStringLiteral("jaegerService"));
    operation_ = new QComboBox(page);
    operation_->setEditable(true);
    operation_->setInsertPolicy(QComboBox::NoInsert);
    tags_ = new QLineEdit(page);
    tags_->setPlaceholderText(QStringLiteral("error=true http.status_code=500"));
    tags_->setToolTip(tr("Span tags in logfmt, as in Jaeger UI; quote values with spaces"));
    minDuration_ = new QLineEdit(page);
    minDuration_->setPlaceholderText(QStringLiteral("100ms"));
    maxDuration_ = new QLineEdit(page);
    maxDuration_->setPlaceholderText(QStringLiteral("1.5s"));
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Service:"), service_);
    form->addRow(tr("&Operation:"), operation_);
    form->addRow(tr("&Tags:"), tags_);
    form->addRow(tr("Min duration:"), minDuration_);
    form->addRow(tr("Max duration:"), maxDuration_);
    connect(service_, &QComboBox::currentTextChanged, this, &SearchPanel::loadOperations);
    for (QLineEdit* e : {tags_, minDuration_, maxDuration_})
        connect(e, &QLineEdit::returnPressed, this, &SearchPanel::search);
    return page;
}

QWidget* SearchPanel::createTempoForm() {
    auto* page = new QWidget(this);
    traceQl_ = new QLineEdit(page);
    traceQl_->setObjectName(QStringLiteral("traceQl"));
    traceQl_->setPlaceholderText(
        QStringLiteral("{ status = error && resource.service.name = \"checkout\" }"));
    traceQl_->setToolTip(tr("TraceQL; tag names and values complete as you type"));
    traceQl_->setFont(QFont(QStringLiteral("monospace")));
    completions_ = new QStringListModel(this);
    completer_ = new QCompleter(completions_, this);
    completer_->setWidget(traceQl_);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
            &SearchPanel::insertCompletion);
    connect(traceQl_, &QLineEdit::textEdited, this, &SearchPanel::updateCompletions);
    connect(traceQl_, &QLineEdit::returnPressed, this, [this] {
        if (!completer_->popup()->isVisible()) search();
    });
    spss_ = new QSpinBox(page);
    spss_->setRange(1, 100);
    spss_->setValue(3);
    spss_->setToolTip(tr("Matching spans shown per trace (spss)"));
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&TraceQL:"), traceQl_);
    form->addRow(tr("Spans per set:"), spss_);
    return page;
}

void SearchPanel::setConnections(const remote::ConnectionList& list) {
    const QString current = connectionBox_->currentData().toString();
    connections_ = list;
    const QSignalBlocker block(connectionBox_);
    connectionBox_->clear();
    for (const remote::Connection& c : list.connections)
        if (remote::isTraceSource(c.kind))
            connectionBox_->addItem(
                QStringLiteral("%1 (%2)").arg(QString::fromStdString(c.name),
                                              c.kind == remote::SourceKind::Jaeger
                                                  ? QStringLiteral("Jaeger")
                                                  : QStringLiteral("Tempo")),
                QString::fromStdString(c.name));
    const int keep = connectionBox_->findData(current);
    connectionBox_->setCurrentIndex(keep >= 0 ? keep : 0);
    onConnectionChanged();
}

const remote::Connection* SearchPanel::currentConnection() const {
    return connections_.find(connectionBox_->currentData().toString().toStdString());
}

void SearchPanel::selectConnection(const QString& name) {
    const int i = connectionBox_->findData(name);
    if (i >= 0) connectionBox_->setCurrentIndex(i);
}

template <class Call, class Done>
void SearchPanel::ask(Call call, Done done, std::shared_ptr<std::atomic<bool>> cancel) {
    const remote::Connection* c = currentConnection();
    if (!c) return;
    if (!cancel) cancel = listCancel_;
    const int generation = generation_;
    runInBackground(
        this,
        [connection = *c, call, cancel] {
            const std::unique_ptr<remote::TraceSource> source = remote::makeTraceSource(connection);
            return call(*source, cancel.get());
        },
        [this, generation, done](auto result) mutable {
            if (generation == generation_) done(std::move(result));
        });
}

void SearchPanel::onConnectionChanged() {
    ++generation_;  // answers about the previous connection are dropped
    if (listCancel_) listCancel_->store(true);
    listCancel_ = std::make_shared<std::atomic<bool>>(false);
    if (searchCancel_) cancel();
    banner_->hide();
    tagNames_.clear();
    tagValues_.clear();
    const remote::Connection* c = currentConnection();
    searchButton_->setEnabled(c != nullptr);
    if (!c) {
        status_->setText(tr("No Jaeger or Tempo connection yet. Add one with Connections…"));
        return;
    }
    status_->clear();
    if (const std::string warning = remote::tlsWarning(*c); !warning.empty())
        banner_->showMessage(MessageBanner::Kind::Warning, QString::fromStdString(warning));
    const bool jaeger = c->kind == remote::SourceKind::Jaeger;
    forms_->setCurrentIndex(jaeger ? kJaegerPage : kTempoPage);
    if (jaeger) {
        const QString previous = service_->currentText();
        ask([](remote::TraceSource& s,
               const std::atomic<bool>* cancel) { return s.services(cancel); },
            [this, previous](const remote::Remote<std::vector<std::string>>& r) {
                if (!r.ok()) {
                    showError(QString::fromStdString(r.error.message));
                    return;
                }
                const QSignalBlocker block(service_);
                service_->clear();
                service_->addItems(toQStrings(r.value));
                const int keep = service_->findText(previous);
                service_->setCurrentIndex(keep >= 0 ? keep : 0);
                loadOperations();
                emit completionsLoaded();
            });
    } else {
        ask([](remote::TraceSource& s,
               const std::atomic<bool>* cancel) { return s.tagNames(cancel); },
            [this](const remote::Remote<std::vector<std::string>>& r) {
                if (!r.ok()) {
                    showError(QString::fromStdString(r.error.message));
                    return;
                }
                tagNames_ = toQStrings(r.value);
                // Intrinsics a user types first, even when the server did not list them.
                for (const char* intrinsic : {"status", "duration", "name", "kind"})
                    if (!tagNames_.contains(QLatin1String(intrinsic)))
                        tagNames_ << QLatin1String(intrinsic);
                updateCompletions();
                emit completionsLoaded();
            });
    }
}

void SearchPanel::loadOperations() {
    const QString service = service_->currentText();
    operation_->clear();
    operation_->addItem(tr("all"), QString());
    if (service.isEmpty()) return;
    ask(
        [service = service.toStdString()](remote::TraceSource& s, const std::atomic<bool>* cancel) {
            return s.operations(service, cancel);
        },
        [this, service](const remote::Remote<std::vector<std::string>>& r) {
            if (!r.ok() || service_->currentText() != service) return;
            for (const std::string& op : r.value)
                operation_->addItem(QString::fromStdString(op), QString::fromStdString(op));
        });
}

void SearchPanel::loadTagValues(const QString& tag) {
    if (tagValues_.contains(tag)) return;
    tagValues_.insert(tag, {});  // asked once per connection
    ask(
        [tag = tag.toStdString()](remote::TraceSource& s, const std::atomic<bool>* cancel) {
            return s.tagValues(tag, cancel);
        },
        [this, tag](const remote::Remote<std::vector<std::string>>& r) {
            if (!r.ok()) return;
            tagValues_[tag] = toQStrings(r.value);
            updateCompletions();
        });
}

void SearchPanel::updateCompletions() {
    if (!traceQl_->hasFocus() && !completer_->popup()->isVisible() && traceQl_->text().isEmpty())
        return;
    const TraceQlContext c = traceQlContext(traceQl_->text(), traceQl_->cursorPosition());
    QStringList list;
    if (!c.comparedWith.isEmpty()) {
        loadTagValues(c.comparedWith);
        list = tagValues_.value(c.comparedWith);
    } else {
        list = tagNames_;
    }
    completions_->setStringList(list);
    completer_->setCompletionPrefix(c.word);
    if (list.isEmpty() || (c.word.isEmpty() && c.comparedWith.isEmpty()) ||
        completer_->completionCount() == 0) {
        completer_->popup()->hide();
        return;
    }
    completer_->complete();
}

void SearchPanel::insertCompletion(const QString& completion) {
    const QString text = traceQl_->text();
    const int cursor = traceQl_->cursorPosition();
    const TraceQlContext c = traceQlContext(text, cursor);
    traceQl_->setText(text.left(c.start) + completion + text.mid(cursor));
    traceQl_->setCursorPosition(c.start + static_cast<int>(completion.size()));
}

remote::SearchQuery SearchPanel::query() const {
    remote::SearchQuery q;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    q.endUnixUs = now;
    q.startUnixUs = now - static_cast<qint64>(lookback_->currentData().toInt()) * 1000000;
    q.limit = limit_->value();
    q.service = service_->currentText().trimmed().toStdString();
    const QString operation = operation_->currentText().trimmed();
    q.operation = operation == tr("all") ? std::string() : operation.toStdString();
    q.tags = tags_->text().trimmed().toStdString();
    q.minDuration = minDuration_->text().trimmed().toStdString();
    q.maxDuration = maxDuration_->text().trimmed().toStdString();
    q.traceQl = traceQl_->text().trimmed().toStdString();
    q.spansPerSpanSet = spss_->value();
    return q;
}

void SearchPanel::search() {
    const remote::Connection* c = currentConnection();
    if (!c) {
        emit manageConnectionsRequested();
        return;
    }
    const remote::SearchQuery q = query();
    if (c->kind == remote::SourceKind::Jaeger && q.service.empty()) {
        showError(tr("Choose a service: Jaeger searches one service at a time"));
        return;
    }
    if (searchCancel_) searchCancel_->store(true);
    auto flag = std::make_shared<std::atomic<bool>>(false);
    searchCancel_ = flag;
    banner_->hide();
    setBusy(true);
    status_->setText(tr("Searching %1…").arg(QString::fromStdString(c->endpoint())));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    ask([q](remote::TraceSource& s,
            const std::atomic<bool>* cancel) { return s.search(q, cancel); },
        [this, flag, timer](const remote::Remote<std::vector<remote::TraceSummary>>& r) {
            if (flag != searchCancel_) return;  // cancelled, or a newer search runs
            searchCancel_.reset();
            setBusy(false);
            if (!r.ok()) {
                status_->clear();
                showError(QString::fromStdString(r.error.message));
                emit searchFinished(false);
                return;
            }
            model_->setResults(r.value);
            plot_->setResults(r.value);
            int withErrors = 0;
            for (const remote::TraceSummary& s : r.value)
                withErrors += s.errorCount > 0;
            status_->setText(
                r.value.empty()
                    ? tr("No traces matched.")
                    : tr("%n trace(s), %1 with errors, in %2 s", "",
                         static_cast<int>(r.value.size()))
                          .arg(withErrors)
                          .arg(static_cast<double>(timer->elapsed()) / 1000.0, 0, 'f', 1));
            emit searchFinished(true);
        },
        flag);
}

void SearchPanel::cancel() {
    if (!searchCancel_) return;
    searchCancel_->store(true);
    searchCancel_.reset();
    setBusy(false);
    status_->setText(tr("Search cancelled; the results shown are from before."));
    emit searchFinished(false);
}

void SearchPanel::showError(const QString& text) {
    banner_->showMessage(MessageBanner::Kind::Error, text);
}

void SearchPanel::setBusy(bool busy) {
    searchButton_->setEnabled(!busy && currentConnection());
    cancelButton_->setEnabled(busy);
}

void SearchPanel::openRow(const QModelIndex& index) {
    const QString id = proxy_->data(index, SearchResultsModel::TraceIdRole).toString();
    const remote::Connection* c = currentConnection();
    if (!id.isEmpty() && c) emit openTraceRequested(QString::fromStdString(c->name), id);
}

}  // namespace rootline::ui
