// brief render with -o FILE.pdf or -o -: one brief to exactly one file, or
// to standard output, with no manifest (a pipe has no folder to keep one).
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/crash_guard.h"
#include "app/render_one.h"
#include "batch/interrupt.h"
#include "output/atomic_write.h"

namespace brief {

bool IsSingleOutput(const Job& job, const FileSystem& fs) {
  if (job.output_dir == "-") return true;
  std::string lower;
  for (char c : job.output_dir) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  return lower.size() > 4 && lower.ends_with(".pdf") && fs.Kind(job.output_dir) != PathKind::kDirectory;
}

namespace {

// One input's JSON object (--format json).
std::string JsonObject(const std::string& file, const std::string* output, const std::vector<Diagnostic>& diagnostics) {
  return fmt::format(R"({{"file":{},"output":{},"status":"{}","ok":{},"diagnostics":{}}})", JsonQuote(file),
                     output ? JsonQuote(*output) : "null", output ? "rendered" : "failed", output ? "true" : "false",
                     DiagnosticsJson(diagnostics));
}

// The summary object; `seconds` and `interrupted` are written as given.
std::string JsonSummary(bool ok, int failed, const std::string& output, const std::string& seconds,
                        const std::string& interrupted) {
  return fmt::format(R"({{"summary":{{"rendered":{},"up_to_date":0,"failed":{},"not_started":0,"pruned":0,"orphans":0,"output":{},"manifest":null,"seconds":{},"interrupted":{}}}}})",
                     ok ? 1 : 0, failed, JsonQuote(output), seconds, interrupted);
}

}  // namespace

int RenderSingle(const Job& job, const FileSystem& fs, const BriefRenderer& renderer,
                 const std::vector<InputFile>& inputs, const std::vector<Diagnostic>& problems,
                 std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return fmt::format("{:.3f}", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  };
  if (!problems.empty()) {
    // Inputs that could not be read (a typo, an empty folder).
    if (job.format == OutputFormat::kJson) {
      for (const Diagnostic& d : problems) out << JsonObject(d.file, nullptr, {d}) << "\n";
      out << JsonSummary(false, static_cast<int>(problems.size()), job.output_dir, seconds(), "null") << "\n";
    }
    PrintDiagnostics(job, fs, problems, out, err);
    return kExitInvalid;
  }
  bool to_stdout = job.output_dir == "-";
  if (inputs.size() != 1) {
    err << fmt::format("brief: error: render: -o {} takes exactly one brief, not {}; give a folder for more\n",
                       job.output_dir, inputs.size());
    return kExitUsage;
  }
  if (to_stdout && job.stdout_terminal) {
    err << "brief: error: render: -o - would write a PDF to the terminal; redirect it (> x.pdf) or pipe it\n";
    return kExitUsage;
  }
  if (to_stdout && (job.format == OutputFormat::kJson || job.format == OutputFormat::kGithub)) {
    err << "brief: error: render: -o - writes the PDF to standard output, where --format json and github "
           "write too; use --format text or short\n";
    return kExitUsage;
  }
  if (!job.junit_file.empty()) {
    err << "brief: error: render: --junit is for folders of PDFs, not -o FILE or -o -\n";
    return kExitUsage;
  }
  const InputFile& input = inputs.front();
  if (!to_stdout && SamePath(input.path, job.output_dir)) {
    err << fmt::format("brief: error: render: -o {} is the brief itself\n", job.output_dir);
    return kExitUsage;
  }
  // The JSON lines (--format json): the brief's object, then a summary
  // like a batch's, with no manifest.
  auto json = [&](bool ok, const std::vector<Diagnostic>& diagnostics, const std::string& took) {
    return JsonObject(input.path, ok ? &job.output_dir : nullptr, diagnostics) + "\n" +
           JsonSummary(ok, ok ? 0 : 1, job.output_dir, took, "null") + "\n";
  };
  auto report = [&](bool ok, const std::vector<Diagnostic>& diagnostics, const std::string& took) {
    std::ostringstream out, err;
    if (job.format == OutputFormat::kJson) out << json(ok, diagnostics, took);
    PrintDiagnostics(job, fs, diagnostics, out, err);
    return CrashReport{out.str(), err.str()};
  };
  // The work runs in this process, under a guard that turns a crash
  // inside a library into the same report a worker's crash gets in a
  // batch. (A worker process cost a fifth of the run here: the fork and
  // the copy-on-write faults of everything prepared before it.)
  RenderItem item;
  std::string pdf;
  {
    CrashGuard guard(
        [&](const std::string& how) {
          return report(false,
                        {{Severity::kError, input.path, 0, 0, "",
                          fmt::format("rendering this brief crashed ({}); no PDF was written", how),
                          "please report it with the brief attached"}},
                        CrashGuard::kSeconds);
        },
        kExitInvalid);
    const char* crash_test = std::getenv("BRIEF_TEST_CRASH");  // Tests only: crash on this file.
    if (crash_test && *crash_test && input.path.find(crash_test) != std::string::npos) std::abort();
    BriefCheck check = CheckBriefFile(fs, input.path, job.strict);
    if (check.brief) {
      ApplyJobToBrief(job, &*check.brief);
      RenderOutcome outcome = renderer.Render(*check.brief, input.path, job.source_date_epoch);
      AddFindings(job.strict, std::move(outcome.diagnostics), &check);
      if (outcome.ok && check.brief) pdf = std::move(outcome.pdf);
    }
    item.ok = !pdf.empty();
    item.diagnostics = std::move(check.diagnostics);
  }
  if (const char* delay = std::getenv("BRIEF_TEST_DELAY_MS"); delay && *delay) {  // Tests only.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(delay)));
  }
  if (int signal = InterruptSignal()) {
    // Stopped while rendering: nothing is written.
    if (job.format == OutputFormat::kJson) {
      out << JsonObject(input.path, nullptr, item.diagnostics) << "\n"
          << JsonSummary(false, 0, job.output_dir, seconds(), JsonQuote(strsignal(signal))) << "\n";
    }
    err << fmt::format("brief: interrupted ({}); {} was not written\n", strsignal(signal),
                       to_stdout ? "the PDF" : job.output_dir);
    return InterruptExitCode(signal);
  }
  std::string error;
  if (item.ok && !to_stdout &&
      (!EnsureDirectory(DirName(job.output_dir), &error) || !WriteFileAtomically(job.output_dir, pdf, &error))) {
    // JSON and GitHub carry the error as a diagnostic; text says it as
    // brief's own error.
    std::vector<Diagnostic> with_error = item.diagnostics;
    with_error.push_back({Severity::kError, job.output_dir, 0, 0, "", error, ""});
    out << report(false, with_error, seconds()).out;
    out.flush();
    err << report(false, item.diagnostics, seconds()).err << "brief: error: " << error << "\n";
    return kExitInvalid;
  }
  CrashReport done = report(item.ok, item.diagnostics, seconds());
  if (to_stdout && item.ok) {
    out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  } else {
    out << done.out;
  }
  err << done.err;
  out.flush();
  if (!item.ok) return kExitInvalid;
  if (!out) return kExitInvalid;
  if (!job.quiet && job.format != OutputFormat::kJson && !to_stdout) {
    err << fmt::format("rendered {} ({} bytes)\n", job.output_dir, pdf.size());
  }
  return kExitOk;
}

}  // namespace brief
