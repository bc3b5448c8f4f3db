// Command line → Job. The only place that knows about argv.
#pragma once

#include <string>
#include <vector>

#include "app/job.h"
#include "batch/shard.h"

namespace brief {

// What the command line asks for: run a job, print text (help, version), or
// a usage error with its message.
struct CommandLine {
  enum class Action { kRun, kPrint, kUsageError };
  Action action = Action::kRun;
  Job job;
  std::string text;  // kPrint: what to print; kUsageError: the message.
};

// Parses arguments (without the program name). `env` answers --shard auto
// and the resource search path; `exe` is the running binary's path (for
// the resources beside an install, or in a checkout).
CommandLine ParseCommandLine(const std::vector<std::string>& args, const EnvLookup& env,
                             const std::string& exe = "");

// Whether text diagnostics are coloured. --color always or never decides;
// auto (no-color.org, bixense.com/clicolors): never under NO_COLOR, always
// under CLICOLOR_FORCE (not "0"), never when CI is set, else when
// `terminal` (standard error is a terminal that is not "dumb").
bool UseColor(ColorMode mode, bool terminal, const EnvLookup& env);

// One option of a command, as its --help lists it (for the man page and
// the shell completions, which are made from the same table).
struct OptionInfo {
  std::string long_name, short_name;  // "template", "t"
  bool takes_value = false;
  std::string value_name, default_value, description;
};
std::vector<OptionInfo> OptionTable(const std::string& command);

// The program version, as --version prints it.
const char* BriefVersion();

}  // namespace brief
