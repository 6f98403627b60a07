#include "waterfall/minimap_image.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace rootline::ui {

namespace {

QRgb blend(QColor under, const QColor& over, double alpha) {
    alpha = std::clamp(alpha, 0.0, 1.0);
    return qRgb(static_cast<int>(under.red() + (over.red() - under.red()) * alpha),
                static_cast<int>(under.green() + (over.green() - under.green()) * alpha),
                static_cast<int>(under.blue() + (over.blue() - under.blue()) * alpha));
}

// Few rows: each is a bar of its own in its service colour (errors red), like Jaeger's span
// graph.
void drawBars(QImage& image, const Trace& trace, const TreeRows& rows, const MinimapStyle& style,
              double xScale) {
    QPainter p(&image);
    const double rowH = static_cast<double>(image.height()) / static_cast<double>(rows.rowCount());
    for (size_t r = 0; r < rows.rowCount(); ++r) {
        const uint32_t s = rows.spanAt(r);
        const double x0 = static_cast<double>(trace.start[s] - trace.startNs) * xScale;
        const double w =
            std::max(1.0, static_cast<double>(std::max<int64_t>(0, trace.duration[s])) * xScale);
        const QColor c = trace.isError(s) ? style.error : (*style.serviceColors)[trace.service[s]];
        p.fillRect(QRectF(x0, r * rowH + rowH * 0.15, w, std::max(1.0, rowH * 0.7)), c);
    }
}

}  // namespace

QImage renderMinimap(const Trace& trace, const TreeRows& rows, QSize pixels,
                     const MinimapStyle& style) {
    const int w = std::max(1, pixels.width());
    const int h = std::max(1, pixels.height());
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(style.background);
    const size_t n = rows.rowCount();
    if (n == 0) return image;
    const double duration = static_cast<double>(std::max<int64_t>(1, trace.durationNs()));
    const double xScale = (w - 1) / duration;
    // Up to four rows per pixel line, bars in service colours still read well (later rows overdraw
    // earlier ones by a fraction of a pixel); beyond that only a density shows the shape.
    if (style.serviceColors && n <= static_cast<size_t>(h) * 4) {
        drawBars(image, trace, rows, style, xScale);
        return image;
    }
    // Per image line, +1 where a span starts and -1 after it ends; prefix sums give coverage.
    const size_t stride = static_cast<size_t>(w) + 1;
    std::vector<int32_t> density(stride * static_cast<size_t>(h), 0);
    std::vector<int32_t> errors(stride * static_cast<size_t>(h), 0);
    for (size_t r = 0; r < n; ++r) {
        const uint32_t s = rows.spanAt(r);
        const size_t y =
            std::min<size_t>(static_cast<size_t>(h) - 1, r * static_cast<size_t>(h) / n);
        const double start = static_cast<double>(trace.start[s] - trace.startNs);
        const double end = start + static_cast<double>(std::max<int64_t>(0, trace.duration[s]));
        const auto x0 = static_cast<size_t>(std::clamp(start * xScale, 0.0, double(w - 1)));
        const auto x1 = static_cast<size_t>(std::clamp(end * xScale, 0.0, double(w - 1))) + 1;
        auto& line = trace.isError(s) ? errors : density;
        line[y * stride + x0] += 1;
        line[y * stride + x1] -= 1;
    }
    // Log scale: one span must show, and a line of 20,000 must not look like one of 200.
    const double rowsPerLine = std::max(1.0, static_cast<double>(n) / h);
    const double norm = 1.0 / std::log2(1.0 + rowsPerLine);
    for (int y = 0; y < h; ++y) {
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(y));
        int32_t d = 0, e = 0;
        for (int x = 0; x < w; ++x) {
            d += density[static_cast<size_t>(y) * stride + static_cast<size_t>(x)];
            e += errors[static_cast<size_t>(y) * stride + static_cast<size_t>(x)];
            if (e > 0)
                out[x] = style.error.rgb();
            else if (d > 0)
                out[x] =
                    blend(style.background, style.ink, 0.35 + 0.65 * std::log2(1.0 + d) * norm);
        }
    }
    return image;
}

}  // namespace rootline::ui
