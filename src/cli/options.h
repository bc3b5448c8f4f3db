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

// Parses arguments (without the program name). `env` answers --shard auto.
CommandLine ParseCommandLine(const std::vector<std::string>& args, const EnvLookup& env);

// The folder holding templates/ and fonts/: $BRIEF_HOME when set, else the
// parent of the executable's folder when it has templates/ (build/brief run
// from a checkout), else the current folder.
std::string ResourceDir(const char* argv0);

// Whether text diagnostics are coloured. --color always or never decides;
// auto (no-color.org, bixense.com/clicolors): never under NO_COLOR, always
// under CLICOLOR_FORCE (not "0"), never when CI is set, else when
// `terminal` (standard error is a terminal that is not "dumb").
bool UseColor(ColorMode mode, bool terminal, const EnvLookup& env);

// The program version, as --version prints it.
const char* BriefVersion();

}  // namespace brief
