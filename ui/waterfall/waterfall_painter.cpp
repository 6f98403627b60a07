#include "waterfall/waterfall_painter.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <optional>

#include "colors.h"
#include "suspects/suspect_badge.h"
#include "tracepack/tracepack_origin.h"
#include "util/format.h"
#include "view/time_ticks.h"

namespace rootline::ui {

namespace {

constexpr int kExpander = 12;  // the ▸/▾ box
constexpr int kChip = 4;       // the service colour strip
constexpr int kMarker = 12;    // error/warning/orphan markers at the right of the tree column
constexpr double kTickSpacingPx = 90;
constexpr int kBadgeMargin = 3;  // above and below a rank badge, as the collapsed count's
constexpr int kBadgeGap = 4;     // between a bar's rank badge and its duration

// Qt's raster engine hands any fill or line taller than ~96 device pixels to its GUI thread
// pool in 64-scanline pieces and waits for them (QT_THREAD_PARALLEL_FILLS). On a busy 2-core
// workstation that wait, not the drawing, made the slowest frames: a still repaint took 8 ms
// wall for 6 ms of CPU, and the p99 frame 18 ms. Tall shapes are therefore drawn in strips short
// enough to stay on the GUI thread.
int stripHeight(const QPainter& p) {
    const qreal dpr = p.device() ? p.device()->devicePixelRatio() : 1.0;
    return std::max(8, static_cast<int>(88 / std::max<qreal>(1.0, dpr)));
}

void fillInStrips(QPainter& p, const QRectF& r, const QColor& color) {
    const double step = stripHeight(p);
    for (double y = r.top(); y < r.bottom(); y += step)
        p.fillRect(QRectF(r.left(), y, r.width(), std::min(step, r.bottom() - y)), color);
}

// A vertical line from y0 to y1 (inclusive, as QPainter::drawLine) with the current pen.
void vLineInStrips(QPainter& p, double x, double y0, double y1) {
    const double step = stripHeight(p);
    for (double y = y0; y <= y1; y += step)
        p.drawLine(QPointF(x, y), QPointF(x, std::min(y + step - 1, y1)));
}

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

QColor mutedText(const QPalette& p) {
    QColor c = p.color(QPalette::Text);
    c.setAlphaF(0.6f);
    return c;
}

QColor warningColor() {
    return QColor(0xe5, 0xa5, 0x0a);
}

void drawExpander(QPainter& p, const QRect& r, bool collapsed, const QColor& color) {
    const QPointF c = QRectF(r).center();
    const double s = 3.5;
    QPolygonF tri;
    if (collapsed)
        tri << QPointF(c.x() - s / 2, c.y() - s) << QPointF(c.x() + s, c.y())
            << QPointF(c.x() - s / 2, c.y() + s);
    else
        tri << QPointF(c.x() - s, c.y() - s / 2) << QPointF(c.x() + s, c.y() - s / 2)
            << QPointF(c.x(), c.y() + s);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(tri);
}

// A filled red disc with "!" for an error span; a red ring when only spans below it failed
// (Jaeger's "error in a collapsed subtree" hint).
void drawErrorMarker(QPainter& p, const QRect& r, bool self) {
    const QRectF disc = QRectF(r).adjusted(1.5, 1.5, -1.5, -1.5);
    const QColor red = errorTextColor();
    if (self) {
        p.setPen(Qt::NoPen);
        p.setBrush(red);
        p.drawEllipse(disc);
        p.setPen(QPen(Qt::white, 1.6));
        const double x = disc.center().x();
        p.drawLine(QPointF(x, disc.top() + 2.2), QPointF(x, disc.bottom() - 3.6));
        p.drawPoint(QPointF(x, disc.bottom() - 1.9));
    } else {
        p.setPen(QPen(red, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(disc.adjusted(1, 1, -1, -1));
    }
}

void drawWarningMarker(QPainter& p, const QRect& r) {
    const QRectF b = QRectF(r).adjusted(1, 1.5, -1, -1);
    QPolygonF tri;
    tri << QPointF(b.center().x(), b.top()) << b.bottomRight() << b.bottomLeft();
    p.setPen(Qt::NoPen);
    p.setBrush(warningColor());
    p.drawPolygon(tri);
    p.setPen(QPen(Qt::black, 1.4));
    const double x = b.center().x();
    p.drawLine(QPointF(x, b.top() + 3.5), QPointF(x, b.bottom() - 3.2));
    p.drawPoint(QPointF(x, b.bottom() - 1.5));
}

// An orphan's parent is not in the trace: a dashed line up to nowhere.
void drawOrphanMarker(QPainter& p, const QRect& r, const QColor& color) {
    const QRectF b = QRectF(r).adjusted(2, 1, -2, -1);
    QPen pen(color, 1.4, Qt::DashLine);
    pen.setDashPattern({1.5, 1.5});
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double x = b.center().x();
    p.drawLine(QPointF(x, b.bottom()), QPointF(x, b.top() + 2));
    p.setPen(QPen(color, 1.4));
    p.drawLine(QPointF(x - 3, b.top() + 4), QPointF(x, b.top() + 1));
    p.drawLine(QPointF(x + 3, b.top() + 4), QPointF(x, b.top() + 1));
}

uint32_t suspectRank(const WaterfallFrame& f, uint32_t s) {
    return f.suspectRanks && s < f.suspectRanks->size() ? (*f.suspectRanks)[s] : 0;
}

// The critical sections of span `s` as Jaeger UI draws them: a dark strip through the middle of
// the bar. A span waiting on thousands of short children can have thousands of sections, so
// those on screen are merged per pixel: the fills stay under the bars' width in pixels.
void paintCriticalPath(QPainter& p, const WaterfallFrame& f, uint32_t s, const QRectF& bar,
                       const QRectF& clip) {
    const auto& sections = f.criticalPath->sections;
    auto it =
        std::lower_bound(sections.begin(), sections.end(), s,
                         [](const CriticalSection& c, uint32_t span) { return c.span < span; });
    const Trace& t = *f.trace;
    const double left = f.geometry.barsLeft();
    const double viewStart = static_cast<double>(t.startNs) + f.scale->viewStart();
    const double viewEnd = static_cast<double>(t.startNs) + f.scale->viewEnd();
    const double strip = std::max(2.0, std::round(bar.height() / 3));
    const double y = std::round(bar.center().y() - strip / 2);
    QColor color = criticalPathColor();
    if (f.rows->isContext(s)) color.setAlpha(color.alpha() / 2);  // greyed like its bar
    auto fill = [&](double x0, double x1) {
        const QRectF r = QRectF(x0, y, std::max(1.0, x1 - x0), strip).intersected(clip);
        if (!r.isEmpty()) p.fillRect(r, color);
    };
    double runStart = 0, runEnd = -1;
    for (; it != sections.end() && it->span == s; ++it) {
        if (static_cast<double>(it->endNs) < viewStart) continue;
        if (static_cast<double>(it->startNs) > viewEnd) break;
        const double x0 = left + f.scale->toX(static_cast<double>(it->startNs - t.startNs));
        const double x1 = left + f.scale->toX(static_cast<double>(it->endNs - t.startNs));
        if (runEnd >= runStart && x0 <= runEnd + 1) {
            runEnd = std::max(runEnd, x1);
            continue;
        }
        if (runEnd >= runStart) fill(runStart, runEnd);
        runStart = x0;
        runEnd = x1;
    }
    if (runEnd >= runStart) fill(runStart, runEnd);
}

struct RowColors {
    QColor text, muted, highlight, highlightedText, match, hover, guide;
};

RowColors rowColors(const QPalette& pal) {
    RowColors c;
    c.text = pal.color(QPalette::Text);
    c.muted = mutedText(pal);
    c.highlight = pal.color(QPalette::Highlight);
    c.highlightedText = pal.color(QPalette::HighlightedText);
    c.match = QColor(0xff, 0xc8, 0x00, 70);  // find matches: the marker-pen yellow of browsers
    c.hover = withAlpha(pal.color(QPalette::Highlight), 35);
    c.guide = withAlpha(pal.color(QPalette::Text), 40);
    return c;
}

void paintTreeCell(QPainter& p, const WaterfallFrame& f, size_t row, uint32_t s, int top,
                   bool selected, const RowColors& colors) {
    const Trace& t = *f.trace;
    const WaterfallGeometry& g = f.geometry;
    const int h = g.rowHeight;
    const uint32_t depth = t.depth[s];
    const int indent = g.indentOf(depth);

    // Guides: one line per ancestor level, as far as the indentation is drawn unsqueezed.
    p.setPen(colors.guide);
    const uint32_t guides = std::min<uint32_t>(depth, static_cast<uint32_t>(indent / g.indent));
    for (uint32_t level = 0; level < guides; ++level) {
        const int x = 4 + static_cast<int>(level) * g.indent + kExpander / 2;
        p.drawLine(x, top, x, top + h - 1);
    }

    const QColor& ink = selected ? colors.highlightedText : colors.text;
    const QRect expander = expanderRect(f, row);
    if (f.rows->hasChildren(s)) drawExpander(p, expander, f.rows->isCollapsed(s), ink);

    int x = expander.right() + 3;
    const QColor service = (*f.serviceColors)[t.service[s]];
    p.fillRect(QRect(x, top + 3, kChip, h - 6), service);
    x += kChip + 5;

    // Markers from the right edge: error, warning, orphan, then the hidden-children count.
    int right = g.treeWidth - 4;
    const bool collapsed = f.rows->isCollapsed(s);
    const int markerTop = top + (h - kMarker) / 2;
    auto marker = [&] {
        right -= kMarker + 2;
        return QRect(right, markerTop, kMarker, kMarker);
    };
    p.setRenderHint(QPainter::Antialiasing, true);
    if (t.isError(s))
        drawErrorMarker(p, marker(), true);
    else if (collapsed && f.rows->subtreeHasError(s))
        drawErrorMarker(p, marker(), false);
    if (t.flags[s] & kHasWarnings) drawWarningMarker(p, marker());
    if (t.flags[s] & kOrphan) drawOrphanMarker(p, marker(), selected ? ink : colors.muted);
    p.setRenderHint(QPainter::Antialiasing, false);
    if (const uint32_t rank = suspectRank(f, s)) {
        const int bh = h - 2 * kBadgeMargin;
        const int bw = suspectBadgeWidth(p.font(), rank, bh);
        right -= bw + 2;
        drawSuspectBadge(p, QRectF(right, top + kBadgeMargin, bw, bh), rank, f.palette);
    }

    const bool summary = isSummarySpan(t, s);
    if (summary) {
        QFont italic = p.font();
        italic.setItalic(true);
        p.setFont(italic);  // the caller restores the painter after the cell
    }
    const QFontMetrics fm = p.fontMetrics();
    if (collapsed) {
        const QString count = QString::number(f.rows->subtreeSize(s) - 1);
        const int w = fm.horizontalAdvance(count) + 8;
        right -= w + 2;
        const QRect badge(right, top + 3, w, h - 6);
        p.setPen(Qt::NoPen);
        p.setBrush(withAlpha(ink, 40));
        p.setRenderHint(QPainter::Antialiasing, true);
        p.drawRoundedRect(badge, 4, 4);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(ink);
        p.drawText(badge, Qt::AlignCenter, count);
    }

    // "service operation": the service muted, the operation in full ink; the operation gets the
    // room first, as it is what tells siblings apart.
    const int textWidth = right - 4 - x;
    if (textWidth <= 8) return;
    const QString op =
        QString::fromUtf8(t.nameOf(s).data(), static_cast<qsizetype>(t.nameOf(s).size()));
    const auto serviceView = t.serviceOf(s);
    const QString svc =
        QString::fromUtf8(serviceView.data(), static_cast<qsizetype>(serviceView.size()));
    const int opWidth = fm.horizontalAdvance(op);
    const int svcWidth = fm.horizontalAdvance(svc);
    // The service keeps up to 40% of the room even when the operation is long, so a row never
    // loses the service; it takes more when the operation leaves it free.
    const int svcRoom = std::min(svcWidth, std::max(textWidth * 2 / 5, textWidth - opWidth - 6));
    const bool context = f.rows->isContext(s);
    const QColor opInk = (context || summary) && !selected ? colors.muted : ink;
    const QColor svcInk = selected ? ink : colors.muted;
    const QRect textRect(x, top, textWidth, h);
    if (svcRoom == svcWidth || svcRoom >= fm.horizontalAdvance(QStringLiteral("ab…"))) {
        p.setPen(svcInk);
        // elidedText cuts a string measured at exactly its own width, so a fitting one is
        // drawn as it is.
        p.drawText(QRect(x, top, svcRoom + 2, h), Qt::AlignVCenter | Qt::AlignLeft,
                   svcRoom == svcWidth ? svc : fm.elidedText(svc, Qt::ElideRight, svcRoom));
        x += svcRoom + 6;
    }
    p.setPen(opInk);
    p.drawText(QRect(x, top, textRect.right() - x, h), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(op, Qt::ElideRight, textRect.right() - x));
}

void paintBarCell(QPainter& p, const WaterfallFrame& f, uint32_t s, int top, bool selected,
                  const RowColors& colors) {
    const Trace& t = *f.trace;
    const WaterfallGeometry& g = f.geometry;
    const TimeScale& scale = *f.scale;
    const int h = g.rowHeight;
    const double left = g.barsLeft();
    const double start = static_cast<double>(t.start[s] - t.startNs);
    const double duration = static_cast<double>(std::max<int64_t>(0, t.duration[s]));
    const double x0 = left + scale.toX(start);
    const double w = scale.widthOf(duration, 1.0);
    const double barH = std::round(h * 0.5);
    const QRectF bar(x0, top + (h - barH) / 2, w, barH);
    const QColor service = (*f.serviceColors)[t.service[s]];
    const bool error = t.isError(s);
    const QRect bars = g.barsRect();
    // Clip in double first: a bar zoomed to 10^9 px must not overflow int geometry.
    const QRectF visible = bar.intersected(QRectF(bars.left(), top, bars.width(), h));
    const bool summary = isSummarySpan(t, s);
    const QColor fill = f.rows->isContext(s) || summary ? withAlpha(service, 90) : service;
    const bool critical = f.criticalPath && f.criticalPath->onPath(s);
    if (!visible.isEmpty()) {
        if (summary) {
            // Not one span but many healthy ones: a pale hatched bar with an outline.
            p.fillRect(visible, withAlpha(service, 45));
            p.fillRect(visible, QBrush(withAlpha(service, 200), Qt::BDiagPattern));
            p.setPen(QPen(withAlpha(service, 200), 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(visible.adjusted(0.5, 0.5, -0.5, -0.5));
        } else {
            p.fillRect(visible, fill);
        }
        if (critical) paintCriticalPath(p, f, s, bar, visible);
        if (error) {
            p.setPen(QPen(errorTextColor(f.palette), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(visible.adjusted(1, 1, -1, -1));
        }
        if (selected) {
            p.setPen(QPen(colors.text, 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(visible.adjusted(0, -1, 0, 1));
        }
    }
    // Events as ticks on the bar; exceptions in red.
    const auto events = t.eventsOf(s);
    if (!events.empty() && w >= 4) {
        const double xMin = bars.left(), xMax = bars.right();
        for (const Event& e : events) {
            const double ex = left + scale.toX(static_cast<double>(e.timeNs - t.startNs));
            if (ex < xMin || ex > xMax) continue;
            const bool exception = t.str(e.name) == "exception" || t.str(e.name) == "error";
            p.fillRect(QRectF(ex - 0.5, bar.top() - 2, 1.5, barH + 4),
                       exception ? errorTextColor(f.palette) : colors.text);
        }
    }
    // The duration beside the bar, after a suspect's rank badge: after the bar when there is
    // room, else before it, else inside. When both do not fit, the badge goes alone.
    const QFontMetrics fm = p.fontMetrics();
    const QString label = QString::fromStdString(formatDuration(t.duration[s]));
    const int lw = fm.horizontalAdvance(label);
    const uint32_t rank = suspectRank(f, s);
    const int bh = h - 2 * kBadgeMargin;
    const int bw = rank ? suspectBadgeWidth(p.font(), rank, bh) : 0;
    auto place = [&](int width) -> std::optional<double> {
        double x = x0 + w + 4;
        if (x + width > bars.right() - 2) x = x0 - 4 - width;
        if (x < bars.left() + 2) x = std::max<double>(bars.left() + 4, x0 + 4);
        if (x + width > bars.right() - 2) return std::nullopt;
        return x;
    };
    std::optional<double> lx = place(rank ? bw + kBadgeGap + lw : lw);
    const bool withLabel = lx.has_value();
    if (!lx && rank) lx = place(bw);
    if (!lx) return;
    double x = *lx;
    if (rank) {
        drawSuspectBadge(p, QRectF(x, top + kBadgeMargin, bw, bh), rank, f.palette);
        x += bw + kBadgeGap;
    }
    if (!withLabel) return;
    const bool inside = x >= x0 && x + lw <= x0 + w;
    // Inside the bar the critical path would cross the digits: it passes behind them instead.
    if (inside && critical)
        p.fillRect(QRectF(x - 2, bar.top(), lw + 4, bar.height()).intersected(visible), fill);
    p.setPen(inside ? (service.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white))
                    : (error ? errorTextColor(f.palette) : colors.muted));
    p.drawText(QRectF(x, top, lw + 2, h), Qt::AlignVCenter | Qt::AlignLeft, label);
}

void paintRuler(QPainter& p, const WaterfallFrame& f, const TimeTicks& ticks) {
    const WaterfallGeometry& g = f.geometry;
    const QPalette& pal = f.palette;
    const QRect ruler(0, 0, g.width, g.rulerHeight);
    p.fillRect(ruler, pal.color(QPalette::Button));
    p.setPen(withAlpha(pal.color(QPalette::Text), 60));
    p.drawLine(0, g.rulerHeight - 1, g.width, g.rulerHeight - 1);

    p.setPen(pal.color(QPalette::ButtonText));
    const QFontMetrics fm = p.fontMetrics();
    const size_t total = f.trace->spanCount();
    const QString title = f.rows->rowCount() == total
                              ? QCoreApplication::translate("Waterfall", "Service and operation")
                              : QCoreApplication::translate("Waterfall", "%1 of %2 spans shown")
                                    .arg(QLocale().toString(qulonglong(f.rows->rowCount())),
                                         QLocale().toString(qulonglong(total)));
    p.drawText(QRect(8, 0, g.treeWidth - 12, g.rulerHeight), Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(title, Qt::ElideRight, g.treeWidth - 12));

    const double left = g.barsLeft();
    const QRect bars(g.treeWidth + WaterfallGeometry::kDivider, 0,
                     g.width - g.treeWidth - WaterfallGeometry::kDivider, g.rulerHeight);
    p.save();
    p.setClipRect(bars);
    for (double t : ticks.times) {
        const double x = std::round(left + f.scale->toX(t));
        p.setPen(withAlpha(pal.color(QPalette::ButtonText), 120));
        p.drawLine(QPointF(x, g.rulerHeight - 6), QPointF(x, g.rulerHeight - 1));
        const QString label = QString::fromStdString(tickLabel(t, ticks.stepNs));
        const int w = fm.horizontalAdvance(label);
        // Labels right of their tick, except the last, which would run off the edge.
        const double lx = x + 3 + w > bars.right() ? x - 3 - w : x + 3;
        p.setPen(pal.color(QPalette::ButtonText));
        p.drawText(QRectF(lx, 0, w + 1, g.rulerHeight - 4), Qt::AlignVCenter | Qt::AlignLeft,
                   label);
    }
    p.restore();
}

}  // namespace

bool isSummarySpan(const Trace& trace, uint32_t span) {
    return trace.tracepack && trace.tracepack->isCollapsed(span);
}

int WaterfallGeometry::indentOf(uint32_t depth) const {
    const int64_t full = static_cast<int64_t>(depth) * indent;
    return static_cast<int>(std::min<int64_t>(full, maxIndent()));
}

QRect expanderRect(const WaterfallFrame& f, size_t row) {
    const uint32_t s = f.rows->spanAt(row);
    const int x = 4 + f.geometry.indentOf(f.trace->depth[s]);
    const int top = f.rowTop(row);
    return {x, top + (f.geometry.rowHeight - kExpander) / 2, kExpander, kExpander};
}

void paintWaterfall(QPainter& p, const WaterfallFrame& f) {
    const WaterfallGeometry& g = f.geometry;
    const QPalette& pal = f.palette;
    p.setFont(f.font);
    p.setRenderHint(QPainter::Antialiasing, false);
    fillInStrips(p, QRect(0, 0, g.width, g.height), pal.color(QPalette::Base));

    const TimeTicks ticks = timeTicks(*f.scale, kTickSpacingPx);
    const QRect bars = g.barsRect();
    const RowColors colors = rowColors(pal);

    // Grid lines first, under the bars.
    p.setPen(withAlpha(pal.color(QPalette::Text), 22));
    for (double t : ticks.times) {
        const int x = static_cast<int>(std::round(g.barsLeft() + f.scale->toX(t)));
        if (x >= bars.left() && x <= bars.right()) vLineInStrips(p, x, bars.top(), bars.bottom());
    }

    const size_t rowCount = f.rows->rowCount();
    const int h = std::max(1, g.rowHeight);
    const size_t first = static_cast<size_t>(f.firstRow());
    const size_t last = std::min(rowCount, first + static_cast<size_t>(g.rowsHeight() / h) + 2);
    p.save();
    p.setClipRect(QRect(0, g.rulerHeight, g.width, g.rowsHeight()));
    for (size_t row = first; row < last; ++row) {
        const uint32_t s = f.rows->spanAt(row);
        const int top = f.rowTop(row);
        const bool selected = static_cast<int32_t>(s) == f.current;
        const QRect full(0, top, g.width, h);
        if (selected)
            p.fillRect(QRect(0, top, g.treeWidth, h), colors.highlight);
        else if (f.matches && (*f.matches)[s])
            p.fillRect(full, colors.match);
        else if (static_cast<int32_t>(s) == f.hover)
            p.fillRect(full, colors.hover);
        if (selected) p.fillRect(QRect(bars.left(), top, bars.width(), h), colors.hover);
        p.save();
        p.setClipRect(QRect(0, top, g.treeWidth, h)
                          .intersected(QRect(0, g.rulerHeight, g.width, g.rowsHeight())));
        paintTreeCell(p, f, row, s, top, selected, colors);
        p.restore();
        paintBarCell(p, f, s, top, selected, colors);
    }
    p.restore();

    // The divider between the tree and the bars.
    fillInStrips(p, QRect(g.treeWidth, g.rulerHeight, WaterfallGeometry::kDivider, g.rowsHeight()),
                 pal.color(QPalette::Window));
    p.setPen(withAlpha(pal.color(QPalette::Text), 50));
    vLineInStrips(p, g.treeWidth + 2, g.rulerHeight, g.height);

    if (f.selection) {
        const double a = g.barsLeft() + f.scale->toX(f.selection->first);
        const double b = g.barsLeft() + f.scale->toX(f.selection->second);
        const QRectF band(std::min(a, b), 0, std::abs(b - a), g.height);
        fillInStrips(p, band, withAlpha(pal.color(QPalette::Highlight), 60));
        p.setPen(pal.color(QPalette::Highlight));
        vLineInStrips(p, a, 0, g.height);
        vLineInStrips(p, b, 0, g.height);
    }
    paintRuler(p, f, ticks);
    if (f.selection) {
        const QString text = QString::fromStdString(formatDuration(
            static_cast<int64_t>(std::abs(f.selection->second - f.selection->first))));
        p.setPen(pal.color(QPalette::Highlight));
        const double a =
            g.barsLeft() + f.scale->toX(std::min(f.selection->first, f.selection->second));
        p.drawText(QPointF(a + 4, g.rulerHeight + p.fontMetrics().ascent() + 2), text);
    }
}

}  // namespace rootline::ui
