#include "app/inputs.h"

#include <algorithm>
#include <set>

namespace brief {

namespace {

bool HasBriefExtension(const std::string& name) {
  auto ends_with = [&](const std::string& ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

}  // namespace

std::vector<std::string> ExpandInputs(const FileSystem& fs, const std::vector<std::string>& paths,
                                      std::vector<Diagnostic>* problems) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const std::string& file) {
    if (seen.insert(NormalizePath(file)).second) files.push_back(file);
  };
  for (const std::string& path : paths) {
    switch (fs.Kind(path)) {
      case PathKind::kMissing:
        problems->push_back({Severity::kError, path, 0, 0, "", "no such file or folder", ""});
        break;
      case PathKind::kDirectory: {
        std::vector<std::string> names;
        std::string error;
        if (!fs.List(path, &names, &error)) {
          problems->push_back({Severity::kError, path, 0, 0, "", "cannot list folder: " + error, ""});
          break;
        }
        size_t before = files.size();
        bool named = false;  // Some entry has a brief's name.
        for (const std::string& name : names) {
          if (!HasBriefExtension(name)) continue;
          named = true;
          std::string child = JoinPath(path, name);
          if (fs.Kind(child) == PathKind::kFile) {
            add(child);
          } else {
            // A folder, pipe or broken link named like a brief: said, not skipped silently.
            problems->push_back({Severity::kError, child, 0, 0, "",
                                 "is named like a brief but is not a regular file", ""});
          }
        }
        if (files.size() == before && !named) {
          problems->push_back(
              {Severity::kError, path, 0, 0, "", "folder holds no .yaml or .yml files", ""});
        }
        break;
      }
      default:
        add(path);  // Files, and anything else: reading it reports the problem.
    }
  }
  return files;
}

}  // namespace brief
