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

std::unique_ptr<BriefRenderer> PrepareRenderer(const Job& job, const FileSystem& fs,
                                               std::ostream& err, std::string* template_path) {
  std::optional<FoundTemplate> found = FindTemplate(fs, job.resources, job.template_name);
  if (!found || fs.Kind(found->path) != PathKind::kFile) {
    std::vector<std::string> names;
    std::string list;
    for (const TemplateEntry& t : ListTemplates(fs, job.resources)) {
      if (t.shadowed) continue;
      names.push_back(t.name);
      list += (list.empty() ? "" : ", ") + t.name;
    }
    if (found) {  // A path.
      err << fmt::format("brief: error: template file '{}' does not exist\n", found->path);
      return nullptr;
    }
    std::string guess = NearestMatch(job.template_name, names);
    err << fmt::format("brief: error: no such template '{}'{}; {}\n", job.template_name,
                       guess.empty() ? "" : " (did you mean '" + guess + "'?)",
                       list.empty() ? "no templates were found in any of these folders (each "
                                      "looked in for templates/NAME.yaml), searched in this order:\n" +
                                          DescribeSearchPath(fs, job.resources) +
                                          "  install brief (cmake --install, the .deb), or give --resources DIR"
                                    : "templates: " + list + " (brief templates lists them)");
    return nullptr;
  }
  *template_path = found->path;
  std::vector<Diagnostic> template_problems;
  // Stored trees are told apart by this binary's stamp as well as its
  // version: a rebuilt loader never reads an older build's trees. (The
  // path is /proc/self/exe read as a link, which tools that run the
  // program, such as valgrind, report as the program itself.)
  FileStamp self;
  bool cache = !job.cache_dir.empty() && !job.exe.empty() && fs.Stamp(job.exe, &self);
  TreeCache trees(cache ? job.cache_dir + "/trees" : "",
                  fmt::format("{} {} {} {} {}", GeneratorName(), self.inode, self.size, self.mtime_ns, self.ctime_ns));
  std::optional<Template> tmpl = LoadTemplateFile(fs, *template_path, &template_problems, &trees);
  // Template problems go to stderr whatever --format says: they stop the run.
  Job text_job = job;
  if (text_job.format != OutputFormat::kShort) text_job.format = OutputFormat::kText;
  PrintDiagnostics(text_job, fs, template_problems, err, err);
  if (!tmpl) return nullptr;
  std::string error;
  std::unique_ptr<BriefRenderer> renderer =
      BriefRenderer::Create(*tmpl, found->fonts_dir, &error, job.cache_dir);
  if (!renderer) err << "brief: error: template '" << *template_path << "': " << error << "\n";
  return renderer;
}

void ApplyJobToBrief(const Job& job, Brief* brief) {
  if (!job.author.empty()) brief->prepared_by = job.author;
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
