// The job object: what one run of the program does, independent of argv.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/filesystem.h"

namespace brief {

// Documented exit codes (README.md, docs/cli.md).
enum ExitCode { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2 };

enum class OutputFormat { kText, kJson };

struct Job {
  enum class Command { kValidate, kRender };
  Command command = Command::kValidate;
  std::vector<std::string> inputs;   // Files or folders.
  bool strict = false;               // Warnings count as errors.
  bool quiet = false;                // No summary line.
  OutputFormat format = OutputFormat::kText;
  std::string output_dir = "output"; // render: where PDFs go.
  std::string template_name = "classic";  // render: name or path of a template.
  std::string resource_dir = ".";    // Holds templates/ and fonts/.
  long long source_date_epoch = -1;  // From SOURCE_DATE_EPOCH; -1 when unset.
  int jobs = 1;                      // render: briefs rendered at once (threads).
};

// Runs the job. Diagnostics and the summary go to `err` in text mode; in
// JSON mode one JSON object per input goes to `out`. Returns an ExitCode.
int RunJob(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);

}  // namespace brief
