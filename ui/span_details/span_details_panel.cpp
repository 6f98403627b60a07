#include "span_details/span_details_panel.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "logging.h"
#include "signals/log_lines_model.h"
#include "span_details/detail_tree_view.h"
#include "span_details/exception_box.h"
#include "span_details/span_attributes_model.h"
#include "span_details/span_events_model.h"
#include "span_details/span_exceptions.h"
#include "span_details/span_header.h"
#include "span_details/span_links_model.h"
#include "span_details/span_warnings_model.h"
#include "span_details/suspect_summary.h"

namespace rootline::ui {

namespace {

// Below this height the tabs and the exception box would be slivers: the panel scrolls instead.
constexpr int kMinBodyHeight = 240;
// Share of the splitter the exception box gets at first; the user's drag then wins.
constexpr double kExceptionShare = 0.45;
// Events and links are expanded to show their attributes unless that makes a very long list.
constexpr int kExpandAllRows = 2000;

QString number(int n) {
    return QLocale().toString(n);
}

}  // namespace

SpanDetailsPanel::SpanDetailsPanel(QWidget* parent)
    : QWidget(parent),
      exceptionShare_(kExceptionShare),
      attributes_(new SpanAttributesModel(this)),
      events_(new SpanEventsModel(this)),
      links_(new SpanLinksModel(this)),
      warnings_(new SpanWarningsModel(this)),
      logs_(new LogLinesModel(this)) {
    setObjectName(QStringLiteral("spanDetailsPanel"));
    warnings_->setWarningIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this));

    placeholder_ = new QLabel(tr("Select a span"), this);
    placeholder_->setObjectName(QStringLiteral("spanPlaceholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);
    placeholder_->setToolTip(
        tr("Click a span in the waterfall to see its attributes, events and links"));

    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("spanDetailsScroll"));
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidgetResizable(true);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(createContent());

    pages_ = new QStackedWidget(this);
    pages_->addWidget(placeholder_);
    pages_->addWidget(scroll_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);

    connect(header_, &SpanHeader::jumpToSpan, this, &SpanDetailsPanel::jumpToSpan);
    connect(linksView_, &DetailTreeView::spanActivated, this, &SpanDetailsPanel::jumpToSpan);
    connect(attributes_, &QAbstractItemModel::modelReset, this,
            &SpanDetailsPanel::restoreAttributeLayout);
    connect(events_, &QAbstractItemModel::modelReset, this, &SpanDetailsPanel::restoreEventLayout);
    connect(links_, &QAbstractItemModel::modelReset, this, [this] {
        if (links_->linkCount() < kExpandAllRows) linksView_->expandAll();
    });
    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        attributes_->setFilter(text.trimmed());
        updateFilterCount();
    });
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        if (!updatingTabs_) preferredTab_ = index;  // the user's choice, not a disabled tab's
    });
    connect(splitter_, &QSplitter::splitterMoved, this, [this] {
        const QList<int> sizes = splitter_->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (total > 0 && sizes.value(0) > 0) exceptionShare_ = double(sizes.value(0)) / total;
    });
    showPlaceholder();
}

SpanDetailsPanel::~SpanDetailsPanel() = default;

QWidget* SpanDetailsPanel::createContent() {
    auto* content = new QWidget;
    suspect_ = new SuspectSummary(content);
    header_ = new SpanHeader(content);
    header_->setObjectName(QStringLiteral("spanHeader"));
    exceptions_ = new ExceptionBox(content);

    tabs_ = new QTabWidget(content);
    tabs_->setObjectName(QStringLiteral("spanDetailsTabs"));
    tabs_->setDocumentMode(true);
    tabs_->setUsesScrollButtons(true);  // four tabs must not set a 380 px panel's width
    tabs_->addTab(createAttributesPage(), QString());
    eventsView_ = createTree("spanEventsView", events_);
    tabs_->addTab(eventsView_, QString());
    linksView_ = createTree("spanLinksView", links_);
    tabs_->addTab(linksView_, QString());
    warningsView_ = createTree("spanWarningsView", warnings_);
    warningsView_->setHeaderHidden(true);
    warningsView_->setRootIsDecorated(false);
    tabs_->addTab(warningsView_, QString());
    logsView_ = new QTreeView(this);
    logsView_->setObjectName(QStringLiteral("spanLogsView"));
    logsView_->setModel(logs_);
    logsView_->setRootIsDecorated(false);
    logsView_->setUniformRowHeights(true);
    logsView_->setAlternatingRowColors(true);
    // The span is the one shown: its service and name would repeat on every line.
    logsView_->setColumnHidden(LogLinesModel::ServiceColumn, true);
    logsView_->setColumnHidden(LogLinesModel::SpanColumn, true);
    logsView_->header()->setStretchLastSection(true);
    logsView_->header()->resizeSection(
        LogLinesModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    logsView_->header()->resizeSection(
        LogLinesModel::LevelColumn, fontMetrics().horizontalAdvance(QStringLiteral("ERROR")) + 20);
    tabs_->addTab(logsView_, QString());

    splitter_ = new QSplitter(Qt::Vertical, content);
    splitter_->setObjectName(QStringLiteral("spanDetailsSplitter"));
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(exceptions_);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 1);
    splitter_->setMinimumHeight(kMinBodyHeight);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(suspect_);
    layout->addWidget(header_);
    layout->addWidget(splitter_, 1);
    return content;
}

QWidget* SpanDetailsPanel::createAttributesPage() {
    auto* page = new QWidget;
    filter_ = new QLineEdit(page);
    filter_->setObjectName(QStringLiteral("spanAttributeFilter"));
    filter_->setPlaceholderText(tr("Filter by key or value"));
    filter_->setClearButtonEnabled(true);
    filterCount_ = new QLabel(page);
    filterCount_->setObjectName(QStringLiteral("spanAttributeFilterCount"));
    filterCount_->setForegroundRole(QPalette::PlaceholderText);
    attributesView_ = createTree("spanAttributesView", attributes_);
    attributesView_->setParent(page);

    auto* filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(filter_, 1);
    filterRow->addWidget(filterCount_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filterRow);
    layout->addWidget(attributesView_, 1);
    return page;
}

DetailTreeView* SpanDetailsPanel::createTree(const char* objectName, QAbstractItemModel* model) {
    auto* view = new DetailTreeView(this);
    view->setObjectName(QString::fromLatin1(objectName));
    view->setModel(model);
    return view;
}

void SpanDetailsPanel::setTrace(std::shared_ptr<const Trace> trace) {
    trace_ = std::move(trace);
    ranking_.reset();  // the previous trace's
    logLines_.reset();
    finder_ = trace_ ? std::make_unique<ExceptionFinder>(*trace_->dict) : nullptr;
    showPlaceholder();
}

void SpanDetailsPanel::setRanking(std::shared_ptr<const Ranking> ranking) {
    if (ranking && trace_ && ranking->rankOfSpan.size() != trace_->spanCount()) ranking.reset();
    ranking_ = std::move(ranking);
    if (span_ >= 0) suspect_->showSpan(ranking_.get(), uint32_t(span_));
}

void SpanDetailsPanel::showSpan(int32_t span) {
    if (!trace_ || span < 0 || size_t(span) >= trace_->spanCount()) {
        if (span >= 0) qCWarning(lcWindow) << "span" << span << "is not in the shown trace";
        showPlaceholder();
        return;
    }
    if (span == span_) return;  // keeps the user's scroll positions, selection and tab
    QElapsedTimer timer;
    timer.start();
    span_ = span;
    const Trace& trace = *trace_;
    const auto index = uint32_t(span);

    suspect_->showSpan(ranking_.get(), index);
    header_->showSpan(trace, index);
    const std::vector<SpanException> exceptions = finder_->find(trace, index);
    std::vector<int> exceptionEvents;
    for (const SpanException& e : exceptions)
        if (e.event >= 0) exceptionEvents.push_back(e.event);
    exceptions_->setExceptions(exceptions, trace.start[index]);
    attributes_->setSpan(trace, index);
    events_->setSpan(trace, index, exceptionEvents);
    links_->setSpan(trace, index);
    warnings_->setSpan(trace, index);
    showSpanLogs();
    updateTabs();
    updateFilterCount();
    const bool wasPlaceholder = pages_->currentWidget() != scroll_;
    pages_->setCurrentWidget(scroll_);
    applyExceptionShare();
    // Coming from the placeholder, the splitter gets its real height only when the layout
    // runs; share it out again then.
    if (wasPlaceholder) QTimer::singleShot(0, this, &SpanDetailsPanel::applyExceptionShare);
    qCDebug(lcWindow) << "span details of" << span << "in" << timer.nsecsElapsed() / 1000 << "µs";
}

void SpanDetailsPanel::setLogLines(std::shared_ptr<const std::vector<logs::LogLine>> lines) {
    logLines_ = std::move(lines);
    if (span_ < 0) return;
    showSpanLogs();
    updateTabs();
}

void SpanDetailsPanel::showSpanLogs() {
    // A few thousand lines at most (Loki's limit, a log file's trace): one pass per span shown.
    auto mine = std::make_shared<std::vector<logs::LogLine>>();
    if (logLines_)
        for (const logs::LogLine& line : *logLines_)
            if (line.span == span_) mine->push_back(line);
    logs_->setLines(trace_, std::move(mine));
}

void SpanDetailsPanel::showPlaceholder() {
    span_ = -1;
    suspect_->clear();
    header_->clear();
    exceptions_->setExceptions({}, 0);
    attributes_->clear();
    events_->clear();
    links_->clear();
    warnings_->clear();
    logs_->clear();
    updateTabs();
    updateFilterCount();
    placeholder_->setText(trace_ ? tr("Select a span") : tr("No trace"));
    pages_->setCurrentWidget(placeholder_);
}

QString SpanDetailsPanel::exceptionText() const {
    return exceptions_->text();
}

void SpanDetailsPanel::updateTabs() {
    updatingTabs_ = true;
    const int counts[] = {attributes_->totalCount(), events_->eventCount(), links_->linkCount(),
                          warnings_->rowCount(), logs_->rowCount()};
    const QString titles[] = {tr("Attributes (%1)"), tr("Events (%1)"), tr("Links (%1)"),
                              tr("Warnings (%1)"), tr("Logs (%1)")};
    for (int tab = 0; tab < tabs_->count(); ++tab) {
        tabs_->setTabText(tab, titles[tab].arg(number(counts[tab])));
        // The attributes tab has the filter and says "No attributes" itself.
        tabs_->setTabEnabled(tab, tab == AttributesTab || counts[tab] > 0);
    }
    tabs_->setTabIcon(WarningsTab,
                      counts[WarningsTab] > 0
                          ? style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                          : QIcon());
    tabs_->setCurrentIndex(tabs_->isTabEnabled(preferredTab_) ? preferredTab_ : AttributesTab);
    updatingTabs_ = false;
}

void SpanDetailsPanel::updateFilterCount() {
    const bool narrowing = !attributes_->filter().isEmpty() && span_ >= 0;
    filterCount_->setText(
        narrowing ? tr("%1 of %2")
                        .arg(number(attributes_->shownCount()), number(attributes_->totalCount()))
                  : QString());
    filterCount_->setVisible(narrowing);
}

void SpanDetailsPanel::restoreAttributeLayout() {
    // A reset forgets spans and expansion: the group rows span both columns, and are open.
    for (int group = 0; group < SpanAttributesModel::GroupCount; ++group)
        attributesView_->setFirstColumnSpanned(group, QModelIndex(), true);
    attributesView_->expandAll();
}

void SpanDetailsPanel::restoreEventLayout() {
    if (events_->totalRows() <= kExpandAllRows) eventsView_->expandAll();
}

void SpanDetailsPanel::applyExceptionShare() {
    if (exceptions_->isHidden()) return;
    const int total = splitter_->height() - splitter_->handleWidth();
    if (total <= 0) return;  // not laid out yet: the stretch factors share it out
    // A one-line exception does not need half the panel: the tabs get what it leaves.
    const int top = std::min(int(total * exceptionShare_), exceptions_->contentHeight());
    splitter_->setSizes({top, total - top});
}

}  // namespace rootline::ui
