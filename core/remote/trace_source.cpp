#include "remote/trace_source.h"

// To be written.
