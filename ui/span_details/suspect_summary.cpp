#include "span_details/suspect_summary.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

#include "colors.h"
#include "suspects/suspect_text.h"

namespace rootline::ui {

namespace {

constexpr int kAccentWidth = 3;
constexpr double kTint = 0.10;  // of the badge's violet in the background

}  // namespace

SuspectSummary::SuspectSummary(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("suspectSummary"));
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("suspectTitle"));
    title_->setTextFormat(Qt::PlainText);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    reasons_ = new QLabel(this);
    reasons_->setObjectName(QStringLiteral("suspectReasons"));
    reasons_->setTextFormat(Qt::PlainText);
    reasons_->setWordWrap(true);
    reasons_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kAccentWidth + 8, 4, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(title_);
    layout->addWidget(reasons_);
    hide();
}

void SuspectSummary::showSpan(const Ranking* ranking, uint32_t span) {
    const uint32_t rank =
        ranking && span < ranking->rankOfSpan.size() ? ranking->rankOfSpan[span] : 0;
    if (rank == 0 || rank > ranking->suspects.size()) {
        clear();
        return;
    }
    const Suspect& s = ranking->suspects[rank - 1];
    title_->setText(tr("Suspect #%1 — score %2").arg(rank).arg(suspectScoreText(s.score)));
    QStringList lines;
    for (const SuspectReason& r : s.reasons)
        lines << QStringLiteral("%1  %2").arg(suspectPointsText(r.points),
                                              QString::fromStdString(r.text));
    if (s.similar.size() == 1)
        lines << tr("Ranked together with 1 similar span");
    else if (!s.similar.empty())
        lines << tr("Ranked together with %1 similar spans")
                     .arg(QLocale().toString(qulonglong(s.similar.size())));
    reasons_->setText(lines.join(QLatin1Char('\n')));
    reasons_->setVisible(!lines.isEmpty());
    show();
}

void SuspectSummary::clear() {
    title_->clear();
    reasons_->clear();
    hide();
}

QString SuspectSummary::title() const {
    return isHidden() ? QString() : title_->text();
}

QString SuspectSummary::reasons() const {
    return isHidden() ? QString() : reasons_->text();
}

void SuspectSummary::paintEvent(QPaintEvent*) {
    // Painted rather than styled with a style sheet, which would cascade into the labels and
    // override the user's palette (as MessageBanner does).
    QPainter p(this);
    const QColor accent = suspectBadgeColor(palette());
    const QColor base = palette().color(QPalette::Base);
    const QColor tint =
        QColor::fromRgbF(float(base.redF() * (1 - kTint) + accent.redF() * kTint),
                         float(base.greenF() * (1 - kTint) + accent.greenF() * kTint),
                         float(base.blueF() * (1 - kTint) + accent.blueF() * kTint));
    p.fillRect(rect(), tint);
    p.fillRect(QRect(0, 0, kAccentWidth, height()), accent);
}

}  // namespace rootline::ui
