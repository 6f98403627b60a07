// rootline-cli as a separate process: the exit code and stderr a script sees, for good files
// and for every kind of bad input. A crash (signal) or a hang (watchdog) fails the test.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

extern char** environ;

namespace {

struct Result {
    int exitCode = -1;
    int signal = 0;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Result runCli(const std::vector<std::string>& args) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string tag =
        std::to_string(::getpid()) + "-" +
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    const std::string outPath = (dir / ("rl-out-" + tag)).string();
    const std::string errPath = (dir / ("rl-err-" + tag)).string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    std::vector<std::string> all{ROOTLINE_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid;
    Result r;
    if (posix_spawn(&pid, ROOTLINE_CLI_PATH, &actions, nullptr, argv.data(), environ) != 0)
        return r;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ADD_FAILURE() << "rootline-cli hung";
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(outPath);
    r.err = slurp(errPath);
    std::filesystem::remove(outPath);
    std::filesystem::remove(errPath);
    return r;
}

std::string writeTemp(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() / ("rootline-cli-test-" + name);
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

std::string fixture(const std::string& f) {
    return std::string(ROOTLINE_FIXTURES_DIR) + "/" + f;
}

// Every shared fixture, not only those with a .json name: the trace fixtures load with their
// exact span count (exit 0), everything else is refused in one line (exit 2).
TEST(CliProcess, InspectsEveryFixture) {
    const std::map<std::string, std::string> traces = {
        {"jaeger/analytics-real-jaeger-query-2019.json", "1 trace, 2 spans"},
        {"jaeger/apiv3-GetTrace.json", "1 trace, 1 span"},
        {"jaeger/jaeger-anonymizer-embedded-process.json", "1 trace, 2 spans"},
        {"jaeger/jaeger-otlp-links-events-errors.json", "2 traces, 4 spans"},
        {"jaeger/jaeger-transform-jaeger-out.json", "1 trace, 2 spans"},
        {"jaeger/jaeger-transform-otlp-in.json", "1 trace, 2 spans"},
        {"jaeger/jaeger-uimodel-edgecases.json", "1 trace, 5 spans"},
        {"jaeger/ui-flamegraph-pyroscope-uistate.json", "1 trace, 4 spans"},
        {"jaeger/ui-genai-57spans-10svc-error.json", "1 trace, 57 spans"},
        {"jaeger/ui-otlp-multi-resourcespans.json", "1 trace, 4 spans"},
        {"jaeger/ui-petclinic-stats-17spans.json", "1 trace, 17 spans"},
        {"jaeger/ui-tracegraph-followsfrom-error.json", "1 trace, 11 spans"},
        {"otlp/trace.json", "1 trace, 1 span"},
        {"tempo/api_v2_traces_by_id.docs-example.json", "1 trace, 1 span"},
        {"tempo/servicegraphs_trace-with-expired-edges.json", "1 trace, 5 spans"},
        {"tempo/servicegraphs_trace-with-failed-requests.json", "1 trace, 15 spans"},
        {"tempo/servicegraphs_trace-with-queue-database.json", "1 trace, 19 spans"},
        {"tempo/servicegraphs_trace-with-virtual-nodes.json", "2 traces, 3 spans"},
        {"tempo/tempopb_trace_v1_batches.json", "1 trace, 1 span"},
        {"tempo/vulture_trace_jsonpb.json", "1 trace, 6 spans"},
        {"genai/agent-strace-v0.32.0-session.otlp.json", "1 trace, 5 spans"},
        {"genai/otel-js-openai-weather-agent.trace.otlp.json", "1 trace, 5 spans"},
    };
    size_t seen = 0;
    for (const auto& dir : {"jaeger", "otlp", "tempo", "genai", "loki", "prometheus"}) {
        for (const auto& entry : std::filesystem::directory_iterator(fixture(dir))) {
            if (entry.path().filename() == "SOURCES.md") continue;
            const std::string relative = std::string(dir) + "/" + entry.path().filename().string();
            const std::string path = entry.path().string();
            SCOPED_TRACE(relative);
            const Result r = runCli({"inspect", path});
            EXPECT_EQ(r.signal, 0);
            auto it = traces.find(relative);
            if (it != traces.end()) {
                ++seen;
                EXPECT_EQ(r.exitCode, 0) << r.err;
                EXPECT_NE(r.out.find(it->second + "\n"), std::string::npos) << r.out;
            } else {
                EXPECT_EQ(r.exitCode, 2) << r.out;
                EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
                EXPECT_EQ(r.err.rfind("rootline-cli: " + path + ": ", 0), 0u) << r.err;
            }
        }
    }
    EXPECT_EQ(seen, traces.size());
}

struct BadCase {
    std::string name, content, expected;
};

TEST(CliProcess, BadInputCorpus) {
    const std::vector<BadCase> cases = {
        {"empty.json", "", "the file is empty"},
        {"text.json", "just words", "not JSON: the file starts with \"just words\" (byte 0)"},
        {"page.html", "<html><head><title>502 Bad Gateway</title></head></html>",
         "HTML or XML page"},
        {"truncated.json", R"({"data":[{"traceID":"1","spans":[{"spanID":"1","startTime")",
         "the file ends"},
        {"types.json", R"({"resourceSpans":{"oops":1}})",
         "not a recognised trace format (expected Jaeger, OTLP, Tempo or Zipkin JSON); its fields "
         "are resourceSpans (byte 0)"},
        {"syntax.json", R"({"traceID":"1","spans":[{"spanID":"1",}]})", "invalid JSON"},
        {"deep.json", std::string(5000, '[') + std::string(5000, ']'), "1,024 levels"},
        {"logs.json", slurp(fixture("otlp/logs.json")), "OTLP logs file"},
    };
    for (const BadCase& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path = writeTemp(c.name, c.content);
        const Result r = runCli({"inspect", path});
        EXPECT_EQ(r.signal, 0);
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_TRUE(r.out.empty());
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.rfind("rootline-cli: " + path + ": ", 0), 0u) << r.err;
        EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
        std::filesystem::remove(path);
    }
}

TEST(CliProcess, SalvagedFileExitsZeroWithWarningsOnStderr) {
    std::string json = R"({"traceID":"1","spans":[)";
    for (int i = 1; i <= 50; ++i)
        json += (i > 1 ? "," : "") + std::string(R"({"spanID":")") + std::to_string(i) +
                R"(","operationName":"op","startTime":1,"duration":1})";
    json += "]";  // the trace object is never closed
    const std::string path = writeTemp("salvage.json", json);
    const Result r = runCli({"inspect", path});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("50 spans"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("warning: the file ends before 1 bracket is closed (truncated?)"),
              std::string::npos)
        << r.err;
    std::filesystem::remove(path);
}

TEST(CliProcess, ReadsStandardInputWithDash) {
    // Through a shell pipe, as a user would: cat FILE | rootline-cli inspect -
    const std::string cmd = std::string("cat '") + fixture("otlp/trace.json") + "' | '" +
                            ROOTLINE_CLI_PATH + "' inspect - --json";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, pipe))
        out.append(buf, n);
    EXPECT_EQ(::pclose(pipe), 0);
    EXPECT_NE(out.find("\"trace_id\": \"5b8efff798038103d269b633813fc60c\""), std::string::npos)
        << out;
}

}  // namespace
