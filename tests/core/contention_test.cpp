// Contention: evidence that a span waited for, or was refused by, a shared resource.

#include <gtest/gtest.h>

#include "analysis/contention.h"
#include "analysis/span_outcome.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

Contention contentionOf(const Trace& t) {
    return findContention(t, readSpanOutcomes(t));
}

std::string evidenceOf(const Contention& c, size_t span) {
    auto it = c.evidence.find(static_cast<uint32_t>(span));
    return it == c.evidence.end() ? "" : it->second;
}

TEST(Contention, FromTheStatusMessage) {
    SpanTree tree;
    tree.span("1")
        .name("SELECT orders")
        .client()
        .at(0, 10)
        .error("HikariPool-1 - Connection pool exhausted, request timed out after 30000ms");
    const Trace& t = test::loadTree(tree);
    const Contention c = contentionOf(t);
    ASSERT_TRUE(c.present[0]);
    EXPECT_NE(evidenceOf(c, 0).find("pool exhausted"), std::string::npos) << evidenceOf(c, 0);
}

TEST(Contention, FromAn503Answer) {
    SpanTree tree;
    tree.span("1").name("GET /rates").client().at(0, 10).http(503);
    const Trace& t = test::loadTree(tree);
    const Contention c = contentionOf(t);
    ASSERT_TRUE(c.present[0]);
    EXPECT_NE(evidenceOf(c, 0).find("503"), std::string::npos) << evidenceOf(c, 0);
}

TEST(Contention, FromResourceExhausted) {
    SpanTree tree;
    tree.span("1").name("Quote").client().at(0, 10).error().grpc(8);
    const Trace& t = test::loadTree(tree);
    EXPECT_TRUE(contentionOf(t).present[0]);
}

TEST(Contention, FromAnAttributeKey) {
    SpanTree tree;
    tree.span("1")
        .name("SELECT orders")
        .client()
        .at(0, 10)
        .str("db.client.connection.pool.name", "orders-db");
    const Trace& t = test::loadTree(tree);
    const Contention c = contentionOf(t);
    ASSERT_TRUE(c.present[0]);
    EXPECT_NE(evidenceOf(c, 0).find("db.client.connection.pool.name"), std::string::npos)
        << evidenceOf(c, 0);
}

TEST(Contention, FromAnExceptionMessage) {
    SpanTree tree;
    tree.span("1")
        .name("UPDATE stock")
        .client()
        .at(0, 10)
        .exception("PSQLException", "deadlock detected");
    const Trace& t = test::loadTree(tree);
    const Contention c = contentionOf(t);
    ASSERT_TRUE(c.present[0]);
    EXPECT_NE(evidenceOf(c, 0).find("deadlock"), std::string::npos) << evidenceOf(c, 0);
}

TEST(Contention, FromTheSpanName) {
    SpanTree tree;
    tree.span("1").name("acquire connection").internal().at(0, 10);
    const Trace& t = test::loadTree(tree);
    EXPECT_TRUE(contentionOf(t).present[0]);
}

TEST(Contention, NoneOnAPlainSpan) {
    SpanTree tree;
    tree.span("1")
        .name("GET /users/{id}")
        .server()
        .at(0, 100)
        .http(200)
        .str("http.route", "/users/{id}");
    tree.span("2")
        .parent("1")
        .name("SELECT users")
        .client()
        .at(10, 50)
        .str("db.query.text", "SELECT * FROM users WHERE id = $1");
    tree.span("3").parent("1").name("render").internal().at(70, 10).error("template missing");
    const Trace& t = test::loadTree(tree);
    const Contention c = contentionOf(t);
    for (size_t i = 0; i < t.spanCount(); ++i) {
        EXPECT_FALSE(c.present[i]) << t.nameOf(i) << ": " << evidenceOf(c, i);
        EXPECT_EQ(c.evidence.count(static_cast<uint32_t>(i)), 0u);
    }
}

TEST(Contention, TextSaysContention) {
    EXPECT_TRUE(textSaysContention("Too many connections"));
    EXPECT_TRUE(textSaysContention("Lock wait timeout exceeded; try restarting transaction"));
    EXPECT_TRUE(textSaysContention("rate limit exceeded"));
    EXPECT_TRUE(textSaysContention("QUEUE FULL"));
    EXPECT_FALSE(textSaysContention("user not found"));
    EXPECT_FALSE(textSaysContention(""));
}

}  // namespace
}  // namespace rootline
