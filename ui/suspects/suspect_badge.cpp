#include "suspects/suspect_badge.h"

#include <QFontMetrics>
#include <algorithm>

#include "colors.h"

namespace rootline::ui {

namespace {

constexpr int kPadding = 8;       // around the digits, both sides together
constexpr double kMaxRadius = 5;  // a pill, but not a sausage for "12"

QFont boldOf(QFont font) {
    font.setBold(true);
    return font;
}

}  // namespace

int suspectBadgeWidth(const QFont& font, uint32_t rank, int height) {
    const QFontMetrics fm(boldOf(font));
    return std::max(height, fm.horizontalAdvance(QString::number(rank)) + kPadding);
}

void drawSuspectBadge(QPainter& p, const QRectF& r, uint32_t rank, const QPalette& palette) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(suspectBadgeColor(palette));
    const double radius = std::min(kMaxRadius, r.height() / 2);
    p.drawRoundedRect(r, radius, radius);
    p.setFont(boldOf(p.font()));
    p.setPen(Qt::white);
    p.drawText(r, Qt::AlignCenter, QString::number(rank));
    p.restore();
}

}  // namespace rootline::ui
