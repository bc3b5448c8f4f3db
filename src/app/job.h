// The job object: what one run of the program does, independent of argv.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/resources.h"
#include "base/filesystem.h"
#include "batch/shard.h"

namespace brief {

// Documented exit codes (README.md, docs/cli.md). An interrupted batch
// exits 128 + the signal: 130 (SIGINT), 143 (SIGTERM).
enum ExitCode { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2 };

// How results are reported: text diagnostics with source excerpts on
// stderr; the same one line each (GCC's form); one JSON object per brief
// and a summary object on stdout; GitHub Actions workflow commands on
// stdout.
enum class OutputFormat { kText, kShort, kJson, kGithub };

// --color: auto decides by the terminal and the environment (UseColor).
enum class ColorMode { kAuto, kAlways, kNever };

struct Job {
  std::string command = "validate";  // A name from Commands().
  std::vector<std::string> inputs;   // Files or folders (manifest merge: manifests).
  bool strict = false;               // Warnings count as errors.
  std::string author;                // --author: who prepared every brief ("": each brief's prepared_by).
  bool quiet = false;                // No summary line.
  OutputFormat format = OutputFormat::kText;
  bool recursive = false;            // Folders: sub-folders too.
  bool no_layout = false;            // validate: the format only, no fonts or layout.
  std::string junit_file;            // Also write a JUnit XML report here.
  std::string output_dir = "output"; // render: where PDFs go (or FILE.pdf, or "-": stdout).
  std::string stdin_name = "stdin";  // The name of the brief read from "-", in diagnostics.
  std::string stdin_text;            // What standard input held, when an input is "-".
  bool stdout_terminal = false;      // Standard output is a terminal (no PDF is written there).
  std::string template_name = "classic";  // Name or path of a template.
  std::vector<ResourceDir> resources;  // Where templates/ and fonts/ are looked for, in order.
  std::string exe;                     // The running binary (init: the schema beside a build).
  int debounce_ms = 200;               // watch: quiet time after a change before rendering.
  long long source_date_epoch = -1;  // From SOURCE_DATE_EPOCH; -1 when unset.
  std::string cache_dir;             // Where caches live (CacheDirectory); "" with --no-cache: none.
  int jobs = 1;                      // render: briefs rendered at once (processes).
  bool force = false;                // render: render even briefs that are up to date.
  bool prune = false;                // render: remove PDFs no input produces any more.
  Shard shard;                       // render: this run's share (count 0: all).
  bool progress = false;             // render: a live progress line on stderr.
  ColorMode color_mode = ColorMode::kAuto;
  bool color = false;                // Colour in text diagnostics (from color_mode).
  std::string step_summary;          // --format github: $GITHUB_STEP_SUMMARY, to append to.
  // mail: the envelope and headers, and where messages go.
  std::string mail_from;
  std::vector<std::string> mail_to, mail_cc, mail_bcc;
  std::string mail_subject;          // With {name} and {as_of}; "" for the default.
  std::string recipients_file;       // Per-brief to/cc/bcc (mail/recipients.h).
  std::string eml_dir;               // Write .eml files here...
  std::string smtp_url;              // ...or send through this server...
  bool dry_run = false;              // ...or only say what would be sent.
  bool insecure = false;             // Plain-text SMTP to a loopback server.
  std::string ca_file;               // Certificates to trust for SMTP TLS.
  bool resend = false;               // Send even what the sent log has.
  int retries = 3;                   // Attempts after a temporary SMTP failure.
  long smtp_timeout = 30;            // Seconds to wait for each SMTP reply.
  double max_size_mb = 10;           // Warn about a larger message.
  std::string subcommand;            // manifest: "merge".
  std::string merge_output;          // manifest merge: -o FILE ("" or "-": stdout).
};

// Runs the job through its command's entry in Commands(). Returns an
// ExitCode (or 128 + signal for an interrupted render).
int RunJob(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err);

}  // namespace brief
