#pragma once
// What a fault kind works on (the healthy trace built so far) and what it leaves behind (the
// labels), plus the helpers the kinds share to find a place for their fault.

#include <functional>
#include <string>
#include <vector>

#include "builder.h"
#include "failures.h"

namespace rootline::faults {

struct Scenario {
    Builder& b;
    Draft& d;
    Rng& rng;
    std::vector<int> labels;  // root-cause spans, by index
    std::string note;         // one line: what happened, for a human reading the labels
};

// Server spans on the synchronous request path (not under a message consumer), exported, that
// satisfy `pred` (null: all).
std::vector<int> requestServers(const Draft& d, const std::function<bool(int)>& pred = nullptr);
// Spans of a kind under `top` (inclusive), exported.
std::vector<int> subtree(const Draft& d, int top);
bool underConsumer(const Draft& d, int span);

// Where in-process work of a server goes: the server span itself or, as with controllers that
// have a span of their own, the in-process span wrapping its work.
int workHost(const Draft& d, int server);
// Inserts a step of one span at a random position among `host`'s steps, but never after a step
// that holds a failure or a label (a step after a failure never ran).
void insertAtRandom(Scenario& sc, int host, int span, int64_t gapNs = 0);
void insertStepAtRandom(Scenario& sc, int host, Step step);
// True when the subtree of `span` holds an error or a label.
bool tainted(const Scenario& sc, int span);

// Services `from` may call that match `pred`.
std::vector<int> callees(int service, const std::function<bool(const ServiceDef&)>& pred);
std::string hex16(uint64_t id);

// The fault kinds (kinds/*.cpp). Each adds its fault to the healthy trace, sets the labels and
// the note, and propagates what fails.
void injectLeafException(Scenario& sc);
void injectDbError(Scenario& sc);
void injectTimeoutSlowSpan(Scenario& sc);
void injectRetryStorm(Scenario& sc);
void injectBadInput(Scenario& sc);
void injectFanoutOneBad(Scenario& sc);
void injectAsyncConsumer(Scenario& sc);
void injectHandledPlusReal(Scenario& sc);
void injectReleaseRegression(Scenario& sc);
void injectPureLatency(Scenario& sc);

// Origins several kinds share: each creates the failing span(s) under `host` (a span on the
// request path), fails them and returns the origin, without propagating.
int throwInLeaf(Scenario& sc, int host);      // an in-process span that throws
int failDbQuery(Scenario& sc, int host);      // a database error on a new write or read
int throwInServer(Scenario& sc, int server);  // the server span itself throws
// A realistic description of what a failure means, for notes.
std::string describe(const Scenario& sc, int span);

}  // namespace rootline::faults
