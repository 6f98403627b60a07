#pragma once
// Noise mixed into about a third of the cases, whatever their kind: a host whose clock is off
// by tens of milliseconds (children start before their parents or end after them), benign
// not-found lookups that the caller handles, and orphan spans (a span that was never exported,
// so its children's parent is not in the trace). None of it touches the fault or its labels.

#include <string>
#include <vector>

#include "scenario.h"

namespace rootline::faults {

// Picks one or two kinds of noise and adds them; `allowErrors` false keeps every span's status
// clean (pure_latency promises no error anywhere). Returns the names of what was added.
std::vector<std::string> addNoise(Scenario& sc, bool allowErrors);

}  // namespace rootline::faults
