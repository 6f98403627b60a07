#include "trace_view/service_legend.h"

#include <QActionGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "logging.h"
#include "trace_view/service_legend_columns.h"
#include "trace_view/service_legend_model.h"

namespace rootline::ui {

namespace {

// Wide enough for "summarizer-agent" and two short counts; longer names are cut with "…".
constexpr int kPreferredWidth = 220;

QString number(qulonglong n) {
    return QLocale().toString(n);
}

}  // namespace

ServiceLegend::ServiceLegend(QWidget* parent)
    : QWidget(parent),
      model_(new ServiceLegendModel(this)),
      columns_(new ServiceLegendColumns(model_, this)),
      proxy_(new QSortFilterProxyModel(this)) {
    proxy_->setSourceModel(columns_);
    proxy_->setSortRole(ServiceLegendColumns::SortRole);

    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("legendTitle"));
    title_->setTextFormat(Qt::PlainText);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);

    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("legendView"));
    view_->setModel(proxy_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAllColumnsShowFocus(true);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setHeaderHidden(true);
    QHeaderView* header = view_->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(8);
    header->setSectionResizeMode(ServiceLegendColumns::ServiceColumn, QHeaderView::Stretch);
    // Sized to the numbers on each new trace (fitCountColumns): ResizeToContents would also
    // make room for the hidden header's captions.
    header->setSectionResizeMode(ServiceLegendColumns::SpansColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ServiceLegendColumns::ErrorsColumn, QHeaderView::Fixed);

    sortMenu_ = createSortMenu();
    sort_ = new QToolButton(this);
    sort_->setObjectName(QStringLiteral("legendSort"));
    sort_->setText(tr("Sort"));
    sort_->setToolTip(tr("Order of the services in this list"));
    sort_->setAutoRaise(true);
    sort_->setPopupMode(QToolButton::InstantPopup);
    sort_->setMenu(sortMenu_);

    auto* titleLine = new QHBoxLayout;
    titleLine->setContentsMargins(0, 0, 0, 0);
    titleLine->addWidget(title_, 1);
    titleLine->addWidget(sort_);

    showAll_ = new QPushButton(tr("Show all"), this);
    showAll_->setObjectName(QStringLiteral("legendShowAll"));
    showAll_->setToolTip(tr("Show the spans of every service"));
    showOnly_ = new QPushButton(tr("Only this"), this);
    showOnly_->setObjectName(QStringLiteral("legendShowOnly"));
    showOnly_->setToolTip(
        tr("Show only the spans of the selected service (double-click a service for the same)"));

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    buttons->addWidget(showAll_);
    buttons->addWidget(showOnly_);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(titleLine);
    layout->addWidget(view_, 1);
    layout->addLayout(buttons);

    connect(showAll_, &QPushButton::clicked, model_, &ServiceLegendModel::setAllVisible);
    connect(showOnly_, &QPushButton::clicked, this, [this] {
        if (const int service = currentService(); service >= 0) model_->showOnly(service);
    });
    connect(view_, &QTreeView::doubleClicked, this,
            [this](const QModelIndex& index) { showOnlyOrAll(serviceAt(index)); });
    connect(view_, &QWidget::customContextMenuRequested, this, &ServiceLegend::showContextMenu);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServiceLegend::updateTitleAndButtons);
    connect(model_, &ServiceLegendModel::visibleServicesChanged, this,
            &ServiceLegend::onVisibleServicesChanged);
    connect(model_, &QAbstractItemModel::modelReset, this, &ServiceLegend::updateTitleAndButtons);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ServiceLegend::fitCountColumns);
    updateTitleAndButtons();
}

void ServiceLegend::setTrace(std::shared_ptr<const Trace> trace) {
    model_->setTrace(std::move(trace));
}

QSize ServiceLegend::sizeHint() const {
    return {kPreferredWidth, QWidget::sizeHint().height()};
}

void ServiceLegend::fitCountColumns() {
    // With the header hidden, QTreeView measures the cells only; two digits' room more keeps
    // "19" and "0" from reading as "190".
    const int gap = view_->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 2;
    for (int column : {ServiceLegendColumns::SpansColumn, ServiceLegendColumns::ErrorsColumn}) {
        view_->resizeColumnToContents(column);
        view_->header()->resizeSection(column, view_->header()->sectionSize(column) + gap);
    }
}

void ServiceLegend::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) fitCountColumns();
    // The swatches follow the palette (lighter on a dark theme): ask the model for them again.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        view_->viewport()->update();
}

QMenu* ServiceLegend::createSortMenu() {
    auto* menu = new QMenu(tr("Sort"), this);
    auto* group = new QActionGroup(menu);
    struct Order {
        const char* name;
        QString text;
        int column;
        Qt::SortOrder order;
    };
    // Names A to Z; counts most first, as one looks for the busiest or failing services.
    const Order orders[] = {
        {"sortByAppearance", tr("Order of appearance"), -1, Qt::AscendingOrder},
        {"sortByName", tr("Name"), ServiceLegendColumns::ServiceColumn, Qt::AscendingOrder},
        {"sortBySpans", tr("Most spans"), ServiceLegendColumns::SpansColumn, Qt::DescendingOrder},
        {"sortByErrors", tr("Most errors"), ServiceLegendColumns::ErrorsColumn,
         Qt::DescendingOrder},
    };
    for (const Order& o : orders) {
        QAction* action = menu->addAction(o.text);
        action->setObjectName(QString::fromLatin1(o.name));
        action->setCheckable(true);
        action->setChecked(o.column == -1);
        group->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, column = o.column, order = o.order] { proxy_->sort(column, order); });
    }
    return menu;
}

int ServiceLegend::serviceAt(const QModelIndex& viewIndex) const {
    if (!viewIndex.isValid()) return -1;
    return proxy_->mapToSource(viewIndex).row();
}

int ServiceLegend::currentService() const {
    return serviceAt(view_->currentIndex());
}

void ServiceLegend::showOnlyOrAll(int service) {
    if (service < 0) return;
    const std::vector<uint8_t> visible = model_->visibleServices();
    const bool alreadyOnly =
        visible[size_t(service)] == 1 && std::count(visible.begin(), visible.end(), 1) == 1;
    qCDebug(lcWindow) << "legend: double-click on service" << service
                      << (alreadyOnly ? "shows all" : "shows only it");
    if (alreadyOnly)
        model_->setAllVisible();
    else
        model_->showOnly(service);
}

void ServiceLegend::showContextMenu(const QPoint& pos) {
    const QModelIndex index = view_->indexAt(pos);
    const int service = serviceAt(index);
    QMenu menu(this);
    if (service >= 0) {
        menu.addAction(tr("Only this service"), this,
                       [this, service] { model_->showOnly(service); });
        const bool shown = model_->visibleServices()[size_t(service)] == 1;
        menu.addAction(shown ? tr("Hide this service") : tr("Show this service"), this,
                       [this, service, shown] {
                           model_->setData(model_->index(service),
                                           shown ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
                       });
        menu.addSeparator();
    }
    QAction* all = menu.addAction(tr("Show all"), model_, &ServiceLegendModel::setAllVisible);
    all->setEnabled(!model_->allVisible());
    menu.addSeparator();
    menu.addMenu(sortMenu_);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

void ServiceLegend::onVisibleServicesChanged() {
    updateTitleAndButtons();
    std::vector<uint8_t> visible = model_->visibleServices();
    if (model_->allVisible()) visible.clear();
    emit visibleServicesChanged(std::move(visible));
}

void ServiceLegend::updateTitleAndButtons() {
    const std::vector<uint8_t> visible = model_->visibleServices();
    const size_t total = visible.size();
    const size_t shown = size_t(std::count(visible.begin(), visible.end(), 1));
    title_->setText(shown == total
                        ? tr("Services (%1)").arg(number(total))
                        : tr("Services (%1 of %2 shown)").arg(number(shown), number(total)));
    showAll_->setEnabled(shown != total);
    showOnly_->setEnabled(currentService() >= 0 && total > 1);
}

}  // namespace rootline::ui
