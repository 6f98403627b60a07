#include "remote/remote_error.h"

// To be written.
