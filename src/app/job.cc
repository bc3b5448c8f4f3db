#include "app/job.h"

#include <ostream>

#include <fmt/format.h>

#include "app/inputs.h"
#include "validate/check_brief.h"

namespace brief {

namespace {

std::string Plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// One JSON line for a checked file.
std::string CheckJson(const BriefCheck& check) {
  std::string diags;
  for (const Diagnostic& d : check.diagnostics) {
    diags += (diags.empty() ? "" : ",") + DiagnosticJson(d);
  }
  return fmt::format(R"({{"file":{},"valid":{},"errors":{},"warnings":{},"diagnostics":[{}]}})",
                     JsonQuote(check.file), check.brief ? "true" : "false", check.errors(),
                     check.warnings(), diags);
}

int RunValidate(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  std::vector<Diagnostic> problems;
  std::vector<std::string> files = ExpandInputs(fs, job.inputs, &problems);
  int invalid = static_cast<int>(problems.size());
  int errors = invalid, warnings = 0;
  for (const Diagnostic& d : problems) {
    if (job.format == OutputFormat::kJson) {
      out << fmt::format(R"({{"file":{},"valid":false,"errors":1,"warnings":0,"diagnostics":[{}]}})",
                         JsonQuote(d.file), DiagnosticJson(d))
          << "\n";
    } else {
      err << FormatDiagnostic(d) << "\n";
    }
  }
  for (const std::string& file : files) {
    BriefCheck check = CheckBriefFile(fs, file, job.strict);
    if (!check.brief) ++invalid;
    errors += check.errors();
    warnings += check.warnings();
    if (job.format == OutputFormat::kJson) {
      out << CheckJson(check) << "\n";
    } else {
      for (const Diagnostic& d : check.diagnostics) err << FormatDiagnostic(d) << "\n";
    }
  }
  int total = static_cast<int>(files.size() + problems.size());
  if (!job.quiet && job.format == OutputFormat::kText) {
    err << fmt::format("{} checked: {} valid, {} invalid ({}, {})\n", Plural(total, "brief"),
                       total - invalid, invalid, Plural(errors, "error"),
                       Plural(warnings, "warning"));
  }
  return invalid ? kExitInvalid : kExitOk;
}

}  // namespace

int RunJob(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  switch (job.command) {
    case Job::Command::kValidate:
      return RunValidate(job, fs, out, err);
    case Job::Command::kRender:
      err << "brief: error: render is not available in this build\n";
      return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace brief
