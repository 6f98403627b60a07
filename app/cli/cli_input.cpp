#include "cli_input.h"

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>

namespace rootline::cli {

namespace {

// Standard input is read up to half of the machine's memory: a pipe that never ends
// (`cat /dev/zero | rootline-cli inspect -`) gets a clear error instead of exhausting memory.
LoadResult loadStandardInput() {
    struct stat st {};
    if (::fstat(0, &st) == 0 && S_ISCHR(st.st_mode) && !::isatty(0))
        return {
            nullptr, LoadError{"standard input is a device, not a trace file", std::nullopt}, {}};
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    const size_t limit = pages > 0 && pageSize > 0
                             ? static_cast<size_t>(pages) * static_cast<size_t>(pageSize) / 2
                             : size_t(8) << 30;
    std::string text;
    try {
        char chunk[1 << 16];
        while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
            text.append(chunk, static_cast<size_t>(std::cin.gcount()));
            if (text.size() > limit)
                return {nullptr,
                        LoadError{"standard input is larger than half of this machine's memory; "
                                  "save it to a file first",
                                  std::nullopt},
                        {}};
        }
    } catch (const std::bad_alloc&) {
        return {nullptr, LoadError{"not enough memory to read standard input", std::nullopt}, {}};
    }
    return loadTraceText(text, "-");
}

}  // namespace

LoadResult loadInput(const std::string& path) {
    if (path == "-" || path == "/dev/stdin") return loadStandardInput();
    return loadTraceFile(path);
}

}  // namespace rootline::cli
