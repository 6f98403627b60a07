// The remote-trace cache on real SQLite files in a temporary folder: round trips, replacing,
// recency, eviction by count and by bytes, refusing oversized bodies, bad files and folders,
// and two objects sharing one file.

#include "store/remote_trace_cache.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rootline::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSource = "jaeger http://jaeger.example:16686";

std::string hexId(int n) {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%032x", n);
    return buf;
}

CachedTrace sample(int n, std::string body = "") {
    CachedTrace t;
    t.sourceKey = kSource;
    t.traceId = hexId(n);
    t.connectionName = "prod jaeger";
    t.api = "api_v3";
    t.fetchedUnixMs = 1700000000000 + n;
    t.body = body.empty() ? R"({"result":{"resourceSpans":[]},"n":)" + std::to_string(n) + "}"
                          : std::move(body);
    return t;
}

std::string rawText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        if (text) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

class RemoteTraceCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "rootline-cache-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        path_ = (dir_ / "data" / "remote-traces.sqlite3").string();
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir_, ec);
    }

    std::unique_ptr<RemoteTraceCache> openCache(CacheLimits limits = {}) {
        std::string error;
        auto c = RemoteTraceCache::open(path_, error, limits);
        EXPECT_NE(c, nullptr) << error;
        EXPECT_EQ(error, "");
        return c;
    }

    static void put(RemoteTraceCache& c, const CachedTrace& t) {
        std::string error;
        EXPECT_TRUE(c.put(t, error)) << error;
        EXPECT_EQ(error, "");
    }

    static std::vector<std::string> recentIds(RemoteTraceCache& c) {
        std::vector<std::string> ids;
        for (const CachedTrace& t : c.recent())
            ids.push_back(t.traceId);
        return ids;
    }

    fs::path dir_;
    std::string path_;
};

TEST_F(RemoteTraceCacheTest, RoundTripKeepsEveryFieldAndExactBytes) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    // Bytes that are not UTF-8 and a NUL: a body is kept as it came.
    std::string body = "{\"x\":\"\xff\xfe\"}";
    body.push_back('\0');
    body += "tail";
    CachedTrace t = sample(1, body);
    t.openedUnixMs = 1700000000500;
    put(*cache, t);

    const std::optional<CachedTrace> got = cache->get(kSource, hexId(1));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->sourceKey, kSource);
    EXPECT_EQ(got->traceId, hexId(1));
    EXPECT_EQ(got->connectionName, "prod jaeger");
    EXPECT_EQ(got->api, "api_v3");
    EXPECT_EQ(got->fetchedUnixMs, 1700000000001);
    EXPECT_EQ(got->body, body);
    EXPECT_EQ(got->bodyBytes, static_cast<int64_t>(body.size()));
    // get() marks it opened now.
    EXPECT_GT(got->openedUnixMs, 1700000000500);

    EXPECT_FALSE(cache->get(kSource, hexId(2)).has_value());
    EXPECT_FALSE(cache->get("tempo http://jaeger.example:16686", hexId(1)).has_value());
    EXPECT_EQ(rawText(path_, "SELECT typeof(body) FROM traces"), "blob");
}

TEST_F(RemoteTraceCacheTest, FileAndFolderArePrivate) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    struct stat st {};
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((dir_ / "data").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST_F(RemoteTraceCacheTest, PutReplaces) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    put(*cache, sample(1, "first"));
    CachedTrace again = sample(1, "second, longer");
    again.api = "v1";
    again.connectionName = "renamed";
    put(*cache, again);
    const auto got = cache->get(kSource, hexId(1));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->body, "second, longer");
    EXPECT_EQ(got->api, "v1");
    EXPECT_EQ(got->connectionName, "renamed");
    EXPECT_EQ(cache->recent().size(), 1u);
}

TEST_F(RemoteTraceCacheTest, SameIdFromTwoServersAreTwoEntries) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    CachedTrace other = sample(1, "from tempo");
    other.sourceKey = "tempo http://tempo:3200";
    put(*cache, sample(1, "from jaeger"));
    put(*cache, other);
    EXPECT_EQ(cache->get(kSource, hexId(1))->body, "from jaeger");
    EXPECT_EQ(cache->get("tempo http://tempo:3200", hexId(1))->body, "from tempo");
}

TEST_F(RemoteTraceCacheTest, RecentIsNewestOpenedFirstWithoutBodies) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    for (int i = 1; i <= 4; ++i)
        put(*cache, sample(i));
    EXPECT_EQ(recentIds(*cache),
              (std::vector<std::string>{hexId(4), hexId(3), hexId(2), hexId(1)}));
    ASSERT_TRUE(cache->get(kSource, hexId(2)).has_value());  // opened again: newest now
    EXPECT_EQ(recentIds(*cache),
              (std::vector<std::string>{hexId(2), hexId(4), hexId(3), hexId(1)}));

    const std::vector<CachedTrace> rows = cache->recent(2);
    ASSERT_EQ(rows.size(), 2u);
    for (const CachedTrace& r : rows) {
        EXPECT_EQ(r.body, "");
        EXPECT_GT(r.bodyBytes, 0);
        EXPECT_EQ(r.connectionName, "prod jaeger");
        EXPECT_EQ(r.api, "api_v3");
        EXPECT_EQ(r.sourceKey, kSource);
    }
    EXPECT_TRUE(cache->recent(0).empty());
}

TEST_F(RemoteTraceCacheTest, Remove) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    put(*cache, sample(1));
    put(*cache, sample(2));
    EXPECT_TRUE(cache->remove(kSource, hexId(1)));
    EXPECT_FALSE(cache->remove(kSource, hexId(1)));
    EXPECT_FALSE(cache->get(kSource, hexId(1)).has_value());
    EXPECT_EQ(recentIds(*cache), std::vector<std::string>{hexId(2)});
}

TEST_F(RemoteTraceCacheTest, EvictsLeastRecentlyOpenedBeyondCount) {
    auto cache = openCache({3, 1 << 20});
    ASSERT_NE(cache, nullptr);
    for (int i = 1; i <= 3; ++i)
        put(*cache, sample(i));
    ASSERT_TRUE(cache->get(kSource, hexId(1)).has_value());  // 1 is now the most recent
    put(*cache, sample(4));                                  // 2 goes: opened least recently
    EXPECT_EQ(recentIds(*cache), (std::vector<std::string>{hexId(4), hexId(1), hexId(3)}));
    put(*cache, sample(5));
    EXPECT_EQ(recentIds(*cache), (std::vector<std::string>{hexId(5), hexId(4), hexId(1)}));
    EXPECT_FALSE(cache->get(kSource, hexId(2)).has_value());
    EXPECT_FALSE(cache->get(kSource, hexId(3)).has_value());
}

TEST_F(RemoteTraceCacheTest, EvictsLeastRecentlyOpenedBeyondBytes) {
    auto cache = openCache({100, 4000});
    ASSERT_NE(cache, nullptr);
    for (int i = 1; i <= 4; ++i)
        put(*cache, sample(i, std::string(900, 'a' + i)));  // 3600 bytes: all fit
    EXPECT_EQ(cache->recent().size(), 4u);
    ASSERT_TRUE(cache->get(kSource, hexId(1)).has_value());
    put(*cache, sample(5, std::string(900, 'z')));  // 4500 bytes: the least recent (2) goes
    EXPECT_EQ(recentIds(*cache),
              (std::vector<std::string>{hexId(5), hexId(1), hexId(4), hexId(3)}));
    put(*cache, sample(6, std::string(1000, 'y')));  // 4700 → 3 goes, and then it fits
    EXPECT_EQ(recentIds(*cache),
              (std::vector<std::string>{hexId(6), hexId(5), hexId(1), hexId(4)}));
    int64_t total = 0;
    for (const CachedTrace& t : cache->recent())
        total += t.bodyBytes;
    EXPECT_LE(total, 4000);
}

TEST_F(RemoteTraceCacheTest, BodyOverAQuarterOfTheLimitIsRefused) {
    auto cache = openCache({10, 4000});
    ASSERT_NE(cache, nullptr);
    put(*cache, sample(1, std::string(1000, 'x')));  // exactly a quarter: kept
    std::string error;
    EXPECT_FALSE(cache->put(sample(2, std::string(1001, 'x')), error));
    EXPECT_EQ(error,
              "the trace is 1001 bytes, more than a quarter of the remote-trace cache's 4000 "
              "bytes limit");
    EXPECT_FALSE(cache->get(kSource, hexId(2)).has_value());
    EXPECT_TRUE(cache->get(kSource, hexId(1)).has_value());  // nothing else was touched

    auto big = openCache({10, 40LL * 1024 * 1024});  // large sizes are given in megabytes
    ASSERT_NE(big, nullptr);
    CachedTrace huge = sample(3);
    huge.body.assign(11u * 1024 * 1024, 'x');
    EXPECT_FALSE(big->put(huge, error));
    EXPECT_EQ(error,
              "the trace is 11 MB, more than a quarter of the remote-trace cache's 40 MB limit");
}

TEST_F(RemoteTraceCacheTest, KeysMustBeCanonical) {
    auto cache = openCache();
    ASSERT_NE(cache, nullptr);
    std::string error;
    CachedTrace t = sample(1);
    t.traceId = "4BF92F3577B34DA6A3CE929D0E0E4736";
    EXPECT_FALSE(cache->put(t, error));
    EXPECT_NE(error.find("32-digit lowercase hex id"), std::string::npos) << error;
    t = sample(1);
    t.sourceKey.clear();
    EXPECT_FALSE(cache->put(t, error));
    EXPECT_TRUE(cache->recent().empty());
}

TEST_F(RemoteTraceCacheTest, SecondObjectSeesTheSameFile) {
    {
        auto first = openCache();
        ASSERT_NE(first, nullptr);
        put(*first, sample(1));
        put(*first, sample(2));
    }
    auto second = openCache();
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(recentIds(*second), (std::vector<std::string>{hexId(2), hexId(1)}));
    EXPECT_EQ(second->get(kSource, hexId(1))->body, sample(1).body);
    // And a live first object sees what the second writes.
    auto third = openCache();
    ASSERT_NE(third, nullptr);
    put(*second, sample(3));
    EXPECT_EQ(recentIds(*third).front(), hexId(3));
}

TEST_F(RemoteTraceCacheTest, ConcurrentPutsFromTwoObjects) {
    auto a = openCache({1000, 1 << 30});
    auto b = openCache({1000, 1 << 30});
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    auto writer = [](RemoteTraceCache* c, int first, std::vector<std::string>* errors) {
        for (int i = first; i < first + 40; ++i) {
            std::string error;
            if (!c->put(sample(i), error)) errors->push_back(error);
            c->get(kSource, hexId(first));  // reads and marks in between
        }
    };
    std::vector<std::string> errorsA, errorsB;
    std::thread ta(writer, a.get(), 1, &errorsA);
    std::thread tb(writer, b.get(), 1001, &errorsB);
    ta.join();
    tb.join();
    EXPECT_TRUE(errorsA.empty()) << errorsA.front();
    EXPECT_TRUE(errorsB.empty()) << errorsB.front();
    EXPECT_EQ(a->recent(1000).size(), 80u);
    EXPECT_EQ(b->get(kSource, hexId(1040))->body, sample(1040).body);
}

TEST_F(RemoteTraceCacheTest, CorruptFileIsNamedAndLeftAlone) {
    fs::create_directories(dir_ / "data");
    const std::string junk = "this is not SQLite, it is a text file someone put here\n";
    std::ofstream(path_, std::ios::binary) << junk;
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not a Rootline cache (file is not a database)");
    std::ifstream in(path_, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), junk);
}

TEST_F(RemoteTraceCacheTest, AnotherDatabaseIsRefused) {
    fs::create_directories(dir_ / "data");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE mine (x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not a Rootline cache (it holds other tables)");

    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA application_id = 42", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": not a Rootline cache (another program's database)");
}

TEST_F(RemoteTraceCacheTest, NewerSchemaIsRefused) {
    openCache();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error,
              path_ + ": written by a newer Rootline (cache schema 9; this one reads up to 1)");
}

TEST_F(RemoteTraceCacheTest, FolderThatIsAFileIsAClearError) {
    std::ofstream((dir_ / "blocker").string()) << "x";
    path_ = (dir_ / "blocker" / "remote-traces.sqlite3").string();
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": cannot create the remote-trace cache: Not a directory");
}

TEST_F(RemoteTraceCacheTest, ReadOnlyFolderIsAClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    fs::create_directories(dir_ / "data");
    fs::permissions(dir_ / "data", fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": cannot create the remote-trace cache: Permission denied");
}

TEST_F(RemoteTraceCacheTest, ReadOnlyFileIsAClearError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only files";
    openCache();
    fs::permissions(path_, fs::perms::owner_read);
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open(path_, error), nullptr);
    EXPECT_EQ(error, path_ + ": cannot write to the remote-trace cache: Permission denied");
}

class RemoteTraceCachePathTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* name : {"ROOTLINE_REMOTE_CACHE", "XDG_DATA_HOME", "HOME"}) {
            const char* v = std::getenv(name);
            saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
        }
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(RemoteTraceCachePathTest, EnvironmentThenDataFolder) {
    ::setenv("ROOTLINE_REMOTE_CACHE", "/tmp/x/cache.db", 1);
    ::setenv("XDG_DATA_HOME", "/xdg", 1);
    ::setenv("HOME", "/home/me", 1);
    EXPECT_EQ(remoteTraceCachePath(), "/tmp/x/cache.db");
    ::setenv("ROOTLINE_REMOTE_CACHE", "", 1);
    EXPECT_EQ(remoteTraceCachePath(), "/xdg/Rootline/rootline/remote-traces.sqlite3");
    ::unsetenv("ROOTLINE_REMOTE_CACHE");
    ::unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(remoteTraceCachePath(),
              "/home/me/.local/share/Rootline/rootline/remote-traces.sqlite3");
    ::unsetenv("HOME");
    EXPECT_EQ(remoteTraceCachePath(), "");
    std::string error;
    EXPECT_EQ(RemoteTraceCache::open("", error), nullptr);
    EXPECT_NE(error.find("no data folder"), std::string::npos) << error;
}

}  // namespace
}  // namespace rootline::store
