#include "formats/json_scanner.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define ROOTLINE_SCANNER_AVX2 1
#endif

namespace rootline {

namespace {

constexpr size_t kPadding = 64;  // == SIMDJSON_PADDING

// Bit masks of one 64-byte block: bit i is byte i.
struct BlockMasks {
    uint64_t quote, backslash, open, close;
};

#if defined(__SSE2__)
inline uint64_t movemask4(const __m128i v[4], __m128i c) {
    uint64_t r = 0;
    for (int i = 0; i < 4; ++i)
        r |= uint64_t(uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v[i], c)))) << (16 * i);
    return r;
}
inline BlockMasks classify(const char* p) {
    __m128i v[4], folded[4];
    for (int i = 0; i < 4; ++i) {
        v[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        // '{' (0x7B) and '[' (0x5B) differ only in bit 0x20, as do '}' and ']'.
        folded[i] = _mm_or_si128(v[i], _mm_set1_epi8(0x20));
    }
    return {movemask4(v, _mm_set1_epi8('"')), movemask4(v, _mm_set1_epi8('\\')),
            movemask4(folded, _mm_set1_epi8(0x7B)), movemask4(folded, _mm_set1_epi8(0x7D))};
}
#else
inline BlockMasks classify(const char* p) {
    BlockMasks m{0, 0, 0, 0};
    for (int i = 0; i < 64; ++i) {
        const char c = p[i];
        const uint64_t bit = uint64_t(1) << i;
        if (c == '"') m.quote |= bit;
        if (c == '\\') m.backslash |= bit;
        if (c == '{' || c == '[') m.open |= bit;
        if (c == '}' || c == ']') m.close |= bit;
    }
    return m;
}
#endif

#if ROOTLINE_SCANNER_AVX2
// The same masks with two 32-byte compares per character class; chosen at run time when the
// CPU has AVX2 (about 1.8× faster than SSE2 on the scanner's share of an import).
__attribute__((target("avx2"))) inline uint64_t movemask2(const __m256i v[2], __m256i c) {
    const uint32_t lo = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v[0], c)));
    const uint32_t hi = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(v[1], c)));
    return uint64_t(lo) | uint64_t(hi) << 32;
}
__attribute__((target("avx2"))) inline BlockMasks classifyAvx2(const char* p) {
    __m256i v[2], folded[2];
    for (int i = 0; i < 2; ++i) {
        v[i] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * i));
        folded[i] = _mm256_or_si256(v[i], _mm256_set1_epi8(0x20));
    }
    return {movemask2(v, _mm256_set1_epi8('"')), movemask2(v, _mm256_set1_epi8('\\')),
            movemask2(folded, _mm256_set1_epi8(0x7B)), movemask2(folded, _mm256_set1_epi8(0x7D))};
}
#endif

inline uint64_t prefixXor(uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

// Bits of characters escaped by a backslash (the odd-length backslash run trick from
// simdjson's stage 1); `carry` holds whether the previous block ended mid-escape.
inline uint64_t findEscaped(uint64_t backslash, uint64_t& carry) {
    backslash &= ~carry;
    const uint64_t followsEscape = backslash << 1 | carry;
    constexpr uint64_t kEven = 0x5555555555555555ULL;
    const uint64_t oddStarts = backslash & ~kEven & ~followsEscape;
    uint64_t sequencesOnEven;
    carry = __builtin_add_overflow(oddStarts, backslash, &sequencesOnEven) ? 1 : 0;
    const uint64_t invert = sequencesOnEven << 1;
    return (kEven ^ invert) & followsEscape;
}

inline bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// True when the '[' at `pos` is the value of a "spans" key.
bool isSpansArray(const char* d, size_t pos) {
    size_t i = pos;
    while (i > 0 && isSpace(d[i - 1]))
        --i;
    if (i == 0 || d[i - 1] != ':') return false;
    --i;
    while (i > 0 && isSpace(d[i - 1]))
        --i;
    if (i < 7 || std::memcmp(d + i - 7, "\"spans\"", 7) != 0) return false;
    return i == 7 || d[i - 8] != '\\';
}

class Scanner {
public:
    Scanner(const char* data, size_t window, ScanResult& out, const WindowSink& sink)
        : d_(data), window_(window), out_(out), sink_(sink) {}

    // Returns false when scanning must stop at `pos` (a stray closing bracket).
    bool onOpen(size_t pos) {
        // In a JSON Lines file a bracket at the start of a line while a document is still open
        // means that document is broken (a missing '}'): skip it and start over here.
        if (depth_ > 0 && lineDelimited_ && pos > 0 && d_[pos - 1] == '\n') skipBrokenDocument(pos);
        if (depth_ == 0) {
            // JSON Lines: one-line documents separated by newlines. A pretty-printed file
            // never qualifies, so a damaged one is not cut into "lines".
            lineDelimited_ = !out_.topLevel.empty() && lastTopWasOneLine_ &&
                             std::memchr(d_ + lastTopEnd_, '\n', pos - lastTopEnd_);
            topStartFile_ = pos;
        }
        ++depth_;
        open_.push_back(d_[pos]);
        lastSafe_ = pos + 1;
        if (depth_ == 1) {
            topStart_ = skeletonPos(pos);
            if (out_.topLevel.empty() && d_[pos] == '[') startCandidate(pos);
        }
        if (group_.index < 0 && d_[pos] == '[' && isSpansArray(d_, pos)) startGroup(pos);
        return true;
    }

    bool onClose(size_t pos) {
        if (depth_ == 0) {
            if (lineDelimited_) {  // a stray bracket on one line of a JSON Lines file
                out_.skippedDocuments.emplace_back(pos, pos + 1);
                return true;
            }
            out_.damage = {ScanDamage::Kind::StrayClose, pos, 0};
            return false;
        }
        open_.pop_back();
        lastSafe_ = pos + 1;
        if (candidateOpen_) {
            if (depth_ == 2) {
                elementEnd(candidate_, pos);
            } else if (depth_ == 1) {
                SpanGroup& c = out_.groups[candidate_.index];
                c.close = pos;
                c.closed = true;
                flush(candidate_);
                candidateOpen_ = false;
            }
        }
        if (group_.index >= 0) {
            SpanGroup& g = out_.groups[group_.index];
            if (depth_ == groupDepth_) {
                g.close = pos;
                g.closed = true;
                flush(group_);
                group_.index = -1;
                // Close the placeholder with ']' whatever closed the array in the file: a
                // damaged file may close it with '}', and the skeleton must still parse.
                out_.skeleton += ']';
                copyFrom_ = pos + 1;
                out_.segments.emplace_back(out_.skeleton.size(), pos + 1);
            } else if (depth_ == groupDepth_ + 1) {
                elementEnd(group_, pos);
            }
        }
        --depth_;
        if (depth_ == 0) {
            out_.topLevel.emplace_back(topStart_, skeletonPos(pos + 1));
            lastTopWasOneLine_ = !std::memchr(d_ + topStartFile_, '\n', pos - topStartFile_);
            lastTopEnd_ = pos + 1;
        }
        return true;
    }

    // Called once the input is exhausted or scanning stopped at `end`.
    void finish(size_t end, bool inString) {
        if (out_.damage.kind == ScanDamage::Kind::None) {
            if (inString)
                out_.damage = {ScanDamage::Kind::EndsInString, end, depth_};
            else if (depth_ > 0)
                out_.damage = {ScanDamage::Kind::Unclosed, end, depth_};
        }
        const bool damaged = depth_ > 0 && out_.damage.kind != ScanDamage::Kind::None;
        size_t copyTo = end;
        if (group_.index >= 0) {
            out_.groups[group_.index].close = end;
            flush(group_);
            group_.index = -1;
            copyFrom_ = copyTo = end;  // the skeleton ends with the group's placeholder
            // Brackets opened inside the group are not in the skeleton.
            open_.resize(static_cast<size_t>(groupDepth_));
        } else if (damaged) {
            // Keep the skeleton up to the last bracket, where the text is still well formed.
            copyTo = std::max(copyFrom_, lastSafe_);
        }
        if (damaged) {
            // Record the unfinished top-level value so the skeleton reader still sees it.
            out_.topLevel.emplace_back(topStart_, skeletonPos(end));
        }
        if (candidateOpen_) {  // the file ended inside the top-level array
            out_.groups[candidate_.index].close = end;
            flush(candidate_);
            candidateOpen_ = false;
        }
        if (candidate_.index >= 0) {
            SpanGroup& c = out_.groups[candidate_.index];
            if (spansGroups_ == 0 && out_.topLevel.size() == 1 && c.elements > 0) {
                useCandidate(c);
                return;
            }
            c.abandoned = true;
        }
        if (spansGroups_ > 0) {
            out_.skeleton.append(d_ + copyFrom_, copyTo - copyFrom_);
            if (damaged) {
                // Close what the cut left open, so the trace objects, resources and processes
                // read before the damage still parse (the file's spans depend on them).
                for (auto it = open_.rbegin(); it != open_.rend(); ++it)
                    out_.skeleton.push_back(*it == '{' ? '}' : ']');
                out_.topLevel.back().second = out_.skeleton.size();
            }
            out_.skeletonSize = out_.skeleton.size();
            out_.skeleton.append(kPadding, ' ');
            out_.hasSkeleton = true;
        } else {
            out_.segments.clear();
        }
    }

private:
    // Where the current window of a group began and where its last complete element ends.
    struct Cutter {
        int index = -1;
        size_t lastCut = 0;
        size_t lastEnd = 0;
    };

    size_t skeletonPos(size_t filePos) const {
        if (spansGroups_ == 0) return filePos;
        return out_.skeleton.size() + (filePos - copyFrom_);
    }

    void skipBrokenDocument(size_t pos) {
        out_.skippedDocuments.emplace_back(topStartFile_, pos);
        if (group_.index >= 0) {
            // Its spans cannot be placed without the rest of the document: dropped.
            SpanGroup& g = out_.groups[group_.index];
            g.close = pos;
            g.abandoned = true;
            flush(group_);
            group_.index = -1;
            copyFrom_ = pos;  // the broken rest stays out of the skeleton
            out_.segments.emplace_back(out_.skeleton.size(), pos);
        }
        if (candidateOpen_) {
            out_.groups[candidate_.index].close = pos;
            candidateOpen_ = false;
        }
        depth_ = 0;
        open_.clear();
        lastTopEnd_ = pos;
    }

    void elementEnd(Cutter& c, size_t pos) {
        c.lastEnd = pos + 1;
        ++out_.groups[c.index].elements;
        if (c.lastEnd - c.lastCut >= window_) cut(c);
    }

    void cut(Cutter& c) {
        out_.groups[c.index].cuts.push_back(c.lastEnd);
        if (sink_) sink_(static_cast<size_t>(c.index), c.lastCut, c.lastEnd);
        c.lastCut = c.lastEnd;
    }

    void flush(Cutter& c) {
        if (c.lastEnd > c.lastCut) cut(c);
    }

    // The first top-level value, if an array, may turn out to be a group of its own (a Zipkin
    // dump); its windows are handed out speculatively and dropped if it is abandoned.
    void startCandidate(size_t pos) {
        candidate_ = {static_cast<int>(out_.groups.size()), pos + 1, pos + 1};
        SpanGroup g;
        g.topLevelArray = true;
        g.open = pos;
        out_.groups.push_back(std::move(g));
        candidateOpen_ = true;
    }

    void useCandidate(SpanGroup& c) {
        out_.topLevelArrayIsGroup = true;
        out_.skeleton.assign(1, '[');
        out_.skeleton += std::to_string(candidate_.index);
        out_.skeleton += ']';
        out_.skeletonSize = out_.skeleton.size();
        out_.skeleton.append(kPadding, ' ');
        out_.hasSkeleton = true;
        out_.segments = {{0, c.open}, {out_.skeletonSize - 1, c.close}};
        out_.topLevel = {{0, out_.skeletonSize}};
    }

    void startGroup(size_t pos) {
        // A "spans" array inside the top-level array: that array holds traces, not spans.
        candidateOpen_ = false;
        if (spansGroups_++ == 0) out_.segments.emplace_back(0, 0);
        out_.skeleton.append(d_ + copyFrom_, pos + 1 - copyFrom_);
        out_.skeleton += std::to_string(out_.groups.size());
        group_ = {static_cast<int>(out_.groups.size()), pos + 1, pos + 1};
        groupDepth_ = depth_;
        SpanGroup g;
        g.open = pos;
        out_.groups.push_back(std::move(g));
    }

    const char* d_;
    size_t window_;
    ScanResult& out_;
    const WindowSink& sink_;
    int depth_ = 0;
    Cutter group_;
    int groupDepth_ = 0;
    size_t spansGroups_ = 0;
    size_t topStart_ = 0;
    size_t copyFrom_ = 0;
    std::vector<char> open_;  // brackets still open, innermost last
    size_t lastSafe_ = 0;     // file offset just past the latest bracket
    Cutter candidate_;
    bool candidateOpen_ = false;
    bool lineDelimited_ = false;  // top-level documents are separated by newlines
    bool lastTopWasOneLine_ = false;
    size_t topStartFile_ = 0;  // file offset of the current top-level value
    size_t lastTopEnd_ = 0;    // file offset just past the last complete top-level value
};

// Finds text outside every top-level value: a file that is not JSON, or garbage after it.
std::optional<size_t> findStrayText(const char* d, size_t size, const ScanResult& r) {
    size_t pos = 0;
    auto checkGap = [&](size_t from, size_t to) -> std::optional<size_t> {
        for (size_t i = from; i < to; ++i)
            if (!isSpace(d[i])) return i;
        return std::nullopt;
    };
    // Complete documents and skipped broken ones, in file order.
    std::vector<std::pair<size_t, size_t>> covered = r.skippedDocuments;
    for (const auto& [b, e] : r.topLevel)
        covered.emplace_back(r.fileOffset(b), r.fileOffset(e));
    std::sort(covered.begin(), covered.end());
    for (const auto& [fb, fe] : covered) {
        if (auto s = checkGap(pos, fb)) return s;
        pos = std::max(pos, fe);
    }
    const size_t end = r.damage.kind == ScanDamage::Kind::None ? size : pos;
    return checkGap(pos, end);
}

// The block loop, inlined into one function per instruction set so the classifier inlines.
template <BlockMasks (*Classify)(const char*)>
__attribute__((always_inline)) inline void scanBlocks(const char* data, size_t size,
                                                      Scanner& scanner, const JobControl& control,
                                                      size_t& stoppedAt, bool& stopped,
                                                      bool& endsInString) {
    uint64_t escapeCarry = 0;
    uint64_t inStringCarry = 0;
    char tail[64];
    for (size_t off = 0; off < size && !stopped; off += 64) {
        if ((off & ((16u << 20) - 1)) == 0) {
            control.checkpoint();
            control.report(0.15 * static_cast<double>(off) / static_cast<double>(size));
        }
        const char* block = data + off;
        uint64_t valid = ~uint64_t(0);
        if (size - off < 64) {
            std::memset(tail, ' ', sizeof tail);
            std::memcpy(tail, block, size - off);
            block = tail;
            valid = (uint64_t(1) << (size - off)) - 1;
        }
        const BlockMasks m = Classify(block);
        const uint64_t quotes = m.quote & ~findEscaped(m.backslash, escapeCarry);
        const uint64_t inString = prefixXor(quotes) ^ inStringCarry;
        inStringCarry = static_cast<uint64_t>(static_cast<int64_t>(inString) >> 63);
        const uint64_t open = m.open & ~inString & valid;
        const uint64_t close = m.close & ~inString & valid;
        uint64_t events = open | close;
        while (events) {
            const int bit = __builtin_ctzll(events);
            events &= events - 1;
            const size_t pos = off + static_cast<size_t>(bit);
            const bool ok = (open >> bit & 1) ? scanner.onOpen(pos) : scanner.onClose(pos);
            if (!ok) {
                stoppedAt = pos;
                stopped = true;
                break;
            }
        }
    }
    endsInString = !stopped && inStringCarry != 0;
}

void scanGeneric(const char* data, size_t size, Scanner& scanner, const JobControl& control,
                 size_t& stoppedAt, bool& stopped, bool& endsInString) {
    scanBlocks<classify>(data, size, scanner, control, stoppedAt, stopped, endsInString);
}

#if ROOTLINE_SCANNER_AVX2
__attribute__((target("avx2"))) void scanAvx2(const char* data, size_t size, Scanner& scanner,
                                              const JobControl& control, size_t& stoppedAt,
                                              bool& stopped, bool& endsInString) {
    scanBlocks<classifyAvx2>(data, size, scanner, control, stoppedAt, stopped, endsInString);
}
#endif

}  // namespace

size_t ScanResult::fileOffset(size_t skeletonOffset) const {
    if (!hasSkeleton || segments.empty()) return skeletonOffset;
    auto it =
        std::upper_bound(segments.begin(), segments.end(), skeletonOffset,
                         [](size_t v, const std::pair<size_t, size_t>& s) { return v < s.first; });
    if (it != segments.begin()) --it;
    return it->second + (skeletonOffset - it->first);
}

namespace {
std::atomic<bool> forceGeneric{false};
}  // namespace

void forceGenericScannerForTesting(bool force) {
    forceGeneric = force;
}

ScanResult scanJson(const char* data, size_t size, size_t windowBytes, const JobControl& control,
                    const WindowSink& sink) {
    ScanResult out;
    Scanner scanner(data, windowBytes, out, sink);
    size_t stoppedAt = size;
    bool stopped = false, endsInString = false;
#if ROOTLINE_SCANNER_AVX2
    if (!forceGeneric && __builtin_cpu_supports("avx2"))
        scanAvx2(data, size, scanner, control, stoppedAt, stopped, endsInString);
    else
#endif
        scanGeneric(data, size, scanner, control, stoppedAt, stopped, endsInString);
    scanner.finish(stoppedAt, endsInString);
    out.strayText = findStrayText(data, size, out);
    return out;
}

}  // namespace rootline
