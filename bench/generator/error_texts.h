#pragma once
// What a failed span says: an exception type and message in the flavour of the service's
// language and of what failed (a query, a cache call, a remote call, its own code), and a
// stack trace in that language's format.

#include <string>

#include "generator/seeded_random.h"
#include "generator/service_catalogue.h"
#include "generator/span_record.h"

namespace rootline::bench::generator {

// An error's exception: language-flavoured type, message and a multi-line stack trace.
struct ErrorText {
    const char* type;
    const char* message;
};

const ErrorText& errorFor(Lang lang, Type type, Rng& rng);

// A stack trace in the style of the language, with the service's own frames on top.
void stackTrace(std::string& out, const Service& s, const ErrorText& e, Rng& rng);

}  // namespace rootline::bench::generator
