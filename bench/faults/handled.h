#pragma once
// Errors that are handled and harmless: a lookup that answers 404 and the caller falls back, a
// call that fails once and succeeds on retry, a cache command that errors and the caller reads
// the database instead. handled_plus_real puts them next to a real failure; the noise puts
// them into any case.

#include "scenario.h"

namespace rootline::faults {

// Adds one handled error under a request-path server (never after a failure). Returns a short
// description, or "" when the trace offers no place for it.
std::string addHandledError(Scenario& sc, bool allowRetry);
// Only the benign 404 (or gRPC NOT_FOUND) kind of handled error.
std::string addBenignNotFound(Scenario& sc);

}  // namespace rootline::faults
