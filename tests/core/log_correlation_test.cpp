// Log lines tied to a trace's spans: ids in structured metadata, a JSON body or logfmt text, in
// any of the forms servers print them; lines of other traces dropped; lines without a span id
// tied by time to the innermost span of their service. Also the span events as log lines.

#include "logs/log_correlation.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "logs/event_text.h"
#include "logs/span_event_logs.h"
#include "span_tree_builder.h"
#include "test_support.h"

namespace rootline::logs {
namespace {

using test::SpanTree;

constexpr const char* kTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

// web:       1 [0, 100]
// checkout:    2 [10, 90]
//                3 [20, 50]   4 [60, 80]
// payment:     5 [15, 65]
SpanTree shopTree(const std::string& traceId = kTraceId) {
    SpanTree tree(traceId);
    tree.span("1").service("web").name("POST /checkout").at(0, 100);
    tree.span("2").parent("1").service("checkout").name("checkout").at(10, 80);
    tree.span("3").parent("2").service("checkout").name("reserve").at(20, 30);
    tree.span("4").parent("2").service("checkout").name("charge").at(60, 20);
    tree.span("5").parent("1").service("payment").name("authorize").at(15, 50);
    return tree;
}

int64_t atMs(double ms) {
    return SpanTree::kEpochUs * 1000 + static_cast<int64_t>(ms * 1e6);
}

LogLine lokiLine(double ms, std::string body, std::map<std::string, std::string> fields = {}) {
    LogLine line;
    line.timeNs = atMs(ms);
    line.source = LogSource::Loki;
    line.body = std::move(body);
    line.fields = std::move(fields);
    return line;
}

class LogCorrelation : public ::testing::Test {
protected:
    int span(const std::string& id) const { return SpanTree::index(trace, id); }

    // Members are built in declaration order: the tree before the trace loaded from it.
    SpanTree tree = shopTree();
    const Trace& trace = test::loadTree(tree);
};

TEST(LogCorrelationFields, IdsAndLevelFromStructuredMetadata) {
    LogLine line = lokiLine(0, "payment failed",
                            {{"trace_id", "4BF92F3577B34DA6A3CE929D0E0E4736"},
                             {"span_id", "00F067AA0BA902B7"},
                             {"detected_level", "ERROR"},
                             {"service_name", "checkout"},
                             {"app", "checkout-app"}});
    readLineFields(line);
    EXPECT_EQ(line.traceId, kTraceId);
    EXPECT_EQ(line.spanId, "00f067aa0ba902b7");
    EXPECT_EQ(line.level, LogLevel::Error);
    EXPECT_EQ(line.service, "checkout");  // service_name before app, whatever the order
    EXPECT_EQ(line.body, "payment failed");
}

TEST(LogCorrelationFields, JsonBodyKeepsItsTextAsTheBody) {
    const std::string body =
        R"({"ts":"2024-05-01T12:00:00Z","traceId":"4bf92f3577b34da6a3ce929d0e0e4736",)"
        R"("spanId":"f067aa0ba902b7","level":"warning","msg":"slow PSP","service":"payment"})";
    LogLine line = lokiLine(0, body);
    readLineFields(line);
    EXPECT_EQ(line.traceId, kTraceId);
    EXPECT_EQ(line.spanId, "00f067aa0ba902b7");  // left-padded
    EXPECT_EQ(line.level, LogLevel::Warn);
    EXPECT_EQ(line.service, "payment");
    EXPECT_EQ(line.body, body);
}

TEST(LogCorrelationFields, LogfmtAmongFreeWords) {
    LogLine line = lokiLine(
        0,
        R"(2024-05-01 12:00:00 [main] level=error msg="card \"declined\"" trace_id=a3ce929d0e0e4736 span_id=5 app=payment)");
    readLineFields(line);
    EXPECT_EQ(line.traceId, "0000000000000000a3ce929d0e0e4736");
    EXPECT_EQ(line.spanId, "0000000000000005");
    EXPECT_EQ(line.level, LogLevel::Error);
    EXPECT_EQ(line.service, "payment");
}

TEST(LogCorrelationFields, ValuesThatAreNotHexAreNoIds) {
    LogLine line = lokiLine(0, "trace_id=not-a-trace-id traceId=4bf92f35 span_id=xyz spanId=");
    readLineFields(line);
    // The first name whose value reads wins; the others do not count.
    EXPECT_EQ(line.traceId, "0000000000000000000000004bf92f35");
    EXPECT_EQ(line.spanId, "");

    LogLine zero = lokiLine(0, "trace_id=00000000000000000000000000000000 level=info");
    readLineFields(zero);
    EXPECT_EQ(zero.traceId, "");  // OpenTelemetry's "no trace"
    EXPECT_EQ(zero.level, LogLevel::Info);

    LogLine tooLong = lokiLine(0, "trace_id=4bf92f3577b34da6a3ce929d0e0e47360");
    readLineFields(tooLong);
    EXPECT_EQ(tooLong.traceId, "");
}

TEST(LogCorrelationFields, WhatTheLineAlreadyHasIsKept) {
    LogLine line = lokiLine(0, R"({"level":"error","trace_id":"1"})", {{"level", "debug"}});
    line.level = LogLevel::Info;
    line.traceId = kTraceId;
    readLineFields(line);
    EXPECT_EQ(line.level, LogLevel::Info);
    EXPECT_EQ(line.traceId, kTraceId);
}

TEST(LogCorrelationFields, NumericLevelsOfPinoAndBunyan) {
    LogLine line = lokiLine(0, R"({"level":50,"msg":"boom"})");
    readLineFields(line);
    EXPECT_EQ(line.level, LogLevel::Error);
    LogLine info = lokiLine(0, R"({"level":30,"msg":"ok"})");
    readLineFields(info);
    EXPECT_EQ(info.level, LogLevel::Info);
}

TEST(LogLevels, FromTextAndSeverityNumber) {
    EXPECT_EQ(logLevelFromText("ERROR"), LogLevel::Error);
    EXPECT_EQ(logLevelFromText("Fatal"), LogLevel::Error);
    EXPECT_EQ(logLevelFromText("emerg"), LogLevel::Error);
    EXPECT_EQ(logLevelFromText("Warning"), LogLevel::Warn);
    EXPECT_EQ(logLevelFromText("Information"), LogLevel::Info);
    EXPECT_EQ(logLevelFromText("notice"), LogLevel::Info);
    EXPECT_EQ(logLevelFromText("TRACE"), LogLevel::Debug);
    EXPECT_EQ(logLevelFromText("INFO2"), LogLevel::Info);  // OpenTelemetry short names
    EXPECT_EQ(logLevelFromText("unknown"), LogLevel::Unknown);
    EXPECT_EQ(logLevelFromText(""), LogLevel::Unknown);
    EXPECT_EQ(logLevelFromText("errors happen"), LogLevel::Unknown);
    EXPECT_EQ(logLevelFromSeverityNumber(0), LogLevel::Unknown);
    EXPECT_EQ(logLevelFromSeverityNumber(1), LogLevel::Debug);
    EXPECT_EQ(logLevelFromSeverityNumber(8), LogLevel::Debug);
    EXPECT_EQ(logLevelFromSeverityNumber(9), LogLevel::Info);
    EXPECT_EQ(logLevelFromSeverityNumber(13), LogLevel::Warn);
    EXPECT_EQ(logLevelFromSeverityNumber(17), LogLevel::Error);
    EXPECT_EQ(logLevelFromSeverityNumber(24), LogLevel::Error);
    EXPECT_EQ(logLevelFromSeverityNumber(25), LogLevel::Unknown);
    EXPECT_STREQ(logLevelName(LogLevel::Warn), "warn");
    EXPECT_STREQ(logSourceName(LogSource::OtlpFile), "otlp_log");
}

TEST_F(LogCorrelation, TiedBySpanIdInAnyForm) {
    std::vector<LogLine> lines = {
        lokiLine(30, "metadata", {{"trace_id", kTraceId}, {"span_id", "0000000000000003"}}),
        lokiLine(70, R"({"TraceId":"4BF92F3577B34DA6A3CE929D0E0E4736","SpanId":"4"})"),
        lokiLine(40, "level=warn traceID=4bf92f3577b34da6a3ce929d0e0e4736 spanID=00000005"),
    };
    const Correlation c = correlate(trace, lines, false);
    EXPECT_EQ(c.tiedBySpanId, 3u);
    EXPECT_EQ(c.tiedByTime + c.traceOnly + c.withoutTraceId + c.otherTraces, 0u);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].span, span("3"));
    EXPECT_EQ(lines[1].span, span("5"));
    EXPECT_EQ(lines[1].level, LogLevel::Warn);
    EXPECT_EQ(lines[2].span, span("4"));
    for (const LogLine& l : lines)
        EXPECT_FALSE(l.spanInferred);
}

TEST_F(LogCorrelation, LinesOfOtherTracesAreDropped) {
    std::vector<LogLine> lines = {
        lokiLine(30, "mine", {{"trace_id", kTraceId}, {"span_id", "3"}}),
        lokiLine(30, "theirs", {{"trace_id", "4bf92f3577b34da6a3ce929d0e0e4737"}}),
        lokiLine(30, "theirs too, same span id", {{"trace_id", "1"}, {"span_id", "3"}}),
    };
    const Correlation c = correlate(trace, lines, true);
    EXPECT_EQ(c.otherTraces, 2u);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].body, "mine");
}

TEST_F(LogCorrelation, TiedByTimeToTheInnermostSpanOfTheService) {
    auto line = [](double ms, const std::string& service, const std::string& spanId = "") {
        LogLine l = lokiLine(ms, service + "@" + std::to_string(static_cast<int>(ms)),
                             {{"trace_id", kTraceId}, {"service_name", service}});
        if (!spanId.empty()) l.fields["span_id"] = spanId;
        return l;
    };
    std::vector<LogLine> lines = {
        line(25, "checkout"),                      // 3 [20,50] inside 2 [10,90]
        line(55, "checkout"),                      // between 3 and 4: 2
        line(65, "checkout", "00000000000000ee"),  // an unknown span id: by time, 4
        line(50, "checkout"),                      // 3 ends at 50: still running
        line(20, "payment"),                       // 5 [15,65], deeper than web's 1
        line(95, "checkout"),                      // after 2 ended: web's 1 is no match
        line(30, "ghost"),                         // a service not in the trace
        line(5, "web"),                            // 1 [0,100]
    };
    const Correlation c = correlate(trace, lines, false);
    EXPECT_EQ(c.tiedByTime, 6u);
    EXPECT_EQ(c.traceOnly, 2u);
    EXPECT_EQ(c.tiedBySpanId, 0u);
    std::map<std::string, int64_t> spanOf;
    for (const LogLine& l : lines) {
        spanOf[l.body] = l.span;
        EXPECT_EQ(l.spanInferred, l.span >= 0) << l.body;
    }
    EXPECT_EQ(spanOf["checkout@25"], span("3"));
    EXPECT_EQ(spanOf["checkout@55"], span("2"));
    EXPECT_EQ(spanOf["checkout@65"], span("4"));
    EXPECT_EQ(spanOf["checkout@50"], span("3"));
    EXPECT_EQ(spanOf["payment@20"], span("5"));
    EXPECT_EQ(spanOf["checkout@95"], -1);
    EXPECT_EQ(spanOf["ghost@30"], -1);
    EXPECT_EQ(spanOf["web@5"], span("1"));
}

TEST_F(LogCorrelation, LinesWithoutTraceIdKeptOrDroppedByTheFlag) {
    auto make = [] {
        return std::vector<LogLine>{
            lokiLine(30, "no ids at all", {{"service_name", "checkout"}}),
            lokiLine(31, "span id only", {{"span_id", "3"}}),
            lokiLine(32, "with trace", {{"trace_id", kTraceId}, {"span_id", "3"}}),
        };
    };
    std::vector<LogLine> dropped = make();
    Correlation c = correlate(trace, dropped, false);
    EXPECT_EQ(c.withoutTraceId, 2u);
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].body, "with trace");

    std::vector<LogLine> kept = make();
    c = correlate(trace, kept, true);
    EXPECT_EQ(c.withoutTraceId, 2u);
    EXPECT_EQ(c.tiedBySpanId, 1u);
    ASSERT_EQ(kept.size(), 3u);
    EXPECT_EQ(kept[0].span, -1);         // not guessed by time: nothing says it is this trace's
    EXPECT_EQ(kept[1].span, span("3"));  // its span id is one of this trace's spans
    EXPECT_FALSE(kept[1].spanInferred);
}

TEST_F(LogCorrelation, ShortAndUntrimmedTraceIds) {
    SpanTree jaeger64 = shopTree("0000000000000000a3ce929d0e0e4736");
    const Trace& t64 = test::loadTree(jaeger64);
    std::vector<LogLine> lines = {
        lokiLine(30, "16 hex", {{"trace_id", "a3ce929d0e0e4736"}}),
        lokiLine(31, "32 hex", {{"trace_id", "0000000000000000A3CE929D0E0E4736"}}),
        lokiLine(32, "trimmed", {{"trace_id", "3ce929d0e0e4736"}}),
        lokiLine(33, "other", {{"trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"}}),
    };
    const Correlation c = correlate(t64, lines, false);
    EXPECT_EQ(lines.size(), 2u);
    EXPECT_EQ(c.otherTraces, 2u);  // "3ce9…" is a different number

    SpanTree tempo = shopTree("0bf92f3577b34da6a3ce929d0e0e4736");
    const Trace& t31 = test::loadTree(tempo);
    std::vector<LogLine> trimmed = {
        lokiLine(30, "31 digits", {{"trace_id", "bf92f3577b34da6a3ce929d0e0e4736"}}),
    };
    correlate(t31, trimmed, false);
    EXPECT_EQ(trimmed.size(), 1u);
}

TEST_F(LogCorrelation, SortedByTimeThenSpanThenBody) {
    std::vector<LogLine> lines = {
        lokiLine(40, "b", {{"trace_id", kTraceId}, {"span_id", "3"}}),
        lokiLine(40, "a", {{"trace_id", kTraceId}, {"span_id", "3"}}),
        lokiLine(40, "z", {{"trace_id", kTraceId}, {"span_id", "2"}}),
        lokiLine(10, "first", {{"trace_id", kTraceId}, {"span_id", "5"}}),
    };
    correlate(trace, lines, false);
    std::vector<std::string> bodies;
    for (const LogLine& l : lines)
        bodies.push_back(l.body);
    // Spans 2 and 3: 2 starts first, so its index is the lower one.
    ASSERT_LT(span("2"), span("3"));
    EXPECT_EQ(bodies, (std::vector<std::string>{"first", "z", "a", "b"}));
}

// A hand-built trace of a million spans: 1,000 services, each with 1,000 nested spans in a row.
TEST(LogCorrelationScale, AMillionSpansAndTenThousandLines) {
    auto dict = std::make_shared<Dictionary>();
    auto trace = std::make_shared<Trace>();
    trace->dict = dict;
    trace->id = {0x4bf92f3577b34da6ULL, 0xa3ce929d0e0e4736ULL};
    constexpr uint32_t kServices = 1000, kPerService = 1000;
    for (uint32_t s = 0; s < kServices; ++s)
        trace->services.push_back(dict->strings.intern("svc-" + std::to_string(s)));
    const size_t n = size_t{kServices} * kPerService;
    trace->start.reserve(n);
    for (uint32_t k = 0; k < kPerService; ++k)
        for (uint32_t s = 0; s < kServices; ++s) {
            // Span k of a service starts at k µs and lasts 2 ms: every line stabs many spans.
            trace->start.push_back(int64_t{k} * 1000);
            trace->duration.push_back(2'000'000);
            trace->spanId.push_back(trace->start.size());
            trace->depth.push_back(k);
            trace->service.push_back(s);
        }
    std::vector<LogLine> lines;
    for (uint32_t i = 0; i < 10000; ++i) {
        LogLine l;
        l.timeNs = int64_t{i % 1500} * 1000 + 500;
        l.traceId = toHex(trace->id);
        l.service = "svc-" + std::to_string(i % kServices);
        lines.push_back(std::move(l));
    }
    const auto start = std::chrono::steady_clock::now();
    const Correlation c = correlate(*trace, lines, false);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(c.tiedByTime, 10000u);
    EXPECT_LT(took, std::chrono::seconds(10));  // a scan per line would take minutes
    // The innermost running span is the last one started: k = floor(time in µs).
    for (const LogLine& l : lines) {
        const uint32_t k = static_cast<uint32_t>(std::min<int64_t>(l.timeNs / 1000, 999));
        ASSERT_EQ(trace->depth[l.span], k) << l.timeNs;
        ASSERT_EQ(trace->serviceOf(l.span), l.service);
    }
}

// --- span events ---------------------------------------------------------------------------------

TEST(SpanEventLogs, TheDemoTracesEventsWithTheTracepackRules) {
    const LoadResult r = loadTraceFile(ROOTLINE_DEMO_TRACE);
    const Trace& t = test::onlyTrace(r);
    const std::vector<LogLine> lines = spanEventLogs(t);
    ASSERT_EQ(lines.size(), t.events.size());
    ASSERT_GE(lines.size(), 10u);
    for (size_t i = 1; i < lines.size(); ++i)
        EXPECT_LE(lines[i - 1].timeNs, lines[i].timeNs);

    auto find = [&](std::string_view spanId, std::string_view bodyStart) -> const LogLine* {
        for (const LogLine& l : lines)
            if (l.spanId == spanId && l.body.rfind(bodyStart, 0) == 0) return &l;
        ADD_FAILURE() << "no line " << bodyStart << " of span " << spanId;
        return nullptr;
    };
    const LogLine* exception =
        find("c748ccccb076ee7d", "io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED");
    ASSERT_NE(exception, nullptr);
    EXPECT_EQ(exception->level, LogLevel::Error);
    EXPECT_EQ(exception->service, "checkout");
    EXPECT_EQ(exception->traceId, "5f0c2e8a9d4b4c71a3e6b19d2f8a7c40");
    EXPECT_EQ(exception->span, test::spanIndex(t, "c748ccccb076ee7d"));
    EXPECT_FALSE(exception->spanInferred);
    EXPECT_EQ(exception->source, LogSource::SpanEvent);
    EXPECT_EQ(exception->fields.at("exception.type"), "io.grpc.StatusRuntimeException");

    const LogLine* warn = find("298a207fdfd257cf", "request deadline expired while calling PSP");
    ASSERT_NE(warn, nullptr);
    EXPECT_EQ(warn->level, LogLevel::Warn);  // severity_text WARN
    EXPECT_EQ(warn->service, "payment");
    EXPECT_EQ(warn->fields.at("severity_number"), "13");

    // No message attribute: the name is the body; level=WARNING says warn.
    const LogLine* named = find("c84ca18ab9bb174a", "feature store unavailable");
    ASSERT_NE(named, nullptr);
    EXPECT_EQ(named->level, LogLevel::Warn);

    const LogLine* retry = find("7ff915dad68dd2a0", "retry");
    ASSERT_NE(retry, nullptr);
    EXPECT_EQ(retry->level, LogLevel::Info);
    EXPECT_EQ(retry->fields.at("retry.attempt"), "2");

    const LogLine* info = find("d4e81fc7bd81af73", "risk score computed");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->level, LogLevel::Info);
}

TEST(SpanEventLogs, LevelsFromNamesAndFlags) {
    SpanTree tree(kTraceId);
    // Each event is in the middle of its span: at 10, 20, 30 and 40 ms.
    tree.span("1").service("web").at(0, 20).exception("TimeoutError", "");
    tree.span("2").parent("1").service("db").at(10, 20).event("payment failed");
    tree.span("3").parent("1").service("db").at(20, 20).event("retry warning");
    tree.span("4").parent("1").service("db").at(30, 20).event("cache miss");
    const Trace& t = test::loadTree(tree);
    const std::vector<LogLine> lines = spanEventLogs(t);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].body, "TimeoutError");  // a type without a message
    EXPECT_EQ(lines[0].level, LogLevel::Error);
    EXPECT_EQ(lines[0].spanId, "0000000000000001");
    EXPECT_EQ(lines[1].body, "payment failed");
    EXPECT_EQ(lines[1].level, LogLevel::Error);
    EXPECT_EQ(lines[2].level, LogLevel::Warn);
    EXPECT_EQ(lines[3].level, LogLevel::Info);
    EXPECT_EQ(lines[3].service, "db");
    EXPECT_EQ(eventLevel(t, t.eventsOf(SpanTree::index(t, "4"))[0]), LogLevel::Info);
}

TEST(SpanEventLogs, JaegerFixtureLogs) {
    const LoadResult r = loadTraceFile(test::fixture("jaeger/jaeger-uimodel-edgecases.json"));
    ASSERT_TRUE(r.ok()) << r.error.message;
    std::vector<LogLine> lines;
    for (const auto& t : r.file->traces)
        for (LogLine& l : spanEventLogs(*t))
            lines.push_back(std::move(l));
    ASSERT_EQ(lines.size(), 2u);
    for (const LogLine& l : lines) {
        EXPECT_EQ(l.spanId, "0000000000000002");
        EXPECT_EQ(l.service, "service-x");
        EXPECT_EQ(l.level, LogLevel::Info);
        EXPECT_EQ(l.timeNs, 1485467191639875000);
    }
    // Jaeger's "event" field is the event's text; a log of other fields shows them.
    EXPECT_EQ(lines[0].body, "some-event");
    EXPECT_EQ(lines[1].fields.at("x"), "y");
}

}  // namespace
}  // namespace rootline::logs
