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

}  // namespace rootline::ui
