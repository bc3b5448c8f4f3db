// brief render with -o FILE.pdf or -o -: one brief to exactly one file, or
// to standard output, with no manifest (a pipe has no folder to keep one).
#include <ostream>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/isolated.h"
#include "app/render_one.h"
#include "output/atomic_write.h"

namespace brief {

bool IsSingleOutput(const Job& job, const FileSystem& fs) {
  if (job.output_dir == "-") return true;
  std::string lower;
  for (char c : job.output_dir) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  return lower.size() > 4 && lower.ends_with(".pdf") && fs.Kind(job.output_dir) != PathKind::kDirectory;
}

int RenderSingle(const Job& job, const FileSystem& fs, const BriefRenderer& renderer,
                 const std::vector<InputFile>& inputs, std::ostream& out, std::ostream& err) {
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
  // The work runs in a worker process (a crash costs no more than this
  // brief, as in a batch); the PDF comes back over the pipe.
  auto work = [&](size_t) {
    BriefCheck check = CheckBriefFile(fs, input.path, job.strict);
    std::string pdf;
    if (check.brief) {
      ApplyJobToBrief(job, &*check.brief);
      RenderOutcome outcome = renderer.Render(*check.brief, input.path, job.source_date_epoch);
      AddFindings(job.strict, std::move(outcome.diagnostics), &check);
      if (outcome.ok && check.brief) pdf = std::move(outcome.pdf);
    }
    RenderItem item;
    item.ok = !pdf.empty();
    item.diagnostics = std::move(check.diagnostics);
    return SerializeOutcome(item) + pdf;
  };
  std::vector<std::optional<std::string>> results;
  std::vector<std::string> crashes;
  RenderItem item;
  std::string pdf;
  if (!RunIsolated(1, 1, work, &results, &crashes)) {
    results = {work(0)};
  }
  if (!results[0] || !DeserializeOutcome(*results[0], &item, &pdf)) {
    item.ok = false;
    item.diagnostics.push_back({Severity::kError, input.path, 0, 0, "",
                                fmt::format("rendering this brief crashed ({}); no PDF was written",
                                            crashes.empty() || crashes[0].empty() ? "the worker stopped" : crashes[0]),
                                "please report it with the brief attached"});
  }
  PrintDiagnostics(job, fs, item.diagnostics, err, err);
  if (!item.ok) return kExitInvalid;
  if (to_stdout) {
    out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    out.flush();
    return out ? kExitOk : kExitInvalid;
  }
  std::string error;
  if (!EnsureDirectory(DirName(job.output_dir), &error) || !WriteFileAtomically(job.output_dir, pdf, &error)) {
    err << "brief: error: " << error << "\n";
    return kExitInvalid;
  }
  if (!job.quiet && job.format != OutputFormat::kJson) err << fmt::format("rendered {} ({} bytes)\n", job.output_dir, pdf.size());
  return kExitOk;
}

}  // namespace brief
