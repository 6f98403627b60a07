#include "remote/query_template.h"

#include <gtest/gtest.h>

using rootline::remote::expandQueryTemplate;
using rootline::remote::regexEscape;
using rootline::remote::TemplateValues;

TEST(QueryTemplate, FillsEveryVariable) {
    TemplateValues v;
    v.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    v.spanId = "00f067aa0ba902b7";
    v.services = {"checkout", "payment"};
    v.range = "2m";
    EXPECT_EQ(
        expandQueryTemplate(
            R"({service_name=~"${services}"} |= "${traceId}" | span_id="${spanId}")", v),
        R"({service_name=~"checkout|payment"} |= "4bf92f3577b34da6a3ce929d0e0e4736" | span_id="00f067aa0ba902b7")");
    EXPECT_EQ(expandQueryTemplate("rate(x{service=\"${service}\"}[${range}])", v),
              "rate(x{service=\"checkout\"}[2m])");
}

TEST(QueryTemplate, EscapesServiceNamesForRegexAndString) {
    TemplateValues v;
    v.services = {"api.v2", "a\"b", "c\\d"};
    // Regex escape first (. → \.), then Go string escape (\ → \\, " → \").
    EXPECT_EQ(expandQueryTemplate(R"(x{s=~"${services}"})", v), R"(x{s=~"api\\.v2|a\"b|c\\\\d"})");
    EXPECT_EQ(regexEscape("a+b(c)"), R"(a\+b\(c\))");
}

TEST(QueryTemplate, NoServicesMatchesAnyAndUnknownVariablesStay) {
    TemplateValues v;
    EXPECT_EQ(expandQueryTemplate(R"({service_name=~"${services}"} ${nope} ${traceId)", v),
              R"({service_name=~".+"} ${nope} ${traceId)");
}
