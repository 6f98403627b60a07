#include "analysis/suspect_ranking.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <future>
#include <map>
#include <set>
#include <unordered_map>

#include "agent/agent_run.h"
#include "analysis/async_failures.h"
#include "analysis/contention.h"
#include "analysis/critical_path.h"
#include "analysis/error_frontier.h"
#include "analysis/latency.h"
#include "analysis/releases.h"
#include "analysis/retries.h"
#include "analysis/span_outcome.h"
#include "util/format.h"

namespace rootline {

namespace {

// Below these a latency figure is noise, not a reason.
constexpr double kMinCriticalShare = 0.05;  // of the longest root's duration
constexpr double kMinOutlierRatio = 3.0;
constexpr double kOutlierSaturation = 30.0;  // a 30× outlier earns the full weight
constexpr double kMinOutlierExcessShare = 0.02;
constexpr double kTimeoutCulpritShare = 0.3;  // of the deadline, in the culprit's own time
constexpr double kFoldTolerance = 0.25;       // scores within 25% fold into one entry
constexpr size_t kMaxTimeoutTops = 64;

std::string label(const Trace& t, size_t span) {
    return std::string(t.serviceOf(span)) + ": " + std::string(t.nameOf(span));
}

std::string percent(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", fraction * 100);
    return buf;
}

std::string times(double ratio) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
    return buf;
}

std::string quoted(std::string text) {
    constexpr size_t kMax = 160;  // a stack trace's first line is enough here
    if (const size_t nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
    if (text.size() > kMax) {
        // Cut between words, never inside one: a token, an address or a card number cut in half
        // would no longer be recognised by the tracepack's redaction, and half a secret is still
        // a leak. Trailing digit groups go too (a card number's groups are separate words).
        auto inWord = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) || c == '.' ||
                   c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '@' ||
                   c == ':' || c == '%' || c == '~';
        };
        size_t cut = kMax;
        while (cut > 0 && inWord(text[cut]))
            --cut;
        while (cut > 0 && (std::isdigit(static_cast<unsigned char>(text[cut - 1])) ||
                           text[cut - 1] == ' ' || text[cut - 1] == '-'))
            --cut;
        text = text.substr(0, cut) + "…";
    }
    return text.empty() ? text : " (" + text + ")";
}

std::string codeText(const SpanOutcomes& o, size_t span) {
    if (o.httpStatus[span] > 0) return "HTTP " + std::to_string(o.httpStatus[span]);
    if (o.grpcStatus[span] >= 0) return "gRPC status " + std::to_string(o.grpcStatus[span]);
    return "an error";
}

// Collects reasons; scores add up per span.
class Board {
public:
    explicit Board(size_t n) : score_(n, 0.0) {}
    void add(size_t span, const char* code, std::string text, double points) {
        if (points == 0) return;
        score_[span] += points;
        reasons_.push_back({static_cast<uint32_t>(span), {code, std::move(text), points}});
    }
    double score(size_t span) const { return score_[span]; }
    const std::vector<double>& scores() const { return score_; }
    std::vector<std::pair<uint32_t, SuspectReason>>& reasons() { return reasons_; }

private:
    std::vector<double> score_;
    std::vector<std::pair<uint32_t, SuspectReason>> reasons_;
};

// Follows an attempt down its failed synchronous children to where its failure started.
uint32_t originUnder(const Trace& t, const ErrorFrontier& f, const SpanOutcomes& o, uint32_t s) {
    while (f.role[s] == ErrorRole::Propagated) {
        uint32_t next = s;
        for (uint32_t c : t.childrenOf(s))
            if (o.failed[c] && isSynchronousChild(t, c)) {
                next = c;
                break;
            }
        if (next == s) break;
        s = next;
    }
    return s;
}

// A failure that timed out because another span used the time.
struct TimeoutBlame {
    uint32_t origin = 0;   // the span that timed out first
    uint32_t top = 0;      // the highest span of the run of timeouts above it
    uint32_t culprit = 0;  // the span under `top` with the most self time
    bool firstForTop = false;
};

struct Signals {
    SpanOutcomes outcomes;
    ErrorFrontier frontier;
    Retries retries;
    Contention contention;
    LatencyFacts latency;
    CriticalPath critical;
    ReleaseFacts releases;
    std::vector<int32_t> asyncFrom;
    std::vector<TimeoutBlame> timeouts;
    std::vector<uint8_t> symptom;  // timed out because another span used the time
};

// Evidence on an error that a caller absorbed, or on a timeout that another span caused, counts
// for a quarter: a handled error with a retry, a contention message and a new release must not
// outrank the failure that mattered.
double weightOf(const Signals& s, size_t span) {
    const bool handled = s.frontier.role[span] == ErrorRole::Origin && !s.frontier.unhandled[span];
    return handled || s.symptom[span] ? 0.25 : 1.0;
}

// A span that only passes a child's failure on mostly repeats that child's evidence.
double weightOfPropagated(const Signals& s, size_t span) {
    return s.frontier.role[span] == ErrorRole::Propagated ? 0.25 : weightOf(s, span);
}

void scoreErrors(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const SpanOutcomes& o = s.outcomes;
    const ErrorFrontier& f = s.frontier;
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (f.role[i] == ErrorRole::Propagated) {
            uint32_t child = static_cast<uint32_t>(i);
            for (uint32_t c : t.childrenOf(i))
                if (o.failed[c] && isSynchronousChild(t, c)) {
                    child = c;
                    break;
                }
            b.add(i, "error_propagated", "failed because " + label(t, child) + " failed",
                  w.errorPropagated);
            if (o.exceptionCount[i] > 0)
                b.add(i, "exception",
                      "recorded the exception on its way up" + quoted(o.failureText(t, i)),
                      w.exception * 0.25);
            continue;
        }
        if (f.role[i] != ErrorRole::Origin) continue;
        const std::string what = o.failureText(t, i);
        b.add(i, "error_origin",
              t.childrenOf(i).empty() ? "failed" + quoted(what)
                                      : "failed, and nothing it called failed" + quoted(what),
              w.errorOrigin);
        const bool unhandled = f.unhandled[i];
        if (unhandled) {
            const auto top = static_cast<size_t>(f.top[i]);
            b.add(i, "error_unhandled",
                  top == i ? "its failure is the outcome of this part of the trace"
                           : "the failure reached " + label(t, top) + " unhandled",
                  w.errorUnhandled);
        } else {
            const auto by = static_cast<size_t>(f.absorbedBy[i]);
            b.add(i, "error_handled",
                  "handled: " + label(t, by) +
                      (o.failed[by] ? " went on past it (and failed later for another reason)"
                                    : " succeeded anyway"),
                  w.errorHandled);
            // A 404 or a refused request that the caller expected and dealt with is the most
            // ordinary error there is.
            if (o.rejection[i])
                b.add(i, "expected_rejection",
                      "a " + codeText(o, i) + " answer its caller dealt with", w.expectedRejection);
        }
        if (o.exceptionCount[i] > 0)
            b.add(i, "exception", "threw" + quoted(what), w.exception * weightOf(s, i));
    }
}

// A client that hit its deadline is where the error shows, not where the time went. Deadlines
// propagate (gRPC passes what is left of one down the call chain), so the time is looked for
// under the highest span of the unbroken run of timeouts above the failure: a call that got
// the last 20 ms of its caller's budget timed out because something else used the rest.
std::vector<TimeoutBlame> findTimeoutBlame(const Trace& t, const SpanOutcomes& o,
                                           const ErrorFrontier& f, const LatencyFacts& l) {
    // A client whose server kept working after it ended gave up waiting, whatever its status
    // says (some clients record a bare error with no message).
    std::vector<uint8_t> gaveUp(t.spanCount(), 0);
    for (size_t i = 0; i < t.spanCount(); ++i)
        if (l.outlivesClientNs[i] > 0) gaveUp[static_cast<size_t>(t.parent[i])] = 1;
    // Each timed-out origin and the top of the unbroken run of timeouts above it.
    std::vector<std::pair<uint32_t, uint32_t>> originTop;
    std::vector<uint8_t> onChain(t.spanCount(), 0);
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (f.role[i] != ErrorRole::Origin || !(o.timeout[i] || gaveUp[i])) continue;
        size_t top = i;
        for (int32_t p = t.parent[i];
             p >= 0 && isSynchronousChild(t, top) && o.timeout[static_cast<size_t>(p)];
             p = t.parent[static_cast<size_t>(p)]) {
            top = static_cast<size_t>(p);
            onChain[top] = 1;  // a caller waiting on the timeout: its own time is back-off
        }
        originTop.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(top));
    }
    // Each top's culprit is computed once, walking its subtree, longest tops first. A top
    // nested under one already walked (a deadline passed down a chain of timeouts) takes that
    // one's culprit instead of walking again, which keeps the whole pass linear; and only the
    // longest tops are looked at at all.
    std::map<size_t, int32_t> culpritUnder;
    {
        std::vector<int32_t> visitedBy(t.spanCount(), -1);
        std::vector<uint32_t> tops;
        for (const auto& ot : originTop)
            tops.push_back(ot.second);
        std::sort(tops.begin(), tops.end());
        tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
        std::stable_sort(tops.begin(), tops.end(),
                         [&](uint32_t a, uint32_t b) { return t.duration[a] > t.duration[b]; });
        if (tops.size() > kMaxTimeoutTops) tops.resize(kMaxTimeoutTops);
        for (uint32_t top : tops) {
            const int32_t outer = visitedBy[top];
            culpritUnder[top] =
                outer >= 0 ? culpritUnder[static_cast<size_t>(outer)]
                           : slowestDescendant(t, top, kTimeoutCulpritShare, &onChain, &visitedBy);
        }
    }
    std::vector<TimeoutBlame> found;
    std::set<size_t> blamed;  // tops whose culprit already got its points
    for (const auto& [origin, top] : originTop) {
        const size_t i = origin;
        auto it = culpritUnder.find(top);
        if (it == culpritUnder.end()) continue;
        const bool added = blamed.insert(top).second;
        // When the time went into the operation that timed out itself (a pool wait that ran
        // into its deadline, three times), that operation is no mere symptom.
        if (it->second < 0) continue;
        const auto c = static_cast<size_t>(it->second);
        if (c == i || (t.service[c] == t.service[i] && t.name[c] == t.name[i])) continue;
        found.push_back({static_cast<uint32_t>(i), top, static_cast<uint32_t>(c), added});
    }
    return found;
}

void moveTimeoutBlame(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    for (const TimeoutBlame& tb : s.timeouts) {
        const size_t i = tb.origin, c = tb.culprit, top = tb.top;
        const double share = s.frontier.unhandled[i] ? 1.0 : 0.5;
        b.add(i, "timeout_symptom",
              "timed out after " + formatDuration(t.duration[i]) + ": a symptom; " + label(t, c) +
                  " used " + formatDuration(t.selfTime[c]) + " of the deadline",
              w.timeoutSymptom * share);
        if (tb.firstForTop)
            b.add(c, "caused_timeout",
                  "took " + formatDuration(t.selfTime[c]) + " of its own time under " +
                      label(t, top) + ", which hit its deadline after " +
                      formatDuration(t.duration[top]),
                  w.causedTimeout * share);
    }
}

// A downstream that refused the request (4xx) points at whoever sent it.
void moveRejectionBlame(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const SpanOutcomes& o = s.outcomes;
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (s.frontier.role[i] != ErrorRole::Origin || !s.frontier.unhandled[i]) continue;
        if (!o.rejection[i]) continue;
        // The caller: this span when it is the client that got the answer, else the nearest
        // client of another service above it (the one that sent the request).
        int32_t caller = -1;
        if (t.kind[i] == SpanKind::Client) {
            caller = static_cast<int32_t>(i);
        } else {
            int32_t otherService = -1;
            for (int32_t p = t.parent[i]; p >= 0; p = t.parent[static_cast<size_t>(p)]) {
                const auto ps = static_cast<size_t>(p);
                if (t.service[ps] == t.service[i]) continue;
                if (otherService < 0) otherService = p;
                if (t.kind[ps] == SpanKind::Client) {
                    caller = p;
                    break;
                }
            }
            if (caller < 0) caller = otherService;
        }
        if (caller < 0) continue;
        const auto c = static_cast<size_t>(caller);
        const std::string answer = codeText(o, i) + quoted(o.failureText(t, i));
        if (c == i) {
            b.add(i, "bad_input", "its request was refused as invalid: " + answer, w.badInput);
            continue;
        }
        b.add(i, "rejected_input", "refused the request of " + label(t, c) + ": " + answer,
              w.rejectedInput);
        b.add(c, "bad_input", "sent a request that " + label(t, i) + " refused: " + answer,
              w.badInput);
    }
}

void scoreRetries(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const SpanOutcomes& o = s.outcomes;
    std::set<uint32_t> retried;
    for (const RetryGroup& g : s.retries.groups) {
        const std::string text = std::to_string(g.attempts.size()) + " calls from " +
                                 label(t, g.caller) + ", " + std::to_string(g.failedAttempts) +
                                 " failed" + (g.lastSucceeded ? " before one went through" : "");
        for (uint32_t a : g.attempts) {
            if (!o.failed[a] && !o.timeout[a]) continue;
            const uint32_t origin = originUnder(t, s.frontier, o, a);
            if (!retried.insert(origin).second) continue;  // nested retry loops: count once
            b.add(origin, "retries", "retried: " + text, w.retries * weightOf(s, origin));
        }
    }
}

void scoreLatency(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const LatencyFacts& l = s.latency;
    const double reference = static_cast<double>(std::max<int64_t>(l.referenceNs, 1));
    // Where the time went answers "why is it slow", which is the question when nothing failed.
    // When something did, the question is "why did it fail", and time alone says less.
    const bool anyFailure = std::any_of(s.frontier.role.begin(), s.frontier.role.end(),
                                        [](ErrorRole r) { return r == ErrorRole::Origin; });
    const double criticalWeight = w.criticalShare * (anyFailure ? w.criticalShareWhenFailing : 1.0);
    // A loop of slow calls (N+1 queries, a retry loop) spreads its time over many spans; the
    // operation's share as a whole is what each of them stands for.
    // The reason goes to the operation's largest span on the path only: the others are the
    // same story, and a million-span trace must not get a sentence per span.
    struct OnPath {
        int64_t ns = 0;
        uint32_t largest = 0;
    };
    std::unordered_map<uint64_t, OnPath> byOperation;
    auto opKey = [&](size_t i) { return (uint64_t{t.service[i]} << 32) | t.name[i]; };
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const int64_t own = s.critical.criticalNs[i];
        if (own <= 0) continue;
        auto [it, added] = byOperation.try_emplace(opKey(i));
        it->second.ns += own;
        if (added || own > s.critical.criticalNs[it->second.largest])
            it->second.largest = static_cast<uint32_t>(i);
    }
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const int64_t own = s.critical.criticalNs[i];
        if (own <= 0) continue;
        const OnPath& op = byOperation[opKey(i)];
        const bool loop = op.ns > own;
        if (loop && op.largest != i) continue;
        const int64_t opNs = op.ns;
        const double share = static_cast<double>(loop ? opNs : own) / reference;
        if (share >= kMinCriticalShare)
            b.add(i, "critical_path",
                  loop ? "on the critical path for " + formatDuration(own) + "; with the other " +
                             "calls of this operation " + formatDuration(opNs) + ", " +
                             percent(share) + " of the trace"
                       : "on the critical path for " + formatDuration(own) + ", " + percent(share) +
                             " of the trace",
                  criticalWeight * std::min(share, 1.0));
    }
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const double ratio = l.selfRatio[i];
        const auto excess = static_cast<double>(t.selfTime[i] - l.peerMedianNs[i]);
        if (ratio >= kMinOutlierRatio && excess >= kMinOutlierExcessShare * reference &&
            excess >= 1e6) {
            const double strength = std::min(1.0, std::log(ratio) / std::log(kOutlierSaturation));
            b.add(i, "self_time_outlier",
                  "self time " + formatDuration(t.selfTime[i]) + ", " + times(ratio) +
                      " the median of its " + std::to_string(l.peerCount[i]) +
                      (l.peersAreSiblings[i] ? " sibling calls" : " peers (same operation)"),
                  w.selfTimeOutlier * strength);
        }
        if (l.outlivesClientNs[i] > 0)
            b.add(i, "server_outlives_client",
                  "kept working " + formatDuration(l.outlivesClientNs[i]) + " after " +
                      label(t, static_cast<size_t>(t.parent[i])) + " gave up",
                  w.serverOutlivesClient);
    }
}

void scoreContention(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const double reference = static_cast<double>(std::max<int64_t>(s.latency.referenceNs, 1));
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (!s.contention.present[i]) continue;
        const double share = static_cast<double>(s.critical.criticalNs[i]) / reference;
        const bool matters =
            s.outcomes.failed[i] || share >= 0.1 || s.latency.selfRatio[i] >= kMinOutlierRatio;
        if (!matters) continue;
        b.add(i, "contention",
              "waited on or was refused by a shared resource: " +
                  s.contention.evidence.at(static_cast<uint32_t>(i)),
              w.contention * weightOfPropagated(s, i));
    }
}

void scoreAsync(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    for (size_t i = 0; i < t.spanCount(); ++i) {
        if (s.frontier.role[i] != ErrorRole::Origin || !s.frontier.unhandled[i]) continue;
        // The async entry at or above the failure's top.
        for (int32_t e = s.frontier.top[i]; e >= 0; e = t.parent[static_cast<size_t>(e)]) {
            const int32_t from = s.asyncFrom[static_cast<size_t>(e)];
            if (from < 0) continue;
            b.add(i, "async_failure",
                  "failed in " + label(t, static_cast<size_t>(e)) +
                      ", which handles a message from " + label(t, static_cast<size_t>(from)) +
                      "; the sender did not see it fail",
                  w.asyncFailure);
            break;
        }
    }
}

// The same operation on two releases of one service: slower or failing on one of them only.
void scoreReleaseContrast(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const ReleaseFacts& r = s.releases;
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const uint32_t res = t.resource[i];
        if (!r.mismatch[res]) continue;
        const std::string on =
            std::string(t.nameOf(i)) + " on " + std::string(t.serviceOf(i)) + " ";
        if (r.failsOnlyHere[i] && s.outcomes.failed[i] && s.frontier.role[i] == ErrorRole::Origin) {
            b.add(i, "release_contrast",
                  on + r.version[res] + " failed " + std::to_string(r.failuresHere[i]) + " of " +
                      std::to_string(r.callsHere[i]) + " times; on " + r.usual[res] + " none of " +
                      std::to_string(r.callsElsewhere[i]) + " failed",
                  w.releaseContrast * weightOf(s, i));
            continue;
        }
        const double ratio = r.slowerRatio[i];
        const int64_t excess = r.medianHereNs[i] - r.medianElsewhereNs[i];
        if (ratio < kMinOutlierRatio || excess < 1'000'000 || t.selfTime[i] < r.medianHereNs[i] / 2)
            continue;
        const double strength = std::min(1.0, std::log(ratio) / std::log(kOutlierSaturation));
        b.add(i, "release_contrast",
              on + r.version[res] + " takes " + formatDuration(r.medianHereNs[i]) +
                  " of its own time (median of " + std::to_string(r.callsHere[i]) + "), " +
                  times(ratio) + " its " + formatDuration(r.medianElsewhereNs[i]) + " on " +
                  r.usual[res],
              w.releaseContrast * strength);
    }
}

// A new or odd release only adds to spans that already failed first or stand out on time.
void scoreReleases(const Trace& t, const Signals& s, const RankingWeights& w, Board& b) {
    const ReleaseFacts& r = s.releases;
    for (size_t i = 0; i < t.spanCount(); ++i) {
        const uint32_t res = t.resource[i];
        if (!r.mismatch[res] && !r.unseen[res]) continue;
        const bool ownEvidence = s.frontier.role[i] == ErrorRole::Origin ||
                                 s.latency.selfRatio[i] >= kMinOutlierRatio || b.score(i) >= 2.0;
        if (!ownEvidence || b.score(i) <= 0) continue;
        const std::string service(t.serviceOf(i));
        if (r.mismatch[res])
            b.add(i, "release_mismatch",
                  "runs " + service + " " + r.version[res] + " while other instances run " +
                      r.usual[res],
                  w.releaseMismatch * weightOf(s, i));
        if (r.unseen[res])
            b.add(i, "release_new",
                  service + " " + r.version[res] + " is not in the release history",
                  w.releaseNew * weightOf(s, i));
    }
}

// AI agents (GenAI spans): a failed tool call is a suspect, and so is the model call (or the
// agent's decision) that asked for it — the agent chose the call, so the "why" sits there.
void scoreAgentSteps(const Trace& t, const RankingWeights& w, Board& b) {
    if (!mayContainGenAi(t)) return;  // ordinary traces: no span is read
    const std::vector<AgentStep> steps = agentSteps(t, PriceTable::empty());
    for (size_t i = 0; i < steps.size(); ++i) {
        const AgentStep& tool = steps[i];
        if (tool.kind != GenAiKind::ToolCall || !tool.failed || tool.event >= 0) continue;
        b.add(tool.span, "agent_tool_failed",
              "the agent's tool call " + quoted(tool.toolName) + " failed" +
                  (tool.errorMessage.empty() ? "" : ": " + quoted(tool.errorMessage)),
              w.agentToolFailed);
        // The model call that asked for it: the latest one of the same agent that ended by the
        // time the tool started.
        int32_t asking = -1;
        for (size_t j = 0; j < i; ++j) {
            const AgentStep& m = steps[j];
            if (m.kind == GenAiKind::ModelCall && m.parentStep == tool.parentStep &&
                m.startNs + std::max<int64_t>(m.durationNs, 0) <= tool.startNs)
                asking = static_cast<int32_t>(j);
        }
        if (asking < 0) continue;
        const AgentStep& m = steps[static_cast<size_t>(asking)];
        std::string text = "the model call";
        if (!m.model.empty()) text += " to " + m.model;
        if (m.event >= 0) text += " (an event on this span)";
        text += " that asked for the failed tool " + quoted(tool.toolName);
        if (tool.decision.present())
            text += "; decision: " + quoted(tool.decision.choice.empty() ? tool.decision.reasoning
                                                                         : tool.decision.choice);
        b.add(m.span, "agent_led_to_failure", text, w.agentLedToFailure);
    }
}

// The set of reason codes as bits, for folding (the codes are a small fixed set).
uint64_t codesOf(const Suspect& s) {
    static const std::vector<std::string_view> kCodes{
        "error_origin",       "error_unhandled",   "error_handled",
        "expected_rejection", "error_propagated",  "exception",
        "timeout_symptom",    "caused_timeout",    "bad_input",
        "rejected_input",     "retries",           "contention",
        "critical_path",      "self_time_outlier", "server_outlives_client",
        "async_failure",      "release_contrast",  "release_mismatch",
        "release_new",        "agent_tool_failed", "agent_led_to_failure"};
    uint64_t bits = 0;
    for (const SuspectReason& r : s.reasons) {
        // Only the loop's largest span carries the critical-path sentence; the others are
        // still the same suspect.
        if (r.code == "critical_path") continue;
        const auto it = std::find(kCodes.begin(), kCodes.end(), r.code);
        bits |= uint64_t{1} << (it - kCodes.begin());  // an unknown code gets the next bit
    }
    return bits;
}

}  // namespace

Ranking rankSuspects(const Trace& t, const RankOptions& options, const JobControl* control) {
    const size_t n = t.spanCount();
    Ranking ranking;
    ranking.rankOfSpan.assign(n, 0);
    if (n == 0) return ranking;
    const RankingWeights& w = options.weights;

    // The timing signals only need the tree, so they run on a second thread while this one
    // reads outcomes and errors: on a 1M-span trace that halves the wait on two cores.
    Signals s;
    auto timing = std::async(std::launch::async, [&] {
        s.latency = analyzeLatency(t);
        s.critical = computeCriticalPath(t, control);
    });
    try {
        s.outcomes = readSpanOutcomes(t);
        s.frontier = analyzeErrorFrontier(t, s.outcomes);
        s.retries = findRetries(t, s.outcomes);
        if (control) control->checkpoint();
        s.contention = findContention(t, s.outcomes);
        s.releases = analyzeReleases(t, options.history, &s.outcomes.failed);
        s.asyncFrom = findAsyncEntries(t);
    } catch (...) {
        timing.wait();
        throw;
    }
    timing.get();  // rethrows Cancelled from the critical path
    if (control) control->checkpoint();
    s.timeouts = findTimeoutBlame(t, s.outcomes, s.frontier, s.latency);
    s.symptom.assign(n, 0);
    for (const TimeoutBlame& tb : s.timeouts)
        s.symptom[tb.origin] = 1;

    Board b(n);
    scoreErrors(t, s, w, b);
    moveTimeoutBlame(t, s, w, b);
    moveRejectionBlame(t, s, w, b);
    scoreRetries(t, s, w, b);
    scoreContention(t, s, w, b);
    scoreLatency(t, s, w, b);
    scoreAsync(t, s, w, b);
    scoreReleaseContrast(t, s, w, b);
    scoreAgentSteps(t, w, b);
    scoreReleases(t, s, w, b);  // last: it looks at what the others found

    // Gather each scoring span's reasons, largest contribution first.
    auto& reasons = b.reasons();
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& c) { return a.first < c.first; });
    std::vector<Suspect> all;
    for (size_t k = 0; k < reasons.size();) {
        const uint32_t span = reasons[k].first;
        Suspect suspect;
        suspect.span = span;
        suspect.score = b.score(span);
        for (; k < reasons.size() && reasons[k].first == span; ++k)
            suspect.reasons.push_back(std::move(reasons[k].second));
        if (suspect.score < options.minScore) continue;
        std::stable_sort(suspect.reasons.begin(), suspect.reasons.end(),
                         [](const SuspectReason& a, const SuspectReason& c) {
                             return std::fabs(a.points) > std::fabs(c.points);
                         });
        all.push_back(std::move(suspect));
    }
    std::sort(all.begin(), all.end(), [&](const Suspect& a, const Suspect& c) {
        if (a.score != c.score) return a.score > c.score;
        if (t.start[a.span] != t.start[c.span]) return t.start[a.span] < t.start[c.span];
        return a.span < c.span;
    });

    // Fold repeats (retry attempts, a call failing in a loop) into their best entry: same
    // service, operation, kind and reasons, and a score within the tolerance.
    std::map<std::tuple<uint32_t, StrId, SpanKind, uint64_t>, size_t> entryOf;
    for (Suspect& suspect : all) {
        const uint32_t span = suspect.span;
        auto key = std::make_tuple(t.service[span], t.name[span], t.kind[span], codesOf(suspect));
        auto it = entryOf.find(key);
        if (it != entryOf.end()) {
            Suspect& entry = ranking.suspects[it->second];
            if (suspect.score >= entry.score * (1 - kFoldTolerance)) {
                entry.similar.push_back(span);
                ranking.rankOfSpan[span] = static_cast<uint32_t>(it->second + 1);
                continue;
            }
        }
        if (ranking.suspects.size() >= options.maxSuspects) continue;
        entryOf[key] = ranking.suspects.size();
        ranking.rankOfSpan[span] = static_cast<uint32_t>(ranking.suspects.size() + 1);
        ranking.suspects.push_back(std::move(suspect));
    }
    for (Suspect& entry : ranking.suspects)
        std::sort(entry.similar.begin(), entry.similar.end(), [&](uint32_t a, uint32_t c) {
            return t.start[a] != t.start[c] ? t.start[a] < t.start[c] : a < c;
        });
    return ranking;
}

}  // namespace rootline
