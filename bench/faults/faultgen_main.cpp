// rootline-faultgen: writes the fault-injected evaluation set to a folder.
//
//   rootline-faultgen --seed S --per-kind N -o DIR
//
// DIR/<case>.jaeger.json and DIR/<case>.otlp.json hold each case's trace in both formats;
// DIR/labels.json lists every case with its kind, trace id, root-cause span ids, noise and a
// one-line note (fault_cases.h).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "fault_cases.h"

namespace {

int usage(const char* why) {
    if (why) std::cerr << "rootline-faultgen: " << why << "\n";
    std::cerr << "usage: rootline-faultgen --seed S --per-kind N -o DIR\n";
    return 2;
}

bool parseNumber(const char* text, unsigned long long& out) {
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return end && *end == '\0' && end != text;
}

bool writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    unsigned long long seed = 7, perKind = 10;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--seed" && hasValue) {
            if (!parseNumber(argv[++i], seed)) return usage("--seed needs a number");
        } else if (arg == "--per-kind" && hasValue) {
            if (!parseNumber(argv[++i], perKind) || perKind == 0 || perKind > 1000)
                return usage("--per-kind needs a number from 1 to 1000");
        } else if ((arg == "-o" || arg == "--output") && hasValue) {
            dir = argv[++i];
        } else if (arg == "-h" || arg == "--help") {
            usage(nullptr);
            return 0;
        } else {
            return usage(("unknown argument: " + arg).c_str());
        }
    }
    if (dir.empty()) return usage("-o DIR is required");
    try {
        std::filesystem::create_directories(dir);
        const auto cases = rootline::faults::generateFaultCases(seed, static_cast<int>(perKind));
        for (const auto& c : cases) {
            if (!writeFile(std::filesystem::path(dir) / (c.id + ".jaeger.json"), c.jaegerJson) ||
                !writeFile(std::filesystem::path(dir) / (c.id + ".otlp.json"), c.otlpJson))
                throw std::runtime_error("cannot write into " + dir);
        }
        if (!writeFile(std::filesystem::path(dir) / "labels.json",
                       rootline::faults::labelsJson(cases)))
            throw std::runtime_error("cannot write " + dir + "/labels.json");
        std::cout << "wrote " << cases.size() << " cases (seed " << seed << ", " << perKind
                  << " per kind) to " << dir << "\n";
    } catch (const std::exception& e) {
        std::cerr << "rootline-faultgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
