#pragma once
// What the CLI tests share: running a command in-process, running the real rootline-cli binary
// as a child process, and a temporary folder per test program.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

extern char** environ;

namespace rootline::cli::clitest {

struct CliRun {
    int code;
    std::string out, err;
};

// The command in-process, as `rootline-cli ARGS` would run it.
inline CliRun run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return CliRun{code, out.str(), err.str()};
}

inline size_t lines(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh folder named after the test program (`prefix`-PID), removed when it ends.
class TempFolder {
public:
    explicit TempFolder(const std::string& prefix)
        : dir_(std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    // A path in the folder (nothing written).
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string write(const std::string& name, const std::string& content) const {
        const std::string p = path(name);
        std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
        return p;
    }

private:
    std::filesystem::path dir_;
};

struct ProcessResult {
    int exitCode = -1;
    int signal = 0;
    std::string out, err;
};

// The real binary (ROOTLINE_CLI_PATH) as a child process; its output goes through files in
// `temp`.
inline ProcessResult runCli(const TempFolder& temp, const std::vector<std::string>& args) {
    const std::string outPath = temp.write("process-out", "");
    const std::string errPath = temp.write("process-err", "");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_TRUNC, 0600);
    std::vector<std::string> all{ROOTLINE_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ProcessResult r;
    pid_t pid;
    const int spawned =
        posix_spawn(&pid, ROOTLINE_CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        ADD_FAILURE() << "cannot start " << ROOTLINE_CLI_PATH;
        return r;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(outPath);
    r.err = slurp(errPath);
    return r;
}

}  // namespace rootline::cli::clitest
