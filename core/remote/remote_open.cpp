#include "remote/remote_open.h"

// To be written.
