// brief manifest merge: the manifests of a sharded batch joined into one.
#include <ostream>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/commands.h"
#include "batch/merge.h"
#include "output/atomic_write.h"

namespace brief {

int RunManifestCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  if (job.subcommand != "merge") {
    err << "brief: error: manifest: unknown subcommand '" << job.subcommand << "'; try 'brief manifest merge'\n";
    return kExitUsage;
  }
  // The merged manifest never replaces one of those it is made from.
  bool to_stdout = job.merge_output.empty() || job.merge_output == "-";
  if (!to_stdout) {
    for (const std::string& path : job.inputs) {
      if (SamePath(path, job.merge_output)) {
        err << "brief: error: manifest merge: -o " << job.merge_output << " is one of the manifests to "
            << "merge; write the merged manifest somewhere else\n";
        return kExitUsage;
      }
    }
  }
  std::vector<ManifestFile> files;
  bool unreadable = false;
  for (const std::string& path : job.inputs) {
    ManifestFile f{path, {}};
    std::string text, error;
    if (!fs.Read(path, size_t{1} << 30, &text, &error) || !ParseManifest(text, &f.manifest, &error)) {
      err << fmt::format("brief: error: {}: {}\n", path, error);
      unreadable = true;
      continue;
    }
    files.push_back(std::move(f));
  }
  if (unreadable) return kExitInvalid;
  Manifest merged;
  std::vector<std::string> problems;
  bool complete = MergeManifests(files, to_stdout ? "." : DirName(job.merge_output), &merged, &problems);
  for (const std::string& p : problems) err << "brief: error: " << p << "\n";
  std::string text = ManifestJson(merged);
  if (to_stdout) {
    out << text;
  } else {
    std::string error;
    if (!EnsureDirectory(DirName(job.merge_output), &error) ||
        !WriteFileAtomically(job.merge_output, text, &error)) {
      err << "brief: error: cannot write " << job.merge_output << ": " << error << "\n";
      return kExitInvalid;
    }
  }
  if (!job.quiet) {
    int not_started = merged.Count(BriefStatus::kNotStarted);
    int unreadable = static_cast<int>(merged.problems.size());
    err << fmt::format("merged {}: {} (rendered {}, up to date {}, failed {}{}){}{}\n",
                       Plural(static_cast<int>(files.size()), "manifest"),
                       Plural(static_cast<int>(merged.briefs.size()), "brief"),
                       merged.Count(BriefStatus::kRendered), merged.Count(BriefStatus::kUpToDate),
                       merged.Count(BriefStatus::kFailed),
                       not_started ? fmt::format(", not started {}", not_started) : "",
                       unreadable ? fmt::format(", and {} that gave no brief", Plural(unreadable, "input")) : "",
                       complete ? "" : "; see the errors above");
  }
  return complete ? kExitOk : kExitInvalid;
}

}  // namespace brief
