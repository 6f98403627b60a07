#pragma once
// Reading a command's FILE argument: a path, or '-' for standard input.

#include <string>

#include "formats/load.h"

namespace rootline::cli {

LoadResult loadInput(const std::string& path);

}  // namespace rootline::cli
