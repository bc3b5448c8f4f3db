#include "app/inputs.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"

namespace brief {

namespace {

bool HasBriefExtension(const std::string& name) {
  auto ends_with = [&](const std::string& ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

// One walk over the command line's paths.
struct Expansion {
  const FileSystem& fs;
  bool recursive;
  std::vector<Diagnostic>* problems;
  std::vector<InputFile> files;
  std::set<std::string> seen;          // Normalized paths of files taken.
  std::set<std::string> walked;        // Canonical paths of folders walked.
  bool skipped_folders = false;        // Not recursive, and a folder held sub-folders.

  void Add(const std::string& path, const std::string& relative) {
    if (!seen.insert(NormalizePath(path)).second) return;
    // The manifest, JSON and CI reports are UTF-8 and must name the file
    // exactly (to find it again, to prune its PDF).
    if (FindInvalidUtf8(path) != std::string::npos) {
      Problem(path, "the file name is not valid UTF-8, so reports and the manifest cannot name it; "
                    "rename the file");
      return;
    }
    files.push_back({path, relative});
  }

  void Problem(const std::string& path, const std::string& message) {
    problems->push_back({Severity::kError, path, 0, 0, "", message, ""});
  }

  // Adds the briefs in `dir` (and below, when recursive); `prefix` is dir's
  // path relative to the folder named on the command line. Returns whether
  // any entry had a brief's name.
  bool Walk(const std::string& dir, const std::string& prefix) {
    std::string canonical = fs.Canonical(dir);
    // Walked before (the same folder given twice, or a folder inside one
    // given with -r): its briefs are taken already, and it is no error.
    if (!canonical.empty() && !walked.insert(canonical).second) return true;
    std::vector<std::string> names;
    std::string error;
    if (!fs.List(dir, &names, &error)) {
      Problem(dir, "cannot list folder: " + error);
      return true;  // Said; not "holds no briefs" as well.
    }
    bool named = false;
    std::vector<std::string> subfolders;
    for (const std::string& name : names) {
      std::string child = JoinPath(dir, name);
      PathKind kind = fs.Kind(child);
      if (recursive && kind == PathKind::kDirectory) {
        // "2024.yml/" too: a folder like any other. A link to a folder is
        // not followed (as find and ripgrep do not): it could lead to / or
        // name a folder twice.
        if (name[0] != '.' && !fs.IsSymlink(child)) subfolders.push_back(name);
        continue;
      }
      if (!HasBriefExtension(name)) {
        if (name[0] != '.' && kind == PathKind::kDirectory) skipped_folders = true;
        continue;
      }
      // Hidden files are not briefs of the folder: an editor's lock file
      // (Emacs's .#x.yaml, a broken link) or backup, as hidden folders.
      if (name[0] == '.') continue;
      named = true;
      if (kind == PathKind::kFile) {
        Add(child, prefix + name);
      } else {
        // A folder, pipe or broken link named like a brief: said, not skipped silently.
        Problem(child, "is named like a brief but is not a regular file");
      }
    }
    for (const std::string& name : subfolders) {
      named = Walk(JoinPath(dir, name), prefix + name + "/") || named;
    }
    return named;
  }
};

}  // namespace

std::vector<InputFile> ExpandInputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                    bool recursive, std::vector<Diagnostic>* problems) {
  Expansion x{fs, recursive, problems, {}, {}, {}};
  for (const std::string& path : paths) {
    switch (fs.Kind(path)) {
      case PathKind::kMissing:
        x.Problem(path, "no such file or folder");
        break;
      case PathKind::kDirectory: {
        size_t before = x.files.size();
        x.skipped_folders = false;
        bool named = x.Walk(path, "");
        if (x.files.size() == before && !named) {
          x.Problem(path, recursive         ? "folder and its sub-folders hold no .yaml or .yml files"
                          : x.skipped_folders ? "folder holds no .yaml or .yml files (only sub-folders: "
                                                "-r reads those too)"
                                              : "folder holds no .yaml or .yml files");
        }
        break;
      }
      default: {
        size_t slash = path.find_last_of('/');
        x.Add(path, slash == std::string::npos ? path : path.substr(slash + 1));  // Files, and anything else: reading it reports the problem.
      }
    }
  }
  return x.files;
}

std::string OutputName(const InputFile& input) {
  const std::string& r = input.relative;
  size_t slash = r.find_last_of('/');
  size_t dot = r.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return r + ".pdf";
  return r.substr(0, dot) + ".pdf";
}

}  // namespace brief
