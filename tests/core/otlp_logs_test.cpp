// OTLP JSON log files: the spec's example read field by field, the forms other producers write
// (base64 ids, enum names, numbers for 64-bit values, snake_case keys, one document per line),
// and broken files reported in one line with the file and the place.

#include "logs/otlp_log_reader.h"

#include <gtest/gtest.h>

#include "remote_test_support.h"

namespace rootline::logs {
namespace {

using test::contains;
using test::readFixture;

std::vector<LogLine> readOk(const std::string& text, std::vector<std::string>* warnings = nullptr) {
    std::vector<LogLine> out;
    std::string error;
    EXPECT_TRUE(readOtlpLogs(text, "logs.json", out, error, warnings)) << error;
    EXPECT_EQ(error, "");
    return out;
}

std::string readError(const std::string& text) {
    std::vector<LogLine> out;
    std::string error;
    EXPECT_FALSE(readOtlpLogs(text, "broken.json", out, error));
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    return error;
}

// One resourceLogs document with the given records and service.
std::string document(const std::string& records, const std::string& service = "checkout") {
    return R"({"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":)"
           R"({"stringValue":")" +
           service + R"("}}]},"scopeLogs":[{"scope":{"name":"x"},"logRecords":[)" + records +
           "]}]}]}";
}

TEST(OtlpLogs, TheSpecExampleFieldByField) {
    const std::string text = readFixture("otlp/logs.json");
    EXPECT_TRUE(looksLikeOtlpLogs(text));
    const std::vector<LogLine> lines = readOk(text);
    ASSERT_EQ(lines.size(), 1u);
    const LogLine& l = lines[0];
    EXPECT_EQ(l.source, LogSource::OtlpFile);
    EXPECT_EQ(l.timeNs, 1544712660300000000);
    EXPECT_EQ(l.service, "my.service");
    EXPECT_EQ(l.level, LogLevel::Info);  // severityNumber 10, "Information"
    EXPECT_EQ(l.traceId, "5b8efff798038103d269b633813fc60c");
    EXPECT_EQ(l.spanId, "eee19b7ec3c1b174");
    EXPECT_EQ(l.body, "Example log record");
    EXPECT_EQ(l.span, -1);
    EXPECT_EQ(l.fields.at("service.name"), "my.service");
    EXPECT_EQ(l.fields.at("string.attribute"), "some string");
    EXPECT_EQ(l.fields.at("boolean.attribute"), "true");
    EXPECT_EQ(l.fields.at("int.attribute"), "10");
    EXPECT_EQ(l.fields.at("double.attribute"), "637.704");
    EXPECT_EQ(l.fields.at("array.attribute"), R"(["many","values"])");
    EXPECT_EQ(l.fields.at("map.attribute"), R"({"some.map.key":"some value"})");
}

TEST(OtlpLogs, AnEventWithAKeyValueBody) {
    const std::vector<LogLine> lines = readOk(readFixture("otlp/events.json"));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].level, LogLevel::Info);  // 9, whatever the text says
    EXPECT_EQ(lines[0].fields.at("event.name"), "browser.page_view");
    EXPECT_EQ(lines[0].body,
              R"({"referrer":"https://wwww.google.com","title":"Free Online GUID Generator",)"
              R"("type":0,"url":"https://www.guidgenerator.com/online-guid-generator.aspx"})");
}

TEST(OtlpLogs, NotLogs) {
    EXPECT_FALSE(looksLikeOtlpLogs(readFixture("otlp/trace.json")));
    EXPECT_FALSE(looksLikeOtlpLogs("[]"));
    EXPECT_FALSE(looksLikeOtlpLogs(""));
    const std::string error = readError(readFixture("otlp/trace.json"));
    EXPECT_TRUE(contains(error, "broken.json:1:1: not OTLP logs")) << error;
}

TEST(OtlpLogs, Base64IdsEnumNamesAndNumbers) {
    const std::vector<LogLine> lines = readOk(document(
        R"({"timeUnixNano":1700000000000000001,"severityNumber":"SEVERITY_NUMBER_ERROR",)"
        R"("traceId":"W47/95gDgQPSabYzgT/HAA==","spanId":"7uGbfsPBsXQ=","body":{"stringValue":"a"}},)"
        R"({"observedTimeUnixNano":"1700000000000000002","severityNumber":"SEVERITY_NUMBER_WARN2",)"
        R"("traceId":"A3CE929D0E0E4736","body":{"intValue":"42"}},)"
        R"({"time_unix_nano":"1700000000000000003","severity_text":"DEBUG","trace_id":"",)"
        R"("body":{"arrayValue":{"values":[{"boolValue":false},{"doubleValue":1.5}]}}},)"
        R"({"timeUnixNano":"1700000000000000004","severityNumber":99,"severityText":"fatal"})"));
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].timeNs, 1700000000000000001);
    EXPECT_EQ(lines[0].level, LogLevel::Error);
    EXPECT_EQ(lines[0].traceId, "5b8efff798038103d269b633813fc700");
    EXPECT_EQ(lines[0].spanId, "eee19b7ec3c1b174");
    EXPECT_EQ(lines[0].service, "checkout");
    EXPECT_EQ(lines[1].timeNs, 1700000000000000002);  // the observed time when no time
    EXPECT_EQ(lines[1].level, LogLevel::Warn);
    EXPECT_EQ(lines[1].traceId, "0000000000000000a3ce929d0e0e4736");
    EXPECT_EQ(lines[1].body, "42");
    EXPECT_EQ(lines[2].level, LogLevel::Debug);
    EXPECT_EQ(lines[2].traceId, "");
    EXPECT_EQ(lines[2].body, "[false,1.5]");
    EXPECT_EQ(lines[3].level, LogLevel::Error);  // an unknown number: the text decides
}

TEST(OtlpLogs, DamagedRecordsAreSkippedAndCounted) {
    std::vector<std::string> warnings;
    const std::vector<LogLine> lines =
        readOk(document(R"({"timeUnixNano":"1","traceId":"span-1","body":{"stringValue":"x"}},)"
                        R"({"body":{"stringValue":"no time"}},)"
                        R"("not a record")"),
               &warnings);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].traceId, "");
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_EQ(warnings[0], "logs.json: 1 log record skipped (no time)");
    EXPECT_EQ(warnings[1], "logs.json: 1 log record skipped (not an object)");
    EXPECT_EQ(warnings[2],
              "logs.json: 1 log record with a trace id that is neither hex nor base64 read "
              "without it");
}

TEST(OtlpLogs, OneDocumentPerLine) {
    const std::string text =
        document(R"({"timeUnixNano":"1","body":{"stringValue":"one"}})", "a") + "\n\n" +
        document(R"({"timeUnixNano":"2","body":{"stringValue":"two"}})", "b") + "\r\n";
    EXPECT_TRUE(looksLikeOtlpLogs(text));
    const std::vector<LogLine> lines = readOk(text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].service, "a");
    EXPECT_EQ(lines[1].service, "b");
    EXPECT_EQ(lines[1].body, "two");
}

TEST(OtlpLogs, ABrokenFileSaysWhereInOneLine) {
    const std::string error =
        readError("{\n  \"resourceLogs\": [\n    {\"scopeLogs\": [}\n  ]\n}\n");
    EXPECT_TRUE(contains(error, "broken.json:3:20: invalid JSON")) << error;

    const std::string cut = readError(readFixture("otlp/logs.json").substr(0, 300));
    EXPECT_TRUE(contains(cut, "broken.json:")) << cut;
    EXPECT_TRUE(contains(cut, "invalid JSON")) << cut;

    // The second of two documents is broken: its own line is named.
    const std::string ndjson = readError(document(R"({"timeUnixNano":"1"})") + "\n" +
                                         R"({"resourceLogs":[{"scopeLogs":[x]}]})");
    EXPECT_TRUE(contains(ndjson, "broken.json:2:32: invalid JSON")) << ndjson;

    const std::string empty = readError("  \n");
    EXPECT_EQ(empty, "broken.json: the file is empty");
}

TEST(OtlpLogs, ReadFromAFile) {
    std::vector<LogLine> out;
    std::string error;
    ASSERT_TRUE(readOtlpLogsFile(test::fixture("otlp/logs.json"), out, error)) << error;
    EXPECT_EQ(out.size(), 1u);
    EXPECT_FALSE(readOtlpLogsFile("/nonexistent/rootline/logs.json", out, error));
    EXPECT_EQ(error, "/nonexistent/rootline/logs.json: cannot read the file");
    EXPECT_EQ(out.size(), 1u);  // appended to, never cleared
}

}  // namespace
}  // namespace rootline::logs
