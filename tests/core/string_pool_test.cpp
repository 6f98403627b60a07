#include <gtest/gtest.h>

#include "model/string_pool.h"

namespace rootline {
namespace {

TEST(StringPool, InternsOnceAndFindsAgain) {
    StringPool pool;
    EXPECT_EQ(pool.intern(""), kEmptyStr);
    const StrId a = pool.intern("http.request.method");
    const StrId b = pool.intern("GET");
    EXPECT_NE(a, b);
    EXPECT_EQ(pool.intern("http.request.method"), a);
    EXPECT_EQ(pool.view(a), "http.request.method");
    EXPECT_EQ(pool.find("GET"), b);
    EXPECT_EQ(pool.find("POST"), StringPool::kNotFound);
}

TEST(StringPool, SurvivesGrowthWithManyStrings) {
    StringPool pool;
    std::vector<StrId> ids;
    for (int i = 0; i < 100000; ++i)
        ids.push_back(pool.intern("value-" + std::to_string(i)));
    for (int i = 0; i < 100000; i += 997) {
        EXPECT_EQ(pool.view(ids[i]), "value-" + std::to_string(i));
        EXPECT_EQ(pool.find("value-" + std::to_string(i)), ids[i]);
    }
}

TEST(StringPool, AppendedStringsAreStoredButNeverFound) {
    StringPool pool;
    const StrId indexed = pool.intern("repeat");
    const StrId appended = pool.append("https://shop.example/orders/123");
    EXPECT_EQ(pool.view(appended), "https://shop.example/orders/123");
    EXPECT_EQ(pool.find("https://shop.example/orders/123"), StringPool::kNotFound);
    // Growing the index after appends must not resurrect or lose entries.
    for (int i = 0; i < 5000; ++i)
        pool.intern("k" + std::to_string(i));
    EXPECT_EQ(pool.find("repeat"), indexed);
    EXPECT_EQ(pool.find("https://shop.example/orders/123"), StringPool::kNotFound);
}

TEST(StringPool, HugeValuesAndBinaryBytes) {
    StringPool pool;
    const std::string big(5 << 20, 'x');
    const StrId id = pool.intern(big);
    EXPECT_EQ(pool.view(id).size(), big.size());
    const std::string binary("\0\x01\xff", 3);
    EXPECT_EQ(pool.view(pool.intern(binary)), binary);
}

}  // namespace
}  // namespace rootline
