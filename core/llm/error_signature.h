#pragma once
// The signature that says "the same error again" across incidents: the service and operation of
// the top suspect, its exception type, and its status (with the HTTP or gRPC code when known).

#include "analysis/suspect_ranking.h"
#include "model/trace.h"
#include "store/investigation_history.h"

namespace rootline::llm {

// Empty when the ranking has no suspect.
store::ErrorSignature errorSignature(const Trace& trace, const Ranking& ranking);

}  // namespace rootline::llm
