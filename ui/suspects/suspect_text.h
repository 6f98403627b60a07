#pragma once
// Numbers of the suspect ranking as the suspects list and the span details write them, in the
// user's locale, so both say "7.5" (or "7,5") for the same score.

#include <QString>

namespace rootline::ui {

// A score with one decimal: "7.5".
QString suspectScoreText(double score);
// What a reason added, signed: "+5.0", or "−3.5" for a discount (a real minus sign).
QString suspectPointsText(double points);

}  // namespace rootline::ui
