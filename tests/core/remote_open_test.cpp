// Opening a remote trace through a fake TraceSource and a real cache file: a fetched trace is
// kept; a server out of reach (network, 5xx, 429) falls back to the kept copy and says so; any
// answer the server did give (not found, 401, 403, a bad query) is never hidden behind a copy.

#include "remote/remote_open.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rootline::remote {
namespace {

namespace fs = std::filesystem;

constexpr const char* kId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kKey = "jaeger http://jaeger.example:16686/jaeger";
constexpr int64_t kFetched = 1795269807000;  // 2026-11-21 14:03:27 UTC

class FakeSource : public TraceSource {
public:
    FakeSource() {
        conn_.name = "prod jaeger";
        conn_.baseUrl = "http://jaeger.example:16686/jaeger/";
    }
    const Connection& connection() const override { return conn_; }
    Remote<FetchedTrace> fetchTrace(const std::string& traceId, const std::atomic<bool>*) override {
        asked.push_back(traceId);
        return next;
    }
    Remote<std::vector<TraceSummary>> search(const SearchQuery&,
                                             const std::atomic<bool>*) override {
        return {};
    }
    Remote<std::vector<std::string>> services(const std::atomic<bool>*) override { return {}; }
    Remote<std::vector<std::string>> operations(const std::string&,
                                                const std::atomic<bool>*) override {
        return {};
    }
    Remote<std::vector<std::string>> tagNames(const std::atomic<bool>*) override { return {}; }
    Remote<std::vector<std::string>> tagValues(const std::string&,
                                               const std::atomic<bool>*) override {
        return {};
    }

    void succeed(std::string body, std::vector<std::string> warnings = {}) {
        next = {};
        next.value = {std::move(body), kId, "api_v3", std::move(warnings)};
    }
    void fail(RemoteErrorKind kind, std::string message) {
        next = {};
        next.error = {kind, std::move(message)};
    }

    Connection conn_;
    Remote<FetchedTrace> next;
    std::vector<std::string> asked;
};

class RemoteOpenTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "rootline-open-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        cache_ = openCache();
        ASSERT_NE(cache_, nullptr);
    }
    void TearDown() override {
        cache_.reset();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    std::unique_ptr<store::RemoteTraceCache> openCache(store::CacheLimits limits = {}) {
        std::string error;
        auto c = store::RemoteTraceCache::open((dir_ / "cache.sqlite3").string(), error, limits);
        EXPECT_NE(c, nullptr) << error;
        return c;
    }
    // A copy fetched earlier, as an earlier successful open would have left it.
    void keepCopy(const std::string& body, const std::string& key = kKey) {
        store::CachedTrace t;
        t.sourceKey = key;
        t.traceId = kId;
        t.connectionName = "prod jaeger";
        t.api = "v1";
        t.fetchedUnixMs = kFetched;
        t.body = body;
        std::string error;
        ASSERT_TRUE(cache_->put(t, error)) << error;
    }

    fs::path dir_;
    std::unique_ptr<store::RemoteTraceCache> cache_;
    FakeSource source_;
};

TEST(RemoteCacheKey, KindAndBaseUrlWithoutTrailingSlashOrCredentials) {
    Connection c;
    c.kind = SourceKind::Tempo;
    c.baseUrl = "https://grafana.example/tempo/";
    EXPECT_EQ(cacheKey(c), "tempo https://grafana.example/tempo");
    c.baseUrl = "https://grafana.example";
    EXPECT_EQ(cacheKey(c), "tempo https://grafana.example");
    c.kind = SourceKind::Jaeger;
    c.baseUrl = "http://localhost:16686//";
    EXPECT_EQ(cacheKey(c), "jaeger http://localhost:16686");
    // validateConnection refuses these; the key never carries them even so.
    c.baseUrl = "https://admin:hunter2@grafana.example/tempo?token=abc#x";
    EXPECT_EQ(cacheKey(c), "jaeger https://grafana.example/tempo");
    c.baseUrl = "https://admin@host:8443";
    EXPECT_EQ(cacheKey(c), "jaeger https://host:8443");
    c.baseUrl = "https://host/a@b";  // an '@' in the path is not userinfo
    EXPECT_EQ(cacheKey(c), "jaeger https://host/a@b");
}

TEST_F(RemoteOpenTest, SuccessIsCachedAndNamed) {
    source_.succeed(R"({"result":{}})", {"Jaeger returned 2 spans twice; the later kept"});
    const OpenedRemoteTrace r =
        openRemoteTrace(source_, " 4BF92F3577B34DA6A3CE929D0E0E4736 ", cache_.get(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(source_.asked, std::vector<std::string>{kId});  // asked with the normalised id
    EXPECT_EQ(r.body, R"({"result":{}})");
    EXPECT_EQ(r.traceId, kId);
    EXPECT_EQ(r.sourceName, "prod jaeger: 4bf92f35…");
    EXPECT_FALSE(r.fromCache);
    EXPECT_EQ(r.cachedUnixMs, 0);
    EXPECT_EQ(r.warnings,
              std::vector<std::string>{"Jaeger returned 2 spans twice; the later kept"});

    const auto kept = cache_->get(kKey, kId);
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->body, R"({"result":{}})");
    EXPECT_EQ(kept->api, "api_v3");
    EXPECT_EQ(kept->connectionName, "prod jaeger");
    EXPECT_GT(kept->fetchedUnixMs, kFetched - 400LL * 24 * 3600 * 1000);  // now, not zero
}

TEST_F(RemoteOpenTest, SuccessReplacesAnOlderCopy) {
    keepCopy("old body");
    source_.succeed("new body");
    const OpenedRemoteTrace r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.body, "new body");
    EXPECT_EQ(cache_->get(kKey, kId)->body, "new body");
}

TEST_F(RemoteOpenTest, NetworkFailureFallsBackToTheCopy) {
    keepCopy("cached body");
    source_.fail(RemoteErrorKind::Network,
                 "cannot connect to http://jaeger.example:16686 (connection refused)");
    const OpenedRemoteTrace r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.body, "cached body");
    EXPECT_TRUE(r.fromCache);
    EXPECT_EQ(r.cachedUnixMs, kFetched);
    EXPECT_EQ(r.traceId, kId);
    EXPECT_EQ(r.sourceName, "prod jaeger: 4bf92f35…");
    EXPECT_EQ(r.warnings,
              std::vector<std::string>{
                  "http://jaeger.example:16686 cannot be reached (cannot connect to "
                  "http://jaeger.example:16686 (connection refused)); showing the copy fetched "
                  "2026-11-21 14:03 (UTC)"});
}

TEST_F(RemoteOpenTest, ServerErrorAndRateLimitFallBackToo) {
    keepCopy("cached body");
    source_.fail(RemoteErrorKind::Server, "http://jaeger.example:16686 answered 503");
    OpenedRemoteTrace r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.fromCache);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].rfind("http://jaeger.example:16686 is failing (http://jaeger.example:"
                                  "16686 answered 503); showing the copy fetched ",
                                  0),
              0u)
        << r.warnings[0];

    source_.fail(RemoteErrorKind::RateLimited, "429 Too Many Requests");
    r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.fromCache);
    EXPECT_EQ(r.body, "cached body");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("(429 Too Many Requests)"), std::string::npos) << r.warnings[0];
}

TEST_F(RemoteOpenTest, AnswersFromTheServerAreNeverHiddenByTheCopy) {
    keepCopy("cached body");
    for (RemoteErrorKind kind :
         {RemoteErrorKind::NotFound, RemoteErrorKind::Unauthorized, RemoteErrorKind::Forbidden,
          RemoteErrorKind::BadRequest, RemoteErrorKind::WrongUrl, RemoteErrorKind::BadResponse,
          RemoteErrorKind::Cancelled, RemoteErrorKind::Config}) {
        source_.fail(kind, "what the server said");
        const OpenedRemoteTrace r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
        EXPECT_FALSE(r.ok()) << static_cast<int>(kind);
        EXPECT_EQ(r.error.kind, kind);
        EXPECT_EQ(r.error.message, "what the server said");
        EXPECT_EQ(r.body, "");
        EXPECT_FALSE(r.fromCache);
        EXPECT_TRUE(r.warnings.empty());
    }
    EXPECT_EQ(cache_->get(kKey, kId)->body, "cached body");  // and the copy is left as it was
}

TEST_F(RemoteOpenTest, WithoutACopyTheErrorPassesThrough) {
    source_.fail(RemoteErrorKind::Network, "cannot resolve jaeger.example");
    OpenedRemoteTrace r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Network);
    EXPECT_EQ(r.error.message, "cannot resolve jaeger.example");
    EXPECT_FALSE(r.fromCache);

    // No cache at all.
    keepCopy("cached body");
    r = openRemoteTrace(source_, kId, nullptr, nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Network);
    EXPECT_EQ(r.body, "");

    // A copy from another server is not this trace.
    cache_->remove(kKey, kId);
    keepCopy("from elsewhere", "jaeger http://other.example:16686");
    r = openRemoteTrace(source_, kId, cache_.get(), nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::Network);
}

TEST_F(RemoteOpenTest, CachePutFailureIsAWarning) {
    auto tiny = openCache({10, 40});  // bodies over 10 bytes are not kept
    ASSERT_NE(tiny, nullptr);
    source_.succeed("a body of more than ten bytes", {"Tempo returned a partial trace"});
    const OpenedRemoteTrace r = openRemoteTrace(source_, kId, tiny.get(), nullptr);
    ASSERT_TRUE(r.ok()) << r.error.message;
    EXPECT_EQ(r.body, "a body of more than ten bytes");
    EXPECT_EQ(r.warnings,
              (std::vector<std::string>{"Tempo returned a partial trace",
                                        "not kept for offline use: the trace is 29 bytes, more "
                                        "than a quarter of the remote-trace cache's 40 bytes "
                                        "limit"}));
    EXPECT_FALSE(tiny->get(kKey, kId).has_value());
}

TEST_F(RemoteOpenTest, NoCacheStillOpens) {
    source_.succeed("body", {"partial"});
    const OpenedRemoteTrace r = openRemoteTrace(source_, kId, nullptr, nullptr);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.body, "body");
    EXPECT_EQ(r.warnings, std::vector<std::string>{"partial"});
}

TEST_F(RemoteOpenTest, BadIdIsABadRequestAndNeverAsked) {
    source_.succeed("body");
    OpenedRemoteTrace r = openRemoteTrace(source_, "not an id", cache_.get(), nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_NE(r.error.message.find("16 or 32 hex digits, or base64"), std::string::npos)
        << r.error.message;
    r = openRemoteTrace(source_, "0000", cache_.get(), nullptr);
    EXPECT_EQ(r.error.kind, RemoteErrorKind::BadRequest);
    EXPECT_EQ(r.error.message, "the all-zero id is not a trace");
    EXPECT_TRUE(source_.asked.empty());
}

TEST_F(RemoteOpenTest, Base64IdIsNormalisedBeforeAskingAndCaching) {
    source_.succeed("body");
    const OpenedRemoteTrace r =
        openRemoteTrace(source_, "W47/95gDgQPSabYzgT/HAA==", cache_.get(), nullptr);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(source_.asked, std::vector<std::string>{"5b8efff798038103d269b633813fc700"});
    EXPECT_EQ(r.sourceName, "prod jaeger: 5b8efff7…");
    EXPECT_TRUE(cache_->get(kKey, "5b8efff798038103d269b633813fc700").has_value());
}

}  // namespace
}  // namespace rootline::remote
