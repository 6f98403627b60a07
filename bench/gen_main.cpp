// rootline-gen: writes a realistic, seeded trace file for benchmarks and manual testing.
//
//   rootline-gen --spans N [--format jaeger|otlp] [--seed S] [--traces T] [--error-rate R] -o FILE

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "trace_generator.h"

namespace {

constexpr const char* kUsage =
    "usage: rootline-gen --spans N [--format jaeger|otlp] [--seed S] [--traces T]\n"
    "                    [--error-rate R] -o FILE\n"
    "Writes N spans of a simulated 12-service shop as Jaeger (default) or OTLP JSON.\n"
    "The same options always give the same bytes. FILE may be - for standard output.\n";

int usageError(const std::string& message) {
    std::cerr << "rootline-gen: " << message << '\n' << kUsage;
    return 2;
}

template <class T>
bool parseNumber(std::string_view text, T& out) {
    const auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    return res.ec == std::errc() && res.ptr == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
    using rootline::bench::GeneratorOptions;
    GeneratorOptions options;
    std::string output;
    bool haveSpans = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (i + 1 >= argc) return usageError("missing value after " + std::string(arg));
        const std::string_view value = argv[++i];
        if (arg == "--spans") {
            if (!parseNumber(value, options.spans) || options.spans == 0)
                return usageError("--spans needs a positive number");
            haveSpans = true;
        } else if (arg == "--format") {
            const auto format = rootline::bench::parseFormat(value);
            if (!format) return usageError("--format is jaeger or otlp");
            options.format = *format;
        } else if (arg == "--seed") {
            if (!parseNumber(value, options.seed)) return usageError("--seed needs a number");
        } else if (arg == "--traces") {
            if (!parseNumber(value, options.traces) || options.traces == 0)
                return usageError("--traces needs a positive number");
        } else if (arg == "--error-rate") {
            // A plain decimal such as 0.02; strtod reads it in the "C" locale this program
            // never changes.
            char* end = nullptr;
            const std::string text(value);
            options.errorRate = std::strtod(text.c_str(), &end);
            if (end != text.c_str() + text.size() || !(options.errorRate >= 0) ||
                options.errorRate > 1)
                return usageError("--error-rate needs a number between 0 and 1");
        } else if (arg == "-o" || arg == "--output") {
            output = value;
        } else {
            return usageError("unknown option " + std::string(arg));
        }
    }
    if (!haveSpans) return usageError("--spans is required");
    if (output.empty()) return usageError("-o FILE is required");
    if (options.traces > options.spans) return usageError("--traces cannot exceed --spans");

    try {
        if (output == "-") {
            std::ios::sync_with_stdio(false);
            rootline::bench::writeTrace(std::cout, options);
            std::cout.flush();
            return std::cout ? 0 : 1;
        }
        std::ofstream file(output, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << "rootline-gen: cannot create " << output << '\n';
            return 1;
        }
        rootline::bench::writeTrace(file, options);
        file.close();
        if (!file) {
            std::cerr << "rootline-gen: writing " << output << " failed\n";
            return 1;
        }
        std::cerr << "rootline-gen: wrote " << options.spans << " spans in " << options.traces
                  << (options.traces == 1 ? " trace" : " traces") << " ("
                  << rootline::bench::formatName(options.format) << ", seed " << options.seed
                  << ") to " << output << ", " << std::filesystem::file_size(output) << " bytes\n";
    } catch (const std::exception& e) {
        std::cerr << "rootline-gen: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
