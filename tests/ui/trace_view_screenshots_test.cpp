// The three trace-view widgets together, as the trace window will place them, grabbed offscreen
// in a light and a dark palette. The pictures are checked for what must be there — the service
// colours of the palette in use, the red of the error count, a dark window in the dark theme —
// and saved for a human when ROOTLINE_SAVE_WIDGET_PNG names a folder.

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

#include "colors.h"
#include "service_colors.h"
#include "test_support.h"
#include "trace_view/find_bar.h"
#include "trace_view/service_legend.h"
#include "trace_view/service_legend_model.h"
#include "trace_view/trace_header.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kGenAi = "jaeger/ui-genai-57spans-10svc-error.json";

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x20), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x44));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

int pixelsNear(const QImage& image, const QColor& colour, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= tolerance &&
                qAbs(c.green() - colour.green()) <= tolerance &&
                qAbs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    return n;
}

// The trace window's parts around an empty frame where the waterfall will be.
struct TraceWindowMock {
    QWidget window;
    TraceHeader* header = new TraceHeader;
    FindBar* find = new FindBar;
    ServiceLegend* legend = new ServiceLegend;
    QFrame* waterfall = new QFrame;

    TraceWindowMock() {
        waterfall->setFrameShape(QFrame::StyledPanel);
        waterfall->setBackgroundRole(QPalette::Base);
        waterfall->setAutoFillBackground(true);
        auto* body = new QHBoxLayout;
        body->addWidget(waterfall, 1);
        body->addWidget(legend);
        auto* layout = new QVBoxLayout(&window);
        layout->setContentsMargins(8, 6, 8, 8);
        layout->addWidget(header);
        layout->addWidget(find);
        layout->addLayout(body, 1);
    }
};

void save(QWidget* widget, const char* name) {
    const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
    if (dir.isEmpty()) return;
    const QString path = QString::fromLocal8Bit(dir) + QLatin1Char('/') + QLatin1String(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

}  // namespace

class TraceViewScreenshotsTest : public QObject {
    Q_OBJECT

    // Shows the genai trace with a search for "agent", the filter on and some spans hidden.
    void fill(TraceWindowMock& m) {
        const auto file = test::loadSnapshot(kGenAi);
        const auto trace = file->file->traces[0];
        m.header->setTrace(*trace, file->summaries[0]);
        m.legend->setTrace(trace);
        m.legend->model()->setData(m.legend->model()->index(4), Qt::Unchecked, Qt::CheckStateRole);
        m.find->setTrace(trace);
        QSignalSpy spy(m.find, &FindBar::matchesChanged);
        m.find->findChild<QLineEdit*>(QStringLiteral("findEdit"))->setText(QStringLiteral("agent"));
        QTRY_COMPARE(spy.count(), 1);
        m.find->setCurrentMatch(3);
        m.find->findChild<QToolButton*>(QStringLiteral("findFilter"))->setChecked(true);
        m.find->setHiddenCounts(1204, 3);
    }

    void checkColours(TraceWindowMock& m, const QPalette& palette) {
        const QImage legend = m.legend->grab().toImage();
        // The swatches in the palette's own service colours.
        for (uint32_t s : {0u, 1u, 9u})
            QVERIFY2(pixelsNear(legend, serviceColor(s, palette), 0) >= 20,
                     qPrintable(QString::number(s)));
        const QImage header = m.header->grab().toImage();
        QVERIFY(pixelsNear(header, errorTextColor(), 40) >= 5);  // "1 error"
    }

private slots:
    void initTestCase() {
        // The same style everywhere, so the pictures do not depend on the desktop.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }

    void lightPalette() {
        TraceWindowMock m;
        fill(m);
        m.window.resize(1366, 440);
        m.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m.window));
        checkColours(m, m.window.palette());
        QVERIFY(!isDarkPalette(m.window.palette()));
        save(&m.window, "trace_view_light.png");

        // A narrow window: the header wraps, the legend keeps its width.
        m.window.resize(640, 440);
        QTest::qWait(20);
        QVERIFY(m.legend->width() >= 200);
        save(&m.window, "trace_view_narrow.png");
    }

    void nothingLoaded() {
        TraceWindowMock m;
        m.window.resize(1366, 300);
        m.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m.window));
        QVERIFY(m.header->text().startsWith(QStringLiteral("Empty trace")));
        auto* edit = m.find->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QVERIFY(edit->text().isEmpty());
        // The whole hint fits: the syntax is the point of it.
        QVERIFY(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) <
                edit->contentsRect().width());
        save(&m.window, "trace_view_empty.png");
    }

    void darkPaletteFollowed() {
        const QPalette before = QApplication::palette();
        QApplication::setPalette(darkPalette());
        TraceWindowMock m;
        fill(m);
        m.window.resize(1366, 440);
        m.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m.window));
        const QPalette palette = m.window.palette();
        QVERIFY(isDarkPalette(palette));
        checkColours(m, palette);
        // Lighter swatches than on a light theme, and the light ones nowhere.
        const QImage legend = m.legend->grab().toImage();
        QCOMPARE(pixelsNear(legend, serviceColor(0, QPalette(Qt::white)), 0), 0);
        // No hard-coded white: the header's background is the dark window colour.
        const QImage header = m.header->grab().toImage();
        QCOMPARE(header.pixelColor(header.width() - 2, 2), palette.color(QPalette::Window));
        save(&m.window, "trace_view_dark.png");
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TraceViewScreenshotsTest)
#include "trace_view_screenshots_test.moc"
