#pragma once
// Colours that carry a meaning, in one place so that "red" means the same in every view.

#include <QColor>

namespace rootline::ui {

// Text of a non-zero error count (trace list, details header, services table): the red of
// every trace viewer. tests/e2e looks for this exact colour in the screenshots.
inline QColor errorTextColor() {
    return QColor(0xc0, 0x1c, 0x28);
}

}  // namespace rootline::ui
