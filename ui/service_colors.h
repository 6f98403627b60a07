#pragma once
// One colour per service, the same in the waterfall, the minimap and the service legend.
//
// Colours go by the service's index in Trace::services (order of first appearance), so the
// first 20 services of a trace are always told apart; a hash of the name would collide among as
// few as five. On a dark palette the colours are lightened so bars keep their contrast.

#include <QColor>
#include <QPalette>
#include <cstdint>

namespace rootline::ui {

QColor serviceColor(uint32_t serviceIndex, const QPalette& palette);

// True when the palette's window is dark (a dark theme), judged by its lightness.
bool isDarkPalette(const QPalette& palette);

}  // namespace rootline::ui
