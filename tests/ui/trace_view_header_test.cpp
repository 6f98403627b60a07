// TraceHeader: the facts of real fixtures, the clickable error and warning counts (clicked
// through the window, as a user does), the trace id's copy action, and the layout at 1366 px
// and in a narrow window.

#include <QAction>
#include <QClipboard>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTimeZone>
#include <QToolButton>
#include <QtTest>

#include "colors.h"
#include "elided_label.h"
#include "test_support.h"
#include "trace_view/trace_header.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

const char* const kGenAi = "jaeger/ui-genai-57spans-10svc-error.json";
const char* const kEdgeCases = "jaeger/jaeger-uimodel-edgecases.json";
const char* const kTempo = "tempo/servicegraphs_trace-with-virtual-nodes.json";

template <typename T>
T* child(const QWidget& w, const char* name) {
    T* found = w.findChild<T*>(QString::fromLatin1(name));
    if (!found) qFatal("no child %s", name);
    return found;
}

QString value(const QWidget& w, const char* fact) {
    return child<QLabel>(w, (QByteArray(fact) + "Value").constData())->text();
}

// A click where the user would click: through the window, so a child that lets mouse events
// through really is not hit.
void clickThroughWindow(QWidget& top, QWidget* target) {
    const QPoint pos = target->mapTo(&top, target->rect().center());
    QTest::mouseClick(top.windowHandle(), Qt::LeftButton, {}, pos);
}

struct Loaded {
    std::shared_ptr<const LoadedFile> file;
    const Trace& trace(int i = 0) const { return *file->file->traces[size_t(i)]; }
    const TraceSummary& summary(int i = 0) const { return file->summaries[size_t(i)]; }
};

Loaded load(const char* fixture) {
    return {test::loadSnapshot(fixture)};
}

// One span whose operation name is `length` characters long.
Loaded longNameTrace(int length) {
    const QByteArray name(length, 'x');
    const QByteArray json =
        "{\"data\":[{\"traceID\":\"00000000000000000000000000000abc\",\"spans\":[{\"traceID\":"
        "\"00000000000000000000000000000abc\",\"spanID\":\"0000000000000001\",\"operationName\":"
        "\"GET /" +
        name +
        "\",\"references\":[],\"startTime\":1600000000000000,\"duration\":10,\"processID\":"
        "\"p1\"}],\"processes\":{\"p1\":{\"serviceName\":\"frontend\"}}}]}";
    LoadResult r = loadTraceText(std::string_view(json.constData(), size_t(json.size())), "long");
    if (!r.ok()) qFatal("long-name trace did not load: %s", r.error.message.c_str());
    return {summarizeFile(std::move(r.file))};
}

}  // namespace

class TraceViewHeaderTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // Thousands separators, so the test sees that numbers go through QLocale.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void factsOfTheGenAiTrace() {
        const Loaded f = load(kGenAi);
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());

        QCOMPARE(child<ElidedLabel>(header, "headerTitle")->text(),
                 QStringLiteral("api-edge: POST /api/graphql"));
        QVERIFY(child<ElidedLabel>(header, "headerTitle")->font().bold());
        QVERIFY(child<ElidedLabel>(header, "headerTitle")->font().pointSizeF() >
                header.font().pointSizeF());
        QCOMPARE(child<QLabel>(header, "headerTraceId")->text(), QStringLiteral("4a1b2c3"));
        QVERIFY(child<QLabel>(header, "headerTraceId")
                    ->toolTip()
                    .contains(QStringLiteral("4a1b2c3d4e5f60718293a4b5c6d7e8f9")));
        QCOMPARE(value(header, "headerSpans"), QStringLiteral("57"));
        QCOMPARE(value(header, "headerServices"), QStringLiteral("10"));
        QCOMPARE(value(header, "headerDepth"), QString::number(f.summary().depth));
        QCOMPARE(value(header, "headerDuration"), QStringLiteral("44 s"));
        // Local time in the label, UTC in the tooltip.
        const QDateTime local =
            QDateTime::fromMSecsSinceEpoch(f.summary().startNs / 1000000, Qt::LocalTime);
        QVERIFY(value(header, "headerStart").endsWith(local.toString("HH:mm:ss.zzz")));
        QCOMPARE(child<QWidget>(header, "headerStart")->toolTip(),
                 QStringLiteral("2026-02-02T02:40:00.001000Z UTC"));

        auto* errors = child<QToolButton>(header, "headerErrors");
        QCOMPARE(errors->text(), QStringLiteral("1 error"));
        QCOMPARE(errors->palette().color(QPalette::ButtonText), errorTextColor());
        QVERIFY(!errors->testAttribute(Qt::WA_TransparentForMouseEvents));
        // One root: the roots are not mentioned. One span ends after its parent: a warning.
        QVERIFY(!child<QWidget>(header, "headerRoots")->isVisibleTo(&header));
        QCOMPARE(child<QToolButton>(header, "headerWarnings")->text(), QStringLiteral("1 warning"));

        const QString text = header.text();
        QCOMPARE(text, QStringLiteral("api-edge: POST /api/graphql · 4a1b2c3 · Start %1 · "
                                      "Duration 44 s · Services 10 · Depth %2 · Spans 57 · "
                                      "1 error · 1 warning")
                           .arg(value(header, "headerStart"), value(header, "headerDepth")));
    }

    void brokenTraceShowsRootsAndWarnings() {
        const Loaded f = load(kEdgeCases);
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());
        QVERIFY(header.text().contains(QStringLiteral("service-x: test-general-conversion")));
        QVERIFY(header.text().contains(QStringLiteral("Spans 5")));
        QVERIFY(header.text().contains(QStringLiteral("Roots 2")));
        QVERIFY(header.text().endsWith(QStringLiteral("1 error · 5 warnings")));
        auto* warnings = child<QToolButton>(header, "headerWarnings");
        QVERIFY(warnings->isVisibleTo(&header));
        QVERIFY(!warnings->icon().isNull());
    }

    void clickingTheCountsEmitsTheirSignals() {
        const Loaded f = load(kEdgeCases);
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());
        header.resize(1366, header.heightForWidth(1366));
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        QSignalSpy errors(&header, &TraceHeader::errorsClicked);
        QSignalSpy warnings(&header, &TraceHeader::warningsClicked);

        clickThroughWindow(header, child<QToolButton>(header, "headerErrors"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(warnings.count(), 0);
        clickThroughWindow(header, child<QToolButton>(header, "headerWarnings"));
        QCOMPARE(warnings.count(), 1);
        QCOMPARE(errors.count(), 1);
        // The other facts are not buttons.
        clickThroughWindow(header, child<QWidget>(header, "headerSpans"));
        QCOMPARE(errors.count() + warnings.count(), 2);
    }

    void noErrorsIsNotClickable() {
        const Loaded f = load(kTempo);
        TraceHeader header;
        header.setTrace(f.trace(1), f.summary(1));
        header.resize(1366, header.heightForWidth(1366));
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        QSignalSpy errors(&header, &TraceHeader::errorsClicked);
        auto* button = child<QToolButton>(header, "headerErrors");
        QCOMPARE(button->text(), QStringLiteral("No errors"));
        QVERIFY(button->palette().color(QPalette::ButtonText) != errorTextColor());
        clickThroughWindow(header, button);
        QCOMPARE(errors.count(), 0);
        QVERIFY(!header.text().contains(QStringLiteral("warning")));

        // A trace with errors shown in the same header makes it a button again.
        const Loaded withErrors = load(kGenAi);
        header.setTrace(withErrors.trace(), withErrors.summary());
        QVERIFY(!button->testAttribute(Qt::WA_TransparentForMouseEvents));
        clickThroughWindow(header, button);
        QCOMPARE(errors.count(), 1);
    }

    void copyTheFullTraceId() {
        const Loaded f = load(kGenAi);
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());
        auto* id = child<QLabel>(header, "headerTraceId");
        QCOMPARE(id->contextMenuPolicy(), Qt::ActionsContextMenu);
        QAction* copy = id->findChild<QAction*>(QStringLiteral("copyTraceId"));
        QVERIFY(copy);
        QVERIFY(id->actions().contains(copy));
        QGuiApplication::clipboard()->clear();
        copy->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("4a1b2c3d4e5f60718293a4b5c6d7e8f9"));
    }

    void shortIds() {
        QCOMPARE(TraceHeader::shortTraceId(QStringLiteral("4a1b2c3d4e5f60718293a4b5c6d7e8f9")),
                 QStringLiteral("4a1b2c3"));
        QCOMPARE(TraceHeader::shortTraceId(QStringLiteral("trace-1")), QStringLiteral("trace-1"));
        QCOMPARE(TraceHeader::shortTraceId(QStringLiteral("an-opaque-trace-identifier")),
                 QStringLiteral("an-opaque-t…"));
    }

    void emptyTrace() {
        TraceHeader header;
        header.setTrace(Trace(), TraceSummary());
        QCOMPARE(header.text(), QStringLiteral("Empty trace · Start — · Duration 0 · Services 0 · "
                                               "Depth 0 · Spans 0 · No errors"));
    }

    void fitsTwoLinesAt1366AndWrapsWhenNarrow() {
        const Loaded f = load(kEdgeCases);  // every fact shown, roots and warnings included
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());
        header.resize(1366, header.heightForWidth(1366));
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        auto* start = child<QWidget>(header, "headerStart");
        auto* warnings = child<QToolButton>(header, "headerWarnings");
        // One line: the same middle, give or take the pixel of centring a taller button.
        QVERIFY(qAbs(warnings->geometry().center().y() - start->geometry().center().y()) <= 1);
        QVERIFY(warnings->mapTo(&header, QPoint(warnings->width(), 0)).x() <= 1366);
        const int twoLines = header.height();
        QVERIFY2(twoLines < 3 * child<ElidedLabel>(header, "headerTitle")->height(),
                 qPrintable(QString::number(twoLines)));

        // 480 px: the facts wrap (the header grows) but nothing leaves the header.
        header.resize(480, header.heightForWidth(480));
        QTest::qWait(20);
        QVERIFY(header.height() > twoLines);
        QVERIFY(warnings->geometry().center().y() > start->geometry().center().y());
        for (QWidget* w : header.findChildren<QWidget*>())
            if (w->isVisible() && w->parentWidget() != nullptr && w->parentWidget() != &header &&
                w->parentWidget()->parentWidget() == &header)
                QVERIFY2(w->mapTo(&header, QPoint(w->width(), 0)).x() <= 480,
                         qPrintable(w->objectName()));
    }

    void longOperationNamesAreElided() {
        const Loaded f = longNameTrace(400);
        TraceHeader header;
        header.setTrace(f.trace(), f.summary());
        header.resize(1366, header.heightForWidth(1366));
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        auto* title = child<ElidedLabel>(header, "headerTitle");
        QVERIFY(title->isElided());
        QVERIFY(title->toolTip().endsWith(QString(400, u'x')));  // whole in the tooltip
        QVERIFY(header.width() <= 1366);
        // The trace id stays readable beside it.
        auto* id = child<QLabel>(header, "headerTraceId");
        QVERIFY(id->isVisible());
        QVERIFY(id->width() >= id->sizeHint().width());
    }
};

QTEST_MAIN(TraceViewHeaderTest)
#include "trace_view_header_test.moc"
