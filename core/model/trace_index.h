#pragma once
// Builds the tree index of a trace whose span columns are filled and sorted by start:
// parent indices, orphans, duplicate ids, parent cycles, children, depth, self time, link
// targets, and the structural warnings a user needs to see (child outside parent, bad
// durations). Every walk is iterative: a 100,000-deep parent chain must not overflow the stack.

#include "model/trace.h"
#include "util/job_control.h"

namespace rootline {

void buildTraceIndex(Trace& trace, const JobControl& control);

}  // namespace rootline
