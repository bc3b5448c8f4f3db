#include "app/command_support.h"

#include <fstream>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "app/excerpt.h"
#include "base/edit_distance.h"
#include "batch/github.h"
#include "batch/junit.h"
#include "batch/manifest.h"
#include "output/atomic_write.h"
#include "template/load_template.h"

namespace brief {

namespace {

// Names of the templates in a folder (file stems of *.yaml), sorted.
std::vector<std::string> TemplateNames(const FileSystem& fs, const std::string& dir) {
  std::vector<std::string> names, out;
  std::string error;
  fs.List(dir, &names, &error);
  for (const std::string& n : names) {
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".yaml") == 0) out.push_back(n.substr(0, n.size() - 5));
  }
  return out;
}

}  // namespace

std::unique_ptr<BriefRenderer> PrepareRenderer(const Job& job, const FileSystem& fs,
                                               std::ostream& err, std::string* template_path) {
  std::string templates_dir = JoinPath(job.resource_dir, "templates");
  *template_path = TemplatePath(templates_dir, job.template_name);
  if (fs.Kind(*template_path) != PathKind::kFile) {
    std::vector<std::string> names = TemplateNames(fs, templates_dir);
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    std::string guess = NearestMatch(job.template_name, names);
    err << fmt::format("brief: error: no such template '{}'{}; templates: {}\n", job.template_name,
                       guess.empty() ? "" : " (did you mean '" + guess + "'?)",
                       list.empty() ? "none found in " + templates_dir : list);
    return nullptr;
  }
  std::vector<Diagnostic> template_problems;
  std::optional<Template> tmpl = LoadTemplateFile(fs, *template_path, &template_problems);
  // Template problems go to stderr whatever --format says: they stop the run.
  Job text_job = job;
  if (text_job.format != OutputFormat::kShort) text_job.format = OutputFormat::kText;
  PrintDiagnostics(text_job, fs, template_problems, err, err);
  if (!tmpl) return nullptr;
  std::string error;
  std::unique_ptr<BriefRenderer> renderer =
      BriefRenderer::Create(*tmpl, JoinPath(job.resource_dir, "fonts"), &error);
  if (!renderer) err << "brief: error: template '" << *template_path << "': " << error << "\n";
  return renderer;
}

void AddFindings(bool strict, std::vector<Diagnostic> found, BriefCheck* check) {
  check->Locate(&found);
  for (Diagnostic& d : found) {
    if (strict && d.severity == Severity::kWarning) d.severity = Severity::kError;
    if (d.severity == Severity::kError) check->brief.reset();
    check->diagnostics.push_back(std::move(d));
  }
  SortByPosition(&check->diagnostics);
}

void PrintDiagnostics(const Job& job, const FileSystem& fs, const std::vector<Diagnostic>& diagnostics,
                      std::ostream& out, std::ostream& err) {
  SourceLines sources(fs);
  for (const Diagnostic& d : diagnostics) {
    if (job.format == OutputFormat::kGithub) {
      out << GithubAnnotation(d) << "\n";
    } else if (job.format == OutputFormat::kShort) {
      err << DiagnosticText(d, DiagnosticStyle::kShort, job.color);
    } else if (job.format == OutputFormat::kText) {
      err << DiagnosticText(d, DiagnosticStyle::kExcerpt, job.color, sources.Line(d.file, d.line));
    }
  }
}

bool JunitPathIsFree(const Job& job, const std::vector<std::string>& taken, std::ostream& err) {
  if (job.junit_file.empty()) return true;
  for (const std::string& path : taken) {
    if (!SamePath(path, job.junit_file)) continue;
    // A PDF or the manifest: what the run writes; anything else, a brief it reads.
    bool written = path.ends_with(".pdf") || path.ends_with("/" + std::string(kManifestName));
    err << fmt::format("brief: error: --junit {} would overwrite {}, which this run {}; write the "
                       "report somewhere else\n",
                       job.junit_file, path, written ? "writes" : "reads");
    return false;
  }
  return true;
}

bool WriteJunitReport(const Job& job, const std::string& suite, const std::vector<ReportItem>& items,
                      double seconds, std::ostream& err) {
  if (job.junit_file.empty()) return true;
  std::string error;
  std::string dir = DirName(job.junit_file);
  if (!EnsureDirectory(dir, &error) ||
      !WriteFileAtomically(job.junit_file, JunitXml(suite, items, seconds), &error)) {
    err << "brief: error: cannot write the JUnit report: " << error << "\n";
    return false;
  }
  return true;
}

void AppendStepSummary(const Job& job, const std::string& title, const std::string& summary,
                       const std::vector<ReportItem>& items) {
  if (job.step_summary.empty()) return;
  // Markdown table cells: no line breaks, and '|' escaped.
  auto cell = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c == '\n' || c == '\r') out += ' ';
      else if (c == '|') out += "\\|";
      else out.push_back(c);
    }
    return out;
  };
  std::string md = fmt::format("### {}\n\n{}\n", title, summary);
  int shown = 0, failed = 0;
  for (const ReportItem& item : items) {
    if (item.ok || item.skipped) continue;
    if (++failed == 1) md += "\n| brief | errors | first error |\n| --- | --- | --- |\n";
    if (++shown > 50) continue;
    const Diagnostic* first = nullptr;
    for (const Diagnostic& d : item.diagnostics) {
      if (d.severity == Severity::kError) {
        first = &d;
        break;
      }
    }
    md += fmt::format("| `{}` | {} | {} |\n", cell(item.input), CountSeverity(item.diagnostics, Severity::kError),
                      first ? cell((first->line ? fmt::format("line {}: ", first->line) : "") + first->message) : "");
  }
  if (failed > 50) md += fmt::format("\n… and {} more\n", failed - 50);
  std::ofstream(job.step_summary, std::ios::app) << md << "\n";
}

std::string FailureList(const std::vector<ReportItem>& items, const char* label) {
  constexpr int kListed = 20;
  std::string out;
  int failed = 0;
  for (const ReportItem& item : items) {
    if (item.ok || item.skipped) continue;
    if (++failed > kListed) continue;
    int errors = CountSeverity(item.diagnostics, Severity::kError);
    out += fmt::format("  {}: {} ({}{})\n", label, item.input, Plural(errors, "error"),
                       item.output.empty() ? "" : "; " + item.output + " is from an earlier run");
  }
  if (failed > kListed) out += fmt::format("  ... and {} more\n", failed - kListed);
  return out;
}

}  // namespace brief
