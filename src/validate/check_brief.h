// One brief file from disk to a typed Brief: read → load → validate.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"
#include "load/syntax_tree.h"
#include "load/yaml_loader.h"
#include "model/brief.h"

namespace brief {

// The outcome for one file: the Brief when it is valid, and every diagnostic
// in file order.
struct BriefCheck {
  std::string file;
  std::optional<Brief> brief;
  std::vector<Diagnostic> diagnostics;
  SyntaxTree tree;     // Where each value stands, for diagnostics found later.
  std::string source;  // The file's bytes as read (what a content hash must cover).

  // Gives diagnostics that name a brief path but no line (found after
  // validation, e.g. by layout) the position of that path's value (of its
  // key when the value is a list or mapping).
  void Locate(std::vector<Diagnostic>* found) const;

  int errors() const { return CountSeverity(diagnostics, Severity::kError); }
  int warnings() const { return CountSeverity(diagnostics, Severity::kWarning); }
};

// Reads, parses and validates the brief at `path`. With `strict`, warnings
// are reported as errors (and the brief is then invalid). Never throws.
BriefCheck CheckBriefFile(const FileSystem& fs, const std::string& path, bool strict,
                          const LoadLimits& limits = LoadLimits());

}  // namespace brief
