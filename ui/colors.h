#pragma once
// Colours that carry a meaning, in one place so that "red" means the same in every view.

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace rootline::ui {

// Text of a non-zero error count (trace list, details header, services table): the red of
// every trace viewer. tests/e2e looks for the light one in the screenshots. On a dark theme's
// Base that red is too dark to read (contrast under 3:1), so a lighter red stands in.
inline QColor errorTextColor(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x6b, 0x6b)
                                                           : QColor(0xc0, 0x1c, 0x28);
}

inline QColor errorTextColor() {
    return errorTextColor(QGuiApplication::palette());
}

// The rank badges of suspects (waterfall, suspects list, span details): a violet that no
// service colour, error red, warning amber or find yellow comes near, with white digits. On a
// dark Base the violet is lighter, so the badge stands out from the background as much as on a
// light one, and the white digits keep a contrast above 4:1.
inline QColor suspectBadgeColor(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0x8b, 0x5c, 0xf6)
                                                           : QColor(0x6f, 0x42, 0xc1);
}

inline QColor suspectBadgeColor() {
    return suspectBadgeColor(QGuiApplication::palette());
}

// The critical path drawn through the bars: Jaeger UI's black strip, a little translucent so
// the service colour still shows at its edges.
inline QColor criticalPathColor() {
    return QColor(0, 0, 0, 200);
}

}  // namespace rootline::ui
