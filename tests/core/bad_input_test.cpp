// The corpus of bad input: each case gives a clear one-line error with a position, or loads
// what it can with warnings. Never a crash (the asan preset runs this too), never a hang.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace rootline {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void expectOneLineError(const LoadResult& r, const std::string& part) {
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.message.find(part), std::string::npos) << r.error.message;
    EXPECT_EQ(describeLoadError("f.json", r.error).find('\n'), std::string::npos);
}

TEST(BadInput, EmptyAndWhitespace) {
    expectOneLineError(test::load(""), "the file is empty");
    expectOneLineError(test::load(" \n\t "), "only whitespace");
}

TEST(BadInput, ALoneJsonValueIsValidJsonButNotATrace) {
    for (const char* text : {"\"hello\"", "42", "null", "  true"}) {
        const LoadResult r = test::load(text);
        expectOneLineError(r, "not a trace: the file holds a single JSON value");
    }
}

TEST(BadInput, NotJsonAtAll) {
    const LoadResult r = test::load("hello world, this is not JSON");
    expectOneLineError(r, "not JSON: the file starts with \"hello world, this is not…\"");
    EXPECT_EQ(r.error.byte, 0u);
    const LoadResult indented = test::load("\n\n  x = 1");
    EXPECT_EQ(indented.error.byte, 4u);
}

TEST(BadInput, HtmlPage) {
    const LoadResult r = test::load("<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>");
    expectOneLineError(r, "HTML or XML page");
    EXPECT_EQ(r.error.byte, 0u);
}

TEST(BadInput, ScalarsAndWrongTopLevelTypes) {
    expectOneLineError(test::load("[1, 2, 3]"), "its first element is a number, not an object");
    expectOneLineError(test::load("{}"), "the object is empty");
    expectOneLineError(test::load(R"({"data": 5})"), "its fields are data");
    expectOneLineError(test::load(R"({"traceID":"1","spans":"none"})"),
                       "\"spans\" must be an array, not a string");
}

TEST(BadInput, SyntaxErrorsNameTheByte) {
    const std::string json = R"({"data":[{"traceID":"1","spans":[{"spanID":"1" "x":2}]}]})";
    const LoadResult r = test::load(json);
    expectOneLineError(r, "invalid JSON");
    ASSERT_TRUE(r.error.byte.has_value());
    EXPECT_EQ(*r.error.byte, json.find("\"x\""));
    const LoadResult bare = test::load(R"({"traceID":"1","spans":[], tru})");
    expectOneLineError(bare, "invalid JSON");
}

TEST(BadInput, StrayClosingBracket) {
    const LoadResult r = test::load(R"({"data":[]}]})");
    // The first document is complete and holds no spans; the extra bracket is reported.
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.message.find("closing bracket"), std::string::npos) << r.error.message;
    EXPECT_EQ(r.error.byte, 11u);
}

TEST(BadInput, TextAfterTheJsonIsIgnoredWithAWarning) {
    const LoadResult r = test::load(R"({"traceID":"1","spans":[{"spanID":"1","startTime":1,
      "duration":1}]} trailing words)");
    ASSERT_TRUE(r.ok()) << r.error.message;
    ASSERT_FALSE(r.file->warnings.empty());
    EXPECT_NE(r.file->warnings[0].find("ignored text"), std::string::npos);
}

TEST(BadInput, DeepNestingIsRefusedNotRecursed) {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const LoadResult r = test::load(deep);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.message.find("1,024 levels"), std::string::npos) << r.error.message;
}

TEST(BadInput, ByteOrderMarkIsSkipped) {
    const LoadResult r = test::load(
        "\xEF\xBB\xBF"
        R"({"traceID":"1","spans":[{"spanID":"1",
      "startTime":1,"duration":1}]})");
    EXPECT_TRUE(r.ok()) << r.error.message;
}

TEST(BadInput, InvalidUtf8IsReplacedAndReported) {
    const std::string json =
        "{\"traceID\":\"1\",\"spans\":[{\"spanID\":\"1\",\"operationName\":"
        "\"caf\xe9 \xff\xfe\",\"startTime\":1,\"duration\":1}]}";
    const LoadResult r = test::load(json);
    const Trace& t = test::onlyTrace(r);
    EXPECT_EQ(t.nameOf(0), "caf? ??");
    ASSERT_EQ(r.file->warnings.size(), 1u);
    EXPECT_EQ(r.file->warnings[0], "replaced 3 bytes of invalid UTF-8 with '?' (first at byte " +
                                       std::to_string(json.find('\xe9')) + ")");
}

TEST(BadInput, FiftyMegabyteAttributeValue) {
    const std::string big(50u << 20, 'x');
    const std::string json = R"({"traceID":"1","spans":[{"spanID":"1","operationName":"op",
      "startTime":1,"duration":1,"tags":[{"key":"huge","type":"string","value":")" +
                             big + R"("}]}]})";
    const auto begin = std::chrono::steady_clock::now();
    const LoadResult r = test::load(json);
    const Trace& t = test::onlyTrace(r);
    const Value* v = t.findAttribute(0, t.dict->strings.find("huge"));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(t.str(v->str).size(), big.size());
    // Not a timing assertion: a generous bound that only a hang would break.
    EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(60));
}

TEST(BadInput, WrongFieldTypesBecomeSpanWarnings) {
    const Trace& t = test::onlyTrace(test::load(R"({"traceID":"1","spans":[
      {"spanID":"1","operationName":"op","startTime":"yesterday","duration":[1],
       "tags":"none","logs":{"a":1},"references":"x"}]})"));
    ASSERT_EQ(t.spanCount(), 1u);
    int bad = 0;
    for (const SpanWarning& w : t.warningsOf(0))
        if (w.code == WarningCode::BadField) ++bad;
    EXPECT_EQ(bad, 2);  // startTime and duration
    EXPECT_NE(warningText(t, t.warningsOf(0)[0]).find("startTime is not a number"),
              std::string::npos);
}

TEST(BadInput, MissingFileDirectoryAndDevice) {
    const LoadResult missing = loadTraceFile("/nonexistent/trace.json");
    expectOneLineError(missing, "no such file");
    expectOneLineError(loadTraceFile("/tmp"), "is a directory");
    // A device would be read forever: refused by name, before any read.
    expectOneLineError(loadTraceFile("/dev/zero"), "not a regular file");
}

// Every trace fixture cut short at 40 points: each load ends, loads what it can with a warning
// that names the byte, or fails with a one-line error.
TEST(BadInput, TruncatedFixturesLoadWhatTheyCan) {
    const std::vector<std::string> files = {
        "jaeger/ui-genai-57spans-10svc-error.json",
        "jaeger/jaeger-uimodel-edgecases.json",
        "jaeger/jaeger-anonymizer-embedded-process.json",
        "jaeger/jaeger-otlp-links-events-errors.json",
        "tempo/servicegraphs_trace-with-failed-requests.json",
        "tempo/api_v2_traces_by_id.docs-example.json",
        "otlp/trace.json",
        "genai/otel-js-openai-weather-agent.trace.otlp.json",
    };
    for (const std::string& f : files) {
        const std::string text = readFile(test::fixture(f));
        ASSERT_FALSE(text.empty()) << f;
        const size_t full = loadTraceText(text, f).file->spanCount();
        size_t salvaged = 0;
        for (int k = 1; k < 40; ++k) {
            const size_t cut = text.size() * static_cast<size_t>(k) / 40;
            SCOPED_TRACE(f + " cut at " + std::to_string(cut));
            const LoadResult r = loadTraceText(std::string_view(text).substr(0, cut), f);
            if (r.ok()) {
                EXPECT_LE(r.file->spanCount(), full);
                if (r.file->spanCount() > 0) {
                    ++salvaged;
                    bool mentionsByte = false;
                    for (const std::string& w : r.file->warnings)
                        if (w.find("(byte ") != std::string::npos) mentionsByte = true;
                    EXPECT_TRUE(mentionsByte);
                }
            } else {
                EXPECT_FALSE(r.error.message.empty());
                EXPECT_TRUE(r.error.byte.has_value()) << r.error.message;
            }
        }
        // Big enough files keep their complete spans when cut late.
        if (full >= 15) {
            EXPECT_GT(salvaged, 0u) << f;
        }
    }
}

TEST(BadInput, TruncatedTailKeepsEarlierSpans) {
    std::string json = R"({"data":[{"traceID":"1","spans":[)";
    for (int i = 1; i <= 100; ++i)
        json += (i > 1 ? "," : "") + std::string(R"({"spanID":")") + std::to_string(i) +
                R"(","operationName":"op","startTime":)" + std::to_string(i) +
                R"(,"duration":1,"processID":"p1"})";
    json += R"(],"processes":{"p1":{"serviceName":"svc"}}}]})";
    const std::string cut = json.substr(0, json.find(R"({"spanID":"61")") + 20);
    const LoadResult r = test::load(cut, 1024);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.file->spanCount(), 60u);
    ASSERT_FALSE(r.file->warnings.empty());
    // The damage comes first: it explains the missing processes map that follows.
    EXPECT_NE(r.file->warnings.front().find("loaded the 60 spans read before that point"),
              std::string::npos)
        << r.file->warnings.front();
}

}  // namespace
}  // namespace rootline
