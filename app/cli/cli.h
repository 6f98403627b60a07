#pragma once
// rootline-cli: the headless companion of the Rootline app, for scripts and CI.
// Every command is a function from arguments and streams to an exit code, so tests run them
// in-process.

#include <iosfwd>
#include <string>
#include <vector>

namespace rootline::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;  // a check found a problem (audit verify)
inline constexpr int kExitBadInput = 2;     // unreadable or invalid input, or a usage error

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

int inspectCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int rankCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int packCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int explainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int historyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int auditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int fetchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int logsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int agentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int searchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// "rootline-cli: FILE: what went wrong (byte N)" on one line.
void printError(std::ostream& err, const std::string& message);

}  // namespace rootline::cli
