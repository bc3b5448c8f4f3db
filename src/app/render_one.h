// One brief of a render run, from file to PDF on disk; runs in a worker
// process, so its outcome crosses back as bytes.
#pragma once

#include <string>
#include <vector>

#include "app/brief_renderer.h"
#include "app/inputs.h"
#include "app/job.h"
#include "batch/manifest.h"

namespace brief {

struct RenderItem {
  std::string file;    // The brief.
  std::string output;  // Where its PDF goes.
  // Filled in by RenderOne:
  bool ok = false;
  std::vector<Diagnostic> diagnostics;
  std::string sha256;                    // Of the PDF written.
  long long bytes = -1;
  double seconds = 0;
  std::vector<Dependency> dependencies;  // The brief's bytes and the logo's, hashed as read.
  std::vector<std::string> font_files;   // Fonts that drew text (hashed by the caller, once).
};

// Validates, lays out, renders and writes one brief. Touches only *item and
// thread-safe shared state (the renderer, the filesystem). `before_rename`,
// when set, runs between writing the temporary file and renaming it (tests
// stop a run there).
void RenderOne(const Job& job, const FileSystem& fs, const BriefRenderer& renderer, RenderItem* item,
               const std::function<void()>& before_rename = {});

// A RenderItem's outcome as bytes, and back (file and output are not sent).
// Bytes after the outcome (a PDF sent along) are put in *rest, when given.
std::string SerializeOutcome(const RenderItem& item);
bool DeserializeOutcome(const std::string& bytes, RenderItem* item, std::string* rest = nullptr);

// True when the job's -o names one file (FILE.pdf that is not a folder) or
// standard output (-), not a folder of PDFs.
bool IsSingleOutput(const Job& job, const FileSystem& fs);

// render -o FILE.pdf | -o -: exactly one brief to exactly that file
// (atomically) or to `out`; no manifest. `problems`: inputs that could not
// be read (each reported, exit 1). Diagnostics go to `err` (GitHub
// annotations and --format json's lines to `out`). An interrupt (SIGINT,
// SIGTERM) before the file is written leaves it unwritten.
int RenderSingle(const Job& job, const FileSystem& fs, const BriefRenderer& renderer,
                 const std::vector<InputFile>& inputs, const std::vector<Diagnostic>& problems,
                 std::ostream& out, std::ostream& err);

}  // namespace brief
