#include "trace_details_pane.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "colors.h"
#include "elided_label.h"
#include "flow_layout.h"
#include "logging.h"
#include "root_list_model.h"
#include "service_table_model.h"
#include "util/format.h"
#include "warning_list_model.h"

namespace rootline::ui {

namespace {

struct ListedWarnings {
    std::vector<WarningInfo> listed;
    size_t total = 0;
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(qulonglong n) {
    return QLocale().toString(n);
}

QLabel* sectionTitle(QWidget* parent) {
    auto* title = new QLabel(parent);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    return title;
}

QWidget* section(QLabel* title, QWidget* content, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    return box;
}

// A one-column list that cuts long lines with "…" (the full text is in the tooltip) instead of
// growing a horizontal scroll bar: a QTreeView without header, as QListView cannot elide.
QTreeView* listView(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setHeaderHidden(true);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);  // a broken trace can have a root per span
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTextElideMode(Qt::ElideRight);
    return view;
}

QIcon warningIcon(const QWidget* widget) {
    return widget->style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, widget);
}

}  // namespace

TraceDetailsPane::TraceDetailsPane(QWidget* parent)
    : QWidget(parent),
      services_(new ServiceTableModel(this)),
      servicesProxy_(new QSortFilterProxyModel(this)),
      warnings_(new WarningListModel(this)),
      roots_(new RootListModel(this)) {
    servicesProxy_->setSourceModel(services_);
    servicesProxy_->setSortRole(ServiceTableModel::SortRole);
    warnings_->setWarningIcon(warningIcon(this));
    roots_->setOrphanIcon(warningIcon(this));

    auto* body = new QHBoxLayout;
    body->setSpacing(12);
    // Warnings get the most width: their lines are the longest and the most read.
    body->addWidget(createServices(), 2);
    body->addWidget(createWarnings(), 4);
    body->addWidget(createRoots(), 3);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(6);
    layout->addWidget(createHeader());
    layout->addLayout(body, 1);
    clear();
}

TraceDetailsPane::~TraceDetailsPane() = default;

QWidget* TraceDetailsPane::createHeader() {
    auto* header = new QWidget(this);
    auto* caption = new QLabel(tr("Trace"), header);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);

    traceId_ = new QLabel(header);
    traceId_->setObjectName(QStringLiteral("detailsTraceId"));
    // Ids are read digit by digit and pasted into other tools.
    traceId_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    traceId_->setTextFormat(Qt::PlainText);
    traceId_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    traceId_->setToolTip(tr("Trace ID (select to copy)"));

    root_ = new ElidedLabel(header);
    root_->setObjectName(QStringLiteral("detailsRoot"));
    root_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);  // takes the line's rest

    auto fact = [header](const char* name) {
        auto* label = new QLabel(header);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    start_ = fact("detailsStart");
    start_->setToolTip(tr("Earliest span start"));
    duration_ = fact("detailsDuration");
    duration_->setToolTip(tr("From the earliest span start to the latest span end"));
    spans_ = fact("detailsSpans");
    depth_ = fact("detailsDepth");
    depth_->setToolTip(tr("Levels from the root to the deepest span"));
    errors_ = fact("detailsErrors");

    // One item, so the caption never ends a line without its id.
    auto* idBox = new QWidget(header);
    auto* id = new QHBoxLayout(idBox);
    id->setContentsMargins(0, 0, 0, 0);
    id->setSpacing(6);
    id->addWidget(caption);
    id->addWidget(traceId_);
    caption->setParent(idBox);
    traceId_->setParent(idBox);

    // One line when it fits; in a narrow window the root is cut first, then the facts wrap.
    auto* layout = new FlowLayout(header, 18, 2);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(idBox);
    layout->addWidget(root_);
    for (QLabel* label : {start_, duration_, spans_, depth_, errors_})
        layout->addWidget(label);
    return header;
}

QWidget* TraceDetailsPane::createServices() {
    auto* view = new QTreeView(this);
    view->setObjectName(QStringLiteral("servicesView"));
    view->setModel(servicesProxy_);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setAllColumnsShowFocus(true);
    view->setSortingEnabled(true);
    // The summary's order (most spans first) as the start, so the sort indicator tells the truth.
    view->sortByColumn(ServiceTableModel::SpansColumn, Qt::DescendingOrder);
    QHeaderView* header = view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ServiceTableModel::ServiceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ServiceTableModel::SpansColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ServiceTableModel::ErrorsColumn, QHeaderView::ResizeToContents);
    servicesTitle_ = sectionTitle(this);
    servicesTitle_->setObjectName(QStringLiteral("servicesTitle"));
    return section(servicesTitle_, view, this);
}

QWidget* TraceDetailsPane::createWarnings() {
    warningsView_ = listView(warnings_, this);
    warningsView_->setObjectName(QStringLiteral("warningsView"));

    noWarnings_ = new QLabel(tr("No warnings"), this);
    noWarnings_->setObjectName(QStringLiteral("noWarnings"));
    noWarnings_->setAlignment(Qt::AlignCenter);
    // Framed and filled like the list it stands in for, so the pane does not jump.
    noWarnings_->setFrameShape(QFrame::StyledPanel);
    noWarnings_->setFrameShadow(QFrame::Sunken);
    noWarnings_->setBackgroundRole(QPalette::Base);
    noWarnings_->setAutoFillBackground(true);
    noWarnings_->setForegroundRole(QPalette::PlaceholderText);

    warningsPages_ = new QStackedWidget(this);
    warningsPages_->addWidget(noWarnings_);
    warningsPages_->addWidget(warningsView_);
    warningsTitle_ = sectionTitle(this);
    warningsTitle_->setObjectName(QStringLiteral("warningsTitle"));
    return section(warningsTitle_, warningsPages_, this);
}

QWidget* TraceDetailsPane::createRoots() {
    auto* view = listView(roots_, this);
    view->setObjectName(QStringLiteral("rootsView"));
    rootsTitle_ = sectionTitle(this);
    rootsTitle_->setObjectName(QStringLiteral("rootsTitle"));
    rootsTitle_->setToolTip(
        tr("Spans without a parent in this trace: true roots first, then orphans whose parent "
           "is missing"));
    rootsSection_ = section(rootsTitle_, view, this);
    rootsSection_->setObjectName(QStringLiteral("rootsSection"));
    return rootsSection_;
}

void TraceDetailsPane::showTrace(std::shared_ptr<const LoadedFile> file, int index) {
    if (!file || index < 0 || size_t(index) >= file->summaries.size()) {
        clear();
        return;
    }
    if (file == file_ && index == index_) return;
    file_ = std::move(file);
    index_ = index;
    ++request_;
    // Shares ownership of the whole snapshot: the models read the summary in place.
    const std::shared_ptr<const TraceSummary> summary(file_, &file_->summaries[size_t(index)]);
    qCDebug(lcWindow) << "details of trace" << qs(summary->traceId);
    showHeader(*summary);
    services_->setSummary(summary);
    servicesTitle_->setText(tr("Services (%1)").arg(number(summary->services.size())));
    roots_->setSummary(summary);
    rootsTitle_->setText(tr("Roots (%1)").arg(number(summary->roots.size())));
    rootsSection_->setVisible(summary->roots.size() > 1);
    showWarnings(*summary);
}

void TraceDetailsPane::clear() {
    file_.reset();
    index_ = -1;
    ++request_;
    traceId_->clear();
    root_->setText({});
    for (QLabel* label : {start_, duration_, spans_, depth_, errors_})
        label->clear();
    errors_->setPalette(QPalette());
    services_->setSummary(nullptr);
    servicesTitle_->setText(tr("Services"));
    roots_->setSummary(nullptr);
    rootsSection_->hide();
    warnings_->clear();
    warningsTitle_->setText(tr("Warnings"));
    updateWarningsPage();
}

QString TraceDetailsPane::traceId() const {
    return traceId_->text();
}

void TraceDetailsPane::showHeader(const TraceSummary& s) {
    traceId_->setText(qs(s.traceId));
    if (s.roots.empty()) {
        root_->setText(tr("No root span"));
    } else {
        const QString first =
            QStringLiteral("%1: %2").arg(qs(s.roots.front().service), qs(s.roots.front().name));
        // Two strings rather than %n: the source language needs its own plural too.
        const size_t more = s.roots.size() - 1;
        root_->setText(more == 0   ? tr("Root: %1").arg(first)
                       : more == 1 ? tr("Root: %1 (+1 more root)").arg(first)
                                   : tr("Root: %1 (+%2 more roots)").arg(first, number(more)));
    }
    start_->setText(tr("Start (UTC): %1").arg(qs(formatTimestamp(s.startNs))));
    duration_->setText(tr("Duration: %1").arg(qs(formatDuration(s.durationNs))));
    spans_->setText(tr("Spans: %1").arg(number(s.spanCount)));
    depth_->setText(tr("Depth: %1").arg(s.depth));
    errors_->setText(tr("Errors: %1").arg(number(s.errorCount)));
    QPalette palette;
    if (s.errorCount > 0) palette.setColor(QPalette::WindowText, errorTextColor());
    errors_->setPalette(palette);
    errors_->setToolTip(
        s.inferredErrorCount > 0
            ? tr("Spans with error status: %1, of these inferred from HTTP or gRPC status "
                 "codes: %2")
                  .arg(number(s.errorCount), number(s.inferredErrorCount))
            : tr("Spans with error status: %1").arg(number(s.errorCount)));
}

void TraceDetailsPane::showWarnings(const TraceSummary& s) {
    warningsTitle_->setText(tr("Warnings (%1)").arg(number(s.warningCount)));
    // What the summary holds shows at once, with an exact "… and N more" row.
    std::vector<WarningInfo> first(
        s.warnings.begin(),
        s.warnings.begin() + std::ptrdiff_t(std::min(s.warnings.size(), kListedWarnings)));
    warnings_->setWarnings(std::move(first), s.warningCount);
    updateWarningsPage();
    if (s.warningCount > s.warnings.size() && s.warnings.size() < kListedWarnings)
        requestListedWarnings(file_->file->traces[size_t(index_)]);
}

void TraceDetailsPane::requestListedWarnings(std::shared_ptr<const Trace> trace) {
    const quint64 request = request_;
    auto* watcher = new QFutureWatcher<ListedWarnings>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        if (request != request_) return;  // the user has moved on to another trace
        ListedWarnings result = watcher->result();
        warnings_->setWarnings(std::move(result.listed), result.total);
        updateWarningsPage();
    });
    // The worker owns a reference to the trace, never `this`: the pane may be gone when it ends.
    watcher->setFuture(QtConcurrent::run([trace = std::move(trace)] {
        QElapsedTimer timer;
        timer.start();
        TraceSummary s = summarizeTrace(*trace, kListedWarnings);
        qCDebug(lcWindow) << "listed" << s.warnings.size() << "of" << s.warningCount
                          << "warnings in" << timer.elapsed() << "ms";
        return ListedWarnings{std::move(s.warnings), s.warningCount};
    }));
}

void TraceDetailsPane::updateWarningsPage() {
    warningsPages_->setCurrentWidget(
        warnings_->rowCount() > 0 ? static_cast<QWidget*>(warningsView_) : noWarnings_);
}

}  // namespace rootline::ui
