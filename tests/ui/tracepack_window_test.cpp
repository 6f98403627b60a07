// A .tracepack.json opened in the app: the tab says it is a tracepack, the spans standing for
// collapsed healthy subtrees are drawn as summaries (muted italics, a hatched bar), the
// Suspects panel lists the pack's own ranking rather than ranking the slice again, and
// File › Export Tracepack… (Ctrl+Shift+E) opens the export dialog for the shown trace.
// ROOTLINE_SAVE_WIDGET_PNG=dir saves pictures of the window and the dialog.

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTreeView>
#include <QtTest>

#include "main_window.h"
#include "suspects/suspects_model.h"
#include "suspects/suspects_panel.h"
#include "suspects/trace_analysis_runner.h"
#include "trace_tab.h"
#include "tracepack/tracepack_builder.h"
#include "tracepack/tracepack_export_dialog.h"
#include "tracepack/tracepack_export_runner.h"
#include "tracepack/tracepack_origin.h"
#include "tracepack_test_support.h"
#include "waterfall/waterfall_painter.h"
#include "waterfall/waterfall_view.h"

using namespace rootline;
using namespace rootline::ui;
using namespace rootline::ui::test;

namespace {

TraceTab* openAndAnalyse(MainWindow& w, const QString& path) {
    QSignalSpy settled(&w, &MainWindow::loadSettled);
    w.openFile(path);
    if (!settled.wait(20000)) qFatal("%s did not load", qPrintable(path));
    TraceTab* tab = w.currentTraceTab();
    if (!tab) qFatal("no trace tab");
    if (!tab->analysis()) {
        QSignalSpy finished(tab, &TraceTab::analysisFinished);
        if (!finished.wait(20000)) qFatal("the analysis did not finish");
    }
    if (!QTest::qWaitFor([tab] { return tab->waterfall()->viewport()->width() > 400; }))
        qFatal("the tab was not laid out");
    return tab;
}

// Pixels of a bar drawn exactly in `colour`, over the bar's part of row `row`.
int solidPixels(const WaterfallView& w, const QImage& image, uint32_t span, const QColor& colour) {
    const Trace& t = *w.trace();
    const int row = w.rows()->rowOf(span);
    const QRect r = w.rowRect(row);
    const WaterfallFrame f = w.frame();
    const int x0 = int(f.geometry.barsLeft() + w.scale().toX(double(t.start[span] - t.startNs)));
    const int x1 = int(f.geometry.barsLeft() +
                       w.scale().toX(double(t.start[span] + t.duration[span] - t.startNs)));
    if (x1 - x0 < 12) qFatal("the bar of span %u is too narrow to look at", span);
    int n = 0;
    for (int x = std::max(x0 + 2, f.geometry.barsLeft()); x < std::min(x1 - 2, image.width()); ++x)
        if (image.pixel(x, r.center().y()) == colour.rgb()) ++n;
    return n;
}

}  // namespace

class TracepackWindowTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString packPath_;
    std::string packBytes_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
        auto trace = loadTrace(fixture(kPackFixture));
        PackOptions options;
        options.source = "ui-genai-57spans-10svc-error.json (Jaeger JSON)";
        const PackResult pack = buildTracepack(*trace, rankSuspects(*trace), options);
        QVERIFY2(pack.ok(), pack.error.c_str());
        QVERIFY(pack.summariesInPack > 0);
        QVERIFY(pack.suspectsInPack > 0);
        packBytes_ = pack.bytes;
        packPath_ = writeFile(dir_, QStringLiteral("4a1b2c3.tracepack.json"),
                              QByteArray::fromStdString(pack.bytes));
        QVERIFY(!packPath_.isEmpty());
    }
    void init() { QSettings().clear(); }
    void cleanup() {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
    }

    void aPackShowsItsSummariesAndItsOwnSuspects() {
        MainWindow w;
        w.show();
        TraceTab* tab = openAndAnalyse(w, packPath_);
        const Trace& t = tab->trace();
        QVERIFY(t.tracepack);
        QVERIFY(tab->title().contains(QStringLiteral("tracepack")));

        // The summaries: styled in the tree and the waterfall.
        const TracepackOrigin& origin = *t.tracepack;
        QVERIFY(!origin.collapsedSpans.empty());
        WaterfallView* wf = tab->waterfall();
        // The longest summary and the longest healthy span that is not the root, to look at.
        uint32_t summary = origin.collapsedSpans.front();
        int32_t plain = -1;
        for (uint32_t s = 0; s < t.spanCount(); ++s) {
            QCOMPARE(isSummarySpan(t, s), origin.isCollapsed(s));
            if (origin.isCollapsed(s) && t.duration[s] > t.duration[summary]) summary = s;
            if (!origin.isCollapsed(s) && !t.isError(s) && t.parent[s] >= 0 &&
                (plain < 0 || t.duration[s] > t.duration[size_t(plain)]))
                plain = int32_t(s);
        }
        QVERIFY(plain >= 0);
        QVERIFY(wf->rows()->rowOf(summary) >= 0);
        // Neither row selected, both on screen, so the bars show their own colours.
        wf->setCurrentSpan(int32_t(t.roots.front()));
        wf->setCriticalPathShown(false);
        QTest::qWait(20);
        const QImage image = wf->viewport()->grab().toImage();
        const WaterfallFrame f = wf->frame();
        const QColor summaryColour = (*f.serviceColors)[t.service[summary]];
        const QColor plainColour = (*f.serviceColors)[t.service[plain]];
        QVERIFY2(solidPixels(*wf, image, uint32_t(plain), plainColour) > 5, "a plain bar is solid");
        const int summaryBar = solidPixels(*wf, image, summary, summaryColour);
        QVERIFY2(summaryBar == 0, qPrintable(QString::number(summaryBar)));  // hatched, not filled

        // The suspects: the pack's, in its order.
        const Ranking* ranking = wf->ranking();
        QVERIFY(ranking);
        QCOMPARE(ranking->suspects.size(), origin.ranking.suspects.size());
        SuspectsModel* model = tab->suspects()->model();
        QCOMPARE(model->rowCount(), int(origin.ranking.suspects.size()));
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->spanAt(r), origin.ranking.suspects[size_t(r)].span);
        QCOMPARE(tab->suspects()->placeholderText(), QString());

        const QByteArray dirPng = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dirPng.isEmpty()) {
            wf->setCurrentSpan(int32_t(summary));
            QTest::qWait(50);
            QVERIFY(w.grab().save(QDir(QString::fromLocal8Bit(dirPng))
                                      .filePath(QStringLiteral("tracepack-open.png"))));
        }
    }

    void exportTracepackOpensTheDialogForTheShownTrace() {
        MainWindow w;
        w.show();
        auto* action = w.findChild<QAction*>(QStringLiteral("actionExportTracepack"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled());  // no trace shown yet
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        TraceTab* tab = openAndAnalyse(w, packPath_);
        QVERIFY(action->isEnabled());
        action->trigger();
        TracepackExportDialog* d = tab->exportDialog();
        QVERIFY(d);
        QVERIFY(d->isVisible());
        QVERIFY(QTest::qWaitFor([d] { return !d->isBuilding(); }, 20000));
        QVERIFY2(d->packError().isEmpty(), qPrintable(d->packError()));
        // The vault of the test's own data folder, never the user's.
        QVERIFY(d->vaultPath().startsWith(dir_.path()));
        // Pack → open → pack gives the same bytes.
        QCOMPARE(d->packBytes(), QByteArray::fromStdString(packBytes_));
        action->trigger();  // again: the same dialog, raised
        QCOMPARE(tab->exportDialog(), d);

        const QByteArray dirPng = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dirPng.isEmpty()) {
            d->resize(1100, 720);
            QTest::qWait(50);
            QVERIFY(d->grab().save(QDir(QString::fromLocal8Bit(dirPng))
                                       .filePath(QStringLiteral("tracepack-export-pack.png"))));
        }
        d->close();
        QTRY_VERIFY(!tab->exportDialog());  // deleted on close
    }

    void theExportUsesTheRankingTheWindowComputed() {
        // A vault of a known key where the app looks for it (the test's data folder).
        const QString vaultPath = QString::fromStdString(TokenVault::defaultPath());
        QVERIFY(vaultPath.startsWith(dir_.path()));
        const TokenVault vault = writeVault(vaultPath);
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        TraceTab* tab = openAndAnalyse(w, QStringLiteral(ROOTLINE_DEMO_TRACE));
        QVERIFY(tab->analysis() && tab->analysis()->ranking);
        QTest::keyClick(&w, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        TracepackExportDialog* d = tab->exportDialog();
        QVERIFY(d);
        QVERIFY(QTest::qWaitFor([d] { return !d->isBuilding(); }, 20000));
        TracepackRequest request;
        request.source = QStringLiteral("checkout-incident.json (%1)")
                             .arg(QString::fromStdString(tab->file()->file->format));
        const PackResult expected = buildTracepack(tab->trace(), *tab->analysis()->ranking,
                                                   packOptionsFor(request, vault.key, nullptr));
        QVERIFY(expected.ok());
        QCOMPARE(d->packBytes(), QByteArray::fromStdString(expected.bytes));

        const QByteArray dirPng = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
        if (!dirPng.isEmpty()) {
            d->resize(1100, 720);
            QTest::qWait(100);
            QVERIFY(d->grab().save(QDir(QString::fromLocal8Bit(dirPng))
                                       .filePath(QStringLiteral("tracepack-export-demo.png"))));
        }
        d->close();
    }
};

QTEST_MAIN(TracepackWindowTest)
#include "tracepack_window_test.moc"
