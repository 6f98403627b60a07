// rootline-memory-probe FILE: what importing FILE costs in memory, measured by the kernel.
//
// A process of its own, so the figures see one import and nothing else (no other benchmark's
// buffers, no allocator state left by earlier runs):
//   peak     = VmHWM after the import − VmRSS before it: the file buffer, the parser's windows
//              and the model at their largest together;
//   retained = VmRSS with only the TraceFile alive, after malloc_trim(0) hands freed pages back.
// Both are compared to the file size against the targets in docs/performance.md; the model's
// own accounting (Dictionary::memoryBytes + Trace::memoryBytes) is printed beside them, so a
// gap between what the model thinks it holds and what the process holds shows up.
// Exit status: 0 when both targets are met, 1 when one is missed, 2 when the file cannot be
// loaded.

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "formats/load.h"

namespace {

constexpr double kRetainedTarget = 0.5;  // × file size
constexpr double kPeakTarget = 2.0;      // × file size

// A "VmRSS:  123456 kB" line of /proc/self/status, in bytes.
size_t statusBytes(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line))
        if (line.compare(0, prefix.size(), prefix) == 0)
            return std::stoull(line.substr(prefix.size())) * 1024;
    throw std::runtime_error(std::string("no ") + field + " in /proc/self/status");
}

std::string mib(size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return buf;
}

std::string ratio(size_t bytes, size_t fileSize) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fx",
                  static_cast<double>(bytes) / static_cast<double>(fileSize));
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help") {
        std::cerr << "usage: rootline-memory-probe FILE\n";
        return 2;
    }
    const std::string path = argv[1];
    try {
        const size_t fileSize = std::filesystem::file_size(path);
        if (fileSize == 0) {
            std::cerr << "rootline-memory-probe: " << path << " is empty\n";
            return 2;
        }
        const size_t baseline = statusBytes("VmRSS");
        const auto t0 = std::chrono::steady_clock::now();
        rootline::LoadResult result = rootline::loadTraceFile(path);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const size_t peak = statusBytes("VmHWM");
        if (!result.ok()) {
            std::cerr << "rootline-memory-probe: "
                      << rootline::describeLoadError(path, result.error) << '\n';
            return 2;
        }
        // Only the TraceFile is left; hand freed heap pages back so RSS shows what is kept.
        malloc_trim(0);
        const size_t retained = statusBytes("VmRSS");
        const rootline::TraceFile& file = *result.file;
        size_t model = file.dict->memoryBytes();
        for (const auto& trace : file.traces)
            model += trace->memoryBytes();

        const size_t peakDelta = peak > baseline ? peak - baseline : 0;
        const size_t retainedDelta = retained > baseline ? retained - baseline : 0;
        const bool peakOk =
            static_cast<double>(peakDelta) <= kPeakTarget * static_cast<double>(fileSize);
        const bool retainedOk =
            static_cast<double>(retainedDelta) <= kRetainedTarget * static_cast<double>(fileSize);

        std::cout << "file      " << path << ": " << mib(fileSize) << ", " << file.spanCount()
                  << " spans, " << file.traces.size()
                  << (file.traces.size() == 1 ? " trace" : " traces") << ", loaded in " << seconds
                  << " s\n"
                  << "baseline  VmRSS " << mib(baseline) << '\n'
                  << "peak      " << mib(peakDelta) << " = " << ratio(peakDelta, fileSize)
                  << " file (target <= " << kPeakTarget << "x): " << (peakOk ? "PASS" : "FAIL")
                  << '\n'
                  << "retained  " << mib(retainedDelta) << " = " << ratio(retainedDelta, fileSize)
                  << " file (target <= " << kRetainedTarget
                  << "x): " << (retainedOk ? "PASS" : "FAIL") << '\n'
                  << "model     " << mib(model) << " = " << ratio(model, fileSize)
                  << " file (Dictionary + Trace memoryBytes(); dictionary "
                  << mib(file.dict->memoryBytes()) << ")\n";
        return peakOk && retainedOk ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "rootline-memory-probe: " << e.what() << '\n';
        return 2;
    }
}
