// One brief's outcome as the CI reports (JUnit, GitHub annotations) see it.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace brief {

struct ReportItem {
  std::string input;    // The brief's path.
  std::string output;   // The PDF's path; for a failure, an earlier run's PDF
                        // that is left in place (out of date); "" when none.
  std::string status;   // "rendered", "up-to-date", "failed", "not-started", "valid", "invalid".
  bool ok = false;      // Passed: rendered, up to date, valid.
  bool skipped = false; // Not reached (an interrupted run): neither passed nor failed.
  double seconds = 0;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace brief
