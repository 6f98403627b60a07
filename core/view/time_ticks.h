#pragma once
// Where the time ruler puts its ticks: a round step (1, 2 or 5 × 10^k ns) so labels read
// "0, 20 ms, 40 ms…", at least `minSpacingPx` apart so they never overlap.

#include <string>
#include <vector>

#include "view/time_scale.h"

namespace rootline {

struct TimeTicks {
    double stepNs = 0;
    std::vector<double> times;  // ns from the trace start, inside the view, ascending
};

// The smallest 1-2-5 step whose ticks are at least `minSpacingPx` apart. A step below 1 ns is
// never chosen (the model counts whole ns). Empty for a zero-width scale.
double tickStep(double viewDurationNs, double widthPx, double minSpacingPx);
TimeTicks timeTicks(const TimeScale& scale, double minSpacingPx);

// A tick's label with just enough decimals to tell neighbours `stepNs` apart: "0", "50 ms",
// "12.345 ms" (zoomed in to 1 µs steps), "1.5 s". The unit follows the tick's own size, so a
// ruler reads 990 µs, 1 ms, 1.01 ms — not three labels rounded to "1 ms".
std::string tickLabel(double timeNs, double stepNs);

}  // namespace rootline
