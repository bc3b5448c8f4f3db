// validate: SyntaxTree → typed Brief, with every error of the file reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"
#include "load/syntax_tree.h"
#include "model/brief.h"

namespace brief {

// Limits on text lengths (code points) and list lengths, documented in
// docs/brief-format.md.
struct BriefLimits {
  static constexpr size_t kName = 80;           // company.name (set by the format)
  static constexpr size_t kSummary = 900;       // company.summary (set by the format)
  static constexpr size_t kEvent = 160;         // history[].event (set by the format)
  static constexpr size_t kShortText = 120;     // headquarters, industry, roles, ...
  static constexpr size_t kLineText = 160;      // titles, list names, notes, milestones
  static constexpr size_t kParagraph = 600;     // disruptions[].summary
  static constexpr size_t kListItems = 100;     // history, rankings, revenue, partnerships
  static constexpr size_t kShortList = 20;      // people, disruptions, pillars, milestones, sources
};

// Checks the brief in `tree` (read from `file`) against the brief format and
// returns the typed Brief when there is no error. Warnings (history out of
// order) do not stop it. `fs` resolves the logo relative to the file's folder.
std::optional<Brief> ValidateBrief(const std::string& file, const SyntaxTree& tree,
                                   const FileSystem& fs, std::vector<Diagnostic>* diagnostics);

}  // namespace brief
