#pragma once
// Helpers shared by the core tests: fixture paths and loading from inline JSON.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/trace_summary.h"
#include "formats/load.h"

namespace rootline::test {

inline std::string fixture(const std::string& relative) {
    return std::string(ROOTLINE_FIXTURES_DIR) + "/" + relative;
}

// Loads inline JSON; small windows force the windowed path even on tiny inputs when asked.
inline LoadResult load(std::string_view json, size_t windowBytes = kDefaultWindowBytes) {
    LoadOptions options;
    options.windowBytes = windowBytes;
    return loadTraceText(json, "test.json", {}, options);
}

inline const Trace& onlyTrace(const LoadResult& r) {
    static const Trace kEmpty;
    EXPECT_TRUE(r.ok()) << r.error.message;
    if (!r.ok() || r.file->traces.size() != 1) {
        ADD_FAILURE() << "expected exactly one trace";
        return kEmpty;
    }
    return *r.file->traces[0];
}

// For `onlyTrace(load(...))`: keeps the temporary result alive for the rest of the test run so
// the returned reference stays valid.
inline const Trace& onlyTrace(LoadResult&& r) {
    static std::vector<std::shared_ptr<LoadResult>> kept;
    kept.push_back(std::make_shared<LoadResult>(std::move(r)));
    return onlyTrace(*kept.back());
}

// Index of the span whose producer id text is `id`, or -1.
inline int spanIndex(const Trace& t, const std::string& id) {
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (t.spanIdText(i) == id) return static_cast<int>(i);
    return -1;
}

inline std::string attrText(const Trace& t, size_t span, std::string_view key) {
    const StrId k = t.dict->strings.find(key);
    if (k == StringPool::kNotFound) return "<no key>";
    const Value* v = t.findAttribute(span, k);
    if (!v) return "<absent>";
    return valueToString(*v, t.dict->strings, t.dict->attrs);
}

inline bool hasWarning(const Trace& t, size_t span, WarningCode code) {
    for (const SpanWarning& w : t.warningsOf(span))
        if (w.code == code) return true;
    return false;
}

}  // namespace rootline::test
