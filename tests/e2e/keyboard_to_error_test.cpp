// End-to-end, in a real X server (run under xvfb-run on the xcb platform): a user opens a trace,
// walks to the failing span with the keyboard alone, reads its exception in the details panel,
// and the window as the X server shows it is saved as a picture. Keys go in through the window
// system (QTest on the QWindow), so the shortcut map, focus and the menus' own shortcuts all take
// part as they do for a user.

#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QScreen>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextEdit>
#include <QTreeView>
#include <QtTest>

#include "colors.h"
#include "main_window.h"
#include "shortcuts.h"
#include "span_details/span_details_panel.h"
#include "trace_list_model.h"
#include "trace_tab.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

QString fixture(const char* relative) {
    return QStringLiteral(ROOTLINE_FIXTURES_DIR "/") + QString::fromUtf8(relative);
}

// The picture of the window from the X server's framebuffer, not a widget re-render.
QImage screenPicture(const QWidget& w) {
    QScreen* screen = w.screen();
    return screen ? screen->grabWindow(w.winId()).toImage() : QImage();
}

int pixelsNear(const QImage& image, QColor target, int tolerance = 24) {
    int count = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (std::abs(qRed(line[x]) - target.red()) <= tolerance &&
                std::abs(qGreen(line[x]) - target.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - target.blue()) <= tolerance)
                ++count;
    }
    return count;
}

// A dark palette as a dark desktop theme hands to Qt (Breeze Dark's main colours).
QPalette darkPalette() {
    QPalette p(QColor(0x31, 0x36, 0x3b));  // button/window colour; Qt derives the shades
    const QColor text(0xfc, 0xfc, 0xfc), base(0x1b, 0x1e, 0x20);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x71, 0x75));
    return p;
}

}  // namespace

class KeyboardToErrorTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> window_;

    bool load(const QString& path) {
        // Xvfb puts the pointer mid-screen: move it off the window so no hover or tooltip
        // gets into the pictures.
        QCursor::setPos(QGuiApplication::primaryScreen()->geometry().bottomRight());
        window_ = std::make_unique<MainWindow>();
        window_->resize(1366, 768);
        window_->show();
        window_->activateWindow();
        if (!QTest::qWaitForWindowActive(window_.get())) return false;
        QSignalSpy settled(window_.get(), &MainWindow::loadSettled);
        window_->openFile(path);
        return settled.wait(20000);
    }

    TraceTab* open(const QString& path) {
        if (!load(path)) return nullptr;
        for (int i = 0; i < 100 && !window_->currentTraceTab(); ++i)
            QTest::qWait(50);
        return window_->currentTraceTab();
    }

    // A key as the user presses it: through the window system into the focused widget.
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(window_->windowHandle(), Qt::Key(key), modifiers);
        QApplication::processEvents();
    }

    QString currentName(const TraceTab& tab) const {
        const int32_t s = tab.waterfall()->currentSpan();
        return s < 0 ? QString() : QString::fromUtf8(tab.trace().nameOf(static_cast<size_t>(s)));
    }

    void savePicture(const char* name, int minimumRedPixels = 50) {
        QTest::qWait(200);  // let the X server show the last layout
        const QImage picture = screenPicture(*window_);
        QVERIFY2(!picture.isNull(), "the X server gave no picture of the window");
        QVERIFY(picture.width() >= 1000 && picture.height() >= 600);
        // The error span is selected and its exception shown: the error red is on screen.
        QVERIFY2(pixelsNear(picture, errorTextColor()) >= minimumRedPixels,
                 "no error red in the picture");
        const QString out = QDir(QStringLiteral(ROOTLINE_E2E_OUT_DIR)).filePath(name);
        QVERIFY2(picture.save(out), qPrintable(out));
        qInfo("saved %s", qPrintable(out));
    }

private slots:
    void cleanup() {
        window_.reset();
        QApplication::setPalette(QPalette());
    }

    // agent-strace's coding session: the failed `Bash` tool call carries the exception.
    void agentSessionFromTheRootToTheFailedToolCall() {
        TraceTab* tab = open(fixture("genai/agent-strace-v0.32.0-session.otlp.json"));
        QVERIFY(tab);
        QCOMPARE(QApplication::focusWidget(), tab->waterfall());

        press(Qt::Key_Home);
        QCOMPARE(currentName(*tab), QStringLiteral("agent-session (claude-code)"));
        QCOMPARE(tab->details()->span(), tab->waterfall()->currentSpan());
        QVERIFY(tab->details()->exceptionText().isEmpty());

        press(Qt::Key_E);  // next error (Jaeger UI's key)
        QCOMPARE(currentName(*tab), QStringLiteral("Bash"));
        QCOMPARE(tab->details()->span(), tab->waterfall()->currentSpan());
        QVERIFY2(tab->details()->exceptionText().contains(
                     QStringLiteral("exit code 1: 1 failed, 12 passed")),
                 qPrintable(tab->details()->exceptionText()));

        press(Qt::Key_E, Qt::ShiftModifier);  // previous error: back to the failing root
        QCOMPARE(currentName(*tab), QStringLiteral("agent-session (claude-code)"));
        press(Qt::Key_F8);  // the other next-error key
        QCOMPARE(currentName(*tab), QStringLiteral("Bash"));
        QVERIFY(tab->details()->isVisible());
        savePicture("keyboard_to_error-agent-session.png");
    }

    // The bundled checkout incident: errors all the way up; the first exception with a stack
    // trace is a few presses of `e` below the root.
    void checkoutIncidentToTheFirstStackTrace() {
        TraceTab* tab = open(QStringLiteral(ROOTLINE_DEMO_TRACE));
        QVERIFY(tab);
        press(Qt::Key_Home);
        const int32_t root = tab->waterfall()->currentSpan();
        QVERIFY(root >= 0);
        QVERIFY(tab->trace().isError(static_cast<size_t>(root)));
        int presses = 0;
        while (tab->details()->exceptionText().isEmpty() && presses < 10) {
            const int32_t before = tab->waterfall()->currentSpan();
            press(Qt::Key_E);
            ++presses;
            QVERIFY2(tab->waterfall()->currentSpan() != before, "e did not move");
            QVERIFY(tab->trace().isError(static_cast<size_t>(tab->waterfall()->currentSpan())));
        }
        QCOMPARE(currentName(*tab), QStringLiteral("payment.v1.PaymentService/Authorize"));
        const QString exception = tab->details()->exceptionText();
        QVERIFY2(exception.startsWith(QStringLiteral("io.grpc.StatusRuntimeException")),
                 qPrintable(exception));
        QVERIFY2(exception.contains(QStringLiteral("DEADLINE_EXCEEDED")), qPrintable(exception));
        QVERIFY2(exception.count(QLatin1Char('\n')) >= 3, "no stack trace lines");
        QVERIFY(presses >= 2);  // errors above it were visited on the way, not skipped
        // The headline (type and message) is on screen, not scrolled away by the stack.
        auto* text = tab->details()->findChild<QTextEdit*>(QStringLiteral("exceptionText"));
        QVERIFY(text);
        QCOMPARE(text->verticalScrollBar()->value(), 0);
        QCOMPARE(text->horizontalScrollBar()->value(), 0);
        savePicture("keyboard_to_error-checkout.png");
    }

    // A file with two traces: the list comes first; Return on a row opens that trace in a tab,
    // Ctrl+W closes it and the list is back.
    void traceListOpensATraceWithTheKeyboard() {
        QVERIFY(load(fixture("tempo/servicegraphs_trace-with-virtual-nodes.json")));
        QCOMPARE(window_->traceTabCount(), 0);
        QTreeView* list = window_->traceList();
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(QApplication::focusWidget(), list);
        savePicture("trace-list.png", 0);

        press(Qt::Key_Down);
        const QModelIndex row = list->currentIndex();
        QCOMPARE(row.row(), 1);
        press(Qt::Key_Return);
        QCOMPARE(window_->traceTabCount(), 1);
        TraceTab* tab = window_->currentTraceTab();
        QVERIFY(tab);
        QCOMPARE(QApplication::focusWidget(), tab->waterfall());
        const QString root = row.siblingAtColumn(TraceListModel::RootColumn).data().toString();
        QVERIFY2(root.endsWith(window_->tabs()
                                   ->tabText(window_->tabs()->currentIndex())
                                   .section(QLatin1Char(':'), 1)
                                   .trimmed()),
                 qPrintable(root));

        press(Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window_->traceTabCount(), 0);
        QCOMPARE(window_->tabs()->currentIndex(), 0);
    }

    // The system switches to a dark theme while a trace is open: everything follows, the
    // waterfall included, and the error red still stands out.
    void followsADarkPaletteWhileOpen() {
        // Not an agent trace: the Agent tab would take most of the column from the waterfall.
        TraceTab* tab = open(QStringLiteral(ROOTLINE_DEMO_TRACE));
        QVERIFY(tab);
        tab->perform(TraceAction::CollapseAll);  // one row: the rest of the view is background
        QApplication::setPalette(darkPalette());
        WaterfallView* w = tab->waterfall();
        const QRect area(
            w->viewport()->mapTo(window_.get(), QPoint(0, w->viewport()->height() / 2)),
            QSize(w->viewport()->width(), w->viewport()->height() / 2));
        // The lower half of the waterfall shows its background: the dark Base colour, where a
        // light theme would leave it white. Waits for the X server to have the repaint.
        auto darkShare = [&] {
            const QImage part = screenPicture(*window_).copy(area);
            int dark = 0;
            for (int y = 0; y < part.height(); ++y)
                for (int x = 0; x < part.width(); ++x)
                    dark += part.pixelColor(x, y).lightness() < 60 ? 1 : 0;
            return part.isNull() ? 0.0 : double(dark) / (part.width() * part.height());
        };
        QTRY_VERIFY_WITH_TIMEOUT(darkShare() > 0.9, 5000);
        tab->selectFirstErrorOrRoot();
        QTRY_VERIFY_WITH_TIMEOUT(
            pixelsNear(screenPicture(*window_), QColor(0xfc, 0xfc, 0xfc), 8) > 500, 5000);
        savePicture("trace-window-dark.png");
    }
};

QTEST_MAIN(KeyboardToErrorTest)
#include "keyboard_to_error_test.moc"
