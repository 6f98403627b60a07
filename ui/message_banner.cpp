#include "message_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace rootline::ui {

namespace {

// KDE Breeze's semantic colours: readable on light and dark palettes alike.
QColor accentFor(MessageBanner::Kind kind) {
    switch (kind) {
        case MessageBanner::Kind::Error:
            return QColor(0xda, 0x44, 0x53);
        case MessageBanner::Kind::Warning:
            return QColor(0xf6, 0x74, 0x00);
        case MessageBanner::Kind::Information:
            break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

}  // namespace

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent), icon_(new QLabel(this)), text_(new QLabel(this)) {
    text_->setObjectName(QStringLiteral("bannerText"));
    text_->setTextFormat(Qt::PlainText);
    text_->setWordWrap(true);  // long paths wrap instead of widening the window
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("bannerClose"));
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Hide this message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon_, 0, Qt::AlignTop);
    layout->addWidget(text_, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text, const QString& details) {
    kind_ = kind;
    text_->setText(text);
    setToolTip(details);
    applyKind();
    show();
}

QString MessageBanner::text() const {
    return text_->text();
}

void MessageBanner::applyKind() {
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (kind_ == Kind::Error) icon = QStyle::SP_MessageBoxCritical;
    if (kind_ == Kind::Warning) icon = QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon_->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    update();
}

void MessageBanner::paintEvent(QPaintEvent*) {
    // Painted rather than styled with a style sheet, which would cascade into the children and
    // override the user's palette.
    const QColor accent = accentFor(kind_);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(accent, 1));
    painter.setBrush(mix(palette().color(QPalette::Window), accent, 0.2));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

}  // namespace rootline::ui
