// PDFs an earlier run wrote that no input produces any more.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/filesystem.h"
#include "batch/freshness.h"
#include "batch/manifest.h"

namespace brief {

struct OrphanOutcome {
  std::vector<Orphan> listed;      // Still in OUT: for the new manifest.
  int pruned = 0;                  // Removed.
  std::vector<std::string> kept;   // Paths not removed: changed since brief wrote them.
};

// The outputs the old manifest lists (as briefs with a PDF, as failed
// briefs' earlier PDFs, or as orphans)
// that are not in `produced` and are still files in `out_dir`. With
// `prune`, those whose bytes still have the recorded SHA-256 are removed,
// with any folder under `out_dir` that this empties; the others are named
// in `kept` and dropped from the record (they are no longer brief's), as
// are files whose folder is a symbolic link out of `out_dir`. An output
// that is not a PDF, is absolute or leads out of `out_dir` ("../x.pdf":
// the manifest was edited) is ignored.
OrphanOutcome HandleOrphans(const std::optional<Manifest>& old, const std::set<std::string>& produced,
                            const std::string& out_dir, bool prune, const FileSystem& fs,
                            HashCache* hashes);

}  // namespace brief
