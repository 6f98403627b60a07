#include "store/remote_trace_cache.h"

// To be written.
