// TraceAnalysisRunner: the suspects and the critical path computed on a worker and delivered to
// the GUI thread — the same results as the core computes directly, stale results dropped, a
// cancelled job silent, the GUI thread free while a large trace is ranked — and the user's
// ranking weights file: a good one changes the scores, a bad one gives a one-line message and
// the defaults.

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "analysis/critical_path.h"
#include "analysis/suspect_ranking.h"
#include "suspects/ranking_weights_file.h"
#include "suspects/trace_analysis_runner.h"
#include "suspects_test_support.h"
#include "test_support.h"

using namespace rootline;
using namespace rootline::ui;

Q_DECLARE_METATYPE(std::shared_ptr<const rootline::ui::TraceAnalysis>)

namespace {

using Analysis = std::shared_ptr<const TraceAnalysis>;

// Starts `runner` on `trace` and waits for its one result.
Analysis analyse(TraceAnalysisRunner& runner, std::shared_ptr<const Trace> trace,
                 const QString& weights = {}) {
    QSignalSpy finished(&runner, &TraceAnalysisRunner::finished);
    runner.start(std::move(trace), weights);
    if (!finished.wait(60000)) qFatal("the analysis did not finish");
    return finished.at(0).at(0).value<Analysis>();
}

double scoreOf(const Ranking& r, uint32_t span) {
    for (const Suspect& s : r.suspects)
        if (s.span == span) return s.score;
    return 0;
}

}  // namespace

class SuspectsRunnerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qRegisterMetaType<Analysis>();
        QVERIFY(tmp_.isValid());
    }
    void deliversWhatTheCoreComputes();
    void staleResultsAreDroppedAndCancelledOnesSilent();
    void theGuiThreadStaysFreeOnALargeTrace();
    void aGoodWeightsFileChangesTheScores();
    void aBadWeightsFileSaysWhyAndUsesTheDefaults();

private:
    QTemporaryDir tmp_;
};

void SuspectsRunnerTest::deliversWhatTheCoreComputes() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    TraceAnalysisRunner runner;
    QVERIFY(!runner.isRunning());
    const Analysis a = analyse(runner, trace);
    QVERIFY(!runner.isRunning());
    QCOMPARE(a->trace, trace);
    QVERIFY2(a->error.isEmpty(), qPrintable(a->error));
    QVERIFY(a->weightsError.isEmpty());  // no file is the normal case
    QVERIFY(a->ranking && a->criticalPath);

    const Ranking direct = rankSuspects(*trace);
    QCOMPARE(a->ranking->suspects.size(), direct.suspects.size());
    for (size_t i = 0; i < direct.suspects.size(); ++i) {
        QCOMPARE(a->ranking->suspects[i].span, direct.suspects[i].span);
        QCOMPARE(a->ranking->suspects[i].score, direct.suspects[i].score);
    }
    QCOMPARE(a->ranking->rankOfSpan, direct.rankOfSpan);
    QCOMPARE(a->ranking->suspects.front().span, test::spanNamed(*trace, "charge"));
    const CriticalPath path = computeCriticalPath(*trace);
    QCOMPARE(a->criticalPath->criticalNs, path.criticalNs);
    QCOMPARE(a->criticalPath->sections.size(), path.sections.size());
    QCOMPARE(runner.droppedResults(), 0u);
}

void SuspectsRunnerTest::staleResultsAreDroppedAndCancelledOnesSilent() {
    const auto first = test::traceFromJson(test::kCheckoutJson);
    const auto second = test::traceFromJson(test::quietTraceJson());
    TraceAnalysisRunner runner;
    QSignalSpy finished(&runner, &TraceAnalysisRunner::finished);
    // Two starts before the event loop runs: the first job's result is stale whenever it ends.
    runner.start(first, {});
    runner.start(second, {});
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(runner.droppedResults(), 1u);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<Analysis>()->trace, second);

    // Cancelled: nothing arrives.
    finished.clear();
    runner.start(first, {});
    runner.cancel();
    QVERIFY(!runner.isRunning());
    QTRY_COMPARE(runner.droppedResults(), 2u);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);

    // Destroyed while running: no crash, nothing delivered to nobody.
    {
        TraceAnalysisRunner gone;
        gone.start(first, {});
    }
    QTest::qWait(50);
}

void SuspectsRunnerTest::theGuiThreadStaysFreeOnALargeTrace() {
    const auto loaded = summarizeFile(
        loadTraceFile(test::writeLargeJaeger(tmp_, test::kLargeSpans).toStdString()).file);
    const auto trace = loaded->file->traces[0];
    TraceAnalysisRunner runner;
    QSignalSpy finished(&runner, &TraceAnalysisRunner::finished);
    // A timer the GUI thread must keep serving while the worker ranks 300k spans.
    QElapsedTimer clock;
    qint64 last = 0, worstGap = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    timer.start();
    runner.start(trace, {});
    QVERIFY(finished.wait(60000));
    timer.stop();
    const Analysis a = finished.at(0).at(0).value<Analysis>();
    QVERIFY(a->ranking && a->criticalPath);
    QCOMPARE(a->criticalPath->criticalNs.size(), trace->spanCount());
    qInfo("300k spans analysed in %lld ms; GUI thread: %d ticks, worst gap %lld ms", a->elapsedMs,
          ticks, worstGap);
    // The worker is only worth checking when it took a while; then the event loop kept going.
    if (clock.elapsed() > 200) QVERIFY2(worstGap < 150, qPrintable(QString::number(worstGap)));
}

void SuspectsRunnerTest::aGoodWeightsFileChangesTheScores() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const uint32_t charge = test::spanNamed(*trace, "charge");
    TraceAnalysisRunner runner;
    const Analysis defaults = analyse(runner, trace);
    const double before = scoreOf(*defaults->ranking, charge);
    QVERIFY(before > 0);

    const RankingWeights standard = RankingWeights::defaults();
    const QString path = test::writeFile(
        tmp_, QStringLiteral("good-weights.json"),
        QByteArray("{\"error_origin\": ") + QByteArray::number(standard.errorOrigin + 10) + "}");
    QString error;
    const RankingWeights loaded = loadRankingWeights(path, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded.errorOrigin, standard.errorOrigin + 10);
    QCOMPARE(loaded.exception, standard.exception);  // the rest stays

    const Analysis custom = analyse(runner, trace, path);
    QVERIFY(custom->weightsError.isEmpty());
    QCOMPARE(custom->ranking->suspects.front().span, charge);
    QVERIFY2(
        scoreOf(*custom->ranking, charge) > before,
        qPrintable(QStringLiteral("%1 → %2").arg(before).arg(scoreOf(*custom->ranking, charge))));

    // No file at all: the defaults, no message.
    const RankingWeights none =
        loadRankingWeights(tmp_.filePath(QStringLiteral("none.json")), error);
    QVERIFY(error.isEmpty());
    QCOMPARE(none.errorOrigin, standard.errorOrigin);
    QVERIFY(rankingWeightsPath().endsWith(QStringLiteral("/ranking-weights.json")));
}

void SuspectsRunnerTest::aBadWeightsFileSaysWhyAndUsesTheDefaults() {
    const auto trace = test::traceFromJson(test::kCheckoutJson);
    const uint32_t charge = test::spanNamed(*trace, "charge");
    TraceAnalysisRunner runner;
    const double standard = scoreOf(*analyse(runner, trace)->ranking, charge);

    const struct {
        const char* name;
        QByteArray content;
        const char* says;
    } bad[] = {
        {"unknown.json", "{\"error_origin\": 50, \"no_such_weight\": 1}", "no_such_weight"},
        {"text.json", "{\"error_origin\": \"high\"}", "error_origin"},
        {"broken.json", "{\"error_origin\": ", "JSON"},
        {"array.json", "[1, 2]", ""},
    };
    for (const auto& b : bad) {
        const QString path = test::writeFile(tmp_, QString::fromLatin1(b.name), b.content);
        const Analysis a = analyse(runner, trace, path);
        const QString message = a->weightsError;
        QVERIFY2(message.contains(QString::fromLatin1(b.name)), qPrintable(message));
        QVERIFY2(message.contains(QString::fromLatin1(b.says)), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));  // one line
        QVERIFY(a->error.isEmpty());
        // Not half of the file: error_origin 50 of the first file is not applied either.
        QCOMPARE(scoreOf(*a->ranking, charge), standard);
    }

    // A path that cannot be read as a file.
    const QString folder = tmp_.filePath(QStringLiteral("a-folder.json"));
    QVERIFY(QDir().mkpath(folder));
    QString error;
    loadRankingWeights(folder, error);
    QVERIFY2(error.contains(QStringLiteral("a-folder.json")), qPrintable(error));
}

QTEST_MAIN(SuspectsRunnerTest)
#include "suspects_runner_test.moc"
