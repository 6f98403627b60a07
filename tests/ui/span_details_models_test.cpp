// The span details' models — attributes (with the filter), events, links, warnings — and the
// exception finder, on inline traces built for the ugly cases and on real fixtures. Every model
// runs under QAbstractItemModelTester (Fatal) while the panel shows span after span.

#include <QAbstractItemModelTester>
#include <QtTest>

#include "colors.h"
#include "formats/load.h"
#include "span_details/detail_roles.h"
#include "span_details/span_attributes_model.h"
#include "span_details/span_details_panel.h"
#include "span_details/span_events_model.h"
#include "span_details/span_exceptions.h"
#include "span_details/span_links_model.h"
#include "span_details/span_warnings_model.h"
#include "test_support.h"

using namespace rootline;
using namespace rootline::ui;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// A checkout trace: an inferred error at the root (HTTP 500, no status), a failing payment with
// an OTel exception event and two links (one into this trace, one to another), an orphan, and a
// span that starts 10 ms before its parent. Times are ms after 1700000000 s.
const char* const kCheckout = R"json({"resourceSpans":[
{"resource":{"attributes":[
  {"key":"service.name","value":{"stringValue":"checkout"}},
  {"key":"host.name","value":{"stringValue":"web-1"}}]},
 "scopeSpans":[{"scope":{"name":"io.opentelemetry.servlet","version":"1.32.0"},"spans":[
  {"traceId":"5b8efff798038103d269b633813fc700","spanId":"1000000000000001","name":"GET /checkout",
   "kind":2,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000100000000",
   "attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}},
                 {"key":"http.response.status_code","value":{"intValue":"500"}},
                 {"key":"url.path","value":{"stringValue":"/checkout"}}]},
  {"traceId":"5b8efff798038103d269b633813fc700","spanId":"1000000000000003",
   "parentSpanId":"ffffffffffffffff","name":"lost","kind":1,
   "startTimeUnixNano":"1700000000070000000","endTimeUnixNano":"1700000000080000000"},
  {"traceId":"5b8efff798038103d269b633813fc700","spanId":"1000000000000004",
   "parentSpanId":"1000000000000001","name":"early","kind":1,
   "startTimeUnixNano":"1699999999990000000","endTimeUnixNano":"1700000000005000000"}]}]},
{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments"}}]},
 "scopeSpans":[{"spans":[
  {"traceId":"5b8efff798038103d269b633813fc700","spanId":"1000000000000002",
   "parentSpanId":"1000000000000001","name":"charge card","kind":3,
   "startTimeUnixNano":"1700000000010000000","endTimeUnixNano":"1700000000060000000",
   "attributes":[{"key":"rpc.system","value":{"stringValue":"grpc"}},
                 {"key":"card.brand","value":{"stringValue":"VISA"}},
                 {"key":"amounts","value":{"arrayValue":{"values":[{"intValue":"12"},{"intValue":"30"}]}}}],
   "status":{"code":2,"message":"card declined"},
   "events":[
    {"timeUnixNano":"1700000000020000000","name":"retry",
     "attributes":[{"key":"attempt","value":{"intValue":"2"}}]},
    {"timeUnixNano":"1700000000050000000","name":"exception","attributes":[
     {"key":"exception.type","value":{"stringValue":"java.lang.IllegalStateException"}},
     {"key":"exception.message","value":{"stringValue":"card declined"}},
     {"key":"exception.stacktrace","value":{"stringValue":"java.lang.IllegalStateException: card declined\n\tat com.shop.Payment.charge(Payment.java:42)\n\tat com.shop.Checkout.run(Checkout.java:17)\n\t... 12 more"}}]}],
   "links":[
    {"traceId":"5b8efff798038103d269b633813fc700","spanId":"1000000000000001"},
    {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00f067aa0ba902b7",
     "attributes":[{"key":"opentracing.ref_type","value":{"stringValue":"follows_from"}}]}]}]}]}
]})json";

// OpenTracing-style Jaeger logs: event=error with error.kind, error.object and stack.
const char* const kJaegerLogs =
    R"json({"data":[{"traceID":"00000000000000000000000000000abc","spans":[
 {"traceID":"00000000000000000000000000000abc","spanID":"0000000000000001","operationName":"divide",
  "references":[],"startTime":1600000000000000,"duration":1000,
  "tags":[{"key":"error","type":"bool","value":true}],
  "logs":[{"timestamp":1600000000000500,"fields":[
    {"key":"event","type":"string","value":"error"},
    {"key":"error.kind","type":"string","value":"ZeroDivisionError"},
    {"key":"error.object","type":"string","value":"division by zero"},
    {"key":"stack","type":"string","value":"Traceback (most recent call last):\n  File calc.py, line 3, in divide\nZeroDivisionError: division by zero"}]},
   {"timestamp":1600000000000700,"fields":[{"key":"message","type":"string","value":"cleanup done"}]}],
  "processID":"p1"}],
 "processes":{"p1":{"serviceName":"calc","tags":[]}}}]})json";

// Exceptions written as span attributes (no events), and an empty "exception" event.
const char* const kAttributeExceptions = R"json({"resourceSpans":[{"resource":{"attributes":[
  {"key":"service.name","value":{"stringValue":"legacy"}}]},"scopeSpans":[{"spans":[
  {"traceId":"00000000000000000000000000000def","spanId":"0000000000000001","name":"on span",
   "startTimeUnixNano":"1600000000000000000","endTimeUnixNano":"1600000000001000000",
   "attributes":[{"key":"exception.type","value":{"stringValue":"ValueError"}},
                 {"key":"exception.message","value":{"stringValue":"bad input"}}]},
  {"traceId":"00000000000000000000000000000def","spanId":"0000000000000002","name":"both",
   "parentSpanId":"0000000000000001",
   "startTimeUnixNano":"1600000000000100000","endTimeUnixNano":"1600000000000900000",
   "attributes":[{"key":"exception.type","value":{"stringValue":"KeyError"}},
                 {"key":"exception.message","value":{"stringValue":"no key id"}}],
   "events":[{"timeUnixNano":"1600000000000200000","name":"exception","attributes":[
     {"key":"exception.type","value":{"stringValue":"KeyError"}},
     {"key":"exception.message","value":{"stringValue":"no key id"}}]},
     {"timeUnixNano":"1600000000000300000","name":"exception"}]}]}]}]})json";

std::shared_ptr<const Trace> loadText(const char* json) {
    LoadResult r = loadTraceText(json, "inline.json");
    if (!r.ok()) qFatal("inline trace did not load: %s", r.error.message.c_str());
    if (r.file->traces.empty()) qFatal("inline trace has no traces");
    return r.file->traces.front();
}

std::shared_ptr<const Trace> loadFixtureTrace(const char* relative, size_t index = 0) {
    LoadResult r = loadTraceFile(test::fixture(relative).toStdString());
    if (!r.ok()) qFatal("cannot load fixture %s: %s", relative, r.error.message.c_str());
    return r.file->traces.at(index);
}

int32_t spanNamed(const Trace& trace, std::string_view name) {
    for (size_t i = 0; i < trace.spanCount(); ++i)
        if (trace.nameOf(i) == name) return int32_t(i);
    qFatal("no span named %.*s", int(name.size()), name.data());
    return -1;
}

QStringList childTexts(const QAbstractItemModel& m, const QModelIndex& parent, int column) {
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, column, parent).data().toString();
    return out;
}

QStringList topLevel(const QAbstractItemModel& m, int column = 0) {
    return childTexts(m, {}, column);
}

}  // namespace

class SpanDetailsModelsTest : public QObject {
    Q_OBJECT
private slots:
    void emptyModelsAreEmpty() {
        SpanAttributesModel attributes;
        SpanEventsModel events;
        SpanLinksModel links;
        SpanWarningsModel warnings;
        QAbstractItemModelTester t1(&attributes, kFatal), t2(&events, kFatal), t3(&links, kFatal),
            t4(&warnings, kFatal);
        // The groups are always there and say they are empty.
        QCOMPARE(topLevel(attributes),
                 (QStringList{"Span: No attributes", "Resource: No attributes"}));
        QCOMPARE(attributes.totalCount(), 0);
        QCOMPARE(events.rowCount(), 0);
        QCOMPARE(links.rowCount(), 0);
        QCOMPARE(warnings.rowCount(), 0);
        QCOMPARE(attributes.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Key"));
        QCOMPARE(attributes.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));
    }

    void modelsFollowThePanelThroughEverySpan() {
        SpanDetailsPanel panel;
        QAbstractItemModelTester t1(panel.attributesModel(), kFatal),
            t2(panel.eventsModel(), kFatal), t3(panel.linksModel(), kFatal),
            t4(panel.warningsModel(), kFatal);
        const auto trace = loadText(kCheckout);
        panel.setTrace(trace);
        QCOMPARE(panel.span(), -1);
        for (int32_t span = 0; span < int32_t(trace->spanCount()); ++span) {
            panel.showSpan(span);
            QCOMPARE(panel.span(), span);
            QCOMPARE(panel.attributesModel()->groupTotal(SpanAttributesModel::SpanGroup),
                     int(trace->attributesOf(size_t(span)).size()));
            QCOMPARE(panel.eventsModel()->eventCount(), int(trace->eventsOf(size_t(span)).size()));
            QCOMPARE(panel.linksModel()->linkCount(), int(trace->linksOf(size_t(span)).size()));
            QCOMPARE(panel.warningsModel()->rowCount(),
                     int(trace->warningsOf(size_t(span)).size()));
        }
        panel.showSpan(-1);
        QCOMPARE(panel.span(), -1);
        QCOMPARE(panel.attributesModel()->totalCount(), 0);
        QCOMPARE(panel.eventsModel()->rowCount(), 0);
        // Another trace, and a span index it does not have.
        panel.setTrace(loadText(kJaegerLogs));
        panel.showSpan(0);
        QCOMPARE(panel.eventsModel()->eventCount(), 2);
        QTest::ignoreMessage(QtWarningMsg, "span 5 is not in the shown trace");
        panel.showSpan(5);
        QCOMPARE(panel.span(), -1);
        panel.setTrace(nullptr);
        QTest::ignoreMessage(QtWarningMsg, "span 0 is not in the shown trace");
        panel.showSpan(0);
        QCOMPARE(panel.span(), -1);
    }

    void attributesOfSpanAndResource() {
        SpanAttributesModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = loadText(kCheckout);
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "charge card")));

        const QModelIndex span = model.groupIndex(SpanAttributesModel::SpanGroup);
        const QModelIndex resource = model.groupIndex(SpanAttributesModel::ResourceGroup);
        QCOMPARE(span.data().toString(), QStringLiteral("Span (3)"));
        QCOMPARE(resource.data().toString(), QStringLiteral("Resource (1)"));
        QVERIFY(span.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(childTexts(model, span, 0), (QStringList{"rpc.system", "card.brand", "amounts"}));
        // Arrays as compact JSON text.
        QCOMPARE(childTexts(model, span, 1), (QStringList{"grpc", "VISA", "[12,30]"}));
        QCOMPARE(childTexts(model, resource, 0), QStringList{"service.name"});
        QCOMPARE(childTexts(model, resource, 1), QStringList{"payments"});
        const QModelIndex brand = model.index(1, 1, span);
        QCOMPARE(brand.data(DetailRoles::Key).toString(), QStringLiteral("card.brand"));
        QCOMPARE(brand.data(DetailRoles::Value).toString(), QStringLiteral("VISA"));
        QVERIFY(!span.data(DetailRoles::Key).isValid());  // groups are not attributes
        QVERIFY(model.flags(brand) & Qt::ItemNeverHasChildren);

        // The root span's resource is another one.
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "GET /checkout")));
        QCOMPARE(childTexts(model, model.groupIndex(SpanAttributesModel::ResourceGroup), 1),
                 (QStringList{"checkout", "web-1"}));
    }

    void filterNarrowsAndCounts() {
        SpanAttributesModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = loadText(kCheckout);
        const auto root = uint32_t(spanNamed(*trace, "GET /checkout"));
        model.setSpan(*trace, root);
        QCOMPARE(model.totalCount(), 5);

        // Keys, case-insensitively.
        model.setFilter(QStringLiteral("HTTP"));
        const QModelIndex span = model.groupIndex(SpanAttributesModel::SpanGroup);
        const QModelIndex resource = model.groupIndex(SpanAttributesModel::ResourceGroup);
        QCOMPARE(childTexts(model, span, 0),
                 (QStringList{"http.request.method", "http.response.status_code"}));
        QCOMPARE(span.data().toString(), QStringLiteral("Span (2 of 3)"));
        QCOMPARE(model.rowCount(resource), 0);
        QCOMPARE(resource.data().toString(), QStringLiteral("Resource (0 of 2)"));
        QCOMPARE(model.shownCount(), 2);
        QCOMPARE(model.totalCount(), 5);

        // Values too.
        model.setFilter(QStringLiteral("web-"));
        QCOMPARE(model.rowCount(span), 0);
        QCOMPARE(childTexts(model, resource, 0), QStringList{"host.name"});

        // The filter outlives a change of span.
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "charge card")));
        QCOMPARE(model.filter(), QStringLiteral("web-"));
        QCOMPARE(model.shownCount(), 0);
        QCOMPARE(model.groupIndex(SpanAttributesModel::SpanGroup).data().toString(),
                 QStringLiteral("Span (0 of 3)"));

        model.setFilter({});
        QCOMPARE(model.shownCount(), 4);
        model.clear();
        QCOMPARE(model.totalCount(), 0);
    }

    void eventsWithTimesAndAttributes() {
        SpanEventsModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = loadText(kCheckout);
        const auto charge = uint32_t(spanNamed(*trace, "charge card"));
        model.setSpan(*trace, charge, {1});

        QCOMPARE(topLevel(model, 0), (QStringList{"+10 ms", "+40 ms"}));
        QCOMPARE(topLevel(model, 1), (QStringList{"retry", "exception"}));
        const QModelIndex retry = model.index(0, 0);
        const QModelIndex exception = model.index(1, 1);
        QCOMPARE(childTexts(model, retry, 0), QStringList{"attempt"});
        QCOMPARE(childTexts(model, retry, 1), QStringList{"2"});
        QCOMPARE(model.rowCount(model.index(1, 0)), 3);
        // Absolute time and the offset from the trace's start (the "early" span starts it,
        // 10 ms before the root).
        QCOMPARE(retry.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2023-11-14T22:13:20.020000Z (UTC)\n+10 ms from the span's "
                                "start, +30 ms from the trace's start"));
        QVERIFY(!model.index(0, 0).data(SpanEventsModel::IsExceptionRole).toBool());
        QVERIFY(exception.data(SpanEventsModel::IsExceptionRole).toBool());
        QCOMPARE(exception.data(Qt::ForegroundRole).value<QColor>(), errorTextColor());
        QCOMPARE(model.index(0, 0).data(DetailRoles::CopyHeader).toString(),
                 QStringLiteral("+10 ms retry"));
        QCOMPARE(model.totalRows(), 2 + 1 + 3);

        // Unnamed events (Jaeger logs without event=) and events before their span's start.
        const auto logs = loadText(kJaegerLogs);
        model.setSpan(*logs, 0, {});
        QCOMPARE(topLevel(model, 1), (QStringList{"error", "(unnamed)"}));
        QCOMPARE(topLevel(model, 0), (QStringList{"+500 µs", "+700 µs"}));
        QCOMPARE(signedOffset(-850), QStringLiteral("-850 ns"));
        QCOMPARE(signedOffset(0), QStringLiteral("+0"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void linksLeadIntoTheTraceOrSayWhereTheyAre() {
        SpanLinksModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = loadText(kCheckout);
        const int32_t root = spanNamed(*trace, "GET /checkout");
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "charge card")));

        QCOMPARE(model.linkCount(), 2);
        QCOMPARE(topLevel(model, 0), (QStringList{"link", "follows from"}));
        QCOMPARE(model.index(0, 1).data().toString(),
                 QStringLiteral("checkout: GET /checkout (span 1000000000000001)"));
        QCOMPARE(model.target(0), root);
        QCOMPARE(model.index(0, 1).data(DetailRoles::TargetSpan).toInt(), root);
        QVERIFY(model.index(0, 1).data(DetailRoles::IsLink).toBool());
        QVERIFY(!model.index(0, 0).data(DetailRoles::IsLink).toBool());
        // Another trace: its id shortened, and no link.
        QCOMPARE(model.index(1, 1).data().toString(),
                 QStringLiteral("span 00f067aa0ba902b7 in trace 0af76519…, not in this trace"));
        QCOMPARE(model.index(1, 1).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Span 00f067aa0ba902b7 of trace 0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(model.target(1), -1);
        QVERIFY(!model.index(1, 1).data(DetailRoles::IsLink).toBool());
        QCOMPARE(childTexts(model, model.index(1, 0), 0), QStringList{"opentracing.ref_type"});
        QCOMPARE(childTexts(model, model.index(1, 0), 1), QStringList{"follows_from"});
        model.clear();
        QCOMPARE(model.linkCount(), 0);
    }

    void linksOfARealFixture() {
        // Jaeger's fixture: links with opentracing.ref_type, one into the other trace of the
        // file (same span id, another trace id).
        SpanLinksModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        const auto trace = loadFixtureTrace("jaeger/jaeger-otlp-links-events-errors.json");
        int withLinks = -1;
        for (size_t i = 0; i < trace->spanCount() && withLinks < 0; ++i)
            if (!trace->linksOf(i).empty()) withLinks = int(i);
        QVERIFY(withLinks >= 0);
        model.setSpan(*trace, uint32_t(withLinks));
        QCOMPARE(model.linkCount(), 2);
        QCOMPARE(topLevel(model, 0), (QStringList{"follows from", "child of"}));
        QVERIFY(model.index(1, 1).data().toString().contains(QStringLiteral("not in this trace")));
    }

    void warningsOfBrokenSpans() {
        SpanWarningsModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        model.setWarningIcon(QIcon(QPixmap(8, 8)));
        const auto trace = loadText(kCheckout);
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "early")));
        QCOMPARE(topLevel(model), QStringList{"starts 10 ms before its parent (clock skew "
                                              "between hosts?)"});
        QCOMPARE(model.index(0, 0).data(SpanWarningsModel::CodeRole).toString(),
                 QStringLiteral("starts_before_parent"));
        QVERIFY(model.index(0, 0).data(Qt::DecorationRole).isValid());
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "lost")));
        QCOMPARE(topLevel(model), QStringList{"parent span ffffffffffffffff is not in this "
                                              "trace; shown as an extra root"});
        model.setSpan(*trace, uint32_t(spanNamed(*trace, "charge card")));
        QCOMPARE(model.rowCount(), 0);

        // A real fixture: the duplicated span id and a producer's warning.
        const auto edge = loadFixtureTrace("jaeger/jaeger-uimodel-edgecases.json");
        QStringList all;
        for (size_t i = 0; i < edge->spanCount(); ++i) {
            model.setSpan(*edge, uint32_t(i));
            all << topLevel(model);
        }
        QVERIFY(all.contains(
            QStringLiteral("span id 0000000000000002 is used by 2 spans in this trace")));
        QVERIFY(all.contains(QStringLiteral("some span warning")));
    }

    void exceptionsFromOtelEvents() {
        const auto trace = loadText(kCheckout);
        const ExceptionFinder finder(*trace->dict);
        const auto found = finder.find(*trace, uint32_t(spanNamed(*trace, "charge card")));
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].type, QStringLiteral("java.lang.IllegalStateException"));
        QCOMPARE(found[0].message, QStringLiteral("card declined"));
        QVERIFY(found[0].stack.startsWith(
            QStringLiteral("java.lang.IllegalStateException: card declined\n\tat com.shop")));
        QCOMPARE(found[0].event, 1);
        QCOMPARE(found[0].headline(),
                 QStringLiteral("java.lang.IllegalStateException: card declined"));
        // An error without an exception (inferred from HTTP 500) has none.
        QVERIFY(finder.find(*trace, uint32_t(spanNamed(*trace, "GET /checkout"))).empty());
    }

    void exceptionsFromJaegerLogs() {
        const auto trace = loadText(kJaegerLogs);
        const ExceptionFinder finder(*trace->dict);
        const auto found = finder.find(*trace, 0);
        QCOMPARE(found.size(), size_t(1));  // the plain "cleanup done" log is none
        QCOMPARE(found[0].type, QStringLiteral("ZeroDivisionError"));
        QCOMPARE(found[0].message, QStringLiteral("division by zero"));  // from error.object
        QVERIFY(found[0].stack.startsWith(QStringLiteral("Traceback (most recent call last):")));
        QCOMPARE(found[0].timeNs, int64_t(1600000000000500000));
    }

    void exceptionsFromSpanAttributesAndEmptyEvents() {
        const auto trace = loadText(kAttributeExceptions);
        const ExceptionFinder finder(*trace->dict);
        const auto onSpan = finder.find(*trace, uint32_t(spanNamed(*trace, "on span")));
        QCOMPARE(onSpan.size(), size_t(1));
        QCOMPARE(onSpan[0].headline(), QStringLiteral("ValueError: bad input"));
        QCOMPARE(onSpan[0].event, -1);
        // The event and the span attributes say the same: shown once; the empty exception
        // event still counts, without a headline.
        const auto both = finder.find(*trace, uint32_t(spanNamed(*trace, "both")));
        QCOMPARE(both.size(), size_t(2));
        QCOMPARE(both[0].headline(), QStringLiteral("KeyError: no key id"));
        QCOMPARE(both[0].event, 0);
        QVERIFY(both[1].headline().isEmpty());
        QCOMPARE(both[1].event, 1);
    }

    void exceptionFromARealFixture() {
        // agent-strace's failed tool: status ERROR and an "exception" event with a message.
        const auto trace = loadFixtureTrace("genai/agent-strace-v0.32.0-session.otlp.json");
        const ExceptionFinder finder(*trace->dict);
        const auto found = finder.find(*trace, uint32_t(spanNamed(*trace, "Bash")));
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].message, QStringLiteral("exit code 1: 1 failed, 12 passed"));
        QVERIFY(found[0].type.isEmpty());
        QVERIFY(finder.find(*trace, uint32_t(spanNamed(*trace, "tool/Read"))).empty());
    }
};

QTEST_MAIN(SpanDetailsModelsTest)
#include "span_details_models_test.moc"
