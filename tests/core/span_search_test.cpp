// Find in a trace.

#include <gtest/gtest.h>

#include "test_support.h"
#include "view/span_search.h"

namespace rootline {
namespace {

std::vector<std::string> found(const Trace& t, std::string_view query) {
    const std::vector<uint8_t> m = searchSpans(t, parseSearchQuery(query));
    std::vector<std::string> out;
    for (size_t i = 0; i < m.size(); ++i)
        if (m[i]) out.emplace_back(t.nameOf(i));
    return out;
}

using V = std::vector<std::string>;

TEST(SpanSearch, ParsesTermsPhrasesAndKeyValues) {
    const auto terms = parseSearchQuery(R"(  GET "Cart Service"  http.status_code=500 key= )");
    ASSERT_EQ(terms.size(), 4u);
    EXPECT_EQ(terms[0].text, "get");
    EXPECT_EQ(terms[1].text, "cart service");
    EXPECT_EQ(terms[2].key, "http.status_code");
    EXPECT_EQ(terms[2].text, "500");
    EXPECT_EQ(terms[3].key, "key");
    EXPECT_TRUE(terms[3].text.empty());
    EXPECT_TRUE(parseSearchQuery("   ").empty());
}

TEST(SpanSearch, MatchesNamesServicesAttributesEventsAndIds) {
    const Trace& t = test::onlyTrace(
        loadTraceFile(test::fixture("tempo/servicegraphs_trace-with-failed-requests.json")));
    EXPECT_EQ(found(t, "pg.query"), V{"pg.query:INSERT"});
    EXPECT_EQ(found(t, "PG.QUERY"), V{"pg.query:INSERT"});  // case-insensitive
    EXPECT_EQ(found(t, "not-null").size(), 1u);             // status message
    EXPECT_EQ(found(t, "mythical-requester").size(), 6u);   // service
    EXPECT_EQ(found(t, "http.status_code=500"), V{"POST /:endpoint"});
    EXPECT_EQ(found(t, "c1ae6cea"), V{"pg.query:INSERT"});  // span id
    EXPECT_TRUE(found(t, "no such thing anywhere").empty());
    EXPECT_TRUE(found(t, "").empty());
}

TEST(SpanSearch, AllTermsMustMatch) {
    const Trace& t = test::onlyTrace(
        loadTraceFile(test::fixture("tempo/servicegraphs_trace-with-failed-requests.json")));
    const size_t server = found(t, "mythical-server").size();
    const size_t post = found(t, "POST").size();
    const size_t both = found(t, "mythical-server POST").size();
    EXPECT_GT(server, both);
    EXPECT_GE(post, both);
    EXPECT_GT(both, 0u);
}

TEST(SpanSearch, ResourceAttributesAndEventFields) {
    const Trace& t =
        test::onlyTrace(loadTraceFile(test::fixture("jaeger/jaeger-uimodel-edgecases.json")));
    // service-y's 3 spans, plus the span whose peer.service tag names it.
    const std::vector<uint8_t> m = searchSpans(t, parseSearchQuery("service-y"));
    EXPECT_EQ(std::count(m.begin(), m.end(), 1), 4);
    EXPECT_FALSE(found(t, "temperature=72").empty());  // a float64 tag
}

// The substring search skips ahead (Boyer–Moore–Horspool): check it against the plain
// definition on names built to trip a skip table — repeats, overlaps, the match at either end,
// mixed case, bytes above ASCII, needles longer than the text.
TEST(SpanSearch, SubstringSearchAgreesWithThePlainDefinition) {
    const std::vector<std::string> names = {
        "aaab",   "abab",      "aXab",      "SELECT * FROM orders", "selectselect", "orders",
        "ORDERS", "xorderS",   "o",         "Grüße GmbH",           "ÄÖÜ",          "a",
        "ba",     "cab",       "abcabcabd", "mississippi",          "MiSsIsSiPpI",  "tail-x",
        "x-head", "0123456789"};
    std::string json = R"({"traceID":"00000000000000000000000000000001","spans":[)";
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) json += ',';
        json += R"({"traceID":"00000000000000000000000000000001","spanID":")" +
                std::string(15, '0') + static_cast<char>('a' + i % 6) + R"(","operationName":")" +
                names[i] + R"(","references":[],"startTime":1,"duration":1,"processID":"p1"})";
    }
    json += R"(],"processes":{"p1":{"serviceName":"q","tags":[]}}})";
    const LoadResult r = test::load(json);
    const Trace& t = test::onlyTrace(r);
    auto lowerCopy = [](std::string s) {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return s;
    };
    for (const std::string query : {"aab",    "ab",
                                    "bab",    "abab",
                                    "select", "Orders",
                                    "rders",  "s",
                                    "ssippi", "issi",
                                    "cabd",   "abcabd",
                                    "grüße",  "ÄÖÜ",
                                    "äöü",    "tail",
                                    "head",   "x",
                                    "9",      "0123456789x",
                                    "ppi",    "mississippimississippi"}) {
        V expected;
        for (size_t i = 0; i < t.spanCount(); ++i)
            if (lowerCopy(std::string(t.nameOf(i))).find(lowerCopy(query)) != std::string::npos)
                expected.emplace_back(t.nameOf(i));
        EXPECT_EQ(found(t, "\"" + query + "\""), expected) << query;
    }
}

}  // namespace
}  // namespace rootline
