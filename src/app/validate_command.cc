// brief validate: every brief checked against the format and the template.
#include <chrono>
#include <ostream>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/inputs.h"

namespace brief {

namespace {

// One JSON line for a checked file.
std::string CheckJson(const BriefCheck& check) {
  return fmt::format(R"({{"file":{},"valid":{},"errors":{},"warnings":{},"diagnostics":{}}})",
                     JsonQuote(check.file), check.brief ? "true" : "false", check.errors(),
                     check.warnings(), DiagnosticsJson(check.diagnostics));
}

}  // namespace

int RunValidateCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  // Validation promises what rendering does: the template's fonts must
  // draw every character (the same warnings, the same --strict).
  // (--no-layout: the format only; no template, fonts or layout.)
  std::string template_path;
  std::unique_ptr<BriefRenderer> renderer;
  if (!job.no_layout) {
    renderer = PrepareRenderer(job, fs, err, &template_path);
    if (!renderer) return kExitUsage;
  }
  std::vector<Diagnostic> problems;
  std::vector<InputFile> files = ExpandInputs(fs, job.inputs, job.recursive, &problems);
  std::vector<std::string> taken;
  for (const InputFile& f : files) taken.push_back(f.path);
  if (!JunitPathIsFree(job, taken, err)) return kExitUsage;
  int invalid = 0, errors = 0, warnings = 0;
  std::vector<ReportItem> report;
  auto note = [&](const BriefCheck& check, double seconds) {
    if (!check.brief) ++invalid;
    errors += check.errors();
    warnings += check.warnings();
    if (job.format == OutputFormat::kJson) out << CheckJson(check) << "\n";
    PrintDiagnostics(job, fs, check.diagnostics, out, err);
    report.push_back({check.file, "", check.brief ? "valid" : "invalid", check.brief.has_value(), false,
                      seconds, check.diagnostics});
  };
  // A path that gave no brief to check is reported like an invalid brief.
  for (const Diagnostic& d : problems) {
    BriefCheck check;
    check.file = d.file;
    check.diagnostics = {d};
    note(check, 0);
  }
  for (const InputFile& file : files) {
    auto t0 = std::chrono::steady_clock::now();
    BriefCheck check = CheckBriefFile(fs, file.path, job.strict);
    if (check.brief && renderer) AddFindings(job.strict, renderer->Check(*check.brief, file.path), &check);
    note(check, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  bool junit_ok = WriteJunitReport(job, "brief validate", report, seconds, err);
  int total = static_cast<int>(files.size() + problems.size());
  if (job.format == OutputFormat::kJson) {
    out << fmt::format(R"({{"summary":{{"checked":{},"valid":{},"invalid":{},"errors":{},"warnings":{},"seconds":{:.3f}}}}})",
                       total, total - invalid, invalid, errors, warnings, seconds)
        << "\n";
  }
  std::string line = fmt::format("{} checked: {} valid, {} invalid ({}, {})", Plural(total, "brief"),
                                 total - invalid, invalid, Plural(errors, "error"), Plural(warnings, "warning"));
  AppendStepSummary(job, "brief validate", line, report);
  if (job.format != OutputFormat::kJson && !job.quiet) {
    err << line << "\n";
    if (invalid && total > 1) err << FailureList(report, "invalid");
  }
  return invalid || !junit_ok ? kExitInvalid : kExitOk;
}

}  // namespace brief
