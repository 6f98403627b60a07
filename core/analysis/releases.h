#pragma once
// Releases: a service whose instances in this trace do not all run the same service.version
// (a canary, a half-finished rollout), or whose version the history has not seen before.
// Both sides of a split are marked; the ranker only adds weight to spans that already failed
// or stand out, so the healthy side gains nothing.

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/release_history.h"
#include "model/trace.h"

namespace rootline {

struct ReleaseFacts {
    // Per resource (index into dict->resources): another instance of the same service runs
    // another version in this trace; `usual` names the most common other one.
    std::vector<uint8_t> mismatch;
    std::vector<std::string> version;  // per resource, "" when it declares none
    std::vector<std::string> usual;    // per resource with a mismatch
    // Per resource: the history knows the service but not this version.
    std::vector<uint8_t> unseen;

    // Per span of a service split over versions: the same operation compared across them.
    // slowerRatio: median self time of the operation on this span's version over its median on
    // the other versions (0 when either side has no spans). failsOnlyHere: the operation
    // failed on this version and never on the others (which ran it at least once).
    std::vector<float> slowerRatio;
    std::vector<int64_t> medianHereNs, medianElsewhereNs;
    std::vector<uint8_t> failsOnlyHere;
    std::vector<uint32_t> callsHere, callsElsewhere, failuresHere;
};

// `failed` (per span) may be null; then failsOnlyHere stays empty of marks.
ReleaseFacts analyzeReleases(const Trace& trace, const ReleaseHistory* history,
                             const std::vector<uint8_t>* failed = nullptr);

// Orders version strings the way people read them: digit runs as numbers.
bool versionLess(std::string_view a, std::string_view b);

}  // namespace rootline
