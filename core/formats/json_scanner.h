#pragma once
// A fast structural pre-pass over a JSON trace file.
//
// Why: simdjson's On Demand parser keeps a 4-byte index entry for every structural character
// of the document it parses. On a Jaeger file that index alone is ~0.8× the file size
// (measured on a 200 MB file), so parsing a 1 GB trace in one piece would need ~1.8× its size
// before a single span is stored. Instead this scanner finds every array under a "spans" key
// (that is where Jaeger and OTLP put the bulk of a trace), records where its elements end, and
// copies everything else into a small "skeleton" document in which each spans array is replaced
// by a placeholder `[N]` naming the span group. The importer parses the skeleton first (ids,
// processes, resources, scopes), then the span groups in windows of a few megabytes, so the
// parser's index stays bounded whatever the file size.
//
// The scanner works on 64-byte blocks like simdjson's stage 1 (SSE2 when available): it tracks
// strings and escapes with bit masks and only steps through brackets one by one. It also finds
// where a damaged file ends (inside a string, unclosed brackets, a stray closing bracket) so
// the importer can say where and keep what came before.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "util/job_control.h"

namespace rootline {

struct SpanGroup {
    // A group is a "spans" array, or the top-level array of a file such as a Zipkin dump.
    // The top-level array is a candidate until the end of the scan: it is dropped (abandoned)
    // when "spans" arrays turn up inside it or the file holds more documents.
    bool topLevelArray = false;
    bool abandoned = false;
    size_t open = 0;   // file offset of the '['
    size_t close = 0;  // file offset of the matching ']' (or of the damage when unclosed)
    bool closed = false;
    // File offsets just past the elements at which windows end; the last one is the end of the
    // last complete element.
    std::vector<size_t> cuts;
    size_t elements = 0;  // complete elements (objects or arrays) seen
};

struct ScanDamage {
    enum class Kind { None, EndsInString, Unclosed, StrayClose } kind = Kind::None;
    size_t offset = 0;     // where it was noticed
    int openBrackets = 0;  // for Unclosed
};

struct ScanResult {
    std::vector<SpanGroup> groups;
    // Set when the file is one top-level array without any "spans" arrays inside (Zipkin, an
    // array of Jaeger spans): that array is then a group and the skeleton is just "[N]".
    bool topLevelArrayIsGroup = false;
    // The skeleton, with SIMDJSON_PADDING spare bytes after `skeletonSize`. Empty when the file
    // has no spans arrays, in which case the original buffer is the skeleton.
    std::string skeleton;
    size_t skeletonSize = 0;
    bool hasSkeleton = false;
    // (skeleton offset, file offset) at the start of each copied run, for error positions.
    std::vector<std::pair<size_t, size_t>> segments;
    // [begin, end) of each top-level object or array, in skeleton coordinates.
    std::vector<std::pair<size_t, size_t>> topLevel;
    // First non-whitespace byte outside every top-level object/array (e.g. "hello"), if any.
    std::optional<size_t> strayText;
    // JSON Lines documents that never closed before the next line began a new one: [begin,
    // end) file ranges, skipped so one broken line does not swallow the rest of the file.
    std::vector<std::pair<size_t, size_t>> skippedDocuments;
    ScanDamage damage;

    size_t fileOffset(size_t skeletonOffset) const;
};

// Receives each window of a group as soon as the scan has cut it: elements [from, to) of the
// group (`from` may start with a comma). Lets the importer parse and build spans while the
// scan goes on.
using WindowSink = std::function<void(size_t group, size_t from, size_t to)>;

// `data` must be readable for `size` bytes plus 64 bytes of padding.
ScanResult scanJson(const char* data, size_t size, size_t windowBytes, const JobControl& control,
                    const WindowSink& sink = {});

// Tests only: use the portable block classifier even where AVX2 is available, so both paths
// are exercised on one machine.
void forceGenericScannerForTesting(bool force);

// Window size used by the importer. 256 KB keeps a window's parse (index, tape, strings) in the
// L2 cache: measured on a 200 MB Jaeger file, 256 KB windows parsed in 0.157 s against 0.25 s
// for 8 MB windows, and per-window overhead is still negligible (~800 windows per 200 MB).
inline constexpr size_t kDefaultWindowBytes = 256u << 10;

}  // namespace rootline
