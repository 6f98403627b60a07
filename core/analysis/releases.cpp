#include "analysis/releases.h"

#include "analysis/text_match.h"

#include <algorithm>
#include <map>

#include "model/semconv.h"

namespace rootline {

namespace {

// The same operation of a split service, on this version against the others: a canary that is
// slower or fails where the old release does not.
void compareAcrossVersions(const Trace& t, const std::vector<uint8_t>* failed, ReleaseFacts& r) {
    const size_t n = t.spanCount();
    r.slowerRatio.assign(n, 0);
    r.medianHereNs.assign(n, 0);
    r.medianElsewhereNs.assign(n, 0);
    r.failsOnlyHere.assign(n, 0);
    r.callsHere.assign(n, 0);
    r.callsElsewhere.assign(n, 0);
    r.failuresHere.assign(n, 0);
    // (service, operation) → version → spans; only services that run two versions.
    std::map<std::pair<uint32_t, StrId>, std::map<std::string, std::vector<uint32_t>>> groups;
    for (size_t i = 0; i < n; ++i) {
        const uint32_t res = t.resource[i];
        if (!r.mismatch[res]) continue;
        groups[{t.service[i], t.name[i]}][r.version[res]].push_back(static_cast<uint32_t>(i));
    }
    std::vector<int64_t> here, elsewhere;
    for (const auto& [op, byVersion] : groups) {
        if (byVersion.size() < 2) continue;
        for (const auto& [version, spans] : byVersion) {
            here.clear();
            elsewhere.clear();
            uint32_t failsHere = 0, failsElsewhere = 0;
            for (uint32_t i : spans) {
                here.push_back(t.selfTime[i]);
                if (failed && (*failed)[i]) ++failsHere;
            }
            for (const auto& [other, otherSpans] : byVersion) {
                if (other == version) continue;
                for (uint32_t i : otherSpans) {
                    elsewhere.push_back(t.selfTime[i]);
                    if (failed && (*failed)[i]) ++failsElsewhere;
                }
            }
            const int64_t mh = medianInPlace(here), me = medianInPlace(elsewhere);
            for (uint32_t i : spans) {
                r.medianHereNs[i] = mh;
                r.medianElsewhereNs[i] = me;
                r.slowerRatio[i] = static_cast<float>(
                    static_cast<double>(mh) / static_cast<double>(std::max<int64_t>(me, 1000)));
                r.callsHere[i] = static_cast<uint32_t>(here.size());
                r.callsElsewhere[i] = static_cast<uint32_t>(elsewhere.size());
                r.failuresHere[i] = failsHere;
                r.failsOnlyHere[i] = failsHere > 0 && failsElsewhere == 0;
            }
        }
    }
}

}  // namespace

bool versionLess(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
        if (da && db) {
            size_t ei = i, ej = j;
            while (ei < a.size() && a[ei] >= '0' && a[ei] <= '9')
                ++ei;
            while (ej < b.size() && b[ej] >= '0' && b[ej] <= '9')
                ++ej;
            // Compare the digit runs as numbers without overflow: longer (without leading
            // zeros) is larger, else lexicographic.
            std::string_view na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
            while (na.size() > 1 && na[0] == '0')
                na.remove_prefix(1);
            while (nb.size() > 1 && nb[0] == '0')
                nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

ReleaseFacts analyzeReleases(const Trace& t, const ReleaseHistory* history,
                             const std::vector<uint8_t>* failed) {
    const Dictionary& dict = *t.dict;
    const size_t resources = dict.resources.size();
    ReleaseFacts r;
    r.mismatch.assign(resources, 0);
    r.version.resize(resources);
    r.usual.resize(resources);
    r.unseen.assign(resources, 0);

    std::vector<StrId> versionKeys;
    for (std::string_view name : semconvNames(SemAttr::ServiceVersion)) {
        const StrId id = dict.strings.find(name);
        if (id != StringPool::kNotFound) versionKeys.push_back(id);
    }
    for (size_t res = 0; res < resources; ++res) {
        for (PairId p : dict.attrs.set(dict.resources[res].attrs)) {
            const Attribute& a = dict.attrs.pair(p);
            for (StrId k : versionKeys)
                if (a.key == k) r.version[res] = valueToString(a.value, dict.strings, dict.attrs);
        }
    }

    // Spans per (service, version), counting only the resources this trace uses.
    std::vector<uint32_t> spansOf(resources, 0);
    for (size_t i = 0; i < t.spanCount(); ++i)
        ++spansOf[t.resource[i]];
    std::map<std::string_view, std::map<std::string, uint64_t>> byService;
    for (size_t res = 0; res < resources; ++res) {
        if (spansOf[res] == 0 || r.version[res].empty()) continue;
        byService[dict.str(dict.resources[res].service)][r.version[res]] += spansOf[res];
    }
    for (size_t res = 0; res < resources; ++res) {
        if (spansOf[res] == 0 || r.version[res].empty()) continue;
        const std::string_view service = dict.str(dict.resources[res].service);
        const auto& counts = byService[service];
        if (history && history->knows(service) && !history->seen(service, r.version[res]))
            r.unseen[res] = 1;
        if (counts.size() < 2) continue;
        // Every instance of a service that runs two versions is marked: which of them is the
        // regression is for the error and latency signals to say, since only spans that are
        // already suspect gain from this. `usual` names the most common other version.
        const std::string* other = nullptr;
        uint64_t most = 0;
        for (const auto& [v, c] : counts)
            if (v != r.version[res] && (!other || c > most)) {
                other = &v;
                most = c;
            }
        r.mismatch[res] = 1;
        r.usual[res] = *other;
    }
    compareAcrossVersions(t, failed, r);
    return r;
}

}  // namespace rootline
