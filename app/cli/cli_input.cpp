#include "cli_input.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "model/ids.h"
#include "remote/trace_url.h"
#include "remote_options.h"

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
    if (remote::looksLikeTraceUrl(path)) return loadTraceUrl(path, {}, std::cerr);
    return loadTraceFile(path);
}

bool readFile(const std::string& path, std::string& text, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open";
        return false;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
    return true;
}

const Trace* chooseTrace(const TraceFile& file, const std::string& wanted,
                         const std::string& command, std::string& error) {
    if (!wanted.empty()) {
        const std::optional<TraceId> parsed = parseTraceIdStrict(wanted);
        for (const auto& t : file.traces)
            if ((parsed && t->id == *parsed) || t->traceIdText() == wanted) return t.get();
        error = command + ": " + file.source + ": no trace " + wanted + " (it holds ";
        for (size_t i = 0; i < file.traces.size() && i < 5; ++i)
            error += (i ? ", " : "") + file.traces[i]->traceIdText();
        if (file.traces.size() > 5) error += ", …";
        error += ")";
        return nullptr;
    }
    const Trace* best = nullptr;
    for (const auto& t : file.traces)
        if (!best || t->errorCount > best->errorCount ||
            (t->errorCount == best->errorCount && t->spanCount() > best->spanCount()))
            best = t.get();
    if (!best) error = command + ": " + file.source + ": holds no trace";
    return best;
}

std::string inputName(const std::string& path) {
    if (path == "-") return "standard input";
    // A trace URL: its kind and id, never the host (which may say more than the trace does).
    if (remote::looksLikeTraceUrl(path)) {
        std::string error;
        if (const auto url = remote::parseTraceUrl(path, error))
            return std::string(remote::sourceKindName(url->kind)) + " trace " + url->traceId;
    }
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace rootline::cli
