#include "validate/check_brief.h"

#include "load/syntax_tree.h"
#include "validate/validate_brief.h"

namespace brief {

BriefCheck CheckBriefFile(const FileSystem& fs, const std::string& path, bool strict,
                          const LoadLimits& limits) {
  BriefCheck check;
  check.file = path;
  std::string source, error;
  if (!fs.Read(path, limits.max_bytes, &source, &error)) {
    check.diagnostics.push_back({Severity::kError, path, 0, 0, "", "cannot read: " + error, ""});
    return check;
  }
  if (LoadYaml(path, source, limits, &check.tree, &check.diagnostics)) {
    check.brief = ValidateBrief(path, check.tree, fs, &check.diagnostics);
  }
  if (strict) {
    for (Diagnostic& d : check.diagnostics) {
      if (d.severity == Severity::kWarning) {
        d.severity = Severity::kError;
        check.brief.reset();
      }
    }
  }
  SortByPosition(&check.diagnostics);
  check.source = std::move(source);
  return check;
}

void BriefCheck::Locate(std::vector<Diagnostic>* found) const {
  for (Diagnostic& d : *found) {
    if (d.line != 0 || d.path.empty()) continue;
    Position p = FindPath(tree, d.path);
    d.line = p.line;
    d.column = p.column;
  }
}

}  // namespace brief
