#include "view/time_scale.h"

#include <algorithm>
#include <cmath>

namespace rootline {

namespace {
double sane(double ns) {
    return std::isfinite(ns) && ns > 0 ? ns : 1000.0;
}
}  // namespace

TimeScale::TimeScale(double traceDurationNs, double widthPx) {
    trace_ = sane(traceDurationNs);
    width_ = std::max(0.0, widthPx);
    start_ = 0;
    end_ = trace_;
}

void TimeScale::setWidth(double widthPx) {
    width_ = std::isfinite(widthPx) ? std::max(0.0, widthPx) : 0;
}

void TimeScale::setTraceDuration(double ns) {
    trace_ = sane(ns);
    reset();
}

double TimeScale::toX(double t) const {
    if (width_ <= 0) return 0;
    return (t - start_) * width_ / (end_ - start_);
}

double TimeScale::toTime(double x) const {
    if (width_ <= 0) return start_;
    return start_ + x * (end_ - start_) / width_;
}

double TimeScale::widthOf(double durationNs, double minPx) const {
    if (width_ <= 0) return 0;
    return std::max(minPx, std::max(0.0, durationNs) * width_ / (end_ - start_));
}

void TimeScale::setView(double startNs, double endNs) {
    if (!std::isfinite(startNs) || !std::isfinite(endNs)) return reset();
    if (endNs < startNs) std::swap(startNs, endNs);
    const double minWindow = std::min(kMinWindowNs, trace_);
    if (endNs - startNs < minWindow) {
        const double mid = (startNs + endNs) / 2;
        startNs = mid - minWindow / 2;
        endNs = mid + minWindow / 2;
    }
    // Keep the window inside the trace, sliding rather than shrinking it.
    const double window = std::min(endNs - startNs, trace_);
    startNs = std::clamp(startNs, 0.0, trace_ - window);
    start_ = startNs;
    end_ = startNs + window;
}

void TimeScale::zoom(double factor, double anchorX) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const double anchor = toTime(std::clamp(anchorX, 0.0, width_));
    const double window = viewDuration() / factor;
    const double ratio = width_ > 0 ? std::clamp(anchorX, 0.0, width_) / width_ : 0.5;
    setView(anchor - window * ratio, anchor - window * ratio + window);
}

void TimeScale::pan(double dx) {
    if (width_ <= 0 || !std::isfinite(dx)) return;
    const double shift = dx * viewDuration() / width_;
    setView(start_ + shift, end_ + shift);
}

}  // namespace rootline
