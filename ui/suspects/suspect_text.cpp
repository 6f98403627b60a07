#include "suspects/suspect_text.h"

#include <QLocale>
#include <cmath>

namespace rootline::ui {

QString suspectScoreText(double score) {
    return QLocale().toString(score, 'f', 1);
}

QString suspectPointsText(double points) {
    const QString number = QLocale().toString(std::abs(points), 'f', 1);
    return (points < 0 ? QChar(0x2212) : QChar(u'+')) + number;
}

}  // namespace rootline::ui
