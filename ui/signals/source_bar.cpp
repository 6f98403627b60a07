#include "signals/source_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "colors.h"

namespace rootline::ui {

SourceBar::SourceBar(QWidget* parent)
    : QWidget(parent),
      leading_(new QHBoxLayout),
      connections_(new QComboBox(this)),
      refresh_(new QPushButton(tr("Refresh"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      status_(new QLabel(this)),
      trailing_(new QHBoxLayout) {
    connections_->setObjectName(QStringLiteral("signalConnection"));
    connections_->setToolTip(tr("The connection to ask"));
    connections_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    refresh_->setObjectName(QStringLiteral("signalRefresh"));
    refresh_->setToolTip(tr("Ask the server again"));
    cancel_->setObjectName(QStringLiteral("signalCancel"));
    status_->setObjectName(QStringLiteral("signalStatus"));
    // One line whatever happens: a long server message is cut, and whole in the tooltip.
    status_->setWordWrap(false);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    status_->setMinimumWidth(0);

    leading_->setContentsMargins(0, 0, 0, 0);
    trailing_->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addLayout(leading_, 1);
    top->addWidget(connections_);
    top->addWidget(refresh_);
    top->addWidget(cancel_);
    top->addLayout(trailing_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(status_);

    connect(refresh_, &QPushButton::clicked, this, &SourceBar::refreshRequested);
    connect(cancel_, &QPushButton::clicked, this, &SourceBar::cancelRequested);
    connect(connections_, &QComboBox::activated, this,
            [this](int index) { emit connectionChosen(connections_->itemText(index)); });
    setConnections({});
    setBusy(false);
}

void SourceBar::addLeading(QWidget* widget, int stretch) {
    leading_->addWidget(widget, stretch);
}

void SourceBar::addTrailing(QWidget* widget) {
    trailing_->addWidget(widget);
}

void SourceBar::setConnections(const QStringList& names) {
    const QString current = currentConnection();
    connections_->clear();
    connections_->addItems(names);
    if (names.contains(current)) connections_->setCurrentText(current);
    connections_->setVisible(names.size() > 1);
    refresh_->setVisible(!names.isEmpty());
}

QString SourceBar::currentConnection() const {
    return connections_->currentText();
}

void SourceBar::selectConnection(const QString& name) {
    const int index = connections_->findText(name);
    if (index >= 0) connections_->setCurrentIndex(index);
}

void SourceBar::setBusy(bool busy) {
    cancel_->setVisible(busy);
    refresh_->setEnabled(!busy);
}

void SourceBar::showBusy(const QString& text) {
    setBusy(true);
    status_->setForegroundRole(QPalette::WindowText);
    status_->setPalette(palette());
    statusText_ = text;
    showElided();
    status_->show();
}

void SourceBar::showStatus(const QString& text, Tone tone) {
    setBusy(false);
    QPalette p = palette();
    if (tone == Tone::Error) p.setColor(QPalette::WindowText, errorTextColor(p));
    if (tone == Tone::Muted) p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    status_->setPalette(p);
    statusText_ = text;
    showElided();
    status_->setVisible(!text.isEmpty());
}

QString SourceBar::statusText() const {
    return statusText_;
}

void SourceBar::showElided() {
    const int width = status_->width() > 20 ? status_->width() : this->width();
    status_->setText(status_->fontMetrics().elidedText(statusText_, Qt::ElideRight, width));
    status_->setToolTip(statusText_);
}

void SourceBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    showElided();
}

}  // namespace rootline::ui
