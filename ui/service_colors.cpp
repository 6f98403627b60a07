#include "service_colors.h"

#include <array>

namespace rootline::ui {

namespace {

// Tableau 20 reordered so neighbours differ in hue first: the strong tones, then the light.
constexpr std::array<QRgb, 20> kColors = {
    0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, 0xedc948, 0xff9da7,
    0x9c755f, 0xbab0ac, 0x499894, 0x86bcb6, 0xd37295, 0x8cd17d, 0xa0cbe8,
    0xffbe7d, 0xb6992d, 0xf1ce63, 0xd4a6c8, 0xfabfd2, 0x79706e,
};

}  // namespace

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor serviceColor(uint32_t serviceIndex, const QPalette& palette) {
    QColor c = QColor::fromRgb(kColors[serviceIndex % kColors.size()]);
    // Past the table, vary the lightness so service 0 and service 20 still differ.
    const uint32_t round = serviceIndex / kColors.size();
    if (round % 2 == 1) c = c.darker(130);
    if (isDarkPalette(palette)) c = c.lighter(115);
    return c;
}

}  // namespace rootline::ui
