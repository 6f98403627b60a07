#include "view/time_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rootline {

double tickStep(double viewDurationNs, double widthPx, double minSpacingPx) {
    if (!(widthPx > 0) || !(viewDurationNs > 0) || !std::isfinite(viewDurationNs)) return 0;
    const double minStep = std::max(1.0, viewDurationNs * std::max(1.0, minSpacingPx) / widthPx);
    double decade = std::pow(10.0, std::floor(std::log10(minStep)));
    for (;;) {
        for (double m : {1.0, 2.0, 5.0})
            if (m * decade >= minStep) return m * decade;
        decade *= 10;
    }
}

TimeTicks timeTicks(const TimeScale& scale, double minSpacingPx) {
    TimeTicks ticks;
    ticks.stepNs = tickStep(scale.viewDuration(), scale.width(), minSpacingPx);
    if (ticks.stepNs <= 0) return ticks;
    const double first = std::ceil(scale.viewStart() / ticks.stepNs) * ticks.stepNs;
    // The step keeps ticks ≥ minSpacingPx apart, so there are at most width / spacing + 1.
    for (double t = first; t <= scale.viewEnd() + ticks.stepNs * 1e-9; t += ticks.stepNs)
        ticks.times.push_back(t);
    return ticks;
}

std::string tickLabel(double t, double step) {
    if (std::abs(t) < step * 1e-6 || !std::isfinite(t)) return "0";
    const double magnitude = std::abs(t);
    double unit = 1;
    const char* name = "ns";
    if (magnitude >= 1e9) {
        unit = 1e9;
        name = "s";
    } else if (magnitude >= 1e6) {
        unit = 1e6;
        name = "ms";
    } else if (magnitude >= 1e3) {
        unit = 1e3;
        name = "µs";
    }
    // Decimals so that one step changes the last digit shown.
    const int decimals =
        step > 0 ? std::clamp(static_cast<int>(std::ceil(std::log10(unit / step) - 1e-9)), 0, 9)
                 : 0;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f %s", decimals, t / unit, name);
    return buf;
}

}  // namespace rootline
