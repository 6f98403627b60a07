// ScreenshotRunner offscreen: waits for the load, saves a picture, reports success or failure.

#include <QImage>
#include <QtTest>
#include <chrono>

#include "main_window.h"
#include "screenshot_runner.h"
#include "test_support.h"

using namespace rootline::ui;
using namespace std::chrono_literals;

class ScreenshotRunnerTest : public QObject {
    Q_OBJECT
private slots:
    void savesAPictureAfterTheLoad() {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("shot.png"));
        MainWindow w;
        ScreenshotRunner runner(&w, out, 60s);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        QSignalSpy settled(&w, &MainWindow::loadSettled);
        runner.start(test::fixture("jaeger/ui-genai-57spans-10svc-error.json"));
        QCOMPARE(finished.count(), 0);  // never synchronous
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toInt(), int(ScreenshotRunner::Saved));
        QCOMPARE(settled.count(), 1);  // the picture was taken after the load settled
        QVERIFY(settled.at(0).at(0).value<LoadOutcome>().ok());
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), w.size() * w.devicePixelRatio());
    }

    void reportsAFailedSave() {
        MainWindow w;
        ScreenshotRunner runner(&w, QStringLiteral("/nonexistent-dir/shot.png"), 60s);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start(QString());
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toInt(), int(ScreenshotRunner::SaveFailed));
    }

    void givesUpWhenTheLoadDoesNotFinishInTime() {
        QTemporaryDir tmp;
        const QString large = test::writeLargeJaeger(tmp, test::kLargeSpans);
        MainWindow w;
        // 1 ms: the large file cannot have loaded by then.
        ScreenshotRunner runner(&w, tmp.filePath(QStringLiteral("shot.png")), 1ms);
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start(large);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toInt(), int(ScreenshotRunner::TimedOut));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("shot.png"))));
    }
};

QTEST_MAIN(ScreenshotRunnerTest)
#include "screenshot_runner_test.moc"
