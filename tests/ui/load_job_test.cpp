// LoadJob: loads off the GUI thread, reports progress, cancels, lets the newest request win and
// turns bad input into one line that names the file and the place.

#include <QThreadPool>
#include <QtTest>
#include <memory>

#include "load_job.h"
#include "test_support.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

LoadOutcome outcomeOf(const QSignalSpy& spy, int i = 0) {
    return spy.at(i).at(0).value<LoadOutcome>();
}

}  // namespace

class LoadJobTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        large_ = test::writeLargeJaeger(tmp_, test::kLargeSpans);
        QVERIFY(!large_.isEmpty());
    }

    void cleanup() {
        // No worker of one test may finish inside the next.
        QThreadPool::globalInstance()->waitForDone();
    }

    void loadsAFixtureWithoutBlockingTheCaller() {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        QSignalSpy started(&job, &LoadJob::started);
        const QString path = test::fixture("jaeger/jaeger-otlp-links-events-errors.json");
        job.start(path);
        // A synchronous load would have emitted finished() already.
        QCOMPARE(finished.count(), 0);
        QCOMPARE(started.count(), 1);
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(10000));
        QVERIFY(!job.isRunning());
        const LoadOutcome out = outcomeOf(finished);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.path, path);
        QCOMPARE(out.loaded->file->traces.size(), size_t(2));
        QCOMPARE(out.loaded->summaries.size(), size_t(2));
        QCOMPARE(out.loaded->summaries[0].errorCount, 2u);
        QVERIFY(out.error.isEmpty());
    }

    void reportsProgressOfALargeFile() {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        QSignalSpy progress(&job, &LoadJob::progressChanged);
        job.start(large_);
        QVERIFY(finished.wait(60000));
        QVERIFY2(outcomeOf(finished).ok(), qPrintable(outcomeOf(finished).error));
        QCOMPARE(outcomeOf(finished).loaded->file->spanCount(), size_t(test::kLargeSpans));
        QVERIFY2(progress.count() >= 2, qPrintable(QString::number(progress.count())));
        double last = 0;
        for (const QList<QVariant>& args : progress) {
            const double f = args.at(0).toDouble();
            QVERIFY(f >= last && f <= 1.0);
            last = f;
        }
        QVERIFY(last > 0.5);
    }

    void cancelStopsTheLoad() {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start(large_);
        job.cancel();
        QVERIFY(job.isCancelling());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 1);
        const LoadOutcome out = outcomeOf(finished);
        QVERIFY(!out.ok());
        QVERIFY(out.cancelled);
        QCOMPARE(out.error, QStringLiteral("Loading large.json was cancelled."));
    }

    void cancelAfterProgressStopsTheLoadPromptly() {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        QElapsedTimer sinceCancel;
        connect(&job, &LoadJob::progressChanged, &job, [&](double) {
            if (!sinceCancel.isValid()) {
                job.cancel();
                sinceCancel.start();
            }
        });
        job.start(large_);
        QVERIFY(finished.wait(20000));
        QVERIFY(sinceCancel.isValid());
        QVERIFY(outcomeOf(finished).cancelled);
        // The core polls every few thousand spans; half a second is a generous ceiling.
        QVERIFY2(sinceCancel.elapsed() < 500, qPrintable(QString::number(sinceCancel.elapsed())));
    }

    void newestRequestWins() {
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start(large_);
        const QString small = test::fixture("tempo/servicegraphs_trace-with-virtual-nodes.json");
        job.start(small);
        QCOMPARE(job.path(), small);
        QVERIFY(finished.wait(20000));
        // Let the superseded worker finish too; its result must not arrive.
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(outcomeOf(finished).path, small);
        QVERIFY(outcomeOf(finished).ok());
    }

    void badInputGivesOneLineNamingFileAndPlace_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");  // the start of the message
        QTest::addColumn<bool>("hasByte");
        QTest::newRow("not JSON") << tmpFile("notjson.json", "this is not json\n")
                                  << "notjson.json: not JSON" << true;
        QTest::newRow("OTLP logs") << test::fixture("otlp/logs.json")
                                   << "logs.json: not a trace: this is an OTLP logs file" << true;
        QTest::newRow("missing") << tmp_.filePath(QStringLiteral("missing.json"))
                                 << "missing.json: no such file" << false;
        QTest::newRow("directory")
            << tmp_.path()
            << QFileInfo(tmp_.path()).fileName() + ": is a directory, not a trace file" << false;
        // Would be read forever (and could not be cancelled) without the regular-file check.
        QTest::newRow("device") << "/dev/zero"
                                << "zero: not a regular file" << false;
    }

    void badInputGivesOneLineNamingFileAndPlace() {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFETCH(bool, hasByte);
        LoadJob job;
        QSignalSpy finished(&job, &LoadJob::finished);
        job.start(path);
        QVERIFY(finished.wait(10000));
        const LoadOutcome out = outcomeOf(finished);
        QVERIFY(!out.ok());
        QVERIFY(!out.cancelled);
        QVERIFY2(out.error.startsWith(expected), qPrintable(out.error));
        QVERIFY(!out.error.contains(QLatin1Char('\n')));
        QCOMPARE(out.error.contains(QStringLiteral("(byte ")), hasByte);
    }

    void destroyingTheJobDuringALoadIsSafe() {
        // The worker outlives the job; it must neither touch the dead job nor keep running to
        // the end (the cancel flag is set by the destructor).
        {
            LoadJob job;
            job.start(large_);
            QTest::qWait(30);  // let the worker get going
        }
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(20);  // posted events for the dead watcher are discarded here
        QVERIFY(QThreadPool::globalInstance()->activeThreadCount() == 0);
    }

private:
    QString tmpFile(const char* name, const QByteArray& bytes) {
        return test::writeFile(tmp_, QString::fromLatin1(name), bytes);
    }

    QTemporaryDir tmp_;
    QString large_;
};

QTEST_MAIN(LoadJobTest)
#include "load_job_test.moc"
