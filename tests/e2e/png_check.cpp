// png_check FILE [--min-size WxH] [--expect-color RRGGBB[:PIXELS]] [--reject-color RRGGBB[:PIXELS]]
//
// Looks at a screenshot of the app: it must be a PNG of a plausible size, not one flat colour,
// with rows of content (text, lines) standing out from the background; optionally a colour
// must cover at least PIXELS pixels (expect) or fewer (reject) — e.g. the error banner's border,
// or the red of a non-zero error count in the trace list. Exit 0 when all checks pass.

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QSize>
#include <QStringList>
#include <cstdio>
#include <cstdlib>

namespace {

// A pixel "stands out" from the background when a channel differs by more than this.
constexpr int kContrast = 60;
// Rows with at least this many standing-out pixels count as content rows.
constexpr int kContentPixelsPerRow = 20;
// Even a window listing one trace has ~40 (menu, header, row, status bar); a blank one has 0.
constexpr int kMinContentRows = 20;
// Default for PIXELS: a banner border covers ~2,500 pixels, stray anti-aliasing a few.
constexpr int kDefaultColourPixels = 300;
constexpr int kColourTolerance = 10;

int fail(const QString& why) {
    std::fprintf(stderr, "png_check: FAIL: %s\n", qPrintable(why));
    return 1;
}

bool near(QRgb a, QRgb b, int tolerance) {
    return std::abs(qRed(a) - qRed(b)) <= tolerance &&
           std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

int countNear(const QImage& image, QRgb colour) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if (near(line[x], colour, kColourTolerance)) ++n;
    }
    return n;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) return fail(QStringLiteral("usage: png_check FILE [options]"));
    const QString file = args.takeFirst();
    QSize minSize(400, 300);
    struct ColourCheck {
        QRgb colour;
        int pixels;
    };
    QList<ColourCheck> expected, rejected;
    while (!args.isEmpty()) {
        const QString opt = args.takeFirst();
        if (args.isEmpty()) return fail(QStringLiteral("%1 needs a value").arg(opt));
        const QString value = args.takeFirst();
        if (opt == QLatin1String("--min-size")) {
            const QStringList wh = value.split(QLatin1Char('x'));
            if (wh.size() != 2) return fail(QStringLiteral("bad size %1").arg(value));
            minSize = QSize(wh[0].toInt(), wh[1].toInt());
        } else if (opt == QLatin1String("--expect-color") ||
                   opt == QLatin1String("--reject-color")) {
            const QStringList parts = value.split(QLatin1Char(':'));
            const QColor c(QLatin1Char('#') + parts[0]);
            const int pixels = parts.size() > 1 ? parts[1].toInt() : kDefaultColourPixels;
            if (!c.isValid() || pixels <= 0)
                return fail(QStringLiteral("bad colour %1").arg(value));
            (opt == QLatin1String("--expect-color") ? expected : rejected)
                << ColourCheck{c.rgb(), pixels};
        } else {
            return fail(QStringLiteral("unknown option %1").arg(opt));
        }
    }

    QImage image(file, "PNG");
    if (image.isNull()) return fail(QStringLiteral("%1 is not a readable PNG").arg(file));
    image = image.convertToFormat(QImage::Format_RGB32);
    if (image.width() < minSize.width() || image.height() < minSize.height())
        return fail(QStringLiteral("%1x%2 is smaller than %3x%4")
                        .arg(image.width())
                        .arg(image.height())
                        .arg(minSize.width())
                        .arg(minSize.height()));

    QHash<QRgb, int> histogram;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++histogram[line[x]];
    }
    if (histogram.size() < 16)
        return fail(QStringLiteral("only %1 distinct colours: a blank or flat picture")
                        .arg(histogram.size()));
    QRgb background = 0;
    int backgroundCount = 0;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        if (it.value() > backgroundCount) background = it.key(), backgroundCount = it.value();

    int contentRows = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        int standingOut = 0;
        for (int x = 0; x < image.width(); ++x)
            if (!near(line[x], background, kContrast)) ++standingOut;
        if (standingOut >= kContentPixelsPerRow) ++contentRows;
    }
    if (contentRows < kMinContentRows)
        return fail(QStringLiteral("only %1 rows with content against the background %2")
                        .arg(contentRows)
                        .arg(QColor(background).name()));

    for (const ColourCheck& c : expected) {
        const int n = countNear(image, c.colour);
        if (n < c.pixels)
            return fail(QStringLiteral("colour %1 covers %2 pixels, expected at least %3")
                            .arg(QColor(c.colour).name())
                            .arg(n)
                            .arg(c.pixels));
    }
    for (const ColourCheck& c : rejected) {
        const int n = countNear(image, c.colour);
        if (n >= c.pixels)
            return fail(QStringLiteral("colour %1 covers %2 pixels; it should be (nearly) absent")
                            .arg(QColor(c.colour).name())
                            .arg(n));
    }
    std::printf("png_check: OK: %dx%d, %d colours, %d content rows, background %s\n", image.width(),
                image.height(), int(histogram.size()), contentRows,
                qPrintable(QColor(background).name()));
    return 0;
}
