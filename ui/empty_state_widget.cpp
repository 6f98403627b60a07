#include "empty_state_widget.h"

#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rootline::ui {

namespace {
constexpr int kColumnWidth = 560;
constexpr int kIconSize = 96;
}  // namespace

EmptyStateWidget::EmptyStateWidget(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), hint_(new QLabel(this)) {
    auto* icon = new QLabel(this);
    const QIcon appIcon = QGuiApplication::windowIcon();
    if (!appIcon.isNull()) {
        icon->setPixmap(appIcon.pixmap(kIconSize, kIconSize));
        icon->setMinimumHeight(kIconSize);
    }
    icon->setAlignment(Qt::AlignCenter);

    title_->setObjectName(QStringLiteral("emptyTitle"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    title_->setAlignment(Qt::AlignCenter);

    hint_->setObjectName(QStringLiteral("emptyHint"));
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setTextFormat(Qt::PlainText);

    auto* formats = new QLabel(
        tr("Reads Jaeger JSON, OTLP JSON (also from Tempo) and Zipkin JSON files."), this);
    formats->setAlignment(Qt::AlignCenter);
    formats->setWordWrap(true);
    formats->setEnabled(false);  // the disabled palette gives the quieter grey

    auto* open = new QPushButton(tr("Open File…"), this);
    open->setObjectName(QStringLiteral("emptyOpenButton"));
    connect(open, &QPushButton::clicked, this, &EmptyStateWidget::openRequested);

    // A fixed-width column: word-wrapped labels only get the right height when their layout
    // hands them a definite width (an aligned label in a wide layout is sized to one line).
    auto* column = new QWidget(this);
    column->setFixedWidth(kColumnWidth);
    QSizePolicy policy = column->sizePolicy();
    policy.setHeightForWidth(true);  // so the outer layout asks how tall the wrapped text is
    column->setSizePolicy(policy);
    auto* inner = new QVBoxLayout(column);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(icon);
    inner->addWidget(title_);
    inner->addSpacing(8);
    inner->addWidget(hint_);
    inner->addWidget(formats);
    inner->addSpacing(12);
    inner->addWidget(open, 0, Qt::AlignHCenter);

    // Centred by stretches, not by an alignment flag: an aligned item is sized from its
    // sizeHint() and would ignore the wrapped labels' height-for-width.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    showWelcome();
}

void EmptyStateWidget::showWelcome() {
    title_->setText(tr("No trace loaded"));
    hint_->setText(
        tr("Open a trace file with File › Open… (Ctrl+O), drop one onto this window, or start "
           "Rootline with the file: rootline FILE"));
}

void EmptyStateWidget::showNoTraces(const QString& fileName) {
    title_->setText(tr("%1 holds no traces").arg(fileName));
    hint_->setText(
        tr("The file was read, but it contains no spans. Open another file with "
           "File › Open… (Ctrl+O) or drop one onto this window."));
}

QString EmptyStateWidget::title() const {
    return title_->text();
}

}  // namespace rootline::ui
