// The span details panel as a user meets it: header facts, the exception box (a real fixture's
// error and generated stacks up to 40 KB), the attribute filter, copying, links and the parent
// that jump, orphans and warnings, tabs, a 500-attribute span, and the panel at 380×300.
// ROOTLINE_SAVE_WIDGET_PNG=dir saves screenshots of the panel for a human to look at.

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextEdit>
#include <QTimer>
#include <QtTest>
#include <algorithm>

#include "colors.h"
#include "formats/load.h"
#include "span_details/detail_tree_view.h"
#include "span_details/selectable_elided_line.h"
#include "span_details/span_attributes_model.h"
#include "span_details/span_details_panel.h"
#include "span_details/span_events_model.h"
#include "span_details/span_header.h"
#include "span_details/span_links_model.h"
#include "span_details/span_warnings_model.h"
#include "test_support.h"

using namespace rootline;
using namespace rootline::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
const QString kTraceId = u"5b8efff798038103d269b633813fc700"_s;
constexpr qint64 kBaseNs = 1700000000000000000LL;
const QString kStackFirstLine = u"java.lang.IllegalStateException: card declined"_s;
const QString kStackFrame = u"\tat com.shop.Payment.charge(Payment.java:42)"_s;
constexpr int kManyAttributes = 500;
constexpr int kHugeStackBytes = 40 * 1024;

// ---- a small OTLP/JSON writer, so the test traces read as what they are ----

QJsonObject attr(const QString& key, const QJsonValue& value) {
    QJsonObject v;
    if (value.isDouble())
        v[u"intValue"_s] = QString::number(qint64(value.toDouble()));
    else
        v[u"stringValue"_s] = value.toString();
    return {{u"key"_s, key}, {u"value"_s, v}};
}

QString nanos(double ms) {
    return QString::number(kBaseNs + qint64(ms * 1e6));
}

QString spanId(int n) {
    return u"%1"_s.arg(n, 16, 16, QLatin1Char('0'));
}

struct SpanSpec {
    int id = 0;
    QString parent{};  // a span id, or empty for a root
    QString name{};
    int kind = 1;  // internal
    double startMs = 0;
    double endMs = 0;
    QJsonArray attributes{};
    QJsonArray events{};
    QJsonArray links{};
    QJsonObject status{};
};

QJsonObject span(const SpanSpec& s) {
    QJsonObject o{{u"traceId"_s, kTraceId},
                  {u"spanId"_s, spanId(s.id)},
                  {u"name"_s, s.name},
                  {u"kind"_s, s.kind},
                  {u"startTimeUnixNano"_s, nanos(s.startMs)},
                  {u"endTimeUnixNano"_s, nanos(s.endMs)},
                  {u"attributes"_s, s.attributes},
                  {u"events"_s, s.events},
                  {u"links"_s, s.links},
                  {u"status"_s, s.status}};
    if (!s.parent.isEmpty()) o[u"parentSpanId"_s] = s.parent;
    return o;
}

QJsonObject event(double ms, const QString& name, const QJsonArray& attributes) {
    return {{u"timeUnixNano"_s, nanos(ms)}, {u"name"_s, name}, {u"attributes"_s, attributes}};
}

QJsonObject resourceSpans(const QString& service, const QJsonArray& spans,
                          const QJsonArray& extraResource = {}) {
    QJsonArray resource{attr(u"service.name"_s, service)};
    for (const QJsonValue& a : extraResource)
        resource.append(a);
    const QJsonObject scope{{u"name"_s, u"io.opentelemetry.servlet"_s},
                            {u"version"_s, u"1.32.0"_s}};
    return {{u"resource"_s, QJsonObject{{u"attributes"_s, resource}}},
            {u"scopeSpans"_s, QJsonArray{QJsonObject{{u"scope"_s, scope}, {u"spans"_s, spans}}}}};
}

std::shared_ptr<const Trace> load(const QByteArray& json) {
    LoadResult r =
        loadTraceText(std::string_view(json.constData(), size_t(json.size())), "inline.json");
    if (!r.ok()) qFatal("inline trace did not load: %s", r.error.message.c_str());
    return r.file->traces.at(0);
}

QString hugeStack() {
    QString stack = kStackFirstLine + QLatin1Char('\n');
    for (int i = 0; stack.size() < kHugeStackBytes; ++i)
        stack += u"\tat com.shop.generated.Layer%1.call(Layer%1.java:%2)\n"_s.arg(i).arg(100 + i);
    return stack;
}

QString longSql() {
    QString sql = u"SELECT o.id, o.customer_id, o.total FROM orders o WHERE o.id IN ("_s;
    for (int i = 0; sql.size() < 2048; ++i)
        sql += QString::number(100000 + i) + u", "_s;
    return sql + u"0) ORDER BY o.created_at DESC"_s;
}

// A shop's checkout: an inferred error at the root (HTTP 500), a payment that throws twice and
// links into this trace and another, an orphan, a span 10 ms before its parent, a span with no
// attributes, and a span with 500 attributes (one a 2 KB SQL statement) and a 40 KB stack.
std::shared_ptr<const Trace> shopTrace() {
    const QString root = spanId(1);
    const QJsonObject error{{u"code"_s, 2}};
    QJsonArray many{attr(u"db.query.text"_s, longSql())};
    for (int i = 1; i < kManyAttributes; ++i)
        many.append(attr(u"attr.%1"_s.arg(i, 3, 10, QLatin1Char('0')), u"value %1"_s.arg(i)));
    const QJsonArray frontend{
        span({.id = 1,
              .name = u"GET /checkout"_s,
              .kind = 2,
              .endMs = 100,
              .attributes = {attr(u"http.request.method"_s, u"GET"_s),
                             attr(u"http.response.status_code"_s, 500),
                             attr(u"url.path"_s, u"/checkout"_s)}}),
        span({.id = 3, .parent = spanId(0xfff), .name = u"lost"_s, .startMs = 70, .endMs = 80}),
        span({.id = 4, .parent = root, .name = u"early"_s, .startMs = -10, .endMs = 5}),
        span({.id = 5, .parent = root, .name = u"plain"_s, .startMs = 80, .endMs = 90}),
        span({.id = 6,
              .parent = root,
              .name = u"huge"_s,
              .kind = 3,
              .startMs = 90,
              .endMs = 99,
              .attributes = many,
              .events = {event(95, u"exception"_s,
                               {attr(u"exception.type"_s, u"java.lang.IllegalStateException"_s),
                                attr(u"exception.stacktrace"_s, hugeStack())})},
              .status = error})};
    const QString stack =
        kStackFirstLine + u'\n' + kStackFrame + u"\n\tat com.shop.Checkout.run(Checkout.java:17)"_s;
    const QJsonArray payments{
        span({.id = 2,
              .parent = root,
              .name = u"charge card"_s,
              .kind = 3,
              .startMs = 10,
              .endMs = 60,
              .attributes = {attr(u"rpc.system"_s, u"grpc"_s), attr(u"card.brand"_s, u"VISA"_s)},
              .events = {event(20, u"retry"_s, {attr(u"attempt"_s, 2)}),
                         event(50, u"exception"_s,
                               {attr(u"exception.type"_s, u"java.lang.IllegalStateException"_s),
                                attr(u"exception.message"_s, u"card declined"_s),
                                attr(u"exception.stacktrace"_s, stack)}),
                         event(55, u"exception"_s,
                               {attr(u"exception.type"_s, u"java.net.SocketTimeoutException"_s),
                                attr(u"exception.message"_s, u"read timed out"_s)})},
              .links = {QJsonObject{{u"traceId"_s, kTraceId}, {u"spanId"_s, root}},
                        QJsonObject{{u"traceId"_s, u"0af7651916cd43dd8448eb211c80319c"_s},
                                    {u"spanId"_s, u"00f067aa0ba902b7"_s}}},
              .status = {{u"code"_s, 2}, {u"message"_s, u"card declined"_s}}})};
    const QJsonArray resources{
        resourceSpans(u"frontend"_s, frontend, {attr(u"host.name"_s, u"web-1"_s)}),
        resourceSpans(u"payments"_s, payments)};
    return load(
        QJsonDocument(QJsonObject{{u"resourceSpans"_s, resources}}).toJson(QJsonDocument::Compact));
}

// Jaeger logs the OpenTracing way: event=error, error.kind, error.object, stack.
std::shared_ptr<const Trace> jaegerErrorTrace() {
    auto tag = [](const QString& key, const QJsonValue& value) {
        return QJsonObject{{u"key"_s, key},
                           {u"type"_s, value.isBool() ? u"bool"_s : u"string"_s},
                           {u"value"_s, value}};
    };
    const QString tid = u"00000000000000000000000000000abc"_s;
    const QJsonArray fields{
        tag(u"event"_s, u"error"_s), tag(u"error.kind"_s, u"ZeroDivisionError"_s),
        tag(u"error.object"_s, u"division by zero"_s),
        tag(u"stack"_s,
            u"Traceback (most recent call last):\n  File \"calc.py\", line 3, in "
            u"divide\nZeroDivisionError: division by zero"_s)};
    const QJsonObject s{{u"traceID"_s, tid},
                        {u"spanID"_s, u"0000000000000001"_s},
                        {u"operationName"_s, u"divide"_s},
                        {u"startTime"_s, 1600000000000000LL},
                        {u"duration"_s, 1000},
                        {u"tags"_s, QJsonArray{tag(u"error"_s, true)}},
                        {u"logs"_s, QJsonArray{QJsonObject{{u"timestamp"_s, 1600000000000500LL},
                                                           {u"fields"_s, fields}}}},
                        {u"processID"_s, u"p1"_s}};
    const QJsonObject processes{{u"p1"_s, QJsonObject{{u"serviceName"_s, u"calc"_s}}}};
    const QJsonObject trace{
        {u"traceID"_s, tid}, {u"spans"_s, QJsonArray{s}}, {u"processes"_s, processes}};
    return load(
        QJsonDocument(QJsonObject{{u"data"_s, QJsonArray{trace}}}).toJson(QJsonDocument::Compact));
}

std::shared_ptr<const Trace> fixtureTrace(const char* relative) {
    LoadResult r = loadTraceFile(test::fixture(relative).toStdString());
    if (!r.ok()) qFatal("cannot load fixture %s: %s", relative, r.error.message.c_str());
    return r.file->traces.at(0);
}

int32_t spanNamed(const Trace& trace, std::string_view name) {
    for (size_t i = 0; i < trace.spanCount(); ++i)
        if (trace.nameOf(i) == name) return int32_t(i);
    qFatal("no span named %.*s", int(name.size()), name.data());
    return -1;
}

QString labelText(const QWidget& panel, const char* name) {
    auto* label = panel.findChild<QLabel*>(QLatin1String(name));
    if (!label) qFatal("no label %s", name);
    return label->text();
}

// The attribute row with `key` in the attributes view's model.
QModelIndex attributeRow(const SpanAttributesModel& model, const QString& key) {
    for (int g = 0; g < SpanAttributesModel::GroupCount; ++g) {
        const QModelIndex group = model.groupIndex(SpanAttributesModel::Group(g));
        for (int r = 0; r < model.rowCount(group); ++r)
            if (model.index(r, 0, group).data().toString() == key) return model.index(r, 0, group);
    }
    return {};
}

void saveShot(QWidget& widget, const QString& name) {
    // Layouts settle over a few posted events (scroll bars appear, the splitter is shared out).
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QPixmap shot = widget.grab();
    QVERIFY(!shot.isNull());
    const QByteArray dir = qgetenv("ROOTLINE_SAVE_WIDGET_PNG");
    if (!dir.isEmpty()) QVERIFY(shot.save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name));
}

// Triggers the action `text` of the context menu the view opens at `index`.
void triggerContextAction(DetailTreeView* view, const QModelIndex& index, const QString& text) {
    bool triggered = false;
    QTimer::singleShot(0, view, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction* action : menu->actions())
            if (action->text() == text) {
                QVERIFY(action->isEnabled());
                action->trigger();
                triggered = true;
            }
        menu->close();
    });
    const QPoint pos = view->visualRect(index).center();
    // As a right click delivers it: to the viewport, in its coordinates.
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    QVERIFY2(triggered, qPrintable(text));
}

}  // namespace

class SpanDetailsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void placeholderUntilASpanIsShown() {
        SpanDetailsPanel panel;
        auto* pages = panel.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(labelText(panel, "spanPlaceholder"), u"No trace"_s);
        QCOMPARE(pages->currentWidget()->objectName(), u"spanPlaceholder"_s);
        panel.setTrace(shopTrace());
        QCOMPARE(labelText(panel, "spanPlaceholder"), u"Select a span"_s);
        QCOMPARE(panel.span(), -1);
        QVERIFY(panel.exceptionText().isEmpty());
        panel.showSpan(0);
        QCOMPARE(pages->currentWidget()->objectName(), u"spanDetailsScroll"_s);
        panel.showSpan(-1);
        QCOMPARE(pages->currentWidget()->objectName(), u"spanPlaceholder"_s);
        QCOMPARE(panel.attributesModel()->totalCount(), 0);
    }

    void headerOfAnInferredError() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.showSpan(spanNamed(*trace, "GET /checkout"));
        QCOMPARE(panel.header()->name(), u"GET /checkout"_s);
        QCOMPARE(labelText(panel, "spanService"), u"frontend"_s);
        QCOMPARE(labelText(panel, "spanKind"), u"Kind: server"_s);
        QCOMPARE(labelText(panel, "spanStatus"), u"Status: Error (inferred from HTTP 500)"_s);
        QCOMPARE(panel.findChild<QLabel*>(u"spanStatus"_s)->palette().color(QPalette::WindowText),
                 errorTextColor());
        // The "early" span starts the trace 10 ms before the root.
        QCOMPARE(labelText(panel, "spanStart"), u"Start: +10 ms"_s);
        QCOMPARE(labelText(panel, "spanDuration"), u"Duration: 100 ms"_s);
        QVERIFY(labelText(panel, "spanSelfTime").startsWith(u"Self time: "_s));
        QCOMPARE(labelText(panel, "spanId"), u"Span ID: 0000000000000001"_s);
        QCOMPARE(panel.header()->parentText(), u"Root span (no parent)"_s);
        QCOMPARE(labelText(panel, "spanScope"), u"Scope: io.opentelemetry.servlet 1.32.0"_s);
        // An inferred error has no exception to show.
        QVERIFY(panel.exceptionText().isEmpty());

        // A declared error shows its status message in red.
        panel.showSpan(spanNamed(*trace, "charge card"));
        QCOMPARE(labelText(panel, "spanStatus"), u"Status: Error"_s);
        QCOMPARE(labelText(panel, "spanStatusMessage"), u"card declined"_s);
        QCOMPARE(panel.header()->parentText(), u"Parent: 0000000000000001"_s);
        panel.showSpan(spanNamed(*trace, "plain"));
        QCOMPARE(labelText(panel, "spanStatus"), u"Status: unset"_s);
        QVERIFY(panel.findChild<QLabel*>(u"spanStatusMessage"_s)->isHidden());
    }

    void exceptionOfARealFixture() {
        // agent-strace's failed Bash tool: status ERROR and an OTel "exception" event.
        SpanDetailsPanel panel;
        const auto trace = fixtureTrace("genai/agent-strace-v0.32.0-session.otlp.json");
        panel.setTrace(trace);
        panel.show();
        panel.showSpan(spanNamed(*trace, "Bash"));
        QVERIFY(panel.exceptionText().contains(u"exit code 1: 1 failed, 12 passed"_s));
        auto* box = panel.findChild<QWidget*>(u"exceptionBox"_s);
        QVERIFY(box->isVisible());
        QCOMPARE(labelText(panel, "exceptionTitle"), u"Exception"_s);
        QVERIFY(panel.eventsModel()->index(0, 0).data(SpanEventsModel::IsExceptionRole).toBool());
        panel.showSpan(spanNamed(*trace, "tool/Read"));
        QVERIFY(panel.exceptionText().isEmpty());
        QVERIFY(!box->isVisible());
    }

    void stackTracesInMonospaceAndUnwrapped() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.showSpan(spanNamed(*trace, "charge card"));
        const QString text = panel.exceptionText();
        QVERIFY(text.contains(kStackFirstLine));
        QVERIFY(text.contains(kStackFrame));
        // Both exceptions, in event order.
        const qsizetype second = text.indexOf(u"java.net.SocketTimeoutException: read timed out"_s);
        QVERIFY(second > text.indexOf(kStackFrame));
        QCOMPARE(labelText(panel, "exceptionTitle"), u"Exceptions (2)"_s);

        auto* edit = panel.findChild<QTextEdit*>(u"exceptionText"_s);
        QVERIFY(edit->isReadOnly());
        QVERIFY(edit->textInteractionFlags() & Qt::TextSelectableByMouse);
        const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
        bool sawFrame = false, sawHeadline = false;
        for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next()) {
            if (b.text() == kStackFrame) {
                sawFrame = true;
                QVERIFY(b.blockFormat().nonBreakableLines());  // stack lines never wrap
                QCOMPARE(b.charFormat().font().family(), fixed);
            }
            if (b.text() == kStackFirstLine && !sawFrame && !sawHeadline) {
                sawHeadline = true;  // the headline, before the stack repeats it
                QVERIFY(!b.blockFormat().nonBreakableLines());
                QCOMPARE(b.charFormat().fontWeight(), int(QFont::Bold));
                QCOMPARE(b.charFormat().foreground().color(), errorTextColor());
            }
        }
        QVERIFY(sawFrame);
        QVERIFY(sawHeadline);
        QVERIFY(text.contains(u"recorded +40 ms after the span's start"_s));
    }

    void exceptionFromJaegerLogs() {
        SpanDetailsPanel panel;
        panel.setTrace(jaegerErrorTrace());
        panel.showSpan(0);
        const QString text = panel.exceptionText();
        QVERIFY(text.startsWith(u"ZeroDivisionError: division by zero\n"_s));
        QVERIFY(text.contains(u"Traceback (most recent call last):"_s));
        QCOMPARE(labelText(panel, "spanStatus"), u"Status: Error"_s);
    }

    void filterNarrowsAndSurvivesSpanChanges() {
        SpanDetailsPanel panel;
        QAbstractItemModelTester tester(panel.attributesModel(), kFatal);
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.show();
        const int32_t root = spanNamed(*trace, "GET /checkout");
        panel.showSpan(root);
        auto* count = panel.findChild<QLabel*>(u"spanAttributeFilterCount"_s);
        QVERIFY(!count->isVisible());
        QCOMPARE(panel.tabs()->tabText(SpanDetailsPanel::AttributesTab), u"Attributes (5)"_s);

        QTest::keyClicks(panel.attributeFilter(), u"HTTP"_s);
        QCOMPARE(panel.attributesModel()->shownCount(), 2);
        QCOMPARE(count->text(), u"2 of 5"_s);
        QVERIFY(count->isVisible());
        // The view shows the groups open and the two matches.
        auto* view = panel.attributesView();
        const QModelIndex span =
            panel.attributesModel()->groupIndex(SpanAttributesModel::SpanGroup);
        QVERIFY(view->isExpanded(span));
        QVERIFY(view->isFirstColumnSpanned(0, {}));

        // The same span again, and another span, keep the filter.
        panel.showSpan(root);
        QCOMPARE(panel.attributeFilter()->text(), u"HTTP"_s);
        panel.showSpan(spanNamed(*trace, "charge card"));
        QCOMPARE(panel.attributeFilter()->text(), u"HTTP"_s);
        QCOMPARE(panel.attributesModel()->filter(), u"HTTP"_s);
        QCOMPARE(count->text(), u"0 of 3"_s);

        panel.attributeFilter()->clear();
        QCOMPARE(panel.attributesModel()->shownCount(), 3);
        QVERIFY(!count->isVisible());
    }

    void copyPutsKeyValueLinesOnTheClipboard() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showSpan(spanNamed(*trace, "GET /checkout"));
        auto* view = panel.attributesView();
        const auto* model = panel.attributesModel();
        QClipboard* clipboard = QGuiApplication::clipboard();

        // Two rows, selected bottom first: copied in view order.
        auto* selection = view->selectionModel();
        selection->select(attributeRow(*model, u"url.path"_s),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->select(attributeRow(*model, u"http.request.method"_s),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), u"http.request.method=GET\nurl.path=/checkout"_s);

        // A group row copies its attributes.
        selection->select(model->groupIndex(SpanAttributesModel::ResourceGroup),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), u"service.name=frontend\nhost.name=web-1"_s);

        // The context menu.
        const QModelIndex status = attributeRow(*model, u"http.response.status_code"_s);
        triggerContextAction(view, status.siblingAtColumn(1), u"Copy value"_s);
        QCOMPARE(clipboard->text(), u"500"_s);
        triggerContextAction(view, status, u"Copy key"_s);
        QCOMPARE(clipboard->text(), u"http.response.status_code"_s);
        triggerContextAction(view, status, u"Copy as key=value"_s);
        QCOMPARE(clipboard->text(), u"http.response.status_code=500"_s);

        // Events copy as their line and their attributes.
        panel.showSpan(spanNamed(*trace, "charge card"));
        auto* events = panel.eventsView();
        events->selectionModel()->select(
            panel.eventsModel()->index(0, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(events->selectionText(), u"+10 ms retry\n  attempt=2"_s);
    }

    void linksAndTheParentJumpToSpansInTheTrace() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int32_t root = spanNamed(*trace, "GET /checkout");
        panel.showSpan(spanNamed(*trace, "charge card"));
        panel.tabs()->setCurrentIndex(SpanDetailsPanel::LinksTab);
        QCOMPARE(panel.tabs()->tabText(SpanDetailsPanel::LinksTab), u"Links (2)"_s);
        QSignalSpy jumps(&panel, &SpanDetailsPanel::jumpToSpan);

        auto* view = panel.linksView();
        const QModelIndex inTrace =
            panel.linksModel()->index(0, SpanLinksModel::TargetOrValueColumn);
        const QModelIndex elsewhere =
            panel.linksModel()->index(1, SpanLinksModel::TargetOrValueColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(inTrace).center());
        QCOMPARE(jumps.size(), 1);
        QCOMPARE(jumps.at(0).at(0).toUInt(), uint(root));
        // A link to another trace goes nowhere.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(elsewhere).center());
        QCOMPARE(jumps.size(), 1);
        // Enter on the link's row follows it too.
        view->setCurrentIndex(inTrace.siblingAtColumn(0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(jumps.size(), 2);

        // The parent id in the header is a link.
        auto* parent = panel.findChild<QLabel*>(u"spanParent"_s);
        QVERIFY(parent->text().contains(u"<a href="_s));
        emit parent->linkActivated(u"parent"_s);
        QCOMPARE(jumps.size(), 3);
        QCOMPARE(jumps.at(2).at(0).toUInt(), uint(root));
    }

    void orphanSaysItsParentIsMissing() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.showSpan(spanNamed(*trace, "lost"));
        QCOMPARE(panel.header()->parentText(),
                 u"Parent: 0000000000000fff (missing from this trace)"_s);
        QVERIFY(!labelText(panel, "spanParent").contains(u"<a"_s));
        QVERIFY(panel.tabs()->isTabEnabled(SpanDetailsPanel::WarningsTab));
        QCOMPARE(panel.tabs()->tabText(SpanDetailsPanel::WarningsTab), u"Warnings (1)"_s);
        QCOMPARE(panel.warningsModel()->index(0).data().toString(),
                 QStringLiteral("parent span 0000000000000fff is not in this trace; shown as an "
                                "extra root"));
        QVERIFY(!panel.tabs()->tabIcon(SpanDetailsPanel::WarningsTab).isNull());
    }

    void warningsOfABrokenFixture() {
        // Jaeger's edge cases: a duplicated span id and warnings from the producer.
        SpanDetailsPanel panel;
        QAbstractItemModelTester tester(panel.warningsModel(), kFatal);
        const auto trace = fixtureTrace("jaeger/jaeger-uimodel-edgecases.json");
        panel.setTrace(trace);
        QStringList all;
        for (int32_t s = 0; s < int32_t(trace->spanCount()); ++s) {
            panel.showSpan(s);
            const auto* model = panel.warningsModel();
            QCOMPARE(panel.tabs()->isTabEnabled(SpanDetailsPanel::WarningsTab),
                     model->rowCount() > 0);
            for (int r = 0; r < model->rowCount(); ++r)
                all << model->index(r).data().toString();
        }
        QVERIFY(all.contains(u"span id 0000000000000002 is used by 2 spans in this trace"_s));
        QVERIFY(all.contains(u"some span warning"_s));
    }

    void emptyTabsAreDisabledAndTheChosenTabComesBack() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        const int32_t plain = spanNamed(*trace, "plain");
        const int32_t charge = spanNamed(*trace, "charge card");
        panel.showSpan(plain);
        QTabWidget* tabs = panel.tabs();
        QCOMPARE(tabs->tabText(SpanDetailsPanel::EventsTab), u"Events (0)"_s);
        QVERIFY(!tabs->isTabEnabled(SpanDetailsPanel::EventsTab));
        QVERIFY(!tabs->isTabEnabled(SpanDetailsPanel::LinksTab));
        QVERIFY(!tabs->isTabEnabled(SpanDetailsPanel::WarningsTab));
        QVERIFY(tabs->isTabEnabled(SpanDetailsPanel::AttributesTab));
        QCOMPARE(
            panel.attributesModel()->groupIndex(SpanAttributesModel::SpanGroup).data().toString(),
            u"Span: No attributes"_s);

        panel.showSpan(charge);
        QCOMPARE(tabs->tabText(SpanDetailsPanel::EventsTab), u"Events (3)"_s);
        tabs->setCurrentIndex(SpanDetailsPanel::EventsTab);  // the user's choice
        panel.showSpan(plain);
        QCOMPARE(tabs->currentIndex(), int(SpanDetailsPanel::AttributesTab));
        panel.showSpan(charge);
        QCOMPARE(tabs->currentIndex(), int(SpanDetailsPanel::EventsTab));
    }

    void largeSpanStaysReadable() {
        SpanDetailsPanel panel;
        QAbstractItemModelTester tester(panel.attributesModel(), kFatal);
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int32_t huge = spanNamed(*trace, "huge");
        QElapsedTimer timer;
        timer.start();
        panel.showSpan(huge);
        QCoreApplication::processEvents();  // the first layout of 500 rows
        const qint64 ms = timer.elapsed();
        qDebug() << "500 attributes and a 40 KB stack shown and laid out in" << ms << "ms";
        QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
        QCOMPARE(panel.attributesModel()->groupTotal(SpanAttributesModel::SpanGroup),
                 kManyAttributes);
        QVERIFY(panel.exceptionText().size() > kHugeStackBytes);

        // The 2 KB statement wraps into a tall row; nothing scrolls sideways.
        auto* view = panel.attributesView();
        const QModelIndex sql = attributeRow(*panel.attributesModel(), u"db.query.text"_s);
        const QModelIndex shortRow = attributeRow(*panel.attributesModel(), u"attr.001"_s);
        QVERIFY(sql.isValid() && shortRow.isValid());
        QVERIFY2(view->visualRect(sql).height() > 5 * view->visualRect(shortRow).height(),
                 qPrintable(u"%1 vs %2"_s.arg(view->visualRect(sql).height())
                                .arg(view->visualRect(shortRow).height())));
        QCOMPARE(view->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QVERIFY(view->header()->length() <= view->viewport()->width());
        // The stack box scrolls sideways rather than wrapping frames.
        auto* edit = panel.findChild<QTextEdit*>(u"exceptionText"_s);
        QVERIFY(edit->verticalScrollBar()->maximum() > 0);
        saveShot(panel, u"span_details_huge_420x700.png"_s);

        // Keys get 40 % of the width as the panel grows, until the user drags the divider.
        auto keyShare = [view] { return double(view->columnWidth(0)) / view->viewport()->width(); };
        QVERIFY2(qAbs(keyShare() - 0.4) < 0.02, qPrintable(QString::number(keyShare())));
        panel.resize(600, 700);
        QCoreApplication::processEvents();
        QVERIFY2(qAbs(keyShare() - 0.4) < 0.02, qPrintable(QString::number(keyShare())));
        view->header()->resizeSection(0, 90);
        panel.resize(500, 700);
        QCoreApplication::processEvents();
        QCOMPARE(view->columnWidth(0), 90);
    }

    void switchingSpansIsFast() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(420, 700);
        panel.show();
        const int32_t a = spanNamed(*trace, "charge card");
        const int32_t b = spanNamed(*trace, "GET /checkout");
        std::vector<qint64> times;
        for (int i = 0; i < 41; ++i) {
            QElapsedTimer timer;
            timer.start();
            panel.showSpan(i % 2 ? a : b);
            times.push_back(timer.nsecsElapsed());
        }
        std::nth_element(times.begin(), times.begin() + 20, times.end());
        const double medianMs = double(times[20]) / 1e6;
        qDebug() << "showSpan median" << medianMs << "ms";
        QVERIFY2(medianMs < 5.0, qPrintable(QString::number(medianMs)));
    }

    void smallPanelScrollsAndCutsTheName() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(380, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showSpan(spanNamed(*trace, "charge card"));
        QCoreApplication::processEvents();
        auto* scroll = panel.findChild<QScrollArea*>(u"spanDetailsScroll"_s);
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);  // scrolls instead of squeezing
        QVERIFY(scroll->widget()->width() <= scroll->viewport()->width());
        QVERIFY(panel.tabs()->height() >= 100);
        saveShot(panel, u"span_details_error_380x300.png"_s);

        // A long operation name is cut with "…" and whole in the tooltip.
        panel.showSpan(spanNamed(*trace, "GET /checkout"));
        auto* name = panel.findChild<SelectableElidedLine*>(u"spanName"_s);
        QVERIFY(!name->isElided());
        QVERIFY(name->toolTip().isEmpty());
        const QString longName = u"SELECT orders JOIN customers "_s.repeated(6);
        name->setFullText(longName);
        QVERIFY(name->isElided());
        QCOMPARE(name->toolTip(), longName);
        QCOMPARE(name->text(), longName);  // selecting and copying gets it whole
    }

    void screenshotOfAnErrorSpan() {
        SpanDetailsPanel panel;
        const auto trace = shopTrace();
        panel.setTrace(trace);
        panel.resize(420, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showSpan(spanNamed(*trace, "charge card"));
        QCoreApplication::processEvents();
        saveShot(panel, u"span_details_error_420x700.png"_s);
        panel.tabs()->setCurrentIndex(SpanDetailsPanel::EventsTab);
        saveShot(panel, u"span_details_events_420x700.png"_s);

        // A dark theme: everything but the error red comes from the palette.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        panel.setPalette(dark);
        panel.tabs()->setCurrentIndex(SpanDetailsPanel::LinksTab);
        QCoreApplication::processEvents();
        auto* name = panel.findChild<SelectableElidedLine*>(u"spanName"_s);
        QCOMPARE(name->palette().color(QPalette::Base), dark.color(QPalette::Window));
        saveShot(panel, u"span_details_dark_420x700.png"_s);
        panel.setPalette(QPalette());

        const auto fixture = fixtureTrace("genai/agent-strace-v0.32.0-session.otlp.json");
        panel.setTrace(fixture);
        panel.showSpan(spanNamed(*fixture, "Bash"));
        QCoreApplication::processEvents();
        saveShot(panel, u"span_details_fixture_420x700.png"_s);
    }
};

QTEST_MAIN(SpanDetailsPanelTest)
#include "span_details_panel_test.moc"
