#include "remote/trace_url.h"

// To be written.
