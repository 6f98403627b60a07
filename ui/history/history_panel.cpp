#include "history/history_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "explain/background_call.h"
#include "history/history_jobs.h"
#include "history/history_model.h"

namespace rootline::ui {

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent), model_(new HistoryModel(this)), view_(new QTableView(this)) {
    setObjectName(QStringLiteral("historyPanel"));
    view_->setObjectName(QStringLiteral("historyView"));
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setToolTip(tr("Double-click an investigation to show its verdict again"));
    connect(view_, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = model_->idAt(index.row())) emit investigationActivated(id);
    });

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("historyStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chain_ = new QLabel(this);
    chain_->setObjectName(QStringLiteral("historyChain"));
    chain_->setWordWrap(true);
    chain_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* reload = new QPushButton(tr("Refresh"), this);
    reload->setObjectName(QStringLiteral("historyRefresh"));
    connect(reload, &QPushButton::clicked, this, &HistoryPanel::load);
    verify_ = new QPushButton(tr("Verify Audit Chain"), this);
    verify_->setObjectName(QStringLiteral("historyVerify"));
    verify_->setToolTip(
        tr("Check that no recorded investigation was changed, removed or reordered"));
    connect(verify_, &QPushButton::clicked, this, &HistoryPanel::verifyChain);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(status_, 1);
    buttons->addWidget(reload);
    buttons->addWidget(verify_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(view_, 1);
    layout->addWidget(chain_);
    chain_->hide();
}

void HistoryPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Lazily: a user who never looks at the history never opens the database from here.
    if (!shownOnce_) {
        shownOnce_ = true;
        load();
    }
}

void HistoryPanel::refresh() {
    if (shownOnce_) load();
}

void HistoryPanel::load() {
    shownOnce_ = true;
    loading_ = true;
    const quint64 generation = ++generation_;
    status_->setText(tr("Reading the history…"));
    runInBackground(
        this, [path = path_] { return listHistory(path); },
        [this, generation](const HistoryList& list) {
            if (generation != generation_) return;
            loading_ = false;
            if (!list.error.isEmpty()) {
                model_->setRows({});
                status_->setText(
                    tr("The history cannot be opened: %1. Explaining still works; runs are "
                       "not recorded.")
                        .arg(list.error));
            } else {
                model_->setRows(list.rows);
                status_->setText(
                    tr("%n investigation(s) in %1", nullptr, int(list.rows.size())).arg(list.path));
                view_->resizeColumnsToContents();
            }
            emit loaded();
        });
}

void HistoryPanel::verifyChain() {
    verifying_ = true;
    verify_->setEnabled(false);
    chain_->show();
    chain_->setText(tr("Checking the audit chain…"));
    runInBackground(
        this, [path = path_] { return verifyHistory(path); },
        [this](const HistoryCheck& result) {
            verifying_ = false;
            verify_->setEnabled(true);
            if (!result.error.isEmpty())
                chain_->setText(tr("The history cannot be opened: %1").arg(result.error));
            else if (result.check.ok)
                chain_->setText(tr("Audit chain intact: %n record(s); newest hash %1", nullptr,
                                   int(result.check.records))
                                    .arg(QString::fromStdString(result.check.headHash)));
            else
                chain_->setText(tr("Audit chain BROKEN at record %1: %2")
                                    .arg(result.check.firstBroken)
                                    .arg(QString::fromStdString(result.check.message)));
            emit verified();
        });
}

}  // namespace rootline::ui
