#include "batch/freshness.h"

#include "base/sha256.h"

namespace brief {

const std::string& HashCache::Get(const std::string& path) {
  auto it = hashes_.find(path);
  if (it != hashes_.end()) return it->second;
  // Streamed: fonts are the largest files hashed (a CJK font is 4 MB and
  // more), and are never held whole for it.
  Sha256Stream sha;
  std::string error, hash;
  if (fs_.Stream(path, [&](const char* data, size_t size) { sha.Add(data, size); }, &error)) {
    hash = sha.Finish();
  }
  return hashes_.emplace(path, std::move(hash)).first->second;
}

bool IsUpToDate(const ManifestEntry& entry, const std::string& config, const std::string& input,
                const std::string& pdf_path, HashCache* hashes) {
  if (entry.status == BriefStatus::kFailed || entry.sha256.empty()) return false;
  if (entry.config_sha256 != config) return false;
  if (NormalizePath(entry.input) != NormalizePath(input)) return false;
  if (entry.dependencies.empty()) return false;  // The brief itself is always one.
  for (const Dependency& d : entry.dependencies) {
    if (hashes->Get(d.file) != d.sha256) return false;
  }
  return hashes->Get(pdf_path) == entry.sha256;
}

}  // namespace brief
