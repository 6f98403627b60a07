#pragma once
// Time ↔ pixel mapping for the waterfall, and zoom/pan within a trace's time range.
//
// One small pure unit, as in Qt Creator's timeline, so degenerate cases are tested in one
// place: a zero-length trace, a zero-width view, zooming past the finest useful scale.
// Times are ns relative to the trace start, held as doubles: a trace spans at most a few days,
// well inside a double's exact integer range.

#include <cstdint>

namespace rootline {

class TimeScale {
public:
    // The smallest window the view zooms to: 100 ns across the whole width.
    static constexpr double kMinWindowNs = 100.0;

    // `traceDurationNs` may be zero or negative (broken input): it is treated as 1 µs.
    explicit TimeScale(double traceDurationNs = 0, double widthPx = 0);

    void setWidth(double widthPx);
    void setTraceDuration(double ns);

    double toX(double timeNs) const;
    double toTime(double x) const;
    // Width in pixels of an interval; at least `minPx` so a short span stays visible.
    double widthOf(double durationNs, double minPx = 1.0) const;

    double viewStart() const { return start_; }
    double viewEnd() const { return end_; }
    double viewDuration() const { return end_ - start_; }
    double traceDuration() const { return trace_; }
    double width() const { return width_; }
    bool isWholeTrace() const { return start_ <= 0 && end_ >= trace_; }

    // Shows [startNs, endNs] (clamped to the trace, at least kMinWindowNs wide).
    void setView(double startNs, double endNs);
    void reset() { setView(0, trace_); }
    // Zooms by `factor` (> 1 zooms in) keeping the time under pixel `anchorX` in place.
    void zoom(double factor, double anchorX);
    // Moves the view by `dx` pixels (positive moves to later times).
    void pan(double dx);

private:
    double trace_ = 1000.0;
    double width_ = 0;
    double start_ = 0;
    double end_ = 1000.0;
};

}  // namespace rootline
