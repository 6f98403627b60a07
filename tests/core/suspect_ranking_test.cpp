// Ranked suspects on small traces whose root cause is known by construction, and the ranking
// weights that drive them.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

#include "analysis/suspect_ranking.h"
#include "span_tree_builder.h"

namespace rootline {
namespace {

using test::SpanTree;

bool hasCode(const Suspect& s, std::string_view code) {
    return std::any_of(s.reasons.begin(), s.reasons.end(),
                       [&](const SuspectReason& r) { return r.code == code; });
}

std::string describe(const Trace& t, const Ranking& r) {
    std::string out;
    for (size_t k = 0; k < r.suspects.size(); ++k) {
        const Suspect& s = r.suspects[k];
        out += "#" + std::to_string(k + 1) + " " + t.spanIdText(s.span) + " " +
               std::string(t.serviceOf(s.span)) + ": " + std::string(t.nameOf(s.span)) + " " +
               std::to_string(s.score) + "\n";
        for (const SuspectReason& reason : s.reasons)
            out += "    " + std::to_string(reason.points) + " " + reason.code + " " + reason.text +
                   "\n";
        if (!s.similar.empty()) out += "    +" + std::to_string(s.similar.size()) + " similar\n";
    }
    return out;
}

// The entry that stands for `span` (its own or one it was folded into), or null.
const Suspect* entryOf(const Ranking& r, int span) {
    for (const Suspect& s : r.suspects) {
        if (s.span == static_cast<uint32_t>(span)) return &s;
        if (std::find(s.similar.begin(), s.similar.end(), static_cast<uint32_t>(span)) !=
            s.similar.end())
            return &s;
    }
    return nullptr;
}

// What the header promises of every ranking.
void expectWellFormed(const Trace& t, const Ranking& r, const RankOptions& options = {}) {
    ASSERT_EQ(r.rankOfSpan.size(), t.spanCount());
    EXPECT_LE(r.suspects.size(), options.maxSuspects);
    std::vector<int> seen(t.spanCount(), 0);
    for (size_t k = 0; k < r.suspects.size(); ++k) {
        const Suspect& s = r.suspects[k];
        SCOPED_TRACE("suspect #" + std::to_string(k + 1));
        EXPECT_GE(s.score, options.minScore);
        if (k > 0) {
            const Suspect& prev = r.suspects[k - 1];
            EXPECT_GE(prev.score, s.score) << "not best first";
            if (prev.score == s.score) {
                EXPECT_TRUE(t.start[prev.span] < t.start[s.span] ||
                            (t.start[prev.span] == t.start[s.span] && prev.span < s.span))
                    << "ties by start, then index";
            }
        }
        double sum = 0;
        for (size_t j = 0; j < s.reasons.size(); ++j) {
            sum += s.reasons[j].points;
            EXPECT_FALSE(s.reasons[j].code.empty());
            EXPECT_FALSE(s.reasons[j].text.empty());
            if (j > 0) {
                EXPECT_GE(std::fabs(s.reasons[j - 1].points), std::fabs(s.reasons[j].points))
                    << "largest contribution first";
            }
        }
        EXPECT_NEAR(sum, s.score, 1e-9) << "the reasons' points add up to the score";
        EXPECT_EQ(r.rankOfSpan[s.span], k + 1);
        ++seen[s.span];
        for (size_t j = 0; j < s.similar.size(); ++j) {
            EXPECT_EQ(r.rankOfSpan[s.similar[j]], k + 1) << "folded spans share the rank";
            ++seen[s.similar[j]];
            if (j > 0) {
                EXPECT_LE(t.start[s.similar[j - 1]], t.start[s.similar[j]]);
            }
        }
    }
    for (size_t i = 0; i < t.spanCount(); ++i) {
        EXPECT_LE(seen[i], 1) << "span " << i << " is in two entries";
        if (seen[i] == 0) {
            EXPECT_EQ(r.rankOfSpan[i], 0u) << "span " << i;
        }
    }
}

Ranking rankChecked(const Trace& t, const RankOptions& options = {}) {
    Ranking r = rankSuspects(t, options);
    expectWellFormed(t, r, options);
    return r;
}

// ---- scenarios ----

TEST(SuspectRanking, LeafExceptionPropagatingToTheRootBeatsItsAncestors) {
    SpanTree tree;
    tree.span("1").service("web").name("POST /checkout").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("web").name("POST").client().at(2, 96).http(500);
    tree.span("3")
        .parent("2")
        .service("pay")
        .name("POST /pay")
        .server()
        .at(4, 92)
        .http(500)
        .error();
    tree.span("4").parent("3").service("pay").name("charge").internal().at(10, 80).error();
    tree.span("5")
        .parent("4")
        .service("pay")
        .name("SELECT cards")
        .client()
        .at(20, 60)
        .error()
        .exception("SQLException", "relation \"cards\" does not exist");
    tree.span("6").parent("1").service("web").name("GET session").client().at(1, 1);
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    ASSERT_FALSE(r.suspects.empty());
    const int leaf = SpanTree::index(t, "5");
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(leaf)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "error_origin"));
    EXPECT_TRUE(hasCode(r.suspects[0], "error_unhandled"));
    EXPECT_TRUE(hasCode(r.suspects[0], "exception"));
    for (const char* id : {"1", "2", "3", "4"}) {
        const int s = SpanTree::index(t, id);
        const Suspect* e = entryOf(r, s);
        if (!e) continue;  // too small to be a suspect: fine
        EXPECT_GT(r.rankOfSpan[s], 1u) << id;
        EXPECT_TRUE(hasCode(*e, "error_propagated")) << id;
        EXPECT_FALSE(hasCode(*e, "error_origin")) << id;
    }
}

TEST(SuspectRanking, TimedOutClientHandsBlameToTheSlowSpanUnderIt) {
    SpanTree tree;
    tree.span("1")
        .service("web")
        .name("GET /stock-page")
        .server()
        .at(0, 520)
        .http(500)
        .error("upstream failed");
    tree.span("2")
        .parent("1")
        .service("web")
        .name("GetStock")
        .client()
        .at(5, 500)
        .error("context deadline exceeded")
        .grpc(4);
    tree.span("3").parent("2").service("inventory").name("GetStock").server().at(8, 502);
    tree.span("4").parent("3").service("inventory").name("checkStock").internal().at(10, 498);
    tree.span("5").parent("4").service("inventory").name("SELECT stock").client().at(12, 494);
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    const int slow = SpanTree::index(t, "5"), client = SpanTree::index(t, "2");
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(slow)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "caused_timeout")) << describe(t, r);
    const Suspect* symptom = entryOf(r, client);
    if (symptom) {
        EXPECT_TRUE(hasCode(*symptom, "timeout_symptom")) << describe(t, r);
        EXPECT_GT(r.rankOfSpan[client], 1u);
    }
    // Whether or not it is listed, the client's blame moved: it never outranks the slow span.
    EXPECT_TRUE(r.rankOfSpan[client] == 0 || r.rankOfSpan[client] > r.rankOfSpan[slow]);
}

TEST(SuspectRanking, DownstreamRejectionBlamesTheCallersClientSpan) {
    // The orders service rightly refuses a negative quantity; the web service sent it.
    SpanTree tree;
    tree.span("1").service("web").name("POST /order").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("web").name("SELECT user").client().at(10, 50);
    tree.span("3").parent("1").service("web").name("POST /orders").client().at(70, 8).http(400);
    tree.span("4")
        .parent("3")
        .service("orders")
        .name("POST /orders")
        .server()
        .at(71, 3)
        .http(400)
        .error("invalid quantity: -1");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    const int client = SpanTree::index(t, "3"), server = SpanTree::index(t, "4");
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(client)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "bad_input"));
    const Suspect* refused = entryOf(r, server);
    if (refused) {
        EXPECT_TRUE(hasCode(*refused, "rejected_input")) << describe(t, r);
    }
}

TEST(SuspectRanking, HandledErrorRanksBelowTheUnhandledOne) {
    SpanTree tree;
    tree.span("1").service("shop").name("GET /product").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("shop").name("getPrice").internal().at(5, 25);
    tree.span("3")
        .parent("2")
        .service("shop")
        .name("GET price-cache")
        .client()
        .at(6, 4)
        .error("cache miss")
        .exception("CacheMissException", "price:42");
    tree.span("4").parent("2").service("shop").name("SELECT price").client().at(12, 15);
    tree.span("5").parent("1").service("shop").name("GET /reviews").client().at(40, 50).http(500);
    tree.span("6")
        .parent("5")
        .service("reviews")
        .name("GET /reviews")
        .server()
        .at(42, 46)
        .http(500)
        .error()
        .exception("NullPointerException", "review.author");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    const int handled = SpanTree::index(t, "3"), real = SpanTree::index(t, "6");
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(real)) << describe(t, r);
    const Suspect* h = entryOf(r, handled);
    if (h) {
        EXPECT_GT(r.rankOfSpan[handled], r.rankOfSpan[real]);
        EXPECT_TRUE(hasCode(*h, "error_handled")) << describe(t, r);
        EXPECT_FALSE(hasCode(*h, "error_unhandled"));
    }
}

TEST(SuspectRanking, RetryStormFoldsIntoOneEntry) {
    SpanTree tree;
    tree.span("1").service("checkout").name("POST /checkout").server().at(0, 100).http(500).error();
    tree.span("2")
        .parent("1")
        .service("checkout")
        .name("reserveWithRetry")
        .internal()
        .at(2, 96)
        .error();
    for (int k = 0; k < 4; ++k)
        tree.span(std::to_string(k + 3))
            .parent("2")
            .service("checkout")
            .name("POST /reserve")
            .client()
            .at(5 + 23 * k, 20)
            .http(500)
            .error("reserve failed");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    ASSERT_FALSE(r.suspects.empty());
    const Suspect& top = r.suspects[0];
    EXPECT_EQ(t.nameOf(top.span), "POST /reserve") << describe(t, r);
    EXPECT_TRUE(hasCode(top, "retries")) << describe(t, r);
    EXPECT_EQ(top.span, static_cast<uint32_t>(SpanTree::index(t, "3")));  // the first attempt
    EXPECT_EQ(top.similar.size(), 3u) << describe(t, r);
    for (const char* id : {"3", "4", "5", "6"})
        EXPECT_EQ(r.rankOfSpan[SpanTree::index(t, id)], 1u);
    // No second entry for the same call.
    for (size_t k = 1; k < r.suspects.size(); ++k)
        EXPECT_NE(t.nameOf(r.suspects[k].span), "POST /reserve") << describe(t, r);
}

TEST(SuspectRanking, AsyncConsumerFailureIsFound) {
    // The order was accepted; the confirmation mail failed in the consumer.
    SpanTree tree;
    tree.span("1").service("shop").name("POST /order").server().at(0, 100);
    tree.span("2").parent("1").service("shop").name("INSERT orders").client().at(5, 30);
    tree.span("3").parent("1").service("shop").name("send orders.created").producer().at(40, 5);
    tree.span("4")
        .parent("3")
        .service("mailer")
        .name("process orders.created")
        .consumer()
        .at(60, 80)
        .error()
        .exception("SMTPException", "relay access denied");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    const int consumer = SpanTree::index(t, "4");
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(consumer)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "async_failure")) << describe(t, r);
    EXPECT_FALSE(hasCode(r.suspects[0], "error_handled"));
}

TEST(SuspectRanking, AsyncConsumerReachedThroughALinkIsFound) {
    // The consumer runs under its own polling loop and links to the producer that sent the
    // message: an asynchronous entry point (async_failures.h), whose failure the producing
    // request never saw. The loop going on is not a caller that handled the failure.
    SpanTree tree;
    tree.span("1").service("shop").name("POST /order").server().at(0, 100);
    tree.span("2").parent("1").service("shop").name("INSERT orders").client().at(5, 30);
    tree.span("3").parent("1").service("shop").name("send orders.created").producer().at(40, 5);
    tree.span("a").service("mailer").name("poll orders.created").internal().at(50, 200);
    tree.span("b")
        .parent("a")
        .link("3")
        .service("mailer")
        .name("process orders.created")
        .consumer()
        .at(60, 80)
        .error()
        .exception("SMTPException", "relay access denied");
    const Trace& t = test::loadTree(tree);
    const int consumer = SpanTree::index(t, "b");
    ASSERT_EQ(t.linksOf(static_cast<size_t>(consumer)).size(), 1u);
    ASSERT_EQ(t.linksOf(static_cast<size_t>(consumer))[0].target, SpanTree::index(t, "3"));
    const Ranking r = rankChecked(t);
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(consumer)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "async_failure")) << describe(t, r);
    EXPECT_FALSE(hasCode(r.suspects[0], "error_handled")) << describe(t, r);
}

TEST(SuspectRanking, ReleaseMismatchOnlyAddsToTheFailingInstance) {
    SpanTree tree;
    tree.span("1")
        .service("gateway", "1.0")
        .name("POST /pay")
        .server()
        .at(0, 100)
        .http(500)
        .error();
    tree.span("2").parent("1").service("gateway", "1.0").name("Authorize").client().at(5, 25);
    tree.span("3")
        .parent("2")
        .service("payment", "2.13.4", "pod-a")
        .name("Authorize")
        .server()
        .at(6, 23);
    tree.span("4").parent("1").service("gateway", "1.0").name("Capture").client().at(35, 25);
    tree.span("5")
        .parent("4")
        .service("payment", "2.13.4", "pod-a")
        .name("Capture")
        .server()
        .at(36, 23);
    tree.span("6")
        .parent("1")
        .service("gateway", "1.0")
        .name("Refund")
        .client()
        .at(65, 30)
        .error()
        .grpc(13);
    tree.span("7")
        .parent("6")
        .service("payment", "2.14.0", "pod-b")
        .name("Refund")
        .server()
        .at(66, 28)
        .error()
        .grpc(13)
        .exception("NullPointerException", "refund.reason");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    const int failing = SpanTree::index(t, "7");
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(failing)) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "release_mismatch")) << describe(t, r);
    for (const Suspect& s : r.suspects) {
        if (s.span == static_cast<uint32_t>(failing)) continue;
        EXPECT_FALSE(hasCode(s, "release_mismatch")) << t.spanIdText(s.span) << "\n"
                                                     << describe(t, r);
    }
}

TEST(SuspectRanking, PureLatencyPutsTheSlowSpanFirst) {
    SpanTree tree;
    tree.span("1").service("reports").name("GET /report").server().at(0, 1000);
    for (int k = 0; k < 4; ++k)
        tree.span(std::to_string(k + 2))
            .parent("1")
            .service("reports")
            .name("SELECT rows")
            .client()
            .at(10 + 20 * k, 10);
    tree.span("9").parent("1").service("reports").name("SELECT rows").client().at(100, 800);
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(SpanTree::index(t, "9"))) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "self_time_outlier")) << describe(t, r);
    EXPECT_TRUE(hasCode(r.suspects[0], "critical_path")) << describe(t, r);
    for (const Suspect& s : r.suspects) {
        EXPECT_FALSE(hasCode(s, "error_origin"));
        EXPECT_FALSE(hasCode(s, "error_propagated"));
    }
}

TEST(SuspectRanking, ServerFailureBehindASilentClientBeatsTheRoot) {
    // The web service's HTTP client records nothing about the answer; the payment server's
    // failure still is what the root reports, not a failure of the root's own.
    SpanTree tree;
    tree.span("1").service("web").name("POST /checkout").server().at(0, 100).http(500).error();
    tree.span("2").parent("1").service("web").name("POST").client().at(5, 90);
    tree.span("3")
        .parent("2")
        .service("payment")
        .name("POST /charge")
        .server()
        .at(10, 80)
        .http(500)
        .error()
        .exception("IllegalStateException", "card processor not configured");
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, static_cast<uint32_t>(SpanTree::index(t, "3"))) << describe(t, r);
    EXPECT_FALSE(hasCode(r.suspects[0], "error_handled")) << describe(t, r);
}

TEST(SuspectRanking, WeightsOverrideChangesTheOrder) {
    SpanTree tree;
    tree.span("1").service("api").name("GET /summary").server().at(0, 1000).http(500).error();
    tree.span("2").parent("1").service("api").name("SELECT report").client().at(10, 800);
    tree.span("3")
        .parent("1")
        .service("api")
        .name("validate")
        .internal()
        .at(850, 10)
        .error()
        .exception("ValidationException", "missing field");
    const Trace& t = test::loadTree(tree);
    const int slow = SpanTree::index(t, "2"), failed = SpanTree::index(t, "3");

    const Ranking before = rankChecked(t);
    ASSERT_FALSE(before.suspects.empty());
    EXPECT_EQ(before.suspects[0].span, static_cast<uint32_t>(failed)) << describe(t, before);

    RankOptions options;
    std::string error;
    ASSERT_TRUE(options.weights.loadOverrides(
        R"({"error_origin": 0, "error_unhandled": 0, "exception": 0})", "w.json", error))
        << error;
    const Ranking after = rankChecked(t, options);
    ASSERT_FALSE(after.suspects.empty());
    EXPECT_EQ(after.suspects[0].span, static_cast<uint32_t>(slow)) << describe(t, after);
}

TEST(SuspectRanking, SameInputGivesTheSameRanking) {
    // Two jobs of one trace (two roots) failing alike: the tie goes to the earlier start.
    SpanTree tree;
    tree.span("1").service("worker").name("job A").internal().at(0, 20).error().exception(
        "IOException", "disk full");
    tree.span("2").service("worker").name("job B").internal().at(50, 20).error().exception(
        "IOException", "disk full");
    tree.span("3").service("web").name("GET /").server().at(100, 20);
    tree.span("4").parent("3").service("web").name("SELECT").client().at(102, 15);
    const std::string json = tree.json();
    const Trace& first = test::onlyTrace(test::load(json));
    const Trace& second = test::onlyTrace(test::load(json));
    const Ranking a = rankChecked(first), b = rankChecked(first), c = rankChecked(second);
    for (const Ranking* other : {&b, &c}) {
        const Trace& t = other == &c ? second : first;
        ASSERT_EQ(a.suspects.size(), other->suspects.size());
        for (size_t k = 0; k < a.suspects.size(); ++k) {
            const Suspect &x = a.suspects[k], &y = other->suspects[k];
            EXPECT_EQ(first.spanIdText(x.span), t.spanIdText(y.span));
            EXPECT_EQ(x.score, y.score);
            ASSERT_EQ(x.reasons.size(), y.reasons.size());
            for (size_t j = 0; j < x.reasons.size(); ++j) {
                EXPECT_EQ(x.reasons[j].code, y.reasons[j].code);
                EXPECT_EQ(x.reasons[j].text, y.reasons[j].text);
                EXPECT_EQ(x.reasons[j].points, y.reasons[j].points);
            }
            EXPECT_EQ(x.similar, y.similar);
        }
        EXPECT_EQ(a.rankOfSpan, other->rankOfSpan);
    }
    // The two alike failures: same score, the earlier first.
    const int loadA = SpanTree::index(first, "1"), loadB = SpanTree::index(first, "2");
    ASSERT_NE(a.rankOfSpan[loadA], 0u) << describe(first, a);
    ASSERT_NE(a.rankOfSpan[loadB], 0u) << describe(first, a);
    EXPECT_EQ(a.suspects[a.rankOfSpan[loadA] - 1].score, a.suspects[a.rankOfSpan[loadB] - 1].score)
        << describe(first, a);
    EXPECT_LT(a.rankOfSpan[loadA], a.rankOfSpan[loadB]);
}

TEST(SuspectRanking, EmptyTraceHasNoSuspects) {
    const Trace empty;
    const Ranking r = rankSuspects(empty);
    EXPECT_TRUE(r.suspects.empty());
    EXPECT_TRUE(r.rankOfSpan.empty());
}

TEST(SuspectRanking, HealthyTraceHasNoErrorReasons) {
    SpanTree tree;
    tree.span("1").service("web").name("GET /").server().at(0, 100).http(200);
    tree.span("2").parent("1").service("web").name("GET cache").client().at(10, 5);
    tree.span("3").parent("1").service("web").name("render").internal().at(20, 30);
    const Trace& t = test::loadTree(tree);
    const Ranking r = rankChecked(t);
    for (const Suspect& s : r.suspects)
        for (const SuspectReason& reason : s.reasons)
            for (const char* code :
                 {"error_origin", "error_unhandled", "error_handled", "error_propagated",
                  "exception", "timeout_symptom", "caused_timeout", "bad_input", "rejected_input",
                  "retries", "async_failure", "contention"})
                EXPECT_NE(reason.code, code) << describe(t, r);
}

TEST(SuspectRanking, OptionsLimitTheListAndTheScore) {
    SpanTree tree;
    tree.span("1").service("web").name("root").server().at(0, 1000).http(500).error();
    for (int k = 0; k < 6; ++k)
        tree.span(std::to_string(k + 2))
            .parent("1")
            .service("web")
            .name("step " + std::to_string(k))
            .internal()
            .at(10 + 100 * k, 20)
            .error()
            .exception("E" + std::to_string(k), "failed");
    const Trace& t = test::loadTree(tree);
    const Ranking all = rankChecked(t);
    ASSERT_GE(all.suspects.size(), 4u) << describe(t, all);
    RankOptions few;
    few.maxSuspects = 2;
    const Ranking limited = rankChecked(t, few);
    ASSERT_EQ(limited.suspects.size(), 2u);
    EXPECT_EQ(limited.suspects[0].span, all.suspects[0].span);
    EXPECT_EQ(limited.suspects[1].span, all.suspects[1].span);
    RankOptions strict;
    strict.minScore = all.suspects[0].score + 1;
    EXPECT_TRUE(rankChecked(t, strict).suspects.empty());
}

TEST(SuspectRanking, CancelledJobControlThrows) {
    SpanTree tree;
    tree.span("1").service("web").name("root").server().at(0, 100).error();
    tree.span("2").parent("1").service("web").name("child").at(10, 50).error();
    const Trace& t = test::loadTree(tree);
    std::atomic<bool> cancel{true};
    JobControl control;
    control.cancelFlag = &cancel;
    EXPECT_THROW(rankSuspects(t, {}, &control), Cancelled);
}

// Deep chains must rank in (near) linear time. Absolute times depend on the machine, so a deep
// chain is timed against a flat trace with the same spans (all children of the first): a
// linear ranker takes about as long on both (the flat one has more suspects to list); a walk
// per span up or down the chain makes the deep one five to ten times slower at 15,000 spans
// (and a hundred times at 100,000).
double bestRankSeconds(const Trace& t, int runs) {
    double best = 1e9;
    for (int k = 0; k < runs; ++k) {
        const auto began = std::chrono::steady_clock::now();
        const Ranking r = rankSuspects(t);
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
        EXPECT_EQ(r.rankOfSpan.size(), t.spanCount());
    }
    return best;
}

// `count` spans, each 1 µs inside its parent: a chain, or all under span 1 (`flat`). `tags(i)`
// gives span i's tags.
template <typename Tags>
std::string chainJson(int count, bool flat, Tags tags) {
    std::string json = R"({"traceID":"1","spans":[)";
    for (int i = 1; i <= count; ++i) {
        json += (i > 1 ? "," : "");
        json += R"({"spanID":")" + std::to_string(i) + R"(",)";
        if (i > 1) json += R"("parentSpanID":")" + std::to_string(flat ? 1 : i - 1) + R"(",)";
        const int duration = flat ? (i == 1 ? 2 * count + 2 : 1) : 2 * (count - i) + 2;
        json += R"("operationName":"op)" + std::to_string(i % 2) + R"(","startTime":)" +
                std::to_string(i) + R"(,"duration":)" + std::to_string(duration) + R"(,"tags":[)" +
                tags(i) + "]}";
    }
    return json + "]}";
}

template <typename Tags>
void expectDeepAsFastAsFlat(int count, Tags tags) {
    const Trace& flat = test::onlyTrace(test::load(chainJson(count, true, tags)));
    const Trace& deep = test::onlyTrace(test::load(chainJson(count, false, tags)));
    ASSERT_EQ(deep.maxDepth, static_cast<uint32_t>(count - 1));
    const double tf = bestRankSeconds(flat, 3), td = bestRankSeconds(deep, 1);
    EXPECT_LT(td, 2 * tf + 0.02) << count << " spans: flat " << tf << " s, deep " << td << " s";
}

TEST(SuspectRanking, DeepFailedChainRanksAsFastAsAFlatTrace) {
    // Every span failed: one origin at the bottom, every other span propagates.
    auto failed = [](int) { return std::string(R"({"key":"error","type":"bool","value":true})"); };
    expectDeepAsFastAsFlat(15'000, failed);
    const Trace& t = test::onlyTrace(test::load(chainJson(1'000, false, failed)));
    const Ranking r = rankSuspects(t);
    ASSERT_FALSE(r.suspects.empty());
    EXPECT_EQ(r.suspects[0].span, t.spanCount() - 1);  // the deepest, where it started
}

TEST(SuspectRanking, DeepChainOfTimeoutsRanksAsFastAsAFlatTrace) {
    // A deadline passed down level after level: each client times out, the server under it
    // records nothing, so every client is an origin of its own.
    auto tags = [](int i) {
        return i % 2 == 1 ? std::string(R"({"key":"span.kind","type":"string","value":"client"},)"
                                        R"({"key":"error","type":"bool","value":true},)"
                                        R"({"key":"otel.status_description","type":"string",)"
                                        R"("value":"deadline exceeded"})")
                          : std::string(R"({"key":"span.kind","type":"string","value":"server"})");
    };
    expectDeepAsFastAsFlat(15'000, tags);
}

// ---- weights ----

TEST(RankingWeights, OverridesAnySubset) {
    RankingWeights w;
    std::string error;
    ASSERT_TRUE(w.loadOverrides(R"({"error_origin": 6.5, "critical_share": 3})", "w.json", error))
        << error;
    EXPECT_EQ(w.errorOrigin, 6.5);
    EXPECT_EQ(w.criticalShare, 3.0);
    const RankingWeights d = RankingWeights::defaults();
    EXPECT_EQ(w.errorUnhandled, d.errorUnhandled);
    EXPECT_EQ(w.badInput, d.badInput);
    EXPECT_TRUE(w.loadOverrides("{}", "empty.json", error));
    EXPECT_EQ(w.errorOrigin, 6.5);
}

TEST(RankingWeights, EveryFieldHasAKeyThatLoads) {
    const auto& fields = RankingWeights::fields();
    ASSERT_FALSE(fields.empty());
    for (const auto& [key, member] : fields) {
        SCOPED_TRACE(std::string(key));
        RankingWeights w;
        std::string error;
        ASSERT_TRUE(w.loadOverrides("{\"" + std::string(key) + "\": 123.25}", "w.json", error))
            << error;
        EXPECT_EQ(w.*member, 123.25);
        // Only that one.
        size_t changed = 0;
        for (const auto& [other, m] : fields)
            changed += (w.*m == 123.25);
        EXPECT_EQ(changed, 1u);
        for (char c : key)
            EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << "not snake_case";
    }
    // Keys are distinct.
    for (size_t i = 0; i < fields.size(); ++i)
        for (size_t j = i + 1; j < fields.size(); ++j)
            EXPECT_NE(fields[i].first, fields[j].first);
}

TEST(RankingWeights, UnknownKeyIsAnErrorNamingTheFileAndTheKey) {
    RankingWeights w;
    std::string error;
    EXPECT_FALSE(w.loadOverrides(R"({"foo": 1})", "weights.json", error));
    EXPECT_EQ(error, "weights.json: unknown weight 'foo'");  // the header's own example
}

TEST(RankingWeights, NonNumberIsAnError) {
    for (const char* json : {R"({"error_origin": "5"})", R"({"error_origin": null})",
                             R"({"error_origin": [5]})", R"({"error_origin": true})"}) {
        SCOPED_TRACE(json);
        RankingWeights w;
        std::string error;
        EXPECT_FALSE(w.loadOverrides(json, "weights.json", error));
        EXPECT_EQ(error.rfind("weights.json: ", 0), 0u) << error;
        EXPECT_NE(error.find("error_origin"), std::string::npos) << error;
        EXPECT_EQ(w.errorOrigin, RankingWeights::defaults().errorOrigin);
    }
}

TEST(RankingWeights, InvalidJsonIsAnError) {
    for (const char* json : {"{\"error_origin\": ", "", "[1, 2]", "5"}) {
        SCOPED_TRACE(json);
        RankingWeights w;
        std::string error;
        EXPECT_FALSE(w.loadOverrides(json, "weights.json", error));
        EXPECT_EQ(error.rfind("weights.json: ", 0), 0u) << error;
        EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    }
}

TEST(RankingWeights, BadFileChangesNothing) {
    RankingWeights w;
    std::string error;
    ASSERT_TRUE(w.loadOverrides(R"({"retries": 9})", "first.json", error));
    // A good key before a bad one: all or nothing.
    EXPECT_FALSE(w.loadOverrides(R"({"error_origin": 1, "retries": 2, "zzz_unknown": 3})",
                                 "second.json", error));
    EXPECT_EQ(w.errorOrigin, RankingWeights::defaults().errorOrigin);
    EXPECT_EQ(w.retries, 9.0);
    EXPECT_FALSE(w.loadOverrides(R"({"error_origin": 1, "retries": "x"})", "third.json", error));
    EXPECT_EQ(w.errorOrigin, RankingWeights::defaults().errorOrigin);
    EXPECT_EQ(w.retries, 9.0);
}

}  // namespace
}  // namespace rootline
