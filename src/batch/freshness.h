// Incremental batches: whether a PDF an earlier run wrote is still what
// rendering its brief now would write, judged by content hashes (a large
// file's hash may come from the HashStore, which vouches for it only while
// the file's stamp is unchanged; modification times alone are never trusted).
#pragma once

#include <map>
#include <string>

#include "base/filesystem.h"
#include "batch/hash_store.h"
#include "batch/manifest.h"

namespace brief {

// SHA-256 of files, each read and hashed at most once per cache (a run
// hashes a font that a thousand briefs use once).
class HashCache {
 public:
  // With a `store`, large files' hashes are looked up there first and new
  // ones are put there (see HashStore).
  explicit HashCache(const FileSystem& fs, HashStore* store = nullptr) : fs_(fs), store_(store) {}

  // The file's SHA-256, or "" when it cannot be read.
  const std::string& Get(const std::string& path);

 private:
  const FileSystem& fs_;
  HashStore* store_;
  std::map<std::string, std::string> hashes_;
};

// True when `entry` still describes the PDF at `pdf_path` for the brief at
// `input` as this run would make it: it records a PDF made under `config`
// (this run's config hash) from that same input path, every dependency
// (brief, logo, font files) has the recorded hash, and the PDF itself is
// there with the recorded hash (a PDF deleted or edited since is made
// again).
bool IsUpToDate(const ManifestEntry& entry, const std::string& config, const std::string& input,
                const std::string& pdf_path, HashCache* hashes);

}  // namespace brief
