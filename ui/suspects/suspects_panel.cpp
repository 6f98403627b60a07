#include "suspects/suspects_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "logging.h"
#include "shortcuts.h"
#include "suspects/suspect_rank_delegate.h"
#include "suspects/suspects_model.h"

namespace rootline::ui {

namespace {

// The span column takes what its names need up to this; the reasons get the rest.
constexpr int kMaxSpanColumn = 220;
constexpr int kMaxServiceColumn = 150;
// Five suspects without scrolling: the ones that matter.
constexpr int kPreferredRows = 5;

// The first key of a shortcut, as the platform writes it ("R").
QString firstKey(TraceAction action) {
    const Shortcut& s = shortcutFor(action);
    return s.keys.isEmpty() ? QString() : s.keys.front().toString(QKeySequence::NativeText);
}

}  // namespace

SuspectsPanel::SuspectsPanel(QWidget* parent)
    : QWidget(parent), model_(new SuspectsModel(this)), proxy_(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("suspectsPanel"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(SuspectsModel::SortRole);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("suspectsTitle"));
    title_->setTextFormat(Qt::PlainText);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setToolTip(
        tr("The spans most likely to have caused this trace's failure or slowness, best first"));

    keysHint_ = new QLabel(this);
    keysHint_->setObjectName(QStringLiteral("suspectsKeys"));
    keysHint_->setTextFormat(Qt::PlainText);
    keysHint_->setForegroundRole(QPalette::PlaceholderText);
    keysHint_->setText(
        tr("Next %1 · previous %2")
            .arg(firstKey(TraceAction::NextSuspect), firstKey(TraceAction::PreviousSuspect)));
    keysHint_->setToolTip(tr("Keys in the waterfall: step through the suspects by rank"));

    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("suspectsView"));
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAllColumnsShowFocus(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setItemDelegateForColumn(SuspectsModel::RankColumn, new SuspectRankDelegate(view_));
    view_->setSortingEnabled(true);
    view_->sortByColumn(SuspectsModel::RankColumn, Qt::AscendingOrder);
    QHeaderView* header = view_->header();
    header->setStretchLastSection(true);  // the reasons
    header->setSectionsMovable(false);

    placeholder_ = new QLabel(this);
    placeholder_->setObjectName(QStringLiteral("suspectsPlaceholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setForegroundRole(QPalette::PlaceholderText);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(view_);
    stack_->addWidget(placeholder_);

    auto* titleLine = new QHBoxLayout;
    titleLine->setContentsMargins(0, 0, 4, 0);  // the hint clear of the splitter
    titleLine->addWidget(title_, 1);
    titleLine->addWidget(keysHint_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(titleLine);
    layout->addWidget(stack_, 1);

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!syncing_) emitForRow(current, false);
            });
    // A click on the row that is already current moves nothing, yet the user asked for it
    // (the waterfall may have moved on since).
    connect(view_, &QTreeView::clicked, this,
            [this](const QModelIndex& index) { emitForRow(index, false); });
    connect(view_, &QTreeView::activated, this,
            [this](const QModelIndex& index) { emitForRow(index, true); });
    connect(proxy_, &QAbstractItemModel::modelReset, this, &SuspectsPanel::fitColumns);
    setTrace(nullptr);
}

QSize SuspectsPanel::sizeHint() const {
    const int row = view_->fontMetrics().height() + 8;
    return {QWidget::sizeHint().width(), title_->sizeHint().height() +
                                             view_->header()->sizeHint().height() +
                                             row * kPreferredRows + 12};
}

void SuspectsPanel::setTrace(std::shared_ptr<const Trace> trace) {
    trace_ = std::move(trace);
    model_->setRanking(trace_, nullptr);
    showPlaceholder(trace_ ? tr("Ranking suspects…") : tr("No trace"));
    updateTitle();
}

void SuspectsPanel::setRanking(std::shared_ptr<const Ranking> ranking) {
    if (!trace_) return;
    model_->setRanking(trace_, std::move(ranking));
    if (model_->rowCount() == 0)
        showPlaceholder(tr("No suspects: no span failed and no span stands out"));
    else
        stack_->setCurrentWidget(view_);
    updateTitle();
}

void SuspectsPanel::setFailed(const QString& message) {
    model_->setRanking(trace_, nullptr);
    showPlaceholder(tr("Could not rank the suspects: %1").arg(message));
    updateTitle();
}

void SuspectsPanel::showPlaceholder(const QString& text) {
    placeholder_->setText(text);
    stack_->setCurrentWidget(placeholder_);
}

QString SuspectsPanel::placeholderText() const {
    return stack_->currentWidget() == placeholder_ ? placeholder_->text() : QString();
}

void SuspectsPanel::updateTitle() {
    const int n = model_->rowCount();
    title_->setText(n > 0 ? tr("Suspects (%1)").arg(QLocale().toString(n)) : tr("Suspects"));
}

void SuspectsPanel::fitColumns() {
    // Two digits' room more, so the centred numbers stand apart from their neighbours.
    const int gap = view_->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 2;
    for (int column : {int(SuspectsModel::RankColumn), int(SuspectsModel::ScoreColumn)}) {
        view_->resizeColumnToContents(column);
        view_->setColumnWidth(column, view_->columnWidth(column) + gap);
    }
    const std::pair<int, int> capped[] = {{SuspectsModel::SpanColumn, kMaxSpanColumn},
                                          {SuspectsModel::ServiceColumn, kMaxServiceColumn}};
    for (const auto& [column, cap] : capped) {
        view_->resizeColumnToContents(column);
        view_->setColumnWidth(column, std::min(view_->columnWidth(column), cap));
    }
}

void SuspectsPanel::setCurrentSpan(int32_t span) {
    const int row = model_->rowOfSpan(span);
    const QModelIndex index =
        row >= 0 ? proxy_->mapFromSource(model_->index(row, 0)) : QModelIndex();
    if (index == view_->currentIndex()) return;
    syncing_ = true;
    if (index.isValid()) {
        view_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(index);
    } else {
        view_->selectionModel()->clear();
    }
    syncing_ = false;
}

void SuspectsPanel::emitForRow(const QModelIndex& viewIndex, bool activate) {
    const QModelIndex source = proxy_->mapToSource(viewIndex);
    if (!source.isValid()) return;
    const quint32 span = model_->spanAt(source.row());
    qCDebug(lcView) << "suspects: picked rank" << source.row() + 1 << "span" << span
                    << (activate ? "(activated)" : "");
    if (activate)
        emit spanActivated(span);
    else
        emit spanSelected(span);
}

void SuspectsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The swatches and badges follow the palette (lighter on a dark theme): repaint them.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        view_->viewport()->update();
    if (event->type() == QEvent::FontChange) fitColumns();
}

}  // namespace rootline::ui
