#include "batch/orphans.h"

#include <unistd.h>

#include <map>

namespace brief {

namespace {

// Removes `dir` and its parents up to (not including) `root` while empty.
void RemoveEmptyFolders(const std::string& root, std::string dir) {
  std::string top = NormalizePath(root);
  while (NormalizePath(dir) != top && NormalizePath(dir) != "." && rmdir(dir.c_str()) == 0) {
    dir = DirName(dir);
  }
}

// True for a relative path to a PDF that stays inside its folder
// ("a/b.pdf"; not "/etc/x.pdf", "../x.pdf", "a/../../x.pdf" or "a.yaml"):
// a manifest is a file anyone may have edited, and --prune must never
// reach outside OUT or remove anything but a PDF.
bool StaysInside(const std::string& output) {
  if (output.empty() || output[0] == '/') return false;
  if (output.size() < 5 || output.compare(output.size() - 4, 4, ".pdf") != 0) return false;
  std::string normal = NormalizePath(output);
  return normal != ".." && normal.rfind("../", 0) != 0 && normal != ".";
}

// True when `path`'s folder, symbolic links resolved, is `root` or inside
// it: a sub-folder of OUT that is a link elsewhere is not OUT.
bool ReallyInside(const FileSystem& fs, const std::string& root, const std::string& path) {
  std::string top = fs.Canonical(root), folder = fs.Canonical(DirName(path));
  return !top.empty() && !folder.empty() &&
         (folder == top || folder.rfind(top + (top == "/" ? "" : "/"), 0) == 0);
}

}  // namespace

OrphanOutcome HandleOrphans(const std::optional<Manifest>& old, const std::set<std::string>& produced,
                            const std::string& out_dir, bool prune, const FileSystem& fs,
                            HashCache* hashes) {
  OrphanOutcome outcome;
  if (!old) return outcome;
  std::map<std::string, Orphan> candidates;  // By output: one record each.
  for (const Orphan& o : old->orphans) candidates[o.output] = o;
  for (const ManifestEntry& e : old->briefs) {
    // A PDF the entry describes, or the earlier one a failure left in place.
    const std::string& sha = e.sha256.empty() ? e.stale_sha256 : e.sha256;
    if (!sha.empty()) candidates[e.output] = {e.output, sha, e.input};
  }
  for (auto& [output, orphan] : candidates) {
    if (produced.count(output) || !StaysInside(output)) continue;
    std::string path = JoinPath(out_dir, output);
    if (fs.Kind(path) != PathKind::kFile) continue;  // Gone already: nothing to record.
    if (prune && !ReallyInside(fs, out_dir, path)) {
      outcome.kept.push_back(path);  // Through a link out of OUT: never removed.
      continue;
    }
    if (prune) {
      if (hashes->Get(path) != orphan.sha256) {
        outcome.kept.push_back(path);
        continue;
      }
      if (unlink(path.c_str()) == 0) {
        ++outcome.pruned;
        RemoveEmptyFolders(out_dir, DirName(path));
        continue;
      }
    }
    outcome.listed.push_back(orphan);
  }
  return outcome;
}

}  // namespace brief
