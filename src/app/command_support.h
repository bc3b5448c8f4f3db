// What the validate and render commands share: the renderer for the job's
// template, findings added to a check, and reporting in the job's format.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "app/brief_renderer.h"
#include "app/job.h"
#include "batch/report_item.h"
#include "validate/check_brief.h"

namespace brief {

// The renderer for the job's template, or nullptr after reporting why to
// `err` (an unknown or invalid template, a missing font: usage errors).
// *template_path is set to the template file used.
std::unique_ptr<BriefRenderer> PrepareRenderer(const Job& job, const FileSystem& fs,
                                               std::ostream& err, std::string* template_path);

// The job's overrides of what a valid brief says (--author for prepared_by).
void ApplyJobToBrief(const Job& job, Brief* brief);

// Appends the renderer's findings about a valid brief to the check, with
// the positions of the fields they name, and warnings made errors under
// --strict (the brief is then invalid, as for any other error).
void AddFindings(bool strict, std::vector<Diagnostic> found, BriefCheck* check);

// A brief's diagnostics in the job's format: on `err` as text with source
// excerpts (the lines read through `fs`) or one line each (--format short),
// or GitHub workflow commands on `out`. (JSON output is each command's own.)
void PrintDiagnostics(const Job& job, const FileSystem& fs, const std::vector<Diagnostic>& diagnostics,
                      std::ostream& out, std::ostream& err);

// False, after saying why on `err`, when the job's --junit file is one of
// `taken` (the briefs it reads, the PDFs and manifest it writes): a report
// must never overwrite them. Paths are compared resolved (symbolic links,
// "..").
bool JunitPathIsFree(const Job& job, const std::vector<std::string>& taken, std::ostream& err);

// Writes the job's --junit file (atomically), if it asked for one. False
// after saying why on `err`.
bool WriteJunitReport(const Job& job, const std::string& suite, const std::vector<ReportItem>& items,
                      double seconds, std::ostream& err);

// With --format github on GitHub Actions: appends a Markdown section to
// the job's step summary ($GITHUB_STEP_SUMMARY): `summary`, then a table
// of the briefs that did not pass with their first error (at most 50).
void AppendStepSummary(const Job& job, const std::string& title, const std::string& summary,
                       const std::vector<ReportItem>& items);

// The briefs that did not pass named, one per line, after `label`
// ("  failed: x.yaml (2 errors)"),
// at most 20 and a count of the rest. A failed item's `output`, when set,
// is an earlier run's PDF left in place, and is named as out of date.
std::string FailureList(const std::vector<ReportItem>& items, const char* label);

}  // namespace brief
