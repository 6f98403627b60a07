#pragma once
// The trace being generated, before it is written: spans with their attributes, events, links
// and status, plus a *plan* of how their time is spent (own time before, between and after the
// steps of children). Times are not chosen span by span; `layoutTimes` derives them from the
// plan once the fault is in place, so a failure that cuts a request short, a slow query or a
// client that gives up at its deadline moves every ancestor's timing consistently.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace rootline::faults {

enum class Kind : int { Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
enum class Status : int { Unset = 0, Ok = 1, Error = 2 };

using AttrValue = std::variant<std::string, int64_t, bool>;
struct Attr {
    std::string key;
    AttrValue value;
};

struct Event {
    std::string name;
    int64_t offsetNs = 0;  // from the span's start, or back from its end when fromEnd
    bool fromEnd = false;
    std::vector<Attr> attrs;
};

// One process: a service instance on a host.
struct Resource {
    int service = -1;         // index into the catalogue
    std::vector<Attr> attrs;  // service.name first
    int64_t clockSkewNs = 0;  // noise: this host's clock is off by this much
};

struct Scope {
    std::string name;
    std::string version;
};

// Children that run one after the other are separate steps; a step of several spans runs them
// in parallel (a fan-out).
struct Step {
    std::vector<int> spans;
    int64_t gapBeforeNs = 0;  // own time of the parent before this step (backoff, work)
};

// What a failed span hands to its caller: the exception its process saw and the protocol
// codes of the response it produced.
struct Failure {
    std::string type;      // exception class / error type, empty when none
    std::string message;   // exception or status message
    int http = 0;          // HTTP status it answered or received, 0 when none
    int grpc = -1;         // gRPC status code, -1 when none
    std::string stack;     // the exception's stack trace, for frames that record it again
    bool timeout = false;  // the failure is a deadline that expired
};

struct Span {
    uint64_t id = 0;
    int parent = -1;  // index, -1 for a root
    int resource = 0;
    int scope = 0;
    std::string name;
    Kind kind = Kind::Internal;
    std::vector<Attr> attrs;
    std::vector<Event> events;
    std::vector<int> links;  // span indices this span links to (OTLP links, Jaeger FOLLOWS_FROM)
    Status status = Status::Unset;
    std::string statusMessage;
    Failure failure;  // set on failed spans; read when the failure propagates

    // ---- the plan ----
    int64_t leadNs = 0;  // own time before the first step (or all of it for a leaf)
    int64_t tailNs = 0;  // own time after the last step
    std::vector<Step> steps;
    int64_t staggerNs = 0;       // start offset inside a parallel step
    int64_t deadlineNs = 0;      // a client that gives up after this long (0: waits)
    int64_t overshootNs = 0;     // how late the deadline timer fires
    std::vector<int> followers;  // asynchronous work started by this span (message consumers)
    int64_t followDelayNs = 0;   // for a follower: time between its producer's end and its start

    // ---- results ----
    int64_t startNs = 0;
    int64_t endNs = 0;
    bool skipped = false;  // never ran: a step after a failure that ended its parent early
    bool lost = false;     // ran but was never exported: its children become orphans
};

struct Draft {
    std::vector<Span> spans;
    std::vector<Resource> resources;
    std::vector<Scope> scopes;
    std::string traceIdHex;  // 32 lowercase hex digits
    int root = -1;
    int64_t epochNs = 0;  // start of the root span

    Span& at(int i) { return spans[static_cast<size_t>(i)]; }
    const Span& at(int i) const { return spans[static_cast<size_t>(i)]; }
    // A new span with a fresh id, not yet placed in any step.
    int add(int parent, int resource, int scope, Kind kind, std::string name, uint64_t id);
    // Placement in the parent's plan: a step of its own (one after the other), or one step of
    // several spans in parallel; `at` inserts before step `at` instead of appending.
    void sequential(int parent, int child, int64_t gapBeforeNs = 0);
    void parallel(int parent, const std::vector<int>& children, int64_t gapBeforeNs = 0);
    void insertStep(int parent, size_t at, Step step);

    // The index of the step of `parent` holding `child`, or -1.
    int stepOf(int parent, int child) const;
    // Marks `span` and everything under it (steps and followers) as never run.
    void skipSubtree(int span);
    // Every ancestor of `span`, nearest first (the span itself excluded).
    std::vector<int> ancestors(int span) const;
    bool isAncestor(int ancestor, int span) const;
    bool exported(int span) const { return !at(span).skipped && !at(span).lost; }
    int serviceOf(int span) const {
        return resources[static_cast<size_t>(at(span).resource)].service;
    }
};

// Attribute helpers: set replaces an existing key, so later facts (a failure's status code)
// overwrite the healthy ones.
void setAttr(std::vector<Attr>& attrs, const std::string& key, AttrValue value);
const AttrValue* findAttr(const std::vector<Attr>& attrs, const std::string& key);
void removeAttr(std::vector<Attr>& attrs, const std::string& key);

// Derives start and end of every span from the plans, the root starting at draft.epochNs.
void layoutTimes(Draft& draft);

}  // namespace rootline::faults
