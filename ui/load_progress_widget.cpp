#include "load_progress_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace rootline::ui {

namespace {
constexpr int kSteps = 1000;
}

LoadProgressWidget::LoadProgressWidget(QWidget* parent)
    : QWidget(parent),
      label_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel"), this)) {
    bar_->setObjectName(QStringLiteral("loadProgressBar"));
    bar_->setFixedWidth(200);
    cancel_->setObjectName(QStringLiteral("loadCancelButton"));
    cancel_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    cancel_->setToolTip(tr("Stop loading and keep what is shown (Esc)"));
    connect(cancel_, &QPushButton::clicked, this, &LoadProgressWidget::cancelRequested);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
}

void LoadProgressWidget::begin(const QString& fileName) {
    label_->setText(tr("Loading %1…").arg(fileName));
    // Busy until the first report: the core reads the whole file before it can measure progress.
    bar_->setRange(0, 0);
    cancel_->setEnabled(true);
    cancel_->setText(tr("Cancel"));
}

void LoadProgressWidget::beginFetch(const QString& what) {
    begin(QString());
    // Servers rarely say how long a trace is: busy until it has arrived.
    label_->setText(tr("Fetching %1…").arg(what));
}

void LoadProgressWidget::setFraction(double fraction) {
    if (bar_->maximum() == 0) bar_->setRange(0, kSteps);
    bar_->setValue(int(fraction * kSteps));
}

void LoadProgressWidget::setCancelling() {
    cancel_->setEnabled(false);
    cancel_->setText(tr("Cancelling…"));
}

int LoadProgressWidget::value() const {
    return bar_->maximum() == 0 ? -1 : bar_->value();
}

}  // namespace rootline::ui
