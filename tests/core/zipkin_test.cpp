// Zipkin v2 JSON, including its one-id-per-RPC ("shared") client/server spans.

#include <gtest/gtest.h>

#include "test_support.h"

namespace rootline {
namespace {

const char* kZipkin = R"([
  {"traceId":"86154a4ba6e91385","id":"86154a4ba6e91385","name":"get /checkout",
   "kind":"SERVER","timestamp":1700000000000000,"duration":300000,
   "localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1","port":8080},
   "tags":{"http.method":"GET","http.path":"/checkout"}},
  {"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db",
   "name":"charge","kind":"CLIENT","timestamp":1700000000010000,"duration":200000,
   "localEndpoint":{"serviceName":"frontend"},
   "remoteEndpoint":{"serviceName":"payment","ipv4":"10.0.0.2","port":9000},
   "tags":{"error":"card declined"}},
  {"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db",
   "name":"charge","kind":"SERVER","shared":true,"timestamp":1700000000020000,
   "duration":150000,"localEndpoint":{"serviceName":"payment"},
   "annotations":[{"timestamp":1700000000030000,"value":"ws"}]},
  {"traceId":"86154a4ba6e91385","parentId":"4d1e00c0db9010db","id":"5e2f11d1ec2021ec",
   "name":"select","kind":"CLIENT","timestamp":1700000000040000,"duration":50000,
   "localEndpoint":{"serviceName":"payment"}}
])";

TEST(Zipkin, SpansEndpointsTagsAndAnnotations) {
    const LoadResult r = test::load(kZipkin);
    const Trace& t = test::onlyTrace(r);
    EXPECT_EQ(r.file->format, "Zipkin JSON (v2)");
    ASSERT_EQ(t.spanCount(), 4u);
    EXPECT_EQ(t.traceIdText(), "000000000000000086154a4ba6e91385");
    EXPECT_EQ(t.serviceOf(0), "frontend");
    EXPECT_EQ(test::attrText(t, 0, "http.method"), "GET");
    const int client = 1;
    EXPECT_EQ(t.kind[client], SpanKind::Client);
    EXPECT_EQ(test::attrText(t, client, "peer.service"), "payment");
    // In Zipkin an "error" tag marks failure and holds the message.
    EXPECT_TRUE(t.isError(client));
    EXPECT_EQ(t.str(t.statusMessage[client]), "card declined");
    EXPECT_EQ(t.eventsOf(2).size(), 1u);
    EXPECT_EQ(t.str(t.eventsOf(2)[0].name), "ws");
}

TEST(Zipkin, SharedRpcIdBecomesClientThenServer) {
    const Trace& t = test::onlyTrace(test::load(kZipkin));
    // client "charge" → server "charge" (derived id) → "select"; no duplicate-id warning.
    const int client = 1, server = 2, select = 3;
    EXPECT_EQ(t.kind[server], SpanKind::Server);
    EXPECT_EQ(t.parent[server], client);
    EXPECT_EQ(t.parent[select], server);
    EXPECT_EQ(t.parent[client], 0);
    EXPECT_FALSE(test::hasWarning(t, client, WarningCode::DuplicateId));
    EXPECT_FALSE(test::hasWarning(t, server, WarningCode::DuplicateId));
    EXPECT_EQ(t.serviceOf(server), "payment");
    EXPECT_EQ(t.maxDepth, 3u);
}

TEST(Zipkin, LargeArrayIsReadInWindows) {
    std::string json = "[";
    for (int i = 1; i <= 3000; ++i) {
        if (i > 1) json += ",";
        json += R"({"traceId":"aa","id":")" + std::to_string(i) + R"(",)" +
                (i > 1 ? R"("parentId":"1",)" : "") + R"("name":"op","timestamp":)" +
                std::to_string(1000 + i) +
                R"(,"duration":1,"localEndpoint":{"serviceName":"svc"}})";
    }
    json += "]";
    const LoadResult r = test::load(json, 4096);  // forces many small windows
    const Trace& t = test::onlyTrace(r);
    EXPECT_EQ(t.spanCount(), 3000u);
    EXPECT_EQ(t.childrenOf(0).size(), 2999u);
}

}  // namespace
}  // namespace rootline
